/**
 * The background's logic, apart from the browser: it owns the engine state, persists it after
 * every change (so a stopped service worker resumes where it was), turns validated messages and
 * tab events into engine events, and tells the tabs and the badge what changed. The browser glue
 * (entrypoints/background.ts) gives it ports; tests give it fakes.
 */
import { EngineStateSchema, initialState, type EngineEventInput, type EngineState } from '../engine/state';
import { reduce } from '../engine/reduce';
import { FLOW, textKeysOf } from '../flow/flow';
import { FlowSchema } from '../flow/schema';
import { ContentMessageSchema, SurfaceMessageSchema } from '../protocol/messages';
import { contentSender, isExtensionPage, safeParseMessage, safeUrl, type Sender } from './senders';
import { portalOf } from '../flow/pages';
import { bootPlan } from './boot-plan';
import { salvage } from './salvage';
import { OVERLAY_KEYS, type ContentView } from '../protocol/content-view';
import { PARTNER_CENTER_DASHBOARD, wayBackUrl } from '../flow/urls';
import { BEGIN_CLIENT_SESSION, isGuid } from '../flow/tenant';
import { DEFAULT_SETTINGS, effectiveSettings, type EffectiveSettings } from '../settings/settings';
import { badgeFor, tabView } from '../engine/view';

export interface HubPorts {
  /** The persisted state (session storage), or undefined. */
  load(): Promise<unknown>;
  save(state: EngineState): Promise<void>;
  clear(): Promise<void>;
  settings(): Promise<EffectiveSettings>;
  pushView(tabId: number, view: ContentView): Promise<void>;
  /** An i18n message with OVERLAY_SUBS as its substitutions (absent: views carry no strings). */
  message?(key: string): string;
  setBadge(tabId: number, badge: { text: string; warning: boolean }): Promise<void>;
  openTab(url: string, openerTabId?: number): Promise<void>;
  log(message: string): void;
  now(): number;
}

/** A content script's request answered with its tab's view (filled in by `publish`). */
interface Answer {
  tabId: number;
  view?: ContentView;
}

export class Hub {
  private state: EngineState | undefined;
  /** The one load of the persisted state after a (re)start: concurrent callers share it. */
  private loading: Promise<EngineState> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** What each tab's content script and badge were last given (this service worker's lifetime only). */
  private pushed = new Map<number, string>();
  private badges = new Map<number, string>();

  constructor(private readonly ports: HubPorts) {
    const flow = FlowSchema.safeParse(FLOW);
    if (!flow.success) ports.log(`flow data does not match its schema: ${flow.error.message}`);
  }

  /**
   * The current state, loading (and validating) the persisted one first after a restart. The load
   * happens once: a second caller during it waits for the same result instead of overwriting a
   * newer in-memory state with the stale stored one.
   */
  current(): Promise<EngineState> {
    if (this.state) return Promise.resolve(this.state);
    this.loading ??= this.load().then(
      (state) => {
        this.state ??= state;
        this.loading = undefined;
        return this.state;
      },
      (err: unknown) => {
        this.loading = undefined;
        this.ports.log(`stored state unreadable (${String(err)}); starting afresh`);
        return (this.state ??= initialState());
      },
    );
    return this.loading;
  }

  private async load(): Promise<EngineState> {
    const stored = await this.ports.load();
    if (stored === undefined || stored === null) return initialState();
    const parsed = EngineStateSchema.safeParse(stored);
    if (parsed.success) return parsed.data;
    return salvage(stored, (m) => this.ports.log(m));
  }

  /** Runs `task` after every earlier one: state changes never interleave. Never rejects. */
  private serial<T>(task: () => Promise<T>, fallback: () => T): Promise<T> {
    const run = this.queue.then(task).catch((err: unknown) => {
      this.ports.log(`background task failed: ${err instanceof Error ? err.message : String(err)}`);
      return fallback();
    });
    this.queue = run;
    return run;
  }

  /** Applies engine events one at a time, in order, persisting and publishing each change. */
  dispatch(...events: EngineEventInput[]): Promise<EngineState> {
    return this.dispatchAnswering(undefined, events);
  }

  /** `dispatch`, handing `answer`'s tab its view in `answer.view` instead of pushing it (see `apply`). */
  private dispatchAnswering(answer: Answer | undefined, events: EngineEventInput[]): Promise<EngineState> {
    return this.serial(() => this.apply(events, answer), () => this.state ?? initialState());
  }

  /**
   * Only inside a serial task. An invalid event is logged and changes nothing. `answer`: the tab
   * whose content script asked and gets its view as the answer (`answer.view`), not also pushed.
   */
  private async apply(events: EngineEventInput[], answer?: Answer): Promise<EngineState> {
    const before = await this.current();
    let next = before;
    for (const event of events) {
      try {
        next = reduce(next, event);
      } catch (err) {
        this.ports.log(err instanceof Error ? err.message : String(err));
      }
    }
    if (next !== before) await this.commit(next);
    await this.publish(next, undefined, answer);
    return next;
  }

  /** The new state, in memory and in session storage (a failed write is logged; memory stays ahead). */
  private async commit(next: EngineState) {
    this.state = next;
    try {
      await this.ports.save(next);
    } catch (err) {
      this.ports.log(`state not saved: ${String(err)}`);
    }
  }

  /** A message from a content script. Returns the tab's view for `get-view`. */
  async onContentMessage(input: unknown, sender: Sender): Promise<ContentView | { ok: boolean; error?: string }> {
    try {
      return await this.contentMessage(input, sender);
    } catch (err) {
      return this.drop(`content message failed: ${String(err)}`);
    }
  }

  private async contentMessage(input: unknown, sender: Sender): Promise<ContentView | { ok: boolean; error?: string }> {
    const checked = contentSender(sender);
    if ('refused' in checked) return this.drop(checked.refused);
    const { tabId, from } = checked;
    const parsed = safeParseMessage(ContentMessageSchema, input);
    if (!parsed.ok) return this.drop(parsed.reason);
    const msg = parsed.message;
    const at = this.ports.now();
    switch (msg.kind) {
      case 'get-view':
        return this.viewOf(await this.current(), tabId);
      case 'page': {
        if (portalOf(new URL(msg.url)) === undefined || new URL(msg.url).host !== from.host) return this.drop('page report for another site');
        // The answer is the tab's view: one message to the page instead of a push and the same view
        // again as the answer (each costs the page's main thread a message and a redraw).
        const answer: Answer = { tabId };
        await this.dispatchAnswering(answer, [{ type: 'page-seen', tabId, url: msg.url, page: msg.page, customerName: msg.customerName, at }]);
        const state = await this.current();
        const view = answer.view ?? (await this.viewOf(state, tabId));
        // The start-up code's report (no page kind: it leaves detection to us) gets its plan.
        if (msg.page !== undefined) return view;
        const page = state.tabs[tabId]?.url === msg.url ? state.tabs[tabId].page : null;
        return { ...view, boot: bootPlan(msg.url, page, view) };
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
        // Back to this customer (its Service management page): stay in the flow. A fresh start from
        // the dashboard (no valid tenant id): a flow of its own.
        if (msg.tenantId && isGuid(msg.tenantId)) await this.ports.openTab(wayBackUrl(msg.tenantId), tabId);
        else await this.ports.openTab(PARTNER_CENTER_DASHBOARD);
        return { ok: true };
      }
    }
  }

  /** A message from the extension's own pages (side panel, popup, options). */
  async onSurfaceMessage(input: unknown, sender: Sender): Promise<{ ok: boolean; error?: string }> {
    try {
      return await this.surfaceMessage(input, sender);
    } catch (err) {
      return this.drop(`surface message failed: ${String(err)}`);
    }
  }

  private async surfaceMessage(input: unknown, sender: Sender): Promise<{ ok: boolean; error?: string }> {
    if (!isExtensionPage(sender)) return this.drop(`surface message from ${String(sender.url)}`);
    const parsed = safeParseMessage(SurfaceMessageSchema, input);
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

  /**
   * Tabs: a tab opened from a flow's tab joins it. `url` is the URL the new tab is about to load
   * (`pendingUrl`): a delegated entry that redirects server-side before any `onUpdated` would show it.
   */
  tabOpened(tabId: number, openerTabId: number | undefined, url?: string) {
    if (openerTabId === undefined) return this.urlSeen(tabId, url);
    const at = this.ports.now();
    const events: EngineEventInput[] = [{ type: 'tab-opened', tabId, openerTabId, at }];
    if (url && this.isBrowserReported(url)) events.push({ type: 'page-seen', tabId, url, at });
    return this.dispatch(...events);
  }
  tabClosed(tabId: number) {
    return this.serial(() => {
      this.pushed.delete(tabId);
      this.badges.delete(tabId);
      return this.apply([{ type: 'tab-closed', tabId, at: this.ports.now() }]);
    }, () => this.state ?? initialState());
  }
  /**
   * A tab started loading a new document: its content script is gone and the browser may have reset
   * its badge, so both are given again (restores the badge after navigation and after a restart).
   */
  tabLoading(tabId: number) {
    return this.serial(async () => {
      this.pushed.delete(tabId);
      this.badges.delete(tabId);
      const state = await this.current();
      if (state.tabs[tabId]) await this.publish(state, [tabId]);
      return state;
    }, () => this.state ?? initialState());
  }
  /** After a restart: forget tabs that no longer exist (closed while no listener of ours ran). */
  reconcileTabs(existing: () => Promise<number[]>) {
    return this.serial(async () => {
      const state = await this.current();
      const alive = new Set(await existing());
      const at = this.ports.now();
      const gone = Object.keys(state.tabs).map(Number).filter((id) => !alive.has(id));
      for (const id of gone) {
        this.pushed.delete(id);
        this.badges.delete(id);
      }
      return gone.length ? this.apply(gone.map((tabId) => ({ type: 'tab-closed', tabId, at }))) : state;
    }, () => this.state ?? initialState());
  }
  tabActivated(tabId: number) {
    return this.dispatch({ type: 'tab-activated', tabId, at: this.ports.now() });
  }
  /**
   * A tab's URL as the browser reports it. Only pages no content script reports are taken here:
   * the sign-in pages, and the delegated entry (it redirects before a content script would run).
   */
  urlSeen(tabId: number, url: string | undefined) {
    if (!url || !this.isBrowserReported(url)) return this.current();
    return this.dispatch({ type: 'page-seen', tabId, url, at: this.ports.now() });
  }

  /** Sign-in pages (no content script there) and the delegated entry `BeginClientSession.aspx`. */
  private isBrowserReported(url: string): boolean {
    const u = safeUrl(url);
    if (!u || u.protocol !== 'https:') return false;
    const portal = portalOf(u);
    return portal === 'sign-in' || (portal === 'admin-center' && BEGIN_CLIENT_SESSION.test(u.pathname));
  }

  /** Settings changed (overlay on/off, policy), or the service worker started: every tab's view and badge again. */
  settingsChanged() {
    return this.serial(async () => {
      this.pushed.clear();
      this.badges.clear();
      const state = await this.current();
      await this.publish(state);
      return state;
    }, () => this.state ?? initialState());
  }

  /** Forgets every flow; the tabs that showed one get an empty view and badge. */
  resetAll() {
    return this.serial(async () => {
      const had = Object.keys((await this.current()).tabs).map(Number);
      const state = initialState();
      this.state = state;
      try {
        await this.ports.clear();
      } catch (err) {
        this.ports.log(`storage not cleared: ${String(err)}`);
      }
      this.pushed.clear();
      this.badges.clear();
      await this.publish(state, had);
      return state;
    }, () => this.state ?? initialState());
  }

  private async viewOf(state: EngineState, tabId: number): Promise<ContentView> {
    const settings = await this.settingsOrDefault();
    const view: ContentView = {
      ...tabView(state, tabId, { undismissable: !settings.warningsDismissible }),
      overlayEnabled: settings.overlayEnabled,
      warningsDismissible: settings.warningsDismissible,
    };
    const message = this.ports.message;
    if (message && view.overlayEnabled) {
      const keys: string[] = [...OVERLAY_KEYS];
      if (view.step) keys.push(...textKeysOf(view.step));
      view.strings = Object.fromEntries(keys.map((k) => [k, message(k)]));
    }
    return view;
  }

  /**
   * Gives each tab (of the state, or `only` these) its view and badge where they changed; the
   * `answer` tab's view is handed back in it instead of pushed (the content script asked for it).
   */
  private async publish(state: EngineState, only?: number[], answer?: Answer) {
    const settings = await this.settingsOrDefault();
    const opts = { undismissable: !settings.warningsDismissible };
    for (const tabId of only ?? Object.keys(state.tabs).map(Number)) {
      const view = await this.viewOf(state, tabId);
      const json = JSON.stringify(view);
      if (answer?.tabId === tabId) {
        answer.view = view;
        this.pushed.set(tabId, json);
      } else if (this.pushed.get(tabId) !== json) {
        this.pushed.set(tabId, json);
        // A tab without a content script (sign-in page, not loaded yet): it asks for its view when it is.
        await this.ports.pushView(tabId, view).catch(() => this.pushed.delete(tabId));
      }
      const badge = badgeFor(state, tabId, opts);
      const b = JSON.stringify(badge);
      if (this.badges.get(tabId) !== b) {
        this.badges.set(tabId, b);
        await this.ports.setBadge(tabId, badge).catch(() => this.badges.delete(tabId));
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
