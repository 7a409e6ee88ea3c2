/**
 * The background's logic, apart from the browser: it owns the engine state, persists it (so a
 * stopped service worker resumes where it was: lib/background/persist.ts), turns validated
 * messages and the browser's tab events into engine events, and tells the tabs and the badge what
 * changed. The browser glue (entrypoints/background.ts) gives it ports; tests give it fakes.
 */
import { initialState, type EngineEventInput, type EngineState } from '../engine/state';
import { reduce } from '../engine/reduce';
import { actsFor, urlTenant } from '../engine/apply';
import { FLOW } from '../flow/flow';
import { FlowSchema, type LearnedLocator } from '../flow/schema';
import { UNTEACHABLE_STEPS } from '../flow/taught';
import { ContentMessageSchema, SurfaceMessageSchema } from '../protocol/messages';
import { contentSender, isExtensionPage, safeParseMessage, safeUrl, type Sender } from './senders';
import { portalOf } from '../flow/pages';
import { bootPlan } from './boot-plan';
import { SessionStore, type StorePorts } from './persist';
import type { ContentView } from '../protocol/content-view';
import { Publisher, type Answer, type PublishPorts } from './publish';
import { PARTNER_CENTER_DASHBOARD, adminRelationshipsUrl, wayBackUrl } from '../flow/urls';
import { isGuid } from '../flow/tenant';
import { isCaseNumber } from '../flow/ids';
import { escalationOf, flowOfTab } from '../engine/derive';

export interface HubPorts extends StorePorts, PublishPorts {
  /** Reset: the state and the settings go. */
  clear(): Promise<void>;
  openTab(url: string, openerTabId?: number): Promise<void>;
  /** Keeps a locator the agent taught (local storage); its change republishes the views. */
  learn(entry: LearnedLocator): Promise<void>;
  /** Asks a tab's content script (its answer, or undefined where none answers). */
  askTab(tabId: number, msg: { kind: 'page-report' }): Promise<unknown>;
}

/** A page report asked of a tab: tries while the tab's start-up code loads the guide that builds it. */
const REPORT_TRIES = [0, 300, 700, 1500];

export class Hub {
  private state: EngineState | undefined;
  /** The one load of the persisted state after a (re)start: concurrent callers share it. */
  private loading: Promise<EngineState> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** Serial tasks queued or running: the state is written when the last of a burst ends. */
  private waiting = 0;
  private readonly store: SessionStore;
  /** What each tab's content script and badge were given. */
  private readonly tabs: Publisher;

  constructor(private readonly ports: HubPorts) {
    const flow = FlowSchema.safeParse(FLOW);
    if (!flow.success) ports.log(`flow data does not match its schema: ${flow.error.message}`);
    this.tabs = new Publisher(ports);
    // This run's journal name: runs sort by their start (their journals are replayed in that order).
    this.store = new SessionStore(ports, `${Date.now().toString(36).padStart(10, '0')}-${Math.random().toString(36).slice(2, 8)}`);
  }

  /**
   * The current state, loading it first after a restart (validated, journals replayed, reconciled
   * with the browser's tabs: lib/background/persist.ts). The load happens once: a second caller
   * during it waits for the same result instead of overwriting a newer in-memory state with the
   * stale stored one.
   */
  current(): Promise<EngineState> {
    if (this.state) return Promise.resolve(this.state);
    this.loading ??= this.store.load().then(
      (state) => {
        this.state ??= state;
        this.loading = undefined;
        // What the load changed (replayed, reconciled) is written by the next burst's end.
        if (this.waiting === 0) void this.serial(async () => this.state!, () => this.state!);
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

  /**
   * Runs `task` after every earlier one: state changes never interleave. The last task of a burst
   * writes what changed (see `apply`). Never rejects.
   */
  private serial<T>(task: () => Promise<T>, fallback: () => T): Promise<T> {
    this.waiting++;
    const run = this.queue.then(async () => {
      let result: T;
      try {
        result = await task();
      } catch (err) {
        this.ports.log(`background task failed: ${err instanceof Error ? err.message : String(err)}`);
        result = fallback();
      }
      if (--this.waiting === 0) await this.flush();
      return result;
    });
    this.queue = run;
    return run;
  }

  /** Writes what changed (at most once per burst of events); on a full store the state kept may lose idle flows. */
  private async flush(): Promise<void> {
    if (!this.state) return;
    this.state = await this.store.flush(this.state);
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
   * Only inside a serial task. An invalid event is logged and changes nothing. The state is written
   * before the tabs are told, by the last task of a burst (many events in one task: one write), or
   * when changes have waited a frame. `answer`: the tab whose content script asked and gets its
   * view as the answer (`answer.view`), not also pushed.
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
      this.store.applied(event);
    }
    if (next !== before) {
      this.state = next;
      this.store.markDirty();
    }
    if (this.waiting === 1 || this.store.overdue) await this.flush();
    await this.tabs.publish(this.state ?? next, undefined, answer);
    return this.state ?? next;
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
        return this.tabs.viewOf(await this.current(), tabId);
      case 'page': {
        if (portalOf(new URL(msg.url)) === undefined || new URL(msg.url).host !== from.host) return this.drop('page report for another site');
        // The answer is the tab's view: one message to the page instead of a push and the same view
        // again as the answer (each costs the page's main thread a message and a redraw).
        const answer: Answer = { tabId };
        await this.dispatchAnswering(answer, [{ type: 'page-seen', tabId, url: msg.url, page: msg.page, customerName: msg.customerName, at }]);
        const state = await this.current();
        const view = answer.view ?? (await this.tabs.viewOf(state, tabId));
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
      case 'continue-warning': // allowed where policy forbids dismissing: the warning stays shown (README, policy)
        return this.dispatch({ type: 'warning-continued', tabId, warning: msg.warning, at }).then(() => ({ ok: true }));
      case 'target-missing':
        return this.dispatch({ type: 'target-missing', tabId, step: msg.step, missing: msg.missing, at }).then(() => ({ ok: true }));
      case 'case-number': {
        if (!isCaseNumber(msg.caseNumber)) return { ok: false, error: 'invalid-case-number' };
        const state = await this.current();
        const esc = escalationOf(state, flowOfTab(state, tabId));
        if (!esc) return this.drop('case number for a tab without a completed escalation');
        return this.dispatch({ type: 'case-number-set', escalationId: esc.id, caseNumber: msg.caseNumber, at }).then(() => ({ ok: true }));
      }
      case 'learn-locator': {
        // The portal is the sender's own: a tab teaches only for the site it shows.
        const portal = portalOf(from);
        if (!portal || portal === 'sign-in') return this.drop('taught locator from outside the portals');
        if (UNTEACHABLE_STEPS.includes(msg.step)) return this.drop(`the target of ${msg.step} cannot be taught`);
        const id = `${at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
        await this.ports.learn({ id, step: msg.step, click: msg.click, portal, page: msg.page, locator: msg.locator, learnedAt: at });
        return { ok: true };
      }
      case 'open-admin-relationships': {
        const url = adminRelationshipsUrl(flowOfTab(await this.current(), tabId)?.customer?.tenantId);
        return url ? this.ports.openTab(url, tabId).then(() => ({ ok: true })) : this.drop('no customer whose admin relationships to open');
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
  async onSurfaceMessage(input: unknown, sender: Sender): Promise<{ ok: boolean; error?: string; report?: string }> {
    try {
      return await this.surfaceMessage(input, sender);
    } catch (err) {
      return this.drop(`surface message failed: ${String(err)}`);
    }
  }

  private async surfaceMessage(input: unknown, sender: Sender): Promise<{ ok: boolean; error?: string; report?: string }> {
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
      case 'continue-warning':
        await this.dispatch({ type: 'warning-continued', tabId: msg.tabId, warning: msg.warning, at });
        break;
      case 'case-saved':
        await this.dispatch({ type: 'case-saved', flowId: msg.flowId, case: msg.case, at });
        break;
      case 'case-number':
        if (msg.caseNumber !== null && !isCaseNumber(msg.caseNumber)) return { ok: false, error: 'invalid-case-number' };
        await this.dispatch({ type: 'case-number-set', escalationId: msg.escalationId, caseNumber: msg.caseNumber, at });
        break;
      case 'page-report':
        return this.pageReport(msg.tabId);
    }
    return { ok: true };
  }

  /** The page report of a tab that shows a portal page (its content script builds it). */
  private async pageReport(tabId: number): Promise<{ ok: boolean; error?: string; report?: string }> {
    if (!(await this.current()).tabs[tabId]) return { ok: false, error: 'no-portal-page' };
    for (const wait of REPORT_TRIES) {
      if (wait) await new Promise((r) => setTimeout(r, wait));
      const answer = await this.ports.askTab(tabId, { kind: 'page-report' }).catch(() => undefined);
      if (typeof answer === 'string' && answer.startsWith('{')) return { ok: true, report: answer };
    }
    return { ok: false, error: 'no-report' };
  }

  // ---- The browser's tab events ---------------------------------------------------------------

  /**
   * A new tab (`tabs.onCreated`): opened from a flow's tab (its `openerTabId`), it joins that flow.
   * `pendingUrl`, when the browser gives it, is the first URL of the tab's own navigation.
   */
  tabOpened(tabId: number, openerTabId: number | undefined, pendingUrl?: string) {
    const at = this.ports.now();
    const events: EngineEventInput[] = [];
    if (openerTabId !== undefined) events.push({ type: 'tab-opened', tabId, openerTabId, at });
    const url = this.portalUrl(pendingUrl);
    if (url) events.push({ type: 'navigation-seen', tabId, url, at });
    return events.length ? this.browserEvents(events) : this.current();
  }

  /**
   * A top-level request of a tab (webRequest `onBeforeRequest`, main frame): a new navigation unless
   * it continues the tab's last request (a redirect within the hosts observed keeps its requestId).
   */
  requestSeen(tabId: number, requestId: string, url: string) {
    return this.navigationSeen(tabId, url, requestId);
  }

  /** A tab's request was redirected (webRequest `onBeforeRedirect`, main frame): where it goes. */
  redirectSeen(tabId: number, redirectUrl: string) {
    return this.navigationSeen(tabId, redirectUrl);
  }

  /** A tab's committed URL (`tabs.onUpdated`; the browser tells it only on the hosts the extension holds). */
  urlSeen(tabId: number, url: string | undefined) {
    return this.navigationSeen(tabId, url);
  }

  private navigationSeen(tabId: number, url: string | undefined, request?: string) {
    const portalUrl = this.portalUrl(url);
    if (!portalUrl) return this.current();
    const id = request && request.length <= 64 ? { request } : {};
    return this.browserEvents([{ type: 'navigation-seen', tabId, url: portalUrl, ...id, at: this.ports.now() }]);
  }

  /** An https URL on a portal's host, else undefined (the browser reports only the hosts we hold). */
  private portalUrl(url: string | undefined): string | undefined {
    const u = url ? safeUrl(url) : undefined;
    return u && u.protocol === 'https:' && portalOf(u) ? url : undefined;
  }

  /**
   * Events the browser will not send again: the ones the state could not rebuild after a restart
   * (a tab's opening, a tenant its navigation carried) are journaled at once, then applied.
   */
  private browserEvents(events: EngineEventInput[]) {
    for (const e of events) if (this.mustJournal(e)) this.store.journalEvent(e);
    return this.dispatch(...events);
  }

  private mustJournal(e: EngineEventInput): boolean {
    if (e.type === 'navigation-seen') {
      const u = safeUrl(e.url);
      const tenant = u ? urlTenant(u) : undefined;
      return tenant !== undefined && !(this.state && actsFor(this.state, e.tabId, tenant));
    }
    // A new tab matters only if its opener is in a flow (unknown while the state is not loaded).
    return e.type === 'tab-opened' && (!this.state || !!this.state.tabs[e.openerTabId]?.flowId);
  }

  tabClosed(tabId: number) {
    return this.serial(() => {
      this.tabs.forget(tabId);
      return this.apply([{ type: 'tab-closed', tabId, at: this.ports.now() }]);
    }, () => this.state ?? initialState());
  }
  /**
   * A tab started loading a new document: its content script is gone and the browser may have reset
   * its badge, so both are given again (restores the badge after navigation and after a restart).
   */
  tabLoading(tabId: number) {
    return this.serial(async () => {
      this.tabs.forget(tabId);
      const state = await this.current();
      if (state.tabs[tabId]) await this.tabs.publish(state, [tabId]);
      return state;
    }, () => this.state ?? initialState());
  }
  tabActivated(tabId: number) {
    return this.dispatch({ type: 'tab-activated', tabId, at: this.ports.now() });
  }

  /** Settings changed (overlay on/off, policy), or the service worker started: every tab's view and badge again. */
  settingsChanged() {
    return this.serial(async () => {
      this.tabs.forgetAll();
      const state = await this.current();
      await this.tabs.publish(state);
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
        await this.store.forgetAll();
        await this.ports.clear();
      } catch (err) {
        this.ports.log(`storage not cleared: ${String(err)}`);
      }
      this.tabs.forgetAll();
      await this.tabs.publish(state, had);
      return state;
    }, () => this.state ?? initialState());
  }

  private drop(reason: string): { ok: false; error: string } {
    this.ports.log(reason);
    return { ok: false, error: reason };
  }
}
