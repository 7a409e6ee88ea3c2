/**
 * The background hub (lib/background/hub.ts) with fake ports, driven by fast-check: random content-script
 * and surface messages (valid and malformed), tab events, and service-worker restarts (a new Hub over
 * the same session store). Nothing throws out of the Hub; every state is schema-valid; what is
 * persisted equals what is in memory; a malformed or misdirected message changes nothing and logs a
 * reason; a restarted hub goes on exactly as one that never stopped. Plus the hub's rules as unit tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineStateSchema, initialState, type EngineState } from '../../../lib/engine/state';
import { reduce } from '../../../lib/engine/reduce';
import { Hub, type HubPorts } from '../../../lib/background/hub';
import type { Sender } from '../../../lib/background/senders';
import { salvage } from '../../../lib/background/salvage';
import type { BrowserTab } from '../../../lib/background/persist';
import { MemoryStore, storePorts } from './fake-store';
import type { ContentView } from '../../../lib/protocol/content-view';
import { ContentMessageSchema, SurfaceMessageSchema } from '../../../lib/protocol/messages';
import { effectiveSettings, DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { customer, delegatedHref, flowId, malformed, pageSample, prototypeIntact, stepId, tabId, TENANTS } from '../engine/flow-arbitraries';
import { ITEM_IDS } from '../../../lib/flow/ids';
import { detectPage } from '../../../lib/flow/pages';
import { TRIAGE_CATEGORIES } from '../../../lib/flow/ids';
import { WARNING_IDS } from '../../../lib/flow/warnings';

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const PC = 'https://partner.microsoft.com';

/** A session store shared across Hub instances (what survives a stopped service worker). */
class Store extends MemoryStore {}

interface Fake {
  ports: HubPorts;
  logs: string[];
  pushes: { tabId: number; view: ContentView }[];
  badges: Map<number, string>;
  badgeCalls: number;
  opened: { url: string; openerTabId?: number | undefined }[];
  store: Store;
}

function fakePorts(store = new Store(), clock = { t: 1_000 }, opts: { loadDelay?: number[]; failPushFor?: Set<number>; dismissible?: boolean; tabs?: () => BrowserTab[] } = {}): Fake {
  const f: Fake = { logs: [], pushes: [], badges: new Map(), badgeCalls: 0, opened: [], store, ports: undefined as unknown as HubPorts };
  const base = storePorts(store, opts.tabs);
  f.ports = {
    ...base,
    read: async () => {
      // Session storage gives back a copy (JSON-serialisable values), read when asked.
      const copy = await base.read();
      const delay = opts.loadDelay?.shift();
      if (delay) await new Promise((r) => setTimeout(r, delay));
      return copy;
    },
    clear: async () => {
      store.value = undefined;
    },
    settings: async () => effectiveSettings(DEFAULT_SETTINGS, opts.dismissible === false ? { warningsDismissible: false } : {}),
    pushView: async (tabId, view) => {
      if (opts.failPushFor?.has(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
      f.pushes.push({ tabId, view });
    },
    setBadge: async (tabId, badge) => {
      f.badgeCalls++;
      f.badges.set(tabId, badge.text);
    },
    learn: async () => undefined,
    askTab: async () => undefined,
    openTab: async (url, openerTabId) => {
      f.opened.push({ url, openerTabId });
    },
    log: (m) => f.logs.push(m),
    now: () => clock.t++,
  };
  return f;
}

const contentSender = (tab: number, url: string, extra: Partial<Sender> = {}): Sender => ({ tabId: tab, url, frameId: 0, extensionOrigin: EXT, ...extra });
const surfaceSender: Sender = { url: `${EXT}/sidepanel.html`, extensionOrigin: EXT };
const page = (url: string, pageKind: string | null = detectPage(url) ?? null) => ({ kind: 'page', url, page: pageKind });

// ---- Commands ---------------------------------------------------------------------------------

const validContent = fc.oneof(
  { weight: 6, arbitrary: fc.record({ sample: pageSample, name: fc.option(fc.constantFrom('Contoso Ltd', 'Fabrikam, Inc.'), { nil: undefined }) })
    .map(({ sample, name }) => ({ kind: 'page', url: sample.url, page: sample.page ?? null, ...(name ? { customerName: name } : {}) })) },
  { weight: 5, arbitrary: fc.record({ step: stepId, clickIndex: fc.integer({ min: 0, max: 5 }), last: fc.boolean(), customer: fc.option(customer, { nil: undefined }), href: fc.option(delegatedHref, { nil: undefined }) })
    .map((m) => ({ kind: 'clicked', ...Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) })) },
  { weight: 1, arbitrary: fc.boolean().map((minimized) => ({ kind: 'minimize', minimized })) },
  { weight: 1, arbitrary: fc.constantFrom(...WARNING_IDS).map((warning) => ({ kind: 'dismiss-warning', warning })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'get-view' }) },
  { weight: 1, arbitrary: fc.option(fc.constantFrom(...TENANTS, 'not-a-tenant', '../../evil'), { nil: undefined }).map((tenantId) => ({ kind: 'open-partner-center', ...(tenantId ? { tenantId } : {}) })) },
  { weight: 2, arbitrary: fc.constantFrom(...WARNING_IDS).map((warning) => ({ kind: 'continue-warning', warning })) },
  { weight: 1, arbitrary: fc.record({ step: stepId, missing: fc.boolean() }).map((m) => ({ kind: 'target-missing', ...m })) },
  { weight: 1, arbitrary: fc.constantFrom('2612030040001234', '<b>1</b>', '', ' ', 'x'.repeat(65), 'a\u0000b').map((caseNumber) => ({ kind: 'case-number', caseNumber })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'open-admin-relationships' }) },
) as fc.Arbitrary<Record<string, unknown>>;

const validSurface = fc.oneof(
  fc.record({ flowId, item: fc.constantFrom(...ITEM_IDS), done: fc.boolean() }).map((m) => ({ kind: 'tick', ...m })),
  fc.record({ flowId, category: fc.constantFrom(...TRIAGE_CATEGORIES, 'in-house') }).map((m) => ({ kind: 'triage', ...m })),
  fc.record({ flowId }).map((m) => ({ kind: 'start-over', ...m })),
  fc.record({ tabId: fc.integer({ min: 1, max: 6 }), warning: fc.constantFrom(...WARNING_IDS) }).map((m) => ({ kind: 'continue-warning', ...m })),
  fc.record({ flowId, text: fc.constantFrom('Case <script>x</script>', 'Summary') }).map(({ flowId, text }) => ({
    kind: 'case-saved', flowId, case: { form: { category: 'bug', workload: 'teams', severity: 'b', symptoms: 'Meetings drop after a minute', impact: 'Sales team', started: '2026-12-01', tried: '' }, text },
  })),
  fc.record({ escalationId: fc.constantFrom('flow-1-0', 'flow-2-5', 'nope'), caseNumber: fc.option(fc.constantFrom('123', '<i>9</i>', ''), { nil: null }) }).map((m) => ({ kind: 'case-number', ...m })),
) as fc.Arbitrary<Record<string, unknown>>;

type Command =
  | { c: 'content'; tab: number; message: unknown; senderUrl: string }
  | { c: 'content-bad-sender'; message: unknown; sender: Sender }
  | { c: 'surface'; message: unknown }
  | { c: 'surface-bad-sender'; message: unknown; senderUrl: string | undefined }
  | { c: 'opened'; tab: number; opener: number | undefined; url: string | undefined }
  | { c: 'closed'; tab: number }
  | { c: 'activated'; tab: number }
  | { c: 'url'; tab: number; url: string }
  | { c: 'request'; tab: number; requestId: string; url: string }
  | { c: 'redirect'; tab: number; url: string }
  | { c: 'loading'; tab: number }
  | { c: 'restart' };

/** The sender URL of a content script: the reported URL itself for page reports, else some portal page. */
const senderUrlFor = (message: unknown, fallback: string) =>
  typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'page' && typeof (message as { url?: unknown }).url === 'string'
    ? (message as { url: string }).url
    : fallback;

const portalUrl = fc.constantFrom(`${PC}/dashboard`, 'https://admin.microsoft.com/AdminPortal/Home#/support', `${PC}/dashboard/v2/customers/${TENANTS[0]}/account`);
const badSender: fc.Arbitrary<Sender> = fc.oneof(
  fc.record({ tab: tabId, url: portalUrl }).map(({ tab, url }) => contentSender(tab, url, { frameId: 3 })), // a sub-frame
  portalUrl.map((url) => ({ url, frameId: 0, extensionOrigin: EXT })), // no tab
  tabId.map((tab) => contentSender(tab, 'https://evil.example/partner.microsoft.com/dashboard')), // another host
  tabId.map((tab) => contentSender(tab, 'http://partner.microsoft.com/dashboard')), // not https
  tabId.map((tab) => contentSender(tab, `${PC}/dashboard`, { documentLifecycle: 'prerender' })),
  fc.record({ tab: fc.constantFrom(-1, NaN, 1.5), url: portalUrl }).map(({ tab, url }) => contentSender(tab, url)),
);

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ tab: tabId, message: validContent as fc.Arbitrary<unknown>, fallback: portalUrl }).map(({ tab, message, fallback }) => ({ c: 'content' as const, tab, message, senderUrl: senderUrlFor(message, fallback) })) },
  { weight: 3, arbitrary: fc.record({ tab: tabId, message: malformed(validContent, 'kind'), fallback: portalUrl }).map(({ tab, message, fallback }) => ({ c: 'content' as const, tab, message, senderUrl: fallback })) },
  { weight: 2, arbitrary: fc.record({ message: validContent as fc.Arbitrary<unknown>, sender: badSender }).map((x) => ({ c: 'content-bad-sender' as const, ...x })) },
  { weight: 3, arbitrary: validSurface.map((message) => ({ c: 'surface' as const, message })) },
  { weight: 2, arbitrary: malformed(validSurface, 'kind').map((message) => ({ c: 'surface' as const, message })) },
  { weight: 1, arbitrary: fc.record({ message: validSurface as fc.Arbitrary<unknown>, senderUrl: fc.constantFrom(`${PC}/dashboard`, 'chrome-extension://otherextensionidotherextensionid/sidepanel.html', `${EXT}.evil.example/x`, undefined) }).map((x) => ({ c: 'surface-bad-sender' as const, ...x })) },
  { weight: 3, arbitrary: fc.record({ tab: tabId, opener: fc.option(tabId, { nil: undefined }), url: fc.option(fc.constantFrom(`https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${TENANTS[1]}`, 'https://login.microsoftonline.com/common/login', 'about:blank', ''), { nil: undefined }) }).map((x) => ({ c: 'opened' as const, ...x })) },
  { weight: 1, arbitrary: tabId.map((tab) => ({ c: 'closed' as const, tab })) },
  { weight: 1, arbitrary: tabId.map((tab) => ({ c: 'activated' as const, tab })) },
  { weight: 2, arbitrary: fc.record({ tab: tabId, url: fc.constantFrom('https://login.microsoftonline.com/common/oauth2/authorize', `https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=${TENANTS[0]}`, `${PC}/dashboard`, 'not a url', 'chrome://newtab/') }).map((x) => ({ c: 'url' as const, ...x })) },
  { weight: 1, arbitrary: tabId.map((tab) => ({ c: 'loading' as const, tab })) },
  { weight: 2, arbitrary: fc.record({ tab: tabId, requestId: fc.constantFrom('r1', 'r2', 'r3'), url: fc.oneof(delegatedHref, fc.constantFrom('https://admin.microsoft.com/AdminPortal/Home#/homepage', 'https://admin.microsoft.com/landing', 'https://evil.example/?delegatedOrg=contoso.onmicrosoft.com')) }).map((x) => ({ c: 'request' as const, ...x })) },
  { weight: 1, arbitrary: fc.record({ tab: tabId, url: fc.constantFrom('https://login.microsoftonline.com/common/oauth2/v2.0/authorize?state=x', 'https://admin.microsoft.com/AdminPortal/Home', 'javascript:alert(1)') }).map((x) => ({ c: 'redirect' as const, ...x })) },
  { weight: 1, arbitrary: fc.constant({ c: 'restart' as const }) },
);

/** Runs one command against a hub; `true` when the command must change nothing (malformed or misdirected). */
async function runCommand(hub: Hub, cmd: Command): Promise<{ inert: boolean }> {
  switch (cmd.c) {
    case 'content': {
      const valid = ContentMessageSchema.safeParse(cmd.message).success;
      await hub.onContentMessage(cmd.message, contentSender(cmd.tab, cmd.senderUrl));
      return { inert: !valid };
    }
    case 'content-bad-sender':
      await hub.onContentMessage(cmd.message, cmd.sender);
      return { inert: true };
    case 'surface': {
      const valid = SurfaceMessageSchema.safeParse(cmd.message).success;
      await hub.onSurfaceMessage(cmd.message, surfaceSender);
      return { inert: !valid };
    }
    case 'surface-bad-sender':
      await hub.onSurfaceMessage(cmd.message, { url: cmd.senderUrl, extensionOrigin: EXT });
      return { inert: true };
    case 'opened':
      await hub.tabOpened(cmd.tab, cmd.opener, cmd.url);
      return { inert: false };
    case 'closed':
      await hub.tabClosed(cmd.tab);
      return { inert: false };
    case 'activated':
      await hub.tabActivated(cmd.tab);
      return { inert: false };
    case 'url':
      await hub.urlSeen(cmd.tab, cmd.url);
      return { inert: false };
    case 'loading':
      await hub.tabLoading(cmd.tab);
      return { inert: false };
    case 'request':
      await hub.requestSeen(cmd.tab, cmd.requestId, cmd.url);
      return { inert: false };
    case 'redirect':
      await hub.redirectSeen(cmd.tab, cmd.url);
      return { inert: false };
    case 'restart':
      return { inert: false };
  }
}

const RUNS = 1000;

describe('hub under random messages, tab events and restarts (fast-check)', () => {
  it(`${RUNS} runs of up to 40 commands: nothing throws, valid and persisted state, malformed changes nothing, a restart loses nothing`, async () => {
    const stats = { commands: 0, inert: 0, restarts: 0, warnings: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 40 }), async (commands) => {
        // Hub A never stops; hub B is replaced by a new Hub over the same store at each `restart`.
        const storeA = new Store();
        const storeB = new Store();
        const clockA = { t: 1_000 };
        const clockB = { t: 1_000 };
        const a = fakePorts(storeA, clockA);
        let b = fakePorts(storeB, clockB);
        const hubA = new Hub(a.ports);
        let hubB = new Hub(b.ports);
        for (const cmd of commands) {
          stats.commands++;
          if (cmd.c === 'restart') {
            stats.restarts++;
            const before = await hubB.current();
            b = fakePorts(storeB, clockB);
            hubB = new Hub(b.ports);
            await hubB.settingsChanged(); // what the background does when it starts
            expect(await hubB.current()).toEqual(before);
            continue;
          }
          const stateBefore = structuredClone(await hubA.current());
          await hubB.current();
          // A load (at the start, after a restart) reads the clock: the time it took passes for both.
          clockA.t = clockB.t = Math.max(clockA.t, clockB.t);
          const logsBefore = a.logs.length;
          const savesBefore = storeA.saves;
          const { inert } = await runCommand(hubA, cmd);
          await runCommand(hubB, cmd);
          const state = await hubA.current();
          const parsed = EngineStateSchema.safeParse(state);
          if (!parsed.success) throw new Error(`invalid state after ${JSON.stringify(cmd)}: ${parsed.error.message}`);
          // Persisted equals in memory (once anything was saved).
          if (storeA.value !== undefined) expect(storeA.value).toEqual(JSON.parse(JSON.stringify(state)));
          // The restarted hub goes on exactly like the one that never stopped.
          expect(await hubB.current()).toEqual(state);
          if (inert) {
            stats.inert++;
            expect(state).toEqual(stateBefore);
            expect(storeA.saves).toBe(savesBefore);
            expect(a.logs.length).toBeGreaterThan(logsBefore);
          }
          if (!prototypeIntact()) throw new Error(`Object.prototype polluted by ${JSON.stringify(cmd)}`);
        }
        const last = await hubA.current();
        for (const key of Object.keys(last.tabs)) if ((a.badges.get(Number(key)) ?? '') === '!') stats.warnings++;
      }),
      { numRuns: RUNS },
    );
    console.info(`hub property: ${JSON.stringify(stats)}`);
    expect(stats.inert).toBeGreaterThan(RUNS);
    expect(stats.restarts).toBeGreaterThan(RUNS / 8);
  }, 60_000);
});

// ---- The hub's rules ----------------------------------------------------------------------------

describe('hub rules', () => {

  it('drops content messages from a sub-frame, another host, no tab, a non-https page or a prerendered document', async () => {
    const f = fakePorts();
    const hub = new Hub(f.ports);
    const msg = page(`${PC}/dashboard`);
    const bad: Sender[] = [
      contentSender(1, `${PC}/dashboard`, { frameId: 2 }),
      contentSender(1, 'https://contoso.example/dashboard'),
      { url: `${PC}/dashboard`, frameId: 0, extensionOrigin: EXT },
      contentSender(1, 'http://partner.microsoft.com/dashboard'),
      contentSender(1, `${PC}/dashboard`, { documentLifecycle: 'prerender' }),
    ];
    for (const s of bad) expect(await hub.onContentMessage(msg, s)).toMatchObject({ ok: false });
    expect(f.logs).toHaveLength(bad.length);
    expect(await hub.current()).toEqual(initialState());
    expect(f.store.saves).toBe(0);
  });

  it('drops a page report for another site than the sender’s', async () => {
    const f = fakePorts();
    const hub = new Hub(f.ports);
    const r = await hub.onContentMessage(page('https://admin.microsoft.com/AdminPortal/Home#/support'), contentSender(1, `${PC}/dashboard`));
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/another site/) });
    expect(await hub.current()).toEqual(initialState());
  });

  it('takes surface messages only from the extension’s own origin', async () => {
    const f = fakePorts();
    const hub = new Hub(f.ports);
    await hub.onContentMessage(page(`${PC}/dashboard`), contentSender(1, `${PC}/dashboard`));
    const state = await hub.current();
    const tick = { kind: 'tick', flowId: 'flow-1', item: 'customers', done: true };
    for (const url of [`${PC}/dashboard`, 'chrome-extension://otherextensionidotherextensionid/popup.html', `${EXT}.evil.example/popup.html`, undefined]) {
      expect(await hub.onSurfaceMessage(tick, { url, extensionOrigin: EXT })).toMatchObject({ ok: false });
    }
    expect(await hub.current()).toEqual(state);
    expect(await hub.onSurfaceMessage(tick, surfaceSender)).toEqual({ ok: true });
    expect((await hub.current()).flows['flow-1']!.items.customers).toBe('done');
  });

  it('a malformed message is dropped with a logged reason naming it', async () => {
    const f = fakePorts();
    const hub = new Hub(f.ports);
    expect(await hub.onContentMessage({ kind: 'teleport', to: 'support' }, contentSender(1, `${PC}/dashboard`))).toMatchObject({ ok: false });
    expect(await hub.onSurfaceMessage(JSON.parse('{"kind":"tick","flowId":"flow-1","item":"customers","done":true,"__proto__":{"x":1}}'), surfaceSender)).toMatchObject({ ok: false });
    expect(await hub.onContentMessage({ kind: Object.create(null) }, contentSender(1, `${PC}/dashboard`))).toMatchObject({ ok: false });
    expect(f.logs[0]).toMatch(/teleport/);
    expect(f.logs).toHaveLength(3);
    expect(await hub.current()).toEqual(initialState());
  });

  it('a state load racing with an event after a restart never overwrites the newer state', async () => {
    const store = new Store();
    store.value = reduce(initialState(), { type: 'page-seen', tabId: 1, url: `${PC}/dashboard`, at: 1 });
    const f = fakePorts(store, { t: 10 }, { loadDelay: [60, 1] });
    const hub = new Hub(f.ports);
    // The background's start-up publish and a content report, both before the load resolves.
    const startup = hub.settingsChanged();
    const report = hub.onContentMessage(page(`${PC}/dashboard/v2/customers/list`), contentSender(1, `${PC}/dashboard/v2/customers/list`));
    await Promise.all([startup, report]);
    await hub.settingsChanged();
    const s = await hub.current();
    expect(s.flows['flow-1']!.items.customers).toBe('done');
    expect(store.value).toEqual(s);
  });

  it('restores every tab’s badge after a restart', async () => {
    const store = new Store();
    const f1 = fakePorts(store);
    const hub1 = new Hub(f1.ports);
    await hub1.onContentMessage(page(`${PC}/dashboard/v2/customers/list`), contentSender(1, `${PC}/dashboard/v2/customers/list`));
    await hub1.onContentMessage(page('https://admin.microsoft.com/AdminPortal/Home#/support'), contentSender(2, 'https://admin.microsoft.com/AdminPortal/Home#/support'));
    expect(Object.fromEntries(f1.badges)).toEqual({ 1: '3', 2: '!' });
    const f2 = fakePorts(store);
    const hub2 = new Hub(f2.ports);
    await hub2.settingsChanged();
    expect(Object.fromEntries(f2.badges)).toEqual({ 1: '3', 2: '!' });
  });

  it('gives a tab its badge again when it loads a new document, even if unchanged', async () => {
    const f = fakePorts();
    const hub = new Hub(f.ports);
    await hub.onContentMessage(page(`${PC}/dashboard`), contentSender(1, `${PC}/dashboard`));
    const calls = f.badgeCalls;
    await hub.tabActivated(1);
    expect(f.badgeCalls).toBe(calls);
    await hub.tabLoading(1);
    expect(f.badgeCalls).toBe(calls + 1);
  });

  it('retries a view push that failed (the content script was not there yet)', async () => {
    const failing = new Set<number>();
    const f = fakePorts(new Store(), { t: 1 }, { failPushFor: failing });
    const hub = new Hub(f.ports);
    await hub.onContentMessage(page(`${PC}/dashboard`), contentSender(1, `${PC}/dashboard`));
    const pushed = () => f.pushes.filter((p) => p.tabId === 1).length;
    const before = pushed();
    failing.add(1);
    await hub.tabLoading(1); // the next document's content script is not there yet
    expect(pushed()).toBe(before);
    failing.clear();
    await hub.tabActivated(1); // any later publish
    expect(pushed()).toBe(before + 1);
  });

  it('answers a page report with the tab’s view and does not also push it to that tab', async () => {
    const f = fakePorts();
    const hub = new Hub(f.ports);
    const dashboard = await hub.onContentMessage(page(`${PC}/dashboard`), contentSender(1, `${PC}/dashboard`));
    expect(dashboard).toMatchObject({ step: 'customers' });
    const list = await hub.onContentMessage(page(`${PC}/dashboard/v2/customers/list`), contentSender(1, `${PC}/dashboard/v2/customers/list`));
    expect(list).toMatchObject({ step: 'select-customer' });
    expect(f.pushes.filter((p) => p.tabId === 1)).toEqual([]);
    // The answered view counts as given: an unchanged view is not pushed later either, a changed one is.
    await hub.tabActivated(1);
    expect(f.pushes.filter((p) => p.tabId === 1)).toEqual([]);
    await hub.onContentMessage({ kind: 'minimize', minimized: true }, contentSender(1, `${PC}/dashboard/v2/customers/list`));
    expect(f.pushes.filter((p) => p.tabId === 1)).toMatchObject([{ view: { step: 'select-customer', minimized: true } }]);
  });

  it('a new tab whose pending URL is a delegated entry joins the flow with that customer context', async () => {
    const f = fakePorts();
    const hub = new Hub(f.ports);
    const sm = `${PC}/dashboard/v2/customers/${TENANTS[0]}/servicemanagementpage`;
    await hub.onContentMessage(page(sm), contentSender(1, sm));
    await hub.tabOpened(2, 1, `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${TENANTS[0]}&CSDEST=Support`);
    const s = await hub.current();
    expect(s.tabs[2]).toMatchObject({ flowId: 'flow-1', delegated: { kind: 'tenant-id', value: TENANTS[0] } });
  });

  it('a tab opened by hand joins no flow; a tab opened from a flow’s tab does, through the sign-in redirect', async () => {
    const f = fakePorts();
    const hub = new Hub(f.ports);
    await hub.onContentMessage(page(`${PC}/dashboard`), contentSender(1, `${PC}/dashboard`));
    await hub.tabOpened(5, undefined, 'chrome://newtab/');
    await hub.tabOpened(6, 1);
    await hub.urlSeen(6, `https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=${TENANTS[0]}`);
    await hub.urlSeen(6, 'https://login.microsoftonline.com/common/oauth2/authorize');
    await hub.onContentMessage(page('https://admin.microsoft.com/AdminPortal/Home#/homepage'), contentSender(6, 'https://admin.microsoft.com/AdminPortal/Home#/homepage'));
    const s = await hub.current();
    expect(s.tabs[5]).toBeUndefined();
    expect(s.tabs[6]!.flowId).toBe('flow-1');
    expect(s.flows['flow-1']!.items['portal-sign-in']).toBe('done');
    expect(f.badges.get(6)).toBe('9');
  });

  it('reset-all empties the state and the badges of the tabs that had a flow', async () => {
    const f = fakePorts();
    const hub = new Hub(f.ports);
    await hub.onContentMessage(page(`${PC}/dashboard`), contentSender(1, `${PC}/dashboard`));
    expect(f.badges.get(1)).toBe('2');
    await hub.onSurfaceMessage({ kind: 'reset-all' }, surfaceSender);
    expect(await hub.current()).toEqual(initialState());
    expect(f.badges.get(1)).toBe('');
    expect(f.pushes.at(-1)).toMatchObject({ tabId: 1, view: { flowId: null } });
  });

  it('forgets tabs that are gone after a restart', async () => {
    const store = new Store();
    const hub1 = new Hub(fakePorts(store).ports);
    await hub1.onContentMessage(page(`${PC}/dashboard`), contentSender(1, `${PC}/dashboard`));
    await hub1.onContentMessage(page(`${PC}/dashboard`), contentSender(2, `${PC}/dashboard`));
    const hub2 = new Hub(fakePorts(store, { t: 2_000 }, { tabs: () => [{ id: 2 }, { id: 3 }] }).ports);
    await hub2.settingsChanged();
    expect(Object.keys((await hub2.current()).tabs)).toEqual(['2']);
    expect(Object.keys((store.value as EngineState).tabs)).toEqual(['2']);
  });

  it('warnings cannot be dismissed where the policy forbids it', async () => {
    const f = fakePorts(new Store(), { t: 1 }, { dismissible: false });
    const hub = new Hub(f.ports);
    const url = 'https://admin.microsoft.com/AdminPortal/Home#/support';
    await hub.onContentMessage(page(url), contentSender(1, url));
    const before = await hub.current();
    expect(await hub.onContentMessage({ kind: 'dismiss-warning', warning: 'own-tenant-context' }, contentSender(1, url))).toMatchObject({ ok: false });
    expect(await hub.current()).toEqual(before);
  });
});

describe('salvage of a stored state that fails the schema', () => {
  const good = () => {
    let s = reduce(initialState(), { type: 'page-seen', tabId: 1, url: `${PC}/dashboard`, at: 1 });
    s = reduce(s, { type: 'page-seen', tabId: 2, url: `${PC}/dashboard`, at: 2 });
    return s;
  };

  it('keeps the valid flows and tabs, and new flow ids never collide with kept ones', async () => {
    const s = good() as EngineState & Record<string, unknown>;
    const damaged = { ...s, seq: 'seven', flows: { ...s.flows, 'flow-9': { ...s.flows['flow-1']!, id: 'flow-9' }, broken: { id: 'broken' } } };
    const store = new Store();
    store.value = damaged;
    const f = fakePorts(store);
    const hub = new Hub(f.ports);
    const kept = await hub.current();
    expect(Object.keys(kept.flows).sort()).toEqual(['flow-1', 'flow-2', 'flow-9']);
    expect(f.logs.some((l) => /damaged; kept 3 of 4/.test(l))).toBe(true);
    await hub.onContentMessage(page(`${PC}/dashboard`), contentSender(3, `${PC}/dashboard`));
    const after = await hub.current();
    expect(after.tabs[3]!.flowId).toBe('flow-10');
    expect(after.flows['flow-9']).toEqual(kept.flows['flow-9']);
  });

  it('a seq that lags behind the kept flows is raised past them', () => {
    const s = good();
    const out = salvage({ ...s, version: 2, seq: 0 }, () => undefined);
    expect(out.seq).toBe(2);
    expect(EngineStateSchema.safeParse(out).success).toBe(true);
  });

  it('never lets `__proto__` or a mismatched key through', () => {
    const s = good();
    const stored = JSON.parse(`{"version":1,"seq":2,"lastActiveFlowId":"__proto__","tabs":${JSON.stringify(s.tabs)},"flows":{"__proto__":${JSON.stringify(s.flows['flow-1'])},"flow-1":${JSON.stringify(s.flows['flow-2'])},"flow-2":${JSON.stringify(s.flows['flow-2'])}}}`);
    const out = salvage(stored, () => undefined);
    expect(Object.keys(out.flows)).toEqual(['flow-2']);
    expect(out.tabs[1]!.flowId).toBeNull();
    expect(out.lastActiveFlowId).toBeNull();
    expect(EngineStateSchema.safeParse(out).success).toBe(true);
    expect(prototypeIntact()).toBe(true);
  });

  it('any stored value at all gives a valid state without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.record({ version: fc.anything(), seq: fc.anything(), flows: fc.anything(), tabs: fc.anything(), lastActiveFlowId: fc.anything() })), async (stored) => {
        const store = new Store();
        store.value = stored;
        const f = fakePorts(store);
        f.ports.read = async () => ({ 'engine-state': stored });
        const hub = new Hub(f.ports);
        expect(EngineStateSchema.safeParse(await hub.current()).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
