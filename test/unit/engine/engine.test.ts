import { describe, expect, it } from 'vitest';
import { EngineError, EngineStateSchema, initialState, type EngineEventInput, type EngineState } from '../../../lib/engine/state';
import { currentStep, itemStates, progress, warningsFor } from '../../../lib/engine/derive';
import { reduce } from '../../../lib/engine/reduce';
import { badgeFor, surfaceView, tabView } from '../../../lib/engine/view';

const CONTOSO = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';
const FABRIKAM = 'b3e5c2d4-7a91-4f0e-8c6d-2e4f9a1b7c35';
const PC = 'https://partner.microsoft.com';
let clock = 1_000;

function run(events: EngineEventInput[], start: EngineState = initialState()): EngineState {
  return events.reduce<EngineState>((s, e) => {
    const next = reduce(s, { ...e, at: clock++ });
    expect(EngineStateSchema.safeParse(next).success).toBe(true);
    return next;
  }, start);
}
const seen = (tabId: number, url: string, extra: Partial<EngineEventInput> = {}) => ({ type: 'page-seen', tabId, url, at: 0, ...extra }) as EngineEventInput;
/** A URL the browser reports for the tab's own navigation (a request, a redirect, a committed URL). */
const nav = (tabId: number, url: string) => ({ type: 'navigation-seen', tabId, url, at: 0 }) as EngineEventInput;
const click = (tabId: number, step: string, extra: Record<string, unknown> = {}) =>
  ({ type: 'target-clicked', tabId, step, clickIndex: 0, last: true, at: 0, ...extra }) as EngineEventInput;
const flowOf = (s: EngineState, tab: number) => s.flows[s.tabs[tab]!.flowId!]!;

/** The whole 2019 flow, as the content scripts and the background report it. */
function walk2019(): EngineState {
  return run([
    seen(1, `${PC}/dashboard`),
    click(1, 'customers'),
    seen(1, `${PC}/dashboard/v2/customers/list`),
    click(1, 'select-customer', { customer: { tenantId: CONTOSO, name: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' } }),
    seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/adminrelationships`),
    click(1, 'service-management'),
    seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicemanagementpage`),
    click(1, 'service-requests'),
    seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicerequests`, { page: 'pc-service-requests' }),
    click(1, 'new-request'),
    click(1, 'office-365', { href: `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO}&CSDEST=o365admincenter` }),
    { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 0 },
    nav(2, `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO}&CSDEST=o365admincenter`),
    nav(2, 'https://login.microsoftonline.com/common/oauth2/authorize?client_id=x'),
    seen(2, 'https://admin.microsoft.com/AdminPortal/Home#/homepage'),
    click(2, 'support'),
    seen(2, 'https://admin.microsoft.com/AdminPortal/Home#/support'),
    click(2, 'new-service-request'),
    seen(2, 'https://admin.microsoft.com/AdminPortal/Home#/support/newservicerequest'),
    click(2, 'support-topic'),
  ]);
}

describe('flow engine', () => {
  it('starts a flow on the Partner Center dashboard with sign-in done and Customers current', () => {
    const s = run([seen(1, `${PC}/dashboard`)]);
    const f = flowOf(s, 1);
    expect(f.passedPartnerCenter).toBe(true);
    expect(itemStates(f)['sign-in']).toBe('done');
    expect(currentStep(f)).toBe('customers');
    expect(itemStates(f).customers).toBe('current');
    expect(itemStates(f)['check-service-health']).toBe('todo');
  });

  it('walks the whole 2019 flow step by step, with every step done and nothing skipped', () => {
    const states: (string | null)[] = [];
    let s = initialState();
    const events: EngineEventInput[] = [
      seen(1, `${PC}/dashboard`), click(1, 'customers'), seen(1, `${PC}/dashboard/v2/customers/list`),
    ];
    for (const e of events) {
      s = reduce(s, { ...e, at: clock++ });
      states.push(currentStep(flowOf(s, 1)));
    }
    expect(states).toEqual(['customers', 'select-customer', 'select-customer']);
    const end = walk2019();
    const f = flowOf(end, 1);
    expect(flowOf(end, 2).id).toBe(f.id);
    expect(currentStep(f)).toBeNull();
    expect(f.completedAt).not.toBeNull();
    const states2 = itemStates(f);
    for (const id of ['sign-in', 'customers', 'select-customer', 'service-management', 'service-requests', 'new-request', 'office-365', 'portal-sign-in', 'support', 'new-service-request', 'support-topic'] as const) {
      expect(states2[id], id).toBe('done');
    }
    expect(f.customer).toEqual({ tenantId: CONTOSO, name: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' });
    expect(progress(f)).toEqual({ passed: 11, total: 11 });
    expect(warningsFor(end, 2)).toEqual([]);
    expect(badgeFor(end, 2)).toEqual({ text: '✓', warning: false });
  });

  it('office-365 is done when the delegated link opens in the flow, and sign-in is then current', () => {
    const s = run([
      seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicerequests`, { page: 'pc-service-requests' }),
      click(1, 'new-request'),
      { type: 'tab-opened', tabId: 5, openerTabId: 1, at: 0 },
      nav(5, `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO}`),
    ]);
    const f = flowOf(s, 5);
    expect(itemStates(f)['office-365']).toBe('done');
    expect(currentStep(f)).toBe('portal-sign-in');
    expect(s.tabs[5]!.delegated).toEqual({ kind: 'tenant-id', value: CONTOSO });
  });

  describe('the click on a delegated link', () => {
    const BCS = `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO}&CSDEST=o365admincenter`;
    const start = () => run([seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicerequests`, { page: 'pc-service-requests' }), click(1, 'new-request')]);
    const arrive = (tab: number) => [nav(tab, 'https://login.microsoftonline.com/common/oauth2/authorize?client_id=x'), seen(tab, 'https://admin.microsoft.com/AdminPortal/Home#/homepage')];

    it('completes office-365 but makes no tab delegated: the page cancelled it and opened the admin center in the agent’s own tenant', () => {
      const s = run([click(1, 'office-365', { href: BCS }), { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 0 }, nav(2, 'https://admin.microsoft.com/AdminPortal/Home#/homepage'), seen(2, 'https://admin.microsoft.com/AdminPortal/Home#/homepage')], start());
      expect(itemStates(flowOf(s, 2))['office-365']).toBe('done');
      expect(flowOf(s, 2).id).toBe(flowOf(s, 1).id);
      expect(s.tabs[2]!.delegated).toBeNull();
      expect(warningsFor(s, 2).map((w) => w.id)).toEqual(['own-tenant-context']);
    });

    it('the tab’s own navigation tells the tenant, whichever came first: the click, the new tab or its request', () => {
      const orders: EngineEventInput[][] = [
        [click(1, 'office-365', { href: BCS }), { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 0 }, nav(2, BCS)],
        [{ type: 'tab-opened', tabId: 2, openerTabId: 1, at: 0 }, nav(2, BCS), click(1, 'office-365', { href: BCS })],
        [nav(2, BCS), { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 0 }, click(1, 'office-365', { href: BCS })],
        [nav(2, BCS), { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 0 }], // the click's report lost
      ];
      for (const order of orders) {
        const s = run([...order, ...arrive(2)], start());
        expect(flowOf(s, 2).id).toBe(flowOf(s, 1).id);
        expect(s.tabs[2]!.delegated).toEqual({ kind: 'tenant-id', value: CONTOSO });
        expect(itemStates(flowOf(s, 2))).toMatchObject({ 'office-365': 'done', 'portal-sign-in': 'done' });
        expect(warningsFor(s, 2)).toEqual([]);
      }
    });

    it('counts while the state is still at an earlier step (its report was lost with a stopped worker)', () => {
      const s = run([seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicerequests`, { page: 'pc-service-requests' }), click(1, 'office-365', { href: BCS })]);
      expect(itemStates(flowOf(s, 1))).toMatchObject({ 'new-request': 'skipped', 'office-365': 'done' });
    });

    it('a link to another host or no delegated link completes nothing', () => {
      for (const href of ['https://admin.microsoft.com/AdminPortal/Home', `https://evil.example/Partner/BeginClientSession.aspx?CTID=${CONTOSO}`]) {
        const s = run([click(1, 'office-365', { href })], start());
        expect(itemStates(flowOf(s, 1))['office-365']).not.toBe('done');
      }
    });

    it('records the customer’s initial domain a ?delegatedOrg= link names', () => {
      const s = run([click(1, 'office-365', { href: 'https://admin.microsoft.com/?delegatedOrg=contoso.onmicrosoft.com' })], start());
      expect(flowOf(s, 1).customer).toEqual({ tenantId: CONTOSO, domain: 'contoso.onmicrosoft.com' });
    });
  });

  it('marks steps the agent skipped (a deep link) as skipped and picks up where the agent is', () => {
    const s = run([seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicemanagementpage`)]);
    const f = flowOf(s, 1);
    expect(itemStates(f)).toMatchObject({ 'sign-in': 'done', customers: 'skipped', 'select-customer': 'done', 'service-management': 'done', 'service-requests': 'current' });
    expect(f.customer?.tenantId).toBe(CONTOSO);
  });

  it('two clicks for new-service-request in the 2021+ UI: the first only moves to the second', () => {
    let s = run([seen(1, `${PC}/dashboard`), { type: 'item-ticked', flowId: 'flow-1', item: 'support', done: true, at: 0 }]);
    expect(currentStep(flowOf(s, 1))).toBe('new-service-request');
    s = run([click(1, 'new-service-request', { clickIndex: 0, last: false })], s);
    expect(currentStep(flowOf(s, 1))).toBe('new-service-request');
    expect(tabView(s, 1).clickIndex).toBe(1);
    s = run([click(1, 'new-service-request', { clickIndex: 1, last: true })], s);
    expect(currentStep(flowOf(s, 1))).toBe('support-topic');
  });

  it('ignores a click for a step that is not current', () => {
    const s = run([seen(1, `${PC}/dashboard`)]);
    expect(reduce(s, { ...click(1, 'support-topic'), at: 5 } as EngineEventInput)).toEqual(s);
  });

  it('keeps two escalations in two tab families apart', () => {
    const s = run([
      seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/account`),
      seen(3, `${PC}/dashboard/v2/customers/${FABRIKAM}/servicemanagementpage`),
      { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 0 },
      { type: 'tab-opened', tabId: 4, openerTabId: 3, at: 0 },
    ]);
    expect(flowOf(s, 1).id).not.toBe(flowOf(s, 3).id);
    expect(flowOf(s, 2).id).toBe(flowOf(s, 1).id);
    expect(flowOf(s, 4).customer?.tenantId).toBe(FABRIKAM);
    expect(flowOf(s, 2).customer?.tenantId).toBe(CONTOSO);
    expect(currentStep(flowOf(s, 1))).toBe('service-management');
    expect(currentStep(flowOf(s, 3))).toBe('service-requests');
  });

  it('a tab opened by hand joins no flow', () => {
    const s = run([seen(1, `${PC}/dashboard`), { type: 'tab-opened', tabId: 9, openerTabId: 77, at: 0 }]);
    expect(s.tabs[9]).toBeUndefined();
  });

  it('sign-in pages start nothing; preparation: service health visited, triage picked', () => {
    let s = run([seen(7, 'https://login.microsoftonline.com/common/login')]);
    expect(Object.keys(s.flows)).toEqual([]);
    s = run([seen(1, `${PC}/dashboard/v2/support/servicehealth`)], s);
    const f = flowOf(s, 1);
    expect(f.items['check-service-health']).toBe('done');
    s = run([{ type: 'triage-picked', flowId: f.id, category: 'in-house', at: 0 }], s);
    expect(flowOf(s, 1).items.triage).toBe('todo');
    expect(flowOf(s, 1).triage).toBe('in-house');
    s = run([{ type: 'triage-picked', flowId: f.id, category: 'regional', at: 0 }], s);
    expect(flowOf(s, 1).items.triage).toBe('done');
  });

  it('start over gives a fresh flow that picks up the page the tab is on', () => {
    let s = walk2019();
    const id = flowOf(s, 1).id;
    s = run([{ type: 'start-over', flowId: id, at: 0 }], s);
    expect(flowOf(s, 1).customer).toEqual({ tenantId: CONTOSO });
    expect(currentStep(flowOf(s, 1))).not.toBeNull();
    expect(flowOf(s, 1).completedAt).toBeNull();
  });

  it('rejects unknown and malformed events with a clear error', () => {
    const s = initialState();
    expect(() => reduce(s, { type: 'teleport', tabId: 1 })).toThrow(EngineError);
    expect(() => reduce(s, { type: 'teleport' })).toThrow(/Rejected event of type "teleport"/);
    expect(() => reduce(s, { type: 'page-seen', tabId: -1, url: 'x', at: 0 })).toThrow(/tabId/);
    expect(() => reduce(s, { type: 'target-clicked', tabId: 1, step: 'dance', clickIndex: 0, last: true, at: 0 })).toThrow(/step/);
    expect(() => reduce(s, null)).toThrow(/"\(none\)"/);
  });
});

describe('warnings', () => {
  it('not-from-dashboard and own-tenant-context: the admin center support page opened directly', () => {
    const s = run([seen(1, 'https://admin.microsoft.com/AdminPortal/Home#/support')]);
    expect(warningsFor(s, 1).map((w) => w.id)).toEqual(['not-from-dashboard', 'own-tenant-context']);
    expect(badgeFor(s, 1)).toEqual({ text: '!', warning: true });
    expect(itemStates(flowOf(s, 1))['sign-in']).toBe('skipped');
  });

  it('none on the admin center reached through the delegated link of the selected customer', () => {
    const s = walk2019();
    for (const tab of [1, 2]) expect(warningsFor(s, tab)).toEqual([]);
  });

  it('own-tenant-context: the admin center reached from the flow without a delegated link', () => {
    const s = run([
      seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicemanagementpage`),
      { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 0 },
      seen(2, 'https://admin.microsoft.com/AdminPortal/Home#/homepage'),
    ]);
    expect(warningsFor(s, 2).map((w) => w.id)).toEqual(['own-tenant-context']);
  });

  it('customer-mismatch: a delegated link for another customer, by tenant id and by domain', () => {
    const base = [
      seen(1, `${PC}/dashboard/v2/customers/list`),
      click(1, 'select-customer', { customer: { tenantId: CONTOSO, name: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' } }),
      seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicemanagementpage`),
      { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 0 } as EngineEventInput,
    ];
    const byId = run([...base, nav(2, `https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=${FABRIKAM}`), seen(2, 'https://admin.microsoft.com/AdminPortal/Home#/homepage')]);
    const w = warningsFor(byId, 2);
    expect(w.map((x) => x.id)).toEqual(['customer-mismatch']);
    expect(w[0]!.selected?.name).toBe('Contoso Ltd');
    expect(w[0]!.opened).toEqual({ kind: 'tenant-id', value: FABRIKAM });
    const fabrikam = 'https://admin.cloud.microsoft/?delegatedOrg=fabrikam.onmicrosoft.com#/homepage';
    const byDomain = run([...base, nav(2, fabrikam), seen(2, fabrikam)]);
    expect(warningsFor(byDomain, 2).map((x) => x.id)).toEqual(['customer-mismatch']);
    const contoso = 'https://admin.cloud.microsoft/?delegatedOrg=contoso.onmicrosoft.com#/homepage';
    const same = run([...base, nav(2, contoso), seen(2, contoso)]);
    // The page's own report of a tenant in its URL makes no tab delegated (a page can rewrite its URL).
    const reported = run([...base, seen(2, contoso)]);
    expect(warningsFor(reported, 2).map((x) => x.id)).toEqual(['own-tenant-context']);
    expect(warningsFor(same, 2)).toEqual([]);
  });

  it('never a false alarm when the ids cannot be compared', () => {
    const s = run([
      seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicemanagementpage`), // tenant id only, no domain known
      { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 0 },
      nav(2, 'https://admin.cloud.microsoft/?delegatedOrg=fabrikam.onmicrosoft.com#/homepage'),
      seen(2, 'https://admin.cloud.microsoft/?delegatedOrg=fabrikam.onmicrosoft.com#/homepage'),
    ]);
    expect(warningsFor(s, 2)).toEqual([]);
  });

  it('a warning clears when its cause is gone, and a dismissed one stays hidden unless policy forbids', () => {
    let s = run([seen(1, 'https://admin.microsoft.com/AdminPortal/Home#/support')]);
    s = run([{ type: 'warning-dismissed', tabId: 1, warning: 'own-tenant-context', at: 0 }], s);
    expect(warningsFor(s, 1).map((w) => w.id)).toEqual(['not-from-dashboard']);
    expect(warningsFor(s, 1, true).map((w) => w.id)).toEqual(['not-from-dashboard', 'own-tenant-context']);
    s = run([seen(1, `${PC}/dashboard`)], s);
    expect(warningsFor(s, 1)).toEqual([]);
  });

  it('the surfaces show the active tab’s flow, else the most recently active one', () => {
    const s = run([seen(1, `${PC}/dashboard`), seen(3, `${PC}/dashboard/v2/customers/list`)]);
    expect(surfaceView(s, 1).flow?.id).toBe(flowOf(s, 1).id);
    const other = surfaceView(s, 99);
    expect(other.flow?.id).toBe(flowOf(s, 3).id);
    expect(other.fromOtherTab).toBe(true);
  });
});

describe('side trips', () => {
  it('service health opened from the flow joins it and completes the preparation item, nothing else', () => {
    let s = run([seen(1, `${PC}/dashboard/v2/customers/list`)]);
    s = run([{ type: 'tab-opened', tabId: 2, openerTabId: 1, at: 0 }, seen(2, `${PC}/dashboard/v2/support/servicehealth`)], s);
    expect(flowOf(s, 2).id).toBe(flowOf(s, 1).id);
    expect(flowOf(s, 1).items['check-service-health']).toBe('done');
    expect(currentStep(flowOf(s, 1))).toBe('select-customer');
    s = run([{ type: 'tab-opened', tabId: 3, openerTabId: 1, at: 0 }, seen(3, 'https://admin.microsoft.com/AdminPortal/Home#/servicehealth')], s);
    expect(itemStates(flowOf(s, 1))['portal-sign-in']).toBe('todo');
    expect(currentStep(flowOf(s, 1))).toBe('select-customer');
  });

  it('the admin center service health opened by hand starts no flow', () => {
    const s = run([seen(4, 'https://admin.microsoft.com/AdminPortal/Home#/servicehealth')]);
    expect(Object.keys(s.flows)).toEqual([]);
    expect(warningsFor(s, 4)).toEqual([]);
  });
});

describe('the most recently active flow (what a side panel shows where its tab has none)', () => {
  it('follows the tab the agent brings to front, not a background tab reporting late', () => {
    // Tab 1: an escalation half-way; tab 2: another one opened by hand.
    let s = run([
      { type: 'tab-activated', tabId: 1, at: 0 },
      seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicemanagementpage`),
      { type: 'tab-activated', tabId: 2, at: 1 },
      seen(2, `${PC}/dashboard`),
    ]);
    const first = s.tabs[1]!.flowId!;
    const second = s.tabs[2]!.flowId!;
    expect(first).not.toBe(second);
    expect(s.lastActiveFlowId).toBe(second);
    // Back to tab 1: its flow is the active one.
    s = reduce(s, { type: 'tab-activated', tabId: 1, at: 2 });
    expect(s.lastActiveFlowId).toBe(first);
    // Tab 2, in the background, reports its page again (its navigation rendered late): nothing moves.
    s = reduce(s, seen(2, `${PC}/dashboard`, { at: 3 }));
    expect(s.lastActiveFlowId).toBe(first);
    // The side panel's own action on the other flow makes it the active one (no tab is involved).
    s = reduce(s, { type: 'item-ticked', flowId: second, item: 'triage', done: true, at: 4 });
    expect(s.lastActiveFlowId).toBe(second);
    // The active tab closed: the next report from any tab counts again.
    s = reduce(reduce(s, { type: 'tab-activated', tabId: 1, at: 5 }), { type: 'tab-closed', tabId: 1, at: 6 });
    expect(s.activeTabId).toBeNull();
    s = reduce(s, seen(2, `${PC}/dashboard`, { at: 7 }));
    expect(s.lastActiveFlowId).toBe(second);
  });
});
