/**
 * Property-based tests of the flow engine: thousands of random event sequences over the portals'
 * real URLs, with malformed events mixed in. Every state is schema-valid and survives a round trip
 * through the schema (what session storage keeps), nothing but EngineError is thrown, a rejected
 * event changes nothing, and nothing is lost: done steps stay done unless the agent unticks them or
 * starts over, a tab never moves to another family's flow, flow ids are never reused.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError, EngineStateSchema, EventSchema, initialState, type EngineEventInput, type EngineState } from '../../../lib/engine/state';
import { reduce } from '../../../lib/engine/reduce';
import { stoppingWarning, warningsFor } from '../../../lib/engine/derive';
import { STEP_IDS } from '../../../lib/flow/ids';
import { compareTenant } from '../../../lib/flow/tenant';
import { badgeFor, surfaceView, tabView } from '../../../lib/engine/view';
import { malformed, prototypeIntact, tabId, validEvent } from './flow-arbitraries';

const RUNS = 2000;
// Besides random events: finishing a flow and coming back to the dashboard (a new escalation in that tab).
const finishing = fc.record({ tabId, at: fc.nat() }).chain(({ tabId: tab, at }) => fc.constantFrom<unknown>(
  { type: 'item-ticked', flowId: 'flow-1', item: 'support-topic', done: true, at },
  { type: 'page-seen', tabId: tab, url: 'https://partner.microsoft.com/dashboard', at },
  // The admin center's support page opened directly, and Continue anyway for its path warnings.
  { type: 'page-seen', tabId: tab, url: 'https://admin.microsoft.com/AdminPortal/Home#/support', at },
  { type: 'warning-continued', tabId: tab, warning: 'not-from-dashboard', at },
  { type: 'warning-continued', tabId: tab, warning: 'own-tenant-context', at },
));
const anyEvent = fc.oneof(
  { weight: 10, arbitrary: validEvent as fc.Arbitrary<unknown> },
  { weight: 2, arbitrary: malformed(validEvent as fc.Arbitrary<Record<string, unknown>>, 'type') },
  { weight: 2, arbitrary: finishing },
);
const sequence = fc.array(anyEvent, { minLength: 1, maxLength: 40 });

/** Runs the events, checking every step; returns counters for the coverage assertions. */
function check(events: unknown[], stats: Stats) {
  let state: EngineState = initialState();
  const everSeen = new Set<string>();
  for (const event of events) {
    const before = state;
    const frozen = JSON.stringify(before);
    const valid = EventSchema.safeParse(event).success;
    let after: EngineState;
    try {
      after = reduce(before, event);
    } catch (err) {
      // Only EngineError: an invalid event, or a page kind claimed for another portal's URL.
      expect(err).toBeInstanceOf(EngineError);
      if (valid) stats.rejectedValid++;
      else stats.rejectedMalformed++;
      expect(JSON.stringify(before)).toBe(frozen);
      continue;
    }
    expect(valid, `accepted an invalid event: ${JSON.stringify(event)?.slice(0, 200)}`).toBe(true);
    stats.applied++;
    // Pure: the input state is never mutated.
    expect(JSON.stringify(before)).toBe(frozen);
    // Schema-valid, and the schema keeps it as it is (a save and load loses nothing).
    const parsed = EngineStateSchema.safeParse(after);
    if (!parsed.success) throw new Error(`invalid state after ${JSON.stringify(event)}: ${parsed.error.message}`);
    const json = JSON.stringify(after);
    // As stored (JSON), compared by value: the order of an object's keys is no change.
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(parsed.data)), JSON.parse(json))) throw new Error('the schema changes the state: a save and load would not give it back');
    if (!prototypeIntact()) throw new Error(`Object.prototype polluted by ${JSON.stringify(event)}`);

    const e = EventSchema.parse(event);
    // Done steps stay done, unless the agent unticks that item or starts that flow over.
    for (const [id, flow] of Object.entries(before.flows)) {
      const next = after.flows[id];
      if (!next) continue; // pruned (no tab shows it, beyond MAX_FLOWS)
      for (const item of [...STEP_IDS, 'check-service-health', 'triage', 'admin-relationship'] as const) {
        if (flow.items[item] !== 'done' || next.items[item] === 'done') continue;
        const explicit =
          (e.type === 'start-over' && e.flowId === id)
          || (e.type === 'item-ticked' && e.flowId === id && e.item === item && !e.done)
          || (e.type === 'triage-picked' && e.flowId === id && item === 'triage')
          // The admin relationship is confirmed for one customer: another customer selected asks again.
          || (item === 'admin-relationship' && !!flow.customer?.tenantId && next.customer?.tenantId !== flow.customer.tenantId);
        if (!explicit) throw new Error(`${item} of ${id} went from done to ${next.items[item]} on ${JSON.stringify(e)}`);
        stats.unticked++;
      }
    }
    // A tab keeps its family: its flow changes only to a brand-new flow (a new escalation started in it).
    for (const [tab, t] of Object.entries(before.tabs)) {
      const now = after.tabs[tab];
      if (!t.flowId || !now?.flowId || now.flowId === t.flowId) continue;
      if (before.flows[now.flowId]) throw new Error(`tab ${tab} moved from ${t.flowId} to the existing ${now.flowId}`);
      stats.newFlowInTab++;
    }
    // Only the browser's reports of a tab's own navigation make it delegated (or its opener's tenant, inherited
    // when it is opened): never a page's report of its own URL, never a click.
    for (const [tab, t] of Object.entries(after.tabs)) {
      if (!t.delegated || isDeepStrictEqual(before.tabs[tab]?.delegated, t.delegated)) continue;
      const own = (e.type === 'navigation-seen' && String(e.tabId) === tab) || e.type === 'tabs-listed';
      const inherited = e.type === 'tab-opened' && String(e.tabId) === tab && t.inherited === true;
      if (!own && !inherited) throw new Error(`tab ${tab} became delegated on ${JSON.stringify(e)}`);
      stats.delegatedByBrowser++;
    }
    // Flow ids are never reused.
    for (const id of Object.keys(after.flows)) {
      if (!before.flows[id] && everSeen.has(id)) throw new Error(`flow id ${id} reused`);
      everSeen.add(id);
    }
    // The derived views never throw and agree with the warnings (lib/flow/warnings.ts).
    for (const key of Object.keys(after.tabs)) {
      const id = Number(key);
      const tab = after.tabs[key]!;
      const warnings = warningsFor(after, id, true);
      if (warnings.length) stats.warnings++;
      // Outside the admin center only the wrong door (Partner Center's own Help + support).
      if (tab.portal !== 'admin-center' && warnings.some((w) => w.id !== 'wrong-door' || tab.page !== 'pc-own-support')) throw new Error(`warning outside the admin center: ${json}`);
      const flow = tab.flowId ? after.flows[tab.flowId] : undefined;
      for (const w of warnings) {
        const holds =
          (w.id === 'not-from-dashboard' && !flow?.passedPartnerCenter)
          || (w.id === 'own-tenant-context' && tab.delegated === null)
          || (w.id === 'wrong-door' && !!flow)
          || (w.id === 'customer-mismatch' && compareTenant(flow?.customer ?? undefined, tab.delegated ?? undefined) === 'different');
        if (!holds) throw new Error(`${w.id} without its cause in tab ${key}: ${json}`);
        if (w.continued && !tab.continued.includes(w.id)) throw new Error(`${w.id} continued without the agent's choice`);
      }
      // A path warning that stands and was not continued stops the guide; Continue anyway only for a warning that stood.
      const v = tabView(after, id, { undismissable: true });
      if ((v.stopped !== null) !== (stoppingWarning(warnings) !== null)) throw new Error(`stopped ${v.stopped} with ${JSON.stringify(warnings)}`);
      if (e.type === 'warning-continued' && e.tabId === id && tab.continued.includes(e.warning) && !before.tabs[key]?.continued.includes(e.warning)) {
        if (!warningsFor(before, id, true).some((w) => w.id === e.warning)) throw new Error(`continued ${e.warning}, which did not stand`);
        stats.continued++;
      }
      // Customer data reaches the view only where the request form is filled in.
      if (v.summary !== null && (tab.portal !== 'admin-center' || (v.step !== null && v.step !== 'support-topic'))) throw new Error(`summary in tab ${key} at ${v.step}`);
      const badge = badgeFor(after, id, { undismissable: true });
      if ((badge.text === '!') !== warnings.length > 0) throw new Error(`badge ${badge.text} with ${warnings.length} warnings`);
    }
    // Every completed round of a flow is in the session's list of escalations.
    for (const flow of Object.values(after.flows)) {
      if (flow.completedAt === null) continue;
      if (!after.escalations.some((x) => x.id === `${flow.id}-${flow.createdAt}`)) throw new Error(`completed ${flow.id} without its escalation`);
      stats.escalations++;
    }
    // and stays there (only the oldest go, beyond MAX_ESCALATIONS), with the case number given.
    for (const esc of before.escalations) {
      const now = after.escalations.find((x) => x.id === esc.id);
      if (!now) throw new Error(`escalation ${esc.id} lost`);
      if (esc.caseNumber !== null && now.caseNumber === null && !(e.type === 'case-number-set' && e.escalationId === esc.id)) throw new Error(`case number of ${esc.id} lost`);
    }
    surfaceView(after, undefined);
    state = after;
  }
  stats.flows = Math.max(stats.flows, Object.keys(state.flows).length);
}

interface Stats { delegatedByBrowser: number; applied: number; rejectedValid: number; rejectedMalformed: number; unticked: number; newFlowInTab: number; warnings: number; flows: number; continued: number; escalations: number }

describe('flow engine under random event sequences (fast-check)', () => {
  it(`${RUNS} sequences of up to 40 events: valid states, no foreign throws, nothing lost`, () => {
    const stats: Stats = { delegatedByBrowser: 0, applied: 0, rejectedValid: 0, rejectedMalformed: 0, unticked: 0, newFlowInTab: 0, warnings: 0, flows: 0, continued: 0, escalations: 0 };
    fc.assert(fc.property(sequence, (events) => check(events, stats)), { numRuns: RUNS });
    // The generators reach the interesting cases (guards against a vacuous property).
    expect(stats.applied).toBeGreaterThan(RUNS * 3);
    expect(stats.rejectedMalformed).toBeGreaterThan(RUNS / 3);
    console.info(`engine property: ${JSON.stringify(stats)}`);
    expect(stats.warnings).toBeGreaterThan(100);
    expect(stats.unticked).toBeGreaterThan(5);
    expect(stats.newFlowInTab).toBeGreaterThan(0);
    expect(stats.continued).toBeGreaterThan(10);
    expect(stats.escalations).toBeGreaterThan(5);
    expect(stats.delegatedByBrowser).toBeGreaterThan(100);
  }, 60_000);

  it('any malformed event is rejected with EngineError and changes nothing', () => {
    const state = reduce(initialState(), { type: 'page-seen', tabId: 1, url: 'https://partner.microsoft.com/dashboard', at: 1 });
    const frozen = JSON.stringify(state);
    fc.assert(
      fc.property(malformed(validEvent as fc.Arbitrary<Record<string, unknown>>, 'type'), (event) => {
        fc.pre(!EventSchema.safeParse(event).success);
        expect(() => reduce(state, event)).toThrow(EngineError);
        expect(JSON.stringify(state)).toBe(frozen);
        expect(prototypeIntact()).toBe(true);
      }),
      { numRuns: 2000 },
    );
  }, 30_000);

  it('two tab families started apart never share a flow, whatever happens in between', () => {
    const pc = 'https://partner.microsoft.com/dashboard';
    fc.assert(
      // (A list of the browser's tabs would say whether tabs 10 and 20 still exist: not among these events.)
      fc.property(fc.array(validEvent.filter((e) => e.type !== 'tabs-listed'), { maxLength: 30 }), (events) => {
        let s = reduce(reduce(initialState(), { type: 'page-seen', tabId: 10, url: pc, at: 0 }), { type: 'page-seen', tabId: 20, url: pc, at: 0 });
        const a = s.tabs[10]!.flowId;
        const b = s.tabs[20]!.flowId;
        expect(a).not.toBe(b);
        for (const e of events) {
          try { s = reduce(s, e); } catch (err) { expect(err).toBeInstanceOf(EngineError); }
        }
        // Tabs 10 and 20 are never touched by the random events (tab ids 1-6), so their flows stay theirs.
        expect(s.tabs[10]!.flowId).toBe(a);
        expect(s.tabs[20]!.flowId).toBe(b);
        expect(s.flows[a!]).toBeDefined();
        expect(s.flows[b!]).toBeDefined();
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});

describe('engine regressions found while reviewing (issue #4)', () => {
  const PC = 'https://partner.microsoft.com';
  const seen = (tab: number, url: string): EngineEventInput => ({ type: 'page-seen', tabId: tab, url, at: 1 });

  it('a flow id of "__proto__" or "constructor" is no flow (no prototype pollution, no throw)', () => {
    const s = reduce(initialState(), seen(1, `${PC}/dashboard`));
    for (const flowId of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(reduce(s, { type: 'triage-picked', flowId, category: 'bug', at: 2 })).toBe(s);
      expect(reduce(s, { type: 'overlay-minimized', flowId, minimized: true, at: 2 })).toBe(s);
      expect(reduce(s, { type: 'item-ticked', flowId, item: 'support', done: true, at: 2 })).toBe(s);
      expect(reduce(s, { type: 'start-over', flowId, at: 2 })).toBe(s);
    }
    expect(prototypeIntact()).toBe(true);
  });

  it('a new flow never takes the id of a kept flow, even when seq lags behind', () => {
    const s = reduce(initialState(), seen(1, `${PC}/dashboard`));
    const lagging = { ...s, seq: 0 };
    const next = reduce(lagging, seen(2, `${PC}/dashboard`));
    expect(next.tabs[2]!.flowId).not.toBe(next.tabs[1]!.flowId);
    expect(Object.keys(next.flows)).toHaveLength(2);
  });

  it('a repeated or late tab-opened never moves a tab that has a flow to another family', () => {
    let s = reduce(initialState(), seen(1, `${PC}/dashboard`));
    s = reduce(s, seen(2, `${PC}/dashboard/v2/customers/list`));
    const mine = s.tabs[2]!.flowId;
    s = reduce(s, { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 3 });
    expect(s.tabs[2]!.flowId).toBe(mine);
  });

  it('a tab known without a flow (a sign-in page reported first) joins its opener with its next page and keeps what it saw', () => {
    let s = reduce(initialState(), seen(1, `${PC}/dashboard`));
    s = reduce(s, seen(2, 'https://login.microsoftonline.com/common/login'));
    s = reduce(s, { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 3 });
    expect(s.tabs[2]).toMatchObject({ flowId: s.tabs[1]!.flowId, viaOpener: true, portal: 'sign-in' });
    s = reduce(s, seen(2, 'https://admin.microsoft.com/AdminPortal/Home#/homepage'));
    expect(s.tabs[2]).toMatchObject({ flowId: s.tabs[1]!.flowId });
  });

  it('until its first portal page a tab opened from a flow’s tab belongs to no flow (an extension page, a new tab page)', () => {
    let s = reduce(initialState(), seen(1, 'https://admin.microsoft.com/AdminPortal/Home#/support'));
    s = reduce(s, { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 3 });
    expect(tabView(s, 2).flowId).toBeNull();
    expect(surfaceView(s, 2).fromOtherTab).toBe(true);
    expect(badgeFor(s, 2).text).toBe('');
  });

  it('a tab opened from a delegated admin-center tab stays in that customer context', () => {
    const t = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';
    let s = reduce(initialState(), seen(1, `${PC}/dashboard/v2/customers/${t}/servicemanagementpage`));
    s = reduce(s, { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 2 });
    s = reduce(s, { type: 'navigation-seen', tabId: 2, url: `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${t}`, request: 'r1', at: 2 });
    s = reduce(s, seen(2, 'https://admin.microsoft.com/AdminPortal/Home#/homepage'));
    s = reduce(s, { type: 'tab-opened', tabId: 3, openerTabId: 2, at: 3 });
    s = reduce(s, { type: 'navigation-seen', tabId: 3, url: 'https://admin.microsoft.com/AdminPortal/Home#/support', request: 'r2', at: 3 });
    s = reduce(s, seen(3, 'https://admin.microsoft.com/AdminPortal/Home#/support'));
    expect(warningsFor(s, 3)).toEqual([]);
  });

  it('a tab the browser says was opened from a flow’s tab, that shows the dashboard first, starts its own flow (opened by hand)', () => {
    const t = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';
    let s = reduce(initialState(), seen(1, `${PC}/dashboard/v2/customers/${t}/servicemanagementpage`));
    for (const id of [2, 3, 4, 5]) s = reduce(s, { type: 'tab-opened', tabId: id, openerTabId: 1, at: 2 });
    s = reduce(s, seen(2, `${PC}/dashboard`)); // typed into a new tab
    s = reduce(s, seen(3, `${PC}/dashboard/v2/customers/${t}/account`)); // this customer again
    s = reduce(s, seen(4, `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${t}`)); // the delegated link
    s = reduce(s, seen(5, 'https://login.microsoftonline.com/common/login'));
    s = reduce(s, seen(5, `${PC}/dashboard`)); // joined at sign-in: stays
    expect(s.tabs[2]!.flowId).not.toBe(s.tabs[1]!.flowId);
    expect(s.tabs[2]!.flowId).not.toBeNull();
    for (const id of [3, 4, 5]) expect(s.tabs[id]!.flowId).toBe(s.tabs[1]!.flowId);
    expect(Object.values(s.tabs).some((x) => x.viaOpener)).toBe(false);
  });

  it('a delegatedOrg too long to be a domain is ignored instead of making the state invalid', () => {
    let s = reduce(initialState(), seen(1, `${PC}/dashboard`));
    s = reduce(s, { type: 'navigation-seen', tabId: 1, url: `https://admin.microsoft.com/?delegatedOrg=${'a'.repeat(300)}.onmicrosoft.com#/support`, request: 'r1', at: 2 });
    expect(EngineStateSchema.safeParse(s).success).toBe(true);
    expect(s.tabs[1]!.delegated).toBeNull();
  });

  it('the click counter of a step never exceeds what the state holds', () => {
    let s = reduce(initialState(), seen(1, `${PC}/dashboard`));
    for (let i = 0; i <= 5; i++) s = reduce(s, { type: 'target-clicked', tabId: 1, step: 'customers', clickIndex: i, last: false, at: 2 });
    expect(EngineStateSchema.safeParse(s).success).toBe(true);
  });

  it('a customer name is taken only from the page of the customer whose tenant id is known', () => {
    let s = reduce(initialState(), seen(1, `${PC}/dashboard/v2/customers/list`));
    s = reduce(s, { type: 'target-clicked', tabId: 1, step: 'select-customer', clickIndex: 0, last: true, customer: { name: 'Contoso Ltd' }, at: 2 });
    s = reduce(s, { type: 'page-seen', tabId: 1, url: `${PC}/dashboard`, customerName: 'Someone Else', at: 3 });
    expect(s.flows[s.tabs[1]!.flowId!]!.customer?.name).toBe('Contoso Ltd');
  });

  it('the schema rejects states whose references do not hold', () => {
    const s = reduce(initialState(), seen(1, `${PC}/dashboard`));
    expect(EngineStateSchema.safeParse({ ...s, lastActiveFlowId: 'flow-9' }).success).toBe(false);
    expect(EngineStateSchema.safeParse({ ...s, tabs: { 1: { ...s.tabs[1]!, flowId: 'flow-9' } } }).success).toBe(false);
    expect(EngineStateSchema.safeParse({ ...s, flows: { 'flow-2': s.flows['flow-1'] }, lastActiveFlowId: null, tabs: {} }).success).toBe(false);
  });
});

// Keep the generator import used by type-only readers of this file.
void tabId;
