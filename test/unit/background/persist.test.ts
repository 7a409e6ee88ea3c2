/**
 * The background's session store (lib/background/persist.ts) through the Hub with fake ports: a
 * worker stopped while the browser's events arrive loses none of them (the tabs the browser still
 * has are reconciled at start-up, the events it will not send again are journaled), a start-up
 * with thousands of stale tab entries is one pass, a full store sheds idle flows and then says
 * progress is not kept, and many events in one task are one write.
 */
import { describe, expect, it } from 'vitest';
import { Hub, type HubPorts } from '../../../lib/background/hub';
import type { BrowserTab } from '../../../lib/background/persist';
import type { Sender } from '../../../lib/background/senders';
import { warningsFor } from '../../../lib/engine/derive';
import { reduce } from '../../../lib/engine/reduce';
import { EngineStateSchema, freshFlow, initialState, type EngineState } from '../../../lib/engine/state';
import { JOURNAL_PREFIX, STATE_ITEM, UNSAVED_ITEM } from '../../../lib/protocol/storage';
import { effectiveSettings, DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { MemoryStore, storePorts } from './fake-store';

const CONTOSO = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';
const PC = 'https://partner.microsoft.com';
const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const SR = `${PC}/dashboard/v2/customers/${CONTOSO}/servicerequests`;
const BCS = `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO}&CSDEST=o365admincenter`;
const LOGIN = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=x&state=r1';
const HOME = 'https://admin.microsoft.com/AdminPortal/Home#/homepage';

interface Run {
  hub: Hub;
  logs: string[];
}

/** A service worker's run: a Hub over `store`; the browser's open tabs from `tabs`; `read` may never answer (stopped while starting). */
function run(store: MemoryStore, opts: { tabs?: () => BrowserTab[]; stuckRead?: boolean; clock?: { t: number } } = {}): Run {
  const logs: string[] = [];
  const clock = opts.clock ?? { t: 10_000 };
  const base = storePorts(store, opts.tabs);
  const ports: HubPorts = {
    ...base,
    read: opts.stuckRead ? () => new Promise<never>(() => undefined) : base.read,
    clear: async () => void (store.value = undefined),
    settings: async () => effectiveSettings(DEFAULT_SETTINGS, {}),
    pushView: async () => undefined,
    setBadge: async () => undefined,
    learn: async () => undefined,
    askTab: async () => undefined,
    openTab: async () => undefined,
    log: (m) => logs.push(m),
    now: () => clock.t++,
  };
  return { hub: new Hub(ports), logs };
}
const sender = (tab: number, url: string): Sender => ({ tabId: tab, url, frameId: 0, extensionOrigin: EXT });
const page = (hub: Hub, tab: number, url: string, kind?: string) => hub.onContentMessage({ kind: 'page', url, ...(kind ? { page: kind } : {}) }, sender(tab, url));

/** A store whose state has the flow in tab 1 at its service requests, Contoso picked. */
async function flowAtServiceRequests(): Promise<MemoryStore> {
  const store = new MemoryStore();
  const { hub } = run(store, { tabs: () => [{ id: 1 }] });
  await page(hub, 1, SR, 'pc-service-requests');
  await hub.onContentMessage({ kind: 'clicked', step: 'new-request', clickIndex: 0, last: true }, sender(1, SR));
  return store;
}

describe('a worker stopped while the browser’s events arrive', () => {
  it('a tab opened from the flow’s tab while no worker ran joins the flow by the opener rule (tabs.query at start-up)', async () => {
    const store = await flowAtServiceRequests();
    // The worker was stopped; meanwhile tab 2 was opened from tab 1 and is on the sign-in page.
    const { hub } = run(store, { tabs: () => [{ id: 1 }, { id: 2, openerTabId: 1, url: LOGIN }] });
    await hub.settingsChanged(); // what the background does when it starts
    let s = await hub.current();
    expect(s.tabs[2]).toMatchObject({ flowId: 'flow-1', page: 'sign-in' });
    await page(hub, 2, HOME);
    s = await hub.current();
    expect(s.tabs[2]!.flowId).toBe('flow-1');
    expect(s.flows['flow-1']!.items['portal-sign-in']).toBe('done');
    expect(s.flows['flow-1']!.passedPartnerCenter).toBe(true);
    expect(Object.keys(s.flows)).toEqual(['flow-1']); // no new flow that never passed Partner Center
    expect((store.value as EngineState).tabs[2]!.flowId).toBe('flow-1');
  });

  it('without the reconcile the same tab would start a flow of its own (what the test guards)', async () => {
    const store = await flowAtServiceRequests();
    const { hub } = run(store, { tabs: () => { throw new Error('tabs unknown'); } });
    await page(hub, 2, HOME);
    const s = await hub.current();
    expect(s.tabs[2]!.flowId).not.toBe('flow-1');
    expect(warningsFor(s, 2).map((w) => w.id)).toContain('not-from-dashboard');
  });

  it('events that arrived while the worker was starting (its stored state not read yet) are replayed by the next worker', async () => {
    const store = await flowAtServiceRequests();
    // Worker A wakes for the new tab and its delegated entry, and is stopped before it has read the state.
    const a = run(store, { stuckRead: true, tabs: () => [{ id: 1 }, { id: 2, openerTabId: 1 }] });
    void a.hub.tabOpened(2, 1);
    void a.hub.requestSeen(2, 'q1', BCS);
    void a.hub.redirectSeen(2, LOGIN);
    await new Promise((r) => setTimeout(r, 0));
    const journal = [...store.items.keys()].filter((k) => k.startsWith(JOURNAL_PREFIX));
    expect(journal).toHaveLength(1); // written at once, not after the load
    // Worker B: the tab is on the sign-in page now (its URL names no tenant): only the journal knows the entry.
    const b = run(store, { tabs: () => [{ id: 1 }, { id: 2, openerTabId: 1, url: LOGIN }], clock: { t: 20_000 } });
    await b.hub.settingsChanged();
    await page(b.hub, 2, HOME);
    const s = await b.hub.current();
    expect(s.tabs[2]).toMatchObject({ flowId: 'flow-1', delegated: { kind: 'tenant-id', value: CONTOSO } });
    expect(s.flows['flow-1']!.items).toMatchObject({ 'office-365': 'done', 'portal-sign-in': 'done' });
    expect(warningsFor(s, 2)).toEqual([]);
    // The replayed journal is emptied with the state that includes it, then removed: never replayed twice.
    expect([...store.items.keys()].filter((k) => k.startsWith(JOURNAL_PREFIX) && (store.items.get(k) as unknown[]).length > 0)).toEqual([]);
    const c = run(store, { tabs: () => [{ id: 1 }, { id: 2 }], clock: { t: 30_000 } });
    await c.hub.settingsChanged();
    expect(await c.hub.current()).toEqual(s);
  });

  it('a journaled event already in the written state is not applied again after a restart', async () => {
    const store = await flowAtServiceRequests();
    const a = run(store, { tabs: () => [{ id: 1 }] });
    await a.hub.tabOpened(2, 1);
    await a.hub.requestSeen(2, 'q1', BCS);
    const written = await a.hub.current();
    // Only this worker's empty journal is left: everything it journaled is in the state.
    expect([...store.items].filter(([k, v]) => k.startsWith(JOURNAL_PREFIX) && (v as unknown[]).length)).toEqual([]);
    const b = run(store, { tabs: () => [{ id: 1 }, { id: 2, openerTabId: 1 }], clock: { t: 20_000 } });
    expect(await b.hub.current()).toEqual(written);
  });
});

describe('start-up with stale tab entries', () => {
  it('5,000 tabs that no longer exist: forgotten in one pass and one write, in well under 100 ms of background work', async () => {
    let state = reduce(initialState(), { type: 'page-seen', tabId: 1, url: SR, page: 'pc-service-requests', at: 1 });
    state = structuredClone(state);
    for (let id = 100; id < 5_100; id++) state.tabs[id] = { flowId: null, url: `${PC}/dashboard`, page: 'pc-dashboard', portal: 'partner-center', delegated: null, dismissed: [], continued: [] };
    expect(EngineStateSchema.safeParse(state).success).toBe(true);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const store = new MemoryStore();
      store.value = state;
      const { hub } = run(store, { tabs: () => [{ id: 1 }] });
      const t0 = performance.now();
      await hub.settingsChanged();
      times.push(performance.now() - t0);
      expect(Object.keys((await hub.current()).tabs)).toEqual(['1']);
      expect(store.saves).toBe(1);
      expect(Object.keys((store.value as EngineState).tabs)).toEqual(['1']);
    }
    console.info(`start-up with 5,000 stale tabs: ${times.map((t) => t.toFixed(1)).join(", ")} ms`);
    // The best of three runs: the machine is shared; before the fix it took seconds (one event and one copy per tab).
    expect(Math.min(...times)).toBeLessThan(100);
  });
});

describe('a full session store', () => {
  const quota = () => new Error('Session storage quota bytes exceeded. Values were not stored.');
  /** A state with the flow of tab 1 and `idle` flows no tab shows, each with a long customer name. */
  function crowded(idle: number): EngineState {
    const s = reduce(initialState(), { type: 'page-seen', tabId: 1, url: SR, page: 'pc-service-requests', at: 50 });
    const out = structuredClone(s);
    for (let i = 0; i < idle; i++) {
      const id = `flow-${i + 10}`;
      out.flows[id] = { ...freshFlow(id, i), customer: { name: `Customer ${i} ${'x'.repeat(250)}` } };
    }
    out.seq = idle + 10;
    return out;
  }

  it('drops the least recently used flows no tab shows until the state fits, and keeps the shown ones', async () => {
    const store = new MemoryStore();
    store.value = crowded(12);
    const limit = JSON.stringify(crowded(5)).length;
    store.failWrite = (items) => (STATE_ITEM in items && JSON.stringify(items[STATE_ITEM]).length > limit ? quota() : undefined);
    const { hub, logs } = run(store, { tabs: () => [{ id: 1 }] });
    await hub.onContentMessage({ kind: 'clicked', step: 'service-requests', clickIndex: 0, last: true }, sender(1, SR));
    await page(hub, 1, SR, 'pc-service-requests');
    const kept = store.value as EngineState;
    const memory = await hub.current();
    expect(kept).toEqual(JSON.parse(JSON.stringify(memory))); // what is shown is what is stored
    expect(Object.keys(kept.flows)).toContain('flow-1');
    // The oldest idle flows went first (flow-10 is the least recently used): what is left is the newest few.
    const idle = Object.keys(kept.flows).filter((id) => id !== 'flow-1').map((id) => Number(id.slice(5))).sort((a, b) => a - b);
    expect(idle.length).toBeGreaterThan(2);
    expect(idle.length).toBeLessThan(12);
    expect(idle).toEqual(Array.from({ length: idle.length }, (_, i) => 22 - idle.length + i));
    expect(logs.some((l) => /storage full: dropped/.test(l))).toBe(true);
    expect(store.items.get(UNSAVED_ITEM) ?? null).toBeNull();
  });

  it('when even that does not fit: the flag the side panel and popup read, cleared by the next write that fits', async () => {
    const store = new MemoryStore();
    store.value = crowded(2);
    let full = true;
    store.failWrite = (items) => (full && STATE_ITEM in items ? quota() : undefined);
    const { hub, logs } = run(store, { tabs: () => [{ id: 1 }] });
    await page(hub, 1, SR, 'pc-service-requests');
    expect(store.items.get(UNSAVED_ITEM)).toMatchObject({ since: expect.any(Number) });
    expect(Object.keys((await hub.current()).flows)).toEqual(['flow-1']); // the idle ones were given up
    expect(logs.some((l) => /state not saved/.test(l))).toBe(true);
    // The progress goes on in memory; once a write fits again the store catches up and the flag goes.
    await hub.onContentMessage({ kind: 'clicked', step: 'new-request', clickIndex: 0, last: true }, sender(1, SR));
    full = false;
    await hub.tabActivated(1);
    expect(store.items.get(UNSAVED_ITEM)).toBeNull();
    expect((store.value as EngineState).flows['flow-1']!.items['new-request']).toBe('done');
  });

  it('when not even the flag fits, the stale state goes so that no surface shows it as current', async () => {
    const store = new MemoryStore();
    store.value = crowded(0);
    store.failWrite = (items) => (STATE_ITEM in items || (UNSAVED_ITEM in items && store.items.has(STATE_ITEM)) ? quota() : undefined);
    const { hub } = run(store, { tabs: () => [{ id: 1 }] });
    await hub.onContentMessage({ kind: 'clicked', step: 'new-request', clickIndex: 0, last: true }, sender(1, SR));
    expect(store.items.has(STATE_ITEM)).toBe(false);
    expect(store.items.get(UNSAVED_ITEM)).toMatchObject({ since: expect.any(Number) });
  });
});

describe('writes', () => {
  it('many events in one task are one write, of the last state; a restart after it loses nothing', async () => {
    const store = new MemoryStore();
    const { hub } = run(store, { tabs: () => [] });
    await page(hub, 1, `${PC}/dashboard`);
    const before = store.saves;
    // 40 reports in one task (a heading changing faster than the reports are answered), tabs opened, clicks.
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) pending.push(page(hub, 1, i % 2 ? `${PC}/dashboard` : `${PC}/dashboard/v2/customers/list`));
    for (let tab = 2; tab < 12; tab++) pending.push(hub.tabOpened(tab, 1));
    pending.push(hub.onContentMessage({ kind: 'clicked', step: 'select-customer', clickIndex: 0, last: true, customer: { tenantId: CONTOSO, name: 'Contoso Ltd' } }, sender(1, `${PC}/dashboard/v2/customers/list`)));
    await Promise.all(pending);
    expect(store.saves - before).toBe(1);
    const memory = await hub.current();
    expect(store.value).toEqual(JSON.parse(JSON.stringify(memory)));
    expect(memory.flows['flow-1']!.customer).toMatchObject({ tenantId: CONTOSO });
    expect(Object.keys(memory.tabs)).toHaveLength(11);
    const next = run(store, { tabs: () => Array.from({ length: 11 }, (_, i) => ({ id: i + 1 })) });
    expect(await next.hub.current()).toEqual(memory);
  });

  it('events in separate tasks are each written before the tabs are told (a stopped worker loses none)', async () => {
    const store = new MemoryStore();
    const { hub } = run(store, { tabs: () => [] });
    await page(hub, 1, `${PC}/dashboard`);
    const first = store.saves;
    await page(hub, 1, `${PC}/dashboard/v2/customers/list`);
    await hub.onContentMessage({ kind: 'clicked', step: 'select-customer', clickIndex: 0, last: true, customer: { tenantId: CONTOSO } }, sender(1, `${PC}/dashboard/v2/customers/list`));
    expect(store.saves - first).toBe(2);
  });

  it('the admin center’s route changes in a tab that acts for the tenant its URL carries write nothing', async () => {
    const store = new MemoryStore();
    const { hub } = run(store, { tabs: () => [{ id: 1 }, { id: 2, openerTabId: 1 }] });
    await page(hub, 1, SR, 'pc-service-requests');
    const org = 'https://admin.cloud.microsoft/?delegatedOrg=contoso.onmicrosoft.com';
    await hub.tabOpened(2, 1);
    await hub.requestSeen(2, 'q1', org);
    await page(hub, 2, `${org}#/homepage`);
    const writes = store.writes;
    for (const route of ['homepage', 'support', 'support/requests', 'servicehealth']) await hub.urlSeen(2, `${org}#/${route}`);
    expect(store.writes).toBe(writes);
    expect((await hub.current()).tabs[2]!.delegated).toEqual({ kind: 'domain', value: 'contoso.onmicrosoft.com' });
  });

  it('reset-all removes the journals and the flag too', async () => {
    const store = new MemoryStore();
    store.items.set(`${JOURNAL_PREFIX}old`, [{ type: 'tab-opened', tabId: 2, openerTabId: 1, at: 1 }]);
    store.items.set(UNSAVED_ITEM, { since: 1 });
    const { hub } = run(store, { stuckRead: false, tabs: () => [] });
    await page(hub, 1, `${PC}/dashboard`);
    await hub.onSurfaceMessage({ kind: 'reset-all' }, { url: `${EXT}/sidepanel.html`, extensionOrigin: EXT });
    expect([...store.items.keys()]).toEqual([]);
  });
});
