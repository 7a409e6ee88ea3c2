/**
 * The background's logic, apart from the browser: it owns the engine state, persists it after
 * every change (so a stopped service worker resumes where it was), turns validated messages and
 * tab events into engine events, and tells the tabs and the badge what changed. The browser glue
 * (entrypoints/background.ts) gives it ports; tests give it fakes.
 */
import { EngineStateSchema, initialState, reduce, type EngineEventInput, type EngineState } from './engine';
import { FLOW } from './flow';
import { FlowSchema } from './flow-schema';
import { ContentMessageSchema, SurfaceMessageSchema, parseMessage } from './messages';
import { portalOf } from './pages';
import { DEFAULT_SETTINGS, effectiveSettings, type EffectiveSettings } from './settings';
import { badgeFor, tabView, type TabView } from './view';

export interface ContentView extends TabView {
  overlayEnabled: boolean;
  warningsDismissible: boolean;
}

export interface HubPorts {
  /** The persisted state (session storage), or undefined. */
  load(): Promise<unknown>;
  save(state: EngineState): Promise<void>;
  clear(): Promise<void>;
  settings(): Promise<EffectiveSettings>;
  pushView(tabId: number, view: ContentView): Promise<void>;
  setBadge(tabId: number, badge: { text: string; warning: boolean }): Promise<void>;
  openTab(url: string, openerTabId?: number): Promise<void>;
  log(message: string): void;
  now(): number;
}

/** Who sent a runtime message, as the browser tells it (never the payload). */
export interface Sender {
  /** The sender's tab, for content scripts. */
  tabId?: number | undefined;
  /** The sender document's URL. */
  url?: string | undefined;
  /** Top frame (0) or a sub-frame. */
  frameId?: number | undefined;
  /** The extension's own pages have this origin. */
  extensionOrigin: string;
}

export const PARTNER_CENTER_DASHBOARD = 'https://partner.microsoft.com/dashboard';

export class Hub {
  private state: EngineState | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private pushed = new Map<number, string>();
  private badges = new Map<number, string>();

  constructor(private readonly ports: HubPorts) {
    const flow = FlowSchema.safeParse(FLOW);
    if (!flow.success) ports.log(`flow data does not match its schema: ${flow.error.message}`);
  }

  /** The current state, loading (and validating) the persisted one first after a restart. */
  async current(): Promise<EngineState> {
    if (this.state) return this.state;
    const stored = await this.ports.load();
    if (stored === undefined || stored === null) return (this.state = initialState());
    const parsed = EngineStateSchema.safeParse(stored);
    if (parsed.success) return (this.state = parsed.data);
    this.state = salvage(stored, (m) => this.ports.log(m));
    return this.state;
  }

  /** Applies engine events one at a time, in order, persisting and publishing each change. */
  dispatch(...events: EngineEventInput[]): Promise<EngineState> {
    const run = this.queue.then(async () => {
      const before = await this.current();
      let next = before;
      for (const event of events) {
        try {
          next = reduce(next, event);
        } catch (err) {
          this.ports.log(err instanceof Error ? err.message : String(err));
        }
      }
      if (next !== before) {
        this.state = next;
        await this.ports.save(next);
      }
      await this.publish(next);
      return next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A message from a content script. Returns the tab's view for `get-view`. */
  async onContentMessage(input: unknown, sender: Sender): Promise<ContentView | { ok: boolean; error?: string }> {
    const tabId = sender.tabId;
    const from = sender.url ? safeUrl(sender.url) : undefined;
    if (tabId === undefined || !from || !portalOf(from)) return this.drop(`message from outside a portal tab (${sender.url ?? 'no url'})`);
    if (sender.frameId !== undefined && sender.frameId !== 0) return this.drop('message from a sub-frame');
    const parsed = parseMessage(ContentMessageSchema, input);
    if (!parsed.ok) return this.drop(parsed.reason);
    const msg = parsed.message;
    const at = this.ports.now();
    switch (msg.kind) {
      case 'get-view':
        return this.viewOf(await this.current(), tabId);
      case 'page': {
        if (portalOf(new URL(msg.url)) === undefined || new URL(msg.url).host !== from.host) return this.drop('page report for another site');
        await this.dispatch({ type: 'page-seen', tabId, url: msg.url, page: msg.page, customerName: msg.customerName, at });
        return this.viewOf(await this.current(), tabId);
      }
      case 'clicked':
        await this.dispatch({ type: 'target-clicked', tabId, step: msg.step, clickIndex: msg.clickIndex, last: msg.last, customer: msg.customer, href: msg.href, at });
        return { ok: true };
      case 'minimize': {
        const flowId = (await this.current()).tabs[tabId]?.flowId;
        if (flowId) await this.dispatch({ type: 'overlay-minimized', flowId, minimized: msg.minimized, at });
        return { ok: true };
      }
      case 'dismiss-warning': {
        if (!(await this.ports.settings()).warningsDismissible) return this.drop('warnings cannot be dismissed (policy)');
        await this.dispatch({ type: 'warning-dismissed', tabId, warning: msg.warning, at });
        return { ok: true };
      }
      case 'open-partner-center': {
        const tenant = msg.tenantId && /^[0-9a-f-]{36}$/i.test(msg.tenantId) ? msg.tenantId : undefined;
        // Back to this customer: stay in the flow. A fresh start from the dashboard: a flow of its own.
        if (tenant) await this.ports.openTab(`https://partner.microsoft.com/dashboard/v2/customers/${tenant}/servicemanagementpage`, tabId);
        else await this.ports.openTab(PARTNER_CENTER_DASHBOARD);
        return { ok: true };
      }
    }
  }

  /** A message from the extension's own pages (side panel, popup, options). */
  async onSurfaceMessage(input: unknown, sender: Sender): Promise<{ ok: boolean; error?: string }> {
    if (!sender.url?.startsWith(sender.extensionOrigin)) return this.drop(`surface message from ${sender.url ?? 'unknown'}`);
    const parsed = parseMessage(SurfaceMessageSchema, input);
    if (!parsed.ok) return this.drop(parsed.reason);
    const msg = parsed.message;
    const at = this.ports.now();
    switch (msg.kind) {
      case 'tick':
        await this.dispatch({ type: 'item-ticked', flowId: msg.flowId, item: msg.item, done: msg.done, at });
        break;
      case 'triage':
        await this.dispatch({ type: 'triage-picked', flowId: msg.flowId, category: msg.category, at });
        break;
      case 'start-over':
        await this.dispatch({ type: 'start-over', flowId: msg.flowId, at });
        break;
      case 'reset-all':
        await this.resetAll();
        break;
    }
    return { ok: true };
  }

  /** Tabs: a tab opened from a flow's tab joins it; a URL seen by the browser (sign-in pages have no content script). */
  tabOpened(tabId: number, openerTabId: number | undefined) {
    if (openerTabId === undefined) return Promise.resolve(this.state ?? initialState());
    return this.dispatch({ type: 'tab-opened', tabId, openerTabId, at: this.ports.now() });
  }
  tabClosed(tabId: number) {
    this.pushed.delete(tabId);
    this.badges.delete(tabId);
    return this.dispatch({ type: 'tab-closed', tabId, at: this.ports.now() });
  }
  tabActivated(tabId: number) {
    return this.dispatch({ type: 'tab-activated', tabId, at: this.ports.now() });
  }
  /**
   * A tab's URL as the browser reports it. Only pages no content script reports are taken here:
   * the sign-in pages, and the delegated entry (it redirects before a content script would run).
   */
  urlSeen(tabId: number, url: string) {
    const u = safeUrl(url);
    if (!u) return Promise.resolve(this.state ?? initialState());
    const portal = portalOf(u);
    const entry = portal === 'admin-center' && /\/partner\/beginclientsession\.aspx$/i.test(u.pathname);
    if (portal !== 'sign-in' && !entry) return Promise.resolve(this.state ?? initialState());
    return this.dispatch({ type: 'page-seen', tabId, url, at: this.ports.now() });
  }

  /** Settings changed (overlay on/off, policy): every tab's view again. */
  async settingsChanged() {
    this.pushed.clear();
    this.badges.clear();
    await this.publish(await this.current());
  }

  async resetAll() {
    await this.queue;
    this.state = initialState();
    await this.ports.clear();
    await this.settingsChanged();
  }

  private async viewOf(state: EngineState, tabId: number): Promise<ContentView> {
    const settings = await this.settingsOrDefault();
    return {
      ...tabView(state, tabId, { undismissable: !settings.warningsDismissible }),
      overlayEnabled: settings.overlayEnabled,
      warningsDismissible: settings.warningsDismissible,
    };
  }

  private async publish(state: EngineState) {
    const settings = await this.settingsOrDefault();
    const opts = { undismissable: !settings.warningsDismissible };
    for (const key of Object.keys(state.tabs)) {
      const tabId = Number(key);
      const view = await this.viewOf(state, tabId);
      const json = JSON.stringify(view);
      if (this.pushed.get(tabId) !== json) {
        this.pushed.set(tabId, json);
        await this.ports.pushView(tabId, view).catch(() => undefined); // a tab without content script
      }
      const badge = badgeFor(state, tabId, opts);
      const b = JSON.stringify(badge);
      if (this.badges.get(tabId) !== b) {
        this.badges.set(tabId, b);
        await this.ports.setBadge(tabId, badge).catch(() => undefined);
      }
    }
  }

  private async settingsOrDefault(): Promise<EffectiveSettings> {
    try {
      return await this.ports.settings();
    } catch (err) {
      this.ports.log(`settings unreadable, using defaults: ${String(err)}`);
      return effectiveSettings(DEFAULT_SETTINGS, {});
    }
  }

  private drop(reason: string): { ok: false; error: string } {
    this.ports.log(reason);
    return { ok: false, error: reason };
  }
}

/** Keeps every flow and tab of a damaged stored state that is still valid on its own. */
function salvage(stored: unknown, log: (m: string) => void): EngineState {
  const state = initialState();
  if (typeof stored !== 'object' || stored === null) {
    log('stored state unreadable; starting afresh');
    return state;
  }
  const s = stored as Record<string, unknown>;
  const flows = typeof s.flows === 'object' && s.flows ? (s.flows as Record<string, unknown>) : {};
  const tabs = typeof s.tabs === 'object' && s.tabs ? (s.tabs as Record<string, unknown>) : {};
  let kept = 0;
  for (const [id, flow] of Object.entries(flows)) {
    const one = EngineStateSchema.shape.flows.safeParse({ [id]: flow });
    if (one.success) Object.assign(state.flows, one.data), kept++;
  }
  for (const [id, tab] of Object.entries(tabs)) {
    const one = EngineStateSchema.shape.tabs.safeParse({ [id]: tab });
    if (one.success) Object.assign(state.tabs, one.data);
  }
  for (const tab of Object.values(state.tabs)) if (tab.flowId && !state.flows[tab.flowId]) tab.flowId = null;
  state.seq = typeof s.seq === 'number' && Number.isInteger(s.seq) && s.seq >= 0 ? s.seq : Object.keys(state.flows).length + 1000;
  state.lastActiveFlowId = typeof s.lastActiveFlowId === 'string' && state.flows[s.lastActiveFlowId] ? s.lastActiveFlowId : null;
  log(`stored state was damaged; kept ${kept} of ${Object.keys(flows).length} flows`);
  return state;
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
