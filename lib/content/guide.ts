/**
 * The guide: a thin adapter between the live page and lib/ (the flow data, the page detectors, the
 * deep locator) and the background's engine, loaded by the content scripts' start-up code
 * (lib/content/boot.ts) where a page needs it (lib/content/guide-loader.ts). It detects the page,
 * asks the background for the tab's view, rings the current step's target, and reports pages and
 * clicks. Everything it starts ends on navigation (per page) or on invalidation (all).
 *
 * Its parts: the page (URL, kind, customer name, navigation), the view (report, ask, apply), the
 * target (the step's clicks here, the tracker, the fallback's timer), the agent's clicks, and the
 * drawing (lib/content/guide-draw.ts).
 *
 * Only types come from lib/engine and lib/protocol: zod stays out of this bundle.
 */
import { browser } from 'wxt/browser';
import type { ScriptContext } from './context';
import type { Candidate } from '../flow/flow';
import { specKeyOf, specOf, type Spec } from './guide-spec';
import { documentMatters, type ContentPortal, type PageKind } from '../flow/pages';
import { customerTenantFromUrl } from '../flow/tenant';
import { DeepWatch, type FrameChanges } from './dom/deep-watch';
import { TargetTracker, type Found } from './dom/target-tracker';
import { customerNameOnPage, detectLive, headingsMayChangePage } from './page-probe';
import type { ContentMessage } from '../protocol/messages';
import { t, useStrings } from './overlay-text';
import type { ContentView } from '../protocol/content-view';
import { agentClicks } from './guide-clicks';
import { GuideDrawing, overlayEventsOf } from './guide-draw';
import { missingReport } from './guide-missing';
import { LocalChoices } from './guide-choices';
import { coalesced, Timers, type Coalesced } from './timers';
import { asView } from './view-check';
import { scrollIntoViewIfPartlyHidden } from './dom/scroll-into-view';
import { sender, type GuideStart, type Handoff } from './shared';

/** The fallback card shows when the target is not found within this long of the step's page. */
export const FALLBACK_MS = 3000;
/** After a click on the target, the ring waits this long for the next step before coming back. */
const CLICK_GRACE_MS = 2000;
/**
 * Reports of one page (its headings or customer name changing) go out at most once this often,
 * the last one always: a page whose title changes every few milliseconds costs the background
 * (and its storage) a few reports a second, not one per change.
 */
const REPORT_GAP_MS = 250;

/**
 * Starts the guide in this tab, once the document is parsed, taking over from the start-up code
 * (lib/content/boot.ts): its overlay (ring and card, if it drew them) and the target it marked.
 */
export const startGuide: GuideStart = (ctx, portal, handoff) => new Guide(ctx, portal, handoff).start();

class Guide {
  private readonly watch = new DeepWatch(document);
  private readonly timers: Timers;
  private readonly tracker: TargetTracker<Candidate>;
  private readonly drawing: GuideDrawing;
  private readonly send: (msg: ContentMessage) => Promise<unknown>;
  private readonly reports: Coalesced;
  private readonly clicks = agentClicks({
    target: () => this.tracker.target,
    spec: () => (this.view?.step ? this.spec : null),
    justReported: () => this.suppressed?.key === this.specKey,
    report: (msg) => this.sendClick(msg),
    // A click may navigate on the client (pushState) while mutations are not observed: look at
    // the URL after it (no event tells in browsers without the Navigation API).
    afterClick: () => {
      const checkUrl = () => location.href !== this.url && this.onLocation();
      this.timers.later(checkUrl, 0);
      this.timers.later(checkUrl, 300);
    },
  });

  // The page.
  private url = location.href;
  /** When the page was detected: the fallback's 3 s count from then (see `constructor`). */
  private navAt: number;
  private page: PageKind | null;
  private customerName: string | undefined;
  /** Headings can change what this page is (or whose name it shows): set per URL. */
  private readsHeadings: boolean;
  private locationCheck = 0;

  // The view.
  private view: ContentView | null = null;
  private viewRequest = 0;
  /** The first scan and draw happened (they wait for a view with something to show). */
  private started = false;
  private startPending = false;
  private idleMarked = false;

  // The target.
  private spec: Spec | null = null;
  private specKey = '';
  /** When this tab last saw the step change (0: not since it loaded): the fallback counts from it. */
  private stepAt = 0;
  private fallbackDue = false;
  private fallbackTimer = 0;
  private pulseNext = false;
  /** The spec whose ring the agent said is wrong ("Not this?"): the fallback card instead, to teach the target. */
  private disowned = '';
  /** After a click on the target: no ring for the same spec for a moment (the next step is coming). */
  private suppressed: { key: string; until: number } | null = null;

  private readonly choices: LocalChoices; // the agent's, shown before the background confirms them
  private readonly missing: ReturnType<typeof missingReport>;

  constructor(private readonly ctx: ScriptContext, private readonly portal: ContentPortal, private readonly handoff: Handoff) {
    this.timers = new Timers(ctx);
    this.send = sender(ctx);
    this.reports = coalesced(REPORT_GAP_MS, () => void this.report(), this.timers);
    // The page was there to detect once parsed: count the fallback's 3 s from then, not from when
    // a busy browser got round to starting this script.
    const nav0 = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
    this.navAt = Math.min(performance.now(), nav0?.domContentLoadedEventEnd || Infinity);
    this.page = detectLive(this.url, this.watch);
    this.customerName = customerTenantFromUrl(this.url) ? customerNameOnPage(this.watch) : undefined;
    this.readsHeadings = documentMatters(this.url);
    this.tracker = new TargetTracker<Candidate>(this.watch, (found, reason) => this.onTarget(found, reason));
    const choices = (this.choices = new LocalChoices(this.send, () => this.draw()));
    this.drawing = new GuideDrawing(overlayEventsOf({
      minimize: (minimized) => choices.minimize(minimized),
      dismiss: (warning) => choices.dismiss(warning),
      continueAnyway: (warning) => choices.continueAnyway(warning),
      openPartnerCenter: (tenantId) => void this.send({ kind: 'open-partner-center', ...(tenantId ? { tenantId } : {}) }),
      openCause: () => void this.send({ kind: 'open-admin-relationships' }),
      fill: () => this.drawing.fill(this.view?.summary ?? null),
      notThis: () => ((this.disowned = this.specKey), this.draw()),
      view: () => this.view,
    }), handoff, this.send, {
      // What teaching the target and the page report read of the guide (lib/content/heal/, in the dock's module).
      portal, ctx: this.watch, t, spec: () => this.spec ?? specOf(this.view, this.page, portal), page: () => this.page, view: () => this.view,
      customerName: () => this.customerName, overlayHost: () => this.drawing.host, send: this.send, clicked: (m) => this.sendClick(m), signal: ctx.signal,
    });
    this.missing = missingReport(this.send);
    // Added nodes are walked only while they can matter: the target is being looked for, or
    // headings can change the page. Otherwise a mutation batch costs the checks below and nothing else.
    this.watch.wantsAdded = () => this.tracker.wantsAdded() || this.readsHeadings;
    // Where headings can change what the page is, they render with the page: the watch stays on
    // the whole document for the page's first FALLBACK_MS (then the page had its time to render).
    this.tracker.canNarrow = () => !this.readsHeadings || performance.now() - this.navAt >= FALLBACK_MS;
    this.watch.onBatch = (removed) => {
      if (location.href !== this.url) this.checkLocationSoon();
      if (removed) this.tracker.checkConnected();
      const host = this.drawing.host;
      if (host && (this.drawing.hasMark || this.fallbackDue) && !host.isConnected) this.drawing.mount();
    };
  }

  /**
   * Start-up: only the page's detection and the `page` message run when the guide starts. The
   * first deep scan, the overlay and its strings wait for the view (and only if it has a step to
   * ring here), then for the page's next paint.
   */
  start(): void {
    const unsubscribe = this.watch.onFrame((c) => this.onFrame(c));
    const onMessage = (msg: unknown) => {
      const kind = msg && typeof msg === 'object' ? (msg as { kind?: unknown }).kind : undefined;
      // The side panel's page report (lib/content/heal/report.ts): built here, answered to the background.
      if (kind === 'page-report') return this.drawing.pageReport();
      if (kind !== 'view') return;
      const v = asView((msg as { view?: unknown }).view);
      if (v) this.applyView(v);
    };
    browser.runtime.onMessage.addListener(onMessage);
    this.listen();
    this.ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener?.(onMessage);
      unsubscribe();
      this.tracker.stop();
      this.clicks.follow(null);
      this.watch.stop();
      this.timers.clear();
      this.drawing.destroy();
    });
    this.reports.now();
    // The start-up code's card said "Not this?": its spec is disowned (set once it is known).
    if (this.handoff.notThis) this.disowned = '*';
  }

  private markIdle(): void {
    if (this.idleMarked) return;
    this.idleMarked = true;
    if (import.meta.env.EG_BENCH) performance.mark?.('eg:idle');
  }

  // ---- The view ---------------------------------------------------------------------------

  /** Reports the page; the background answers with the tab's view. */
  private report(): Promise<void> {
    const { url, page, customerName } = this;
    return this.send({ kind: 'page', url, page, ...(customerName ? { customerName } : {}) }).then((v) => {
      const next = asView(v);
      if (next) this.applyView(next);
      else void this.requestView();
    });
  }

  private async requestView(attempt = 0): Promise<void> {
    const n = ++this.viewRequest;
    const v = asView(await this.send({ kind: 'get-view' }));
    if (n !== this.viewRequest || this.ctx.isInvalid) return;
    if (v) this.applyView(v);
    else if (attempt < 4) this.timers.later(() => void this.requestView(attempt + 1), 250 * 2 ** attempt);
  }

  private applyView(v: ContentView): void {
    // The background saw the tab's URL change (a client-side navigation no event told us about).
    if (location.href !== this.url) this.onLocation();
    // The first view: the start-up code may have drawn it already (no second pulse for it).
    const prevKey = this.view ? `${this.view.step}|${this.view.clickIndex}` : this.handoff.drawn;
    this.view = v;
    useStrings(v.strings);
    if (`${v.step}|${v.clickIndex}` !== prevKey) {
      this.suppressed = null;
      this.pulseNext = true;
      if (prevKey) this.stepAt = performance.now();
    }
    this.choices.confirm(v);
    if (this.started) {
      this.resync(false);
      this.draw();
      return;
    }
    if (!specOf(v, this.page, this.portal) && !(v.overlayEnabled !== false && (v.warnings.length || this.isDone()))) {
      // Nothing to ring or warn about on this page: start-up ends here (the watch stays idle).
      this.markIdle();
      return;
    }
    if (this.startPending) return;
    this.startPending = true;
    // At the page's next frame, before it is drawn: the page's layout is clean there unless the
    // page changed it since its last frame (or has had none yet: then reading a box lays out what
    // that frame would have), and the ring shows in that frame.
    requestAnimationFrame(() => {
      if (this.ctx.isInvalid) return;
      this.started = true;
      this.resync(false);
      this.draw();
      this.drawing.whenPlaced(() => this.markIdle());
    });
  }

  // ---- The target --------------------------------------------------------------------------

  /** Points the tracker at the current step's target (a full scan) when the step or page changed. */
  private resync(force: boolean): void {
    const next = specOf(this.view, this.page, this.portal);
    const key = specKeyOf(next, this.page);
    if (this.disowned === '*') this.disowned = key;
    if (!force && key === this.specKey) return;
    this.specKey = key;
    this.spec = next;
    this.fallbackDue = false;
    this.timers.cancel(this.fallbackTimer);
    this.tracker.set(next ? { options: next.candidates.map((c) => ({ click: c.click, data: c })) } : null);
    this.syncWatch();
    // The fallback counts from the page's detection, or from the step's change if that came later
    // (a slow background answer does not delay it).
    if (next && !this.tracker.target) this.armFallback(Math.max(this.navAt, this.stepAt));
  }

  private armFallback(from: number): void {
    this.timers.cancel(this.fallbackTimer);
    this.fallbackTimer = this.timers.later(() => {
      if (this.spec && !this.tracker.target) {
        this.fallbackDue = true;
        this.draw();
      }
    }, Math.max(0, from + FALLBACK_MS - performance.now()));
  }

  /**
   * While the target is found and connected (and headings cannot change the page), mutations are
   * not observed at all: the tracker's ResizeObserver says when the target leaves the document.
   */
  private syncWatch(): void {
    this.tracker.observeCurrent();
    this.clicks.follow(this.tracker.target?.el ?? null);
    if (this.tracker.target?.el.isConnected && !this.readsHeadings) this.watch.suspend();
    else this.watch.resume();
  }

  private onTarget(found: Found<Candidate> | null, reason: 'found' | 'replaced' | 'lost'): void {
    this.syncWatch();
    // Unobserved mutations may have hidden a client-side navigation (no event for pushState in
    // browsers without the Navigation API): check the URL when the target changes.
    if (reason !== 'found' && location.href !== this.url) this.checkLocationSoon();
    if (found) {
      this.fallbackDue = false;
      this.timers.cancel(this.fallbackTimer);
      // A target not in view (a scrolled container, a long page) is brought into view, once.
      if (reason === 'found' && this.spec) scrollIntoViewIfPartlyHidden(found.el);
    } else if (this.spec && this.specKey) {
      this.armFallback(performance.now());
    }
    this.draw();
  }

  // ---- Drawing -----------------------------------------------------------------------------

  private isMinimized(): boolean {
    return this.choices.isMinimized(this.view);
  }

  /** The flow completed and this is the admin center, where the request form is: the done card shows. */
  private isDone = () => !!this.view?.complete && this.portal === 'admin-center';
  /** Renders the overlay from the state: ring + card (or pill), fallback, warnings, the done card. */
  private draw(): void {
    if (this.ctx.isInvalid) return;
    const view = this.view;
    const enabled = view?.overlayEnabled !== false;
    const found = this.tracker.target;
    if (this.suppressed && (this.suppressed.key !== this.specKey || performance.now() > this.suppressed.until)) this.suppressed = null;
    const spec = this.spec;
    const { warnings, stopped } = enabled ? this.choices.warnings(view) : { warnings: [], stopped: null };
    const disowned = !!spec && this.disowned === this.specKey;
    const ring = enabled && spec && found && !this.suppressed && !stopped && !disowned ? found : null;
    const fallback = enabled && !!spec && ((!found && this.fallbackDue) || disowned) && !this.suppressed && !stopped;
    const done = enabled && this.isDone() ? view : null;
    this.pulseNext = this.drawing.draw({
      step: spec?.step ?? null,
      stepNumber: view?.stepNumber ?? 0,
      ring,
      fallback,
      click: ring?.click ?? spec?.candidates[0]?.click,
      warnings,
      dismissible: view?.warningsDismissible !== false,
      minimized: this.isMinimized(),
      pulse: this.pulseNext,
      stopped,
      customerTenantId: view?.customer?.tenantId,
      done,
    });
    this.missing(fallback ? spec!.step : null);
  }

  // ---- Navigation --------------------------------------------------------------------------

  private checkLocationSoon(): void {
    if (!this.locationCheck) this.locationCheck = this.timers.later(() => ((this.locationCheck = 0), this.onLocation()), 0);
  }

  private onLocation(): void {
    if (this.ctx.isInvalid || location.href === this.url) return;
    this.url = location.href;
    this.navAt = performance.now();
    this.page = detectLive(this.url, this.watch);
    this.customerName = customerTenantFromUrl(this.url) ? customerNameOnPage(this.watch) : undefined;
    this.readsHeadings = documentMatters(this.url);
    this.syncWatch();
    this.reports.now();
    // A new page: start over the search (a full scan), even for the same step.
    if (!this.started) return;
    this.resync(true);
    this.draw();
  }

  /** Headings rendered since the last frame may change what a document-reading detector says. */
  private onFrame(c: FrameChanges): void {
    if (!this.readsHeadings || !headingsMayChangePage(c)) return;
    const next = detectLive(this.url, this.watch);
    const name = customerTenantFromUrl(this.url) ? customerNameOnPage(this.watch) : undefined;
    if (next === this.page && name === this.customerName) return;
    const pageChanged = next !== this.page;
    this.page = next;
    this.customerName = name;
    this.reports.soon();
    if (pageChanged && this.started) {
      this.resync(true);
      this.draw();
    }
  }

  /** The page's and the agent's events: navigations, the tab shown again, input, clicks. */
  private listen(): void {
    const opts = { capture: true, signal: this.ctx.signal } as const;
    const onLocation = () => this.onLocation();
    window.addEventListener('popstate', onLocation, opts);
    window.addEventListener('hashchange', onLocation, opts);
    (globalThis as { navigation?: EventTarget }).navigation?.addEventListener?.('currententrychange', onLocation, { signal: this.ctx.signal });
    // A tab in the background may have missed a push (the flow moved on in another tab).
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void this.requestView(), opts);
    // What the agent opens (a menu, a pane) may hold the target outside a narrowed watch's regions.
    const onInput = (e: Event) => e.isTrusted && this.tracker.onInput();
    window.addEventListener('pointerdown', onInput, { ...opts, passive: true });
    window.addEventListener('keydown', onInput, { ...opts, passive: true });
    this.clicks.listen(opts);
  }

  // ---- The agent's clicks (lib/content/guide-clicks.ts) ------------------------------------

  private sendClick(msg: Extract<ContentMessage, { kind: 'clicked' }>): void {
    void this.send(msg).then(() => this.requestView());
    this.suppressed = { key: this.specKey, until: performance.now() + CLICK_GRACE_MS };
    this.timers.later(() => this.draw(), CLICK_GRACE_MS + 50);
    this.draw();
  }
}
