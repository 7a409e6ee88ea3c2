/**
 * The guide: a thin adapter between the live page and lib/ (the flow data, the page detectors, the
 * deep locator) and the background's engine, loaded by the content scripts' start-up code
 * (lib/content/boot.ts) where a page needs it (entrypoints/guide.ts). It detects the page, asks the
 * background for the tab's view, rings the current step's target, and reports pages and clicks.
 * Everything it starts ends on navigation (per page) or on invalidation (all).
 *
 * Only types come from lib/engine, lib/view and lib/messages: zod stays out of this bundle.
 */
import { browser } from 'wxt/browser';
import type { ScriptContext } from './context';
import { STEP_IDS, candidatesOn, stepOf, type Candidate, type StepId } from '../flow/flow';
import { labelFor, type LabelId } from '../flow/labels';
import { documentMatters, type PageKind } from '../flow/pages';
import { GUID, customerTenantFromUrl } from '../flow/tenant';
import { DeepWatch, TargetTracker, flatText, matchWithin, shownSpelling, type Found } from './dom/locator';
import { HEADING_SELECTOR, customerNameOnPage, detectLive, mayChangePage } from './page-probe';
import { Overlay, type LabelledText, type OverlayEvents } from './overlay/overlay';
import { Dock, type DockEvents, type WarningModel } from './overlay/dock';
import type { ContentMessage } from '../protocol/messages';
import { t, useStrings, withLabel } from './overlay-text';
import type { Customer, Warning } from '../engine/engine';
import type { ContentView } from '../background/hub'; // a type only: no background code in the content script
import { TARGET_ATTR, hrefIn, pageLang, sender, type GuideStart, type Handoff, type Portal } from './boot';

/** What the background answers to `get-view` and pushes as `{ kind: 'view', view }`. */
export type { ContentView };

export { TARGET_ATTR };
/** The fallback card shows when the target is not found within this long of the step's page. */
export const FALLBACK_MS = 3000;
/** After a click on the target, the ring waits this long for the next step before coming back. */
const CLICK_GRACE_MS = 2000;

/** A small hand check of a pushed view (no zod here): a wrong shape is ignored. */
export function asView(v: unknown): ContentView | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (o.step !== null && !(STEP_IDS as readonly unknown[]).includes(o.step)) return null;
  if (typeof o.clickIndex !== 'number' || typeof o.stepNumber !== 'number') return null;
  if (!Array.isArray(o.warnings)) o.warnings = [];
  if (o.strings !== undefined && (typeof o.strings !== 'object' || o.strings === null)) delete o.strings;
  return o as unknown as ContentView;
}

const DOMAIN = /^[a-z0-9.-]+\.[a-z]{2,}$/i;
const GUID_ONLY = new RegExp(`^${GUID.source}$`, 'i');

/** The customer a click in the customer list picked: tenant id from row/cell ids, name, domain. */
export function customerFromPath(path: readonly EventTarget[], target: Element): Customer | undefined {
  let tenantId: string | undefined;
  let nameEl: Element | undefined;
  let row: Element | undefined;
  for (const n of path) {
    if (n === target) break;
    if (!(n instanceof Element)) continue;
    const id = n.id;
    let m: RegExpExecArray | null;
    if (!nameEl && /^cell-displayName-/i.test(id)) nameEl = n;
    if (!tenantId && (m = /^row-(.+)$/.exec(id)) && GUID_ONLY.test(m[1]!)) {
      tenantId = m[1]!;
      row = n;
    }
    if (!tenantId && (m = /^cell-[A-Za-z]+-(.+)$/.exec(id)) && GUID_ONLY.test(m[1]!)) tenantId = m[1]!;
    if (!tenantId && n instanceof HTMLAnchorElement) tenantId = customerTenantFromUrl(n.href);
  }
  if (!tenantId) return undefined;
  const root = (row ?? nameEl ?? target).getRootNode() as Document | ShadowRoot;
  nameEl ??= root.getElementById?.(`cell-displayName-${tenantId}`) ?? undefined;
  const name = nameEl ? flatText(nameEl, 300).replace(/\s+/g, ' ').trim() : '';
  const domain = (root.getElementById?.(`cell-domainName-${tenantId}`)?.textContent ?? '').trim();
  const out: Customer = { tenantId: tenantId.toLowerCase() };
  if (name && name.length <= 300) out.name = name;
  if (DOMAIN.test(domain) && domain.length <= 253) out.domain = domain.toLowerCase();
  return out;
}

interface Spec {
  step: StepId;
  clickIndex: number;
  candidates: Candidate[];
}

/**
 * Starts the guide in this tab, once the document is parsed, taking over from the start-up code
 * (lib/content/boot.ts): its overlay (ring and card, if it drew them) and the target it marked.
 */
export const startGuide: GuideStart = (ctx, portal, handoff) => run(ctx, portal, handoff);

function run(ctx: ScriptContext, portal: Portal, handoff: Handoff): void {
  const watch = new DeepWatch(document);
  const timers = new Set<number>();
  const later = (fn: () => void, ms: number): number => {
    const id = window.setTimeout(() => {
      timers.delete(id);
      if (!ctx.isInvalid) fn();
    }, ms);
    timers.add(id);
    return id;
  };
  const cancel = (id: number) => {
    clearTimeout(id);
    timers.delete(id);
  };

  let url = location.href;
  // The page was there to detect once parsed: count the fallback's 3 s from then, not from when a
  // busy browser got round to starting this script.
  const nav0 = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  let navAt = Math.min(performance.now(), nav0?.domContentLoadedEventEnd || Infinity);
  let page: PageKind | null = detectLive(url, watch);
  let customerName: string | undefined = customerTenantFromUrl(url) ? customerNameOnPage(watch) : undefined;
  let view: ContentView | null = null;
  let spec: Spec | null = null;
  let specKey = '';
  /** When this tab last saw the step change (0: not since it loaded): the fallback counts from it. */
  let stepAt = 0;
  let fallbackDue = false;
  let fallbackTimer = 0;
  let pulseNext = false;
  let marked: Element | null = handoff.marked;
  let localMinimized: boolean | null = null;
  const localDismissed = new Set<string>();
  let suppressed: { key: string; until: number } | null = null;
  let overlay: Overlay | null = handoff.overlay;

  const tracker = new TargetTracker<Candidate>(watch, (found, reason) => onTarget(found, reason));
  /** Headings can change what this page is (or whose name it shows): set per URL. */
  let readsHeadings = documentMatters(url);
  // Added nodes are walked only while they can matter: the target is being looked for, or headings
  // can change the page. Otherwise a mutation batch costs the checks below and nothing else.
  watch.wantsAdded = () => tracker.wantsAdded() || readsHeadings;
  // Where headings can change what the page is, they render with the page: the watch stays on
  // the whole document for the page's first FALLBACK_MS (then the page had its time to render).
  tracker.canNarrow = () => !readsHeadings || performance.now() - navAt >= FALLBACK_MS;
  let locationCheck = 0;
  watch.onBatch = (removed) => {
    if (location.href !== url && !locationCheck) locationCheck = later(() => ((locationCheck = 0), onLocation()), 0);
    if (removed) tracker.checkConnected();
    if (overlay && (marked || fallbackDue) && !overlay.host.isConnected) overlay.mount();
  };
  /**
   * Start-up: only the page's detection and the `page` message run when the guide starts. The
   * first deep scan, the overlay and its strings wait for the view (and only if it has a step to
   * ring here), then for the page's next paint.
   */
  let started = false;
  let startPending = false;
  let idleMarked = false;
  const markIdle = () => {
    if (idleMarked) return;
    idleMarked = true;
    performance.mark?.('eg:idle');
  };

  const send = sender(ctx);

  /** Reports the page; the background answers with the tab's view. */
  const report = () =>
    send({ kind: 'page', url, page, ...(customerName ? { customerName } : {}) }).then((v) => {
      const next = asView(v);
      if (next) applyView(next);
      else void requestView();
    });

  let viewRequest = 0;
  async function requestView(attempt = 0): Promise<void> {
    const n = ++viewRequest;
    const v = asView(await send({ kind: 'get-view' }));
    if (n !== viewRequest || ctx.isInvalid) return;
    if (v) applyView(v);
    else if (attempt < 4) later(() => void requestView(attempt + 1), 250 * 2 ** attempt);
  }

  function applyView(v: ContentView): void {
    // The background saw the tab's URL change (a client-side navigation no event told us about).
    if (location.href !== url) onLocation();
    // The first view: the start-up code may have drawn it already (no second pulse for it).
    const prevKey = view ? `${view.step}|${view.clickIndex}` : handoff.drawn;
    view = v;
    useStrings(v.strings);
    if (`${v.step}|${v.clickIndex}` !== prevKey) {
      suppressed = null;
      pulseNext = true;
      if (prevKey) stepAt = performance.now();
    }
    if (localMinimized === v.minimized) localMinimized = null;
    localDismissed.clear();
    if (started) {
      resync(false);
      draw();
      return;
    }
    if (!wantedSpec() && !(v.overlayEnabled !== false && v.warnings.length)) {
      // Nothing to ring or warn about on this page: start-up ends here (the watch stays idle).
      markIdle();
      return;
    }
    if (startPending) return;
    startPending = true;
    // At the page's next frame, before it is drawn: the page's layout is clean there unless the
    // page changed it since its last frame (or has had none yet: then reading a box lays out what
    // that frame would have), and the ring shows in that frame.
    requestAnimationFrame(() => {
      if (ctx.isInvalid) return;
      started = true;
      resync(false);
      draw();
      if (overlay?.ringedElement) overlay.whenPlaced(markIdle);
      else markIdle();
    });
  }

  /** The clicks to look for now, from the view's step and the page. */
  function wantedSpec(): Spec | null {
    if (!view?.step || view.complete || page === 'delegated-entry') return null;
    const candidates = candidatesOn(stepOf(view.step), page ?? undefined, portal, view.clickIndex);
    return candidates.length ? { step: view.step, clickIndex: view.clickIndex, candidates } : null;
  }

  /** Points the tracker at the current step's target (a full scan) when the step or page changed. */
  function resync(force: boolean): void {
    const next = wantedSpec();
    const key = next ? `${next.step}|${next.clickIndex}|${next.candidates.map((c) => c.variant).join(',')}|${page}` : '';
    if (!force && key === specKey) return;
    specKey = key;
    spec = next;
    fallbackDue = false;
    cancel(fallbackTimer);
    tracker.set(next ? { options: next.candidates.map((c) => ({ click: c.click, data: c })) } : null);
    syncWatch();
    // The fallback counts from the page's detection, or from the step's change if that came later
    // (a slow background answer does not delay it).
    if (next && !tracker.target) armFallback(Math.max(navAt, stepAt));
  }

  function armFallback(from: number): void {
    cancel(fallbackTimer);
    fallbackTimer = later(() => {
      if (spec && !tracker.target) {
        fallbackDue = true;
        draw();
      }
    }, Math.max(0, from + FALLBACK_MS - performance.now()));
  }

  /**
   * While the target is found and connected (and headings cannot change the page), mutations are
   * not observed at all: the tracker's ResizeObserver says when the target leaves the document.
   */
  function syncWatch(): void {
    tracker.observeCurrent();
    if (tracker.target?.el.isConnected && !readsHeadings) watch.suspend();
    else watch.resume();
  }

  function onTarget(found: Found<Candidate> | null, reason: 'found' | 'replaced' | 'lost'): void {
    syncWatch();
    // Unobserved mutations may have hidden a client-side navigation (no event for pushState in
    // browsers without the Navigation API): check the URL when the target changes.
    if (reason !== 'found' && location.href !== url && !locationCheck) locationCheck = later(() => ((locationCheck = 0), onLocation()), 0);
    if (found) {
      fallbackDue = false;
      cancel(fallbackTimer);
      // A target not in view (a scrolled container, a long page) is brought into view, once.
      if (reason === 'found' && spec) scrollIntoViewIfPartlyHidden(found.el);
    } else if (spec && specKey) {
      armFallback(performance.now());
    }
    draw();
  }

  const isMinimized = () => localMinimized ?? view?.minimized ?? false;

  /** What the overlay's buttons do: the card's and the dock's. */
  const events: OverlayEvents & DockEvents = {
    minimize: (minimized) => {
      localMinimized = minimized;
      void send({ kind: 'minimize', minimized });
      draw();
    },
    warningAction: (id) => {
      const w = view?.warnings.find((x) => x.id === id);
      const tenantId = w?.selected?.tenantId ?? view?.customer?.tenantId;
      void send({ kind: 'open-partner-center', ...(tenantId && id !== 'not-from-dashboard' ? { tenantId } : {}) });
    },
    dismissWarning: (id) => {
      localDismissed.add(id);
      void send({ kind: 'dismiss-warning', warning: id as Warning['id'] });
      draw();
    },
  };
  // The start-up code's overlay, taken over: its buttons are the guide's from now on.
  overlay?.setEvents(events);
  /** The dock's parts, made at the first draw (a taken-over overlay's dock is still empty). */
  let dock: Dock | null = null;

  function ensureOverlay(): { overlay: Overlay; dock: Dock } {
    overlay ??= new Overlay(events, t('@@ui_locale').replace('_', '-'));
    dock ??= new Dock(overlay, events);
    overlay.mount();
    return { overlay, dock };
  }

  function setMark(el: Element | null, step: StepId | null): void {
    if (marked && marked !== el) marked.removeAttribute(TARGET_ATTR);
    marked = el;
    if (el && step) el.setAttribute(TARGET_ATTR, step);
  }

  function warningModels(): WarningModel[] {
    const list = (view?.warnings ?? []).filter((w) => !localDismissed.has(w.id));
    if (!list.length) return [];
    const dismiss = view?.warningsDismissible === false ? null : t('overlay.dismiss');
    const who = (c: Customer | undefined) => c?.name ?? c?.tenantId ?? c?.domain ?? t('ui.warning.selectedUnknown');
    return list.map((w) => {
      switch (w.id) {
        case 'not-from-dashboard':
          return { id: w.id, title: t('ui.warning.notFromDashboard.title'), body: t('ui.warning.notFromDashboard.body'), action: t('ui.warning.notFromDashboard.action'), dismiss };
        case 'own-tenant-context':
          return {
            id: w.id, title: t('ui.warning.ownTenant.title'), body: t('ui.warning.ownTenant.body'),
            action: w.selected?.tenantId ? t('ui.warning.ownTenant.action') : t('ui.warning.notFromDashboard.action'), dismiss,
          };
        default:
          return {
            id: w.id, title: t('ui.warning.mismatch.title'), body: t('ui.warning.mismatch.body', [who(w.selected), w.opened?.value ?? '']),
            action: t('ui.warning.mismatch.action'), dismiss,
          };
      }
    });
  }

  /** Renders the overlay from the state: ring + card (or pill), fallback, warnings. */
  function draw(): void {
    if (ctx.isInvalid) return;
    const enabled = view?.overlayEnabled !== false;
    const found = tracker.target;
    const now = performance.now();
    if (suppressed && (suppressed.key !== specKey || now > suppressed.until)) suppressed = null;
    const ring = enabled && spec && found && !suppressed ? found : null;
    setMark(ring?.el ?? null, spec?.step ?? null);
    const warnings = enabled && view?.warnings.length ? warningModels() : [];
    const showFallback = enabled && !!spec && !found && fallbackDue && !suppressed;
    if (!ring && !showFallback && !warnings.length) {
      if (overlay) {
        overlay.setTarget(null, false);
        overlay.setCard(null);
      }
      if (dock) {
        dock.setFallback(null);
        dock.setPill(null);
        dock.setWarnings([]);
      }
      pulseNext = pulseNext || !ring;
      return;
    }
    const { overlay: o, dock: d } = ensureOverlay();
    const lang = pageLang();
    const minimized = isMinimized();
    const step = spec?.step;
    const label: LabelId | undefined = (ring?.click ?? spec?.candidates[0]?.click)?.label;
    const shown = label ? ((ring && shownSpelling(ring.el, label)) ?? labelFor(label, lang)) : '';
    const stepText = step ? t('overlay.step', [view!.stepNumber, STEP_IDS.length]) : '';
    d.setWarnings(warnings);
    if (ring && step) {
      o.setTarget(ring.el, pulseNext);
      pulseNext = false;
      if (minimized) o.setCard(null);
      else {
        const key = step === 'select-customer' ? 'overlay.clickCustomer' : ring.click.clickWithin ? 'overlay.clickWithin' : 'overlay.click';
        o.setCard({ step: stepText, click: withLabel(key, shown, lang), why: t(stepOf(step).why), minimizeLabel: t('overlay.minimize') });
      }
    } else {
      o.setTarget(null, false);
      o.setCard(null);
    }
    d.setFallback(showFallback && !minimized && step
      ? { step: stepText, title: withLabel('overlay.notFound', shown, lang), where: t(stepOf(step).where), minimizeLabel: t('overlay.minimize') }
      : null);
    d.setPill(minimized && step && (ring || showFallback) ? { text: t('overlay.pill', [view!.stepNumber, shown]), restoreLabel: t('overlay.restore') } : null);
  }

  // ---- Navigation -------------------------------------------------------------------------

  function onLocation(): void {
    if (ctx.isInvalid || location.href === url) return;
    url = location.href;
    navAt = performance.now();
    page = detectLive(url, watch);
    customerName = customerTenantFromUrl(url) ? customerNameOnPage(watch) : undefined;
    readsHeadings = documentMatters(url);
    syncWatch();
    void report();
    // A new page: start over the search (a full scan), even for the same step.
    if (!started) return;
    resync(true);
    draw();
  }

  /** Headings rendered since the last frame may change what a document-reading detector says. */
  function onHeadings(): void {
    const next = detectLive(url, watch);
    const name = customerTenantFromUrl(url) ? customerNameOnPage(watch) : undefined;
    if (next === page && name === customerName) return;
    const pageChanged = next !== page;
    page = next;
    customerName = name;
    void report();
    if (pageChanged && started) {
      resync(true);
      draw();
    }
  }

  const unsubscribe = watch.onFrame((c) => {
    if (readsHeadings && (c.added.length || c.textParents.length)) {
      // Only headings among the added nodes; a deep re-probe only when one of them can matter.
      const added = matchWithin(c.added, HEADING_SELECTOR);
      for (const p of c.textParents) {
        const h = p.closest(HEADING_SELECTOR);
        if (h) added.push(h);
      }
      if (added.some(mayChangePage)) onHeadings();
    }
  });

  const opts = { capture: true, signal: ctx.signal } as const;
  window.addEventListener('popstate', () => onLocation(), opts);
  window.addEventListener('hashchange', () => onLocation(), opts);
  // A tab in the background may have missed a push (the flow moved on in another tab).
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void requestView(), opts);
  // What the agent opens (a menu, a pane) may hold the target outside a narrowed watch's regions.
  const onInput = (e: Event) => e.isTrusted && tracker.onInput();
  window.addEventListener('pointerdown', onInput, { ...opts, passive: true });
  window.addEventListener('keydown', onInput, { ...opts, passive: true });
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener?.('currententrychange', () => onLocation(), { signal: ctx.signal });

  // ---- Clicks ---------------------------------------------------------------------------------

  const checkUrl = () => location.href !== url && onLocation();
  window.addEventListener(
    'click',
    (e) => {
      // A click may navigate on the client (pushState) while mutations are not observed: look
      // at the URL after it (no event tells in browsers without the Navigation API).
      if (e.isTrusted) {
        later(checkUrl, 0);
        later(checkUrl, 300);
      }
      const found = tracker.target;
      if (!found || !spec || !view?.step || !e.isTrusted) return;
      const path = e.composedPath();
      const i = path.indexOf(found.el);
      if (i < 0) return;
      const within = found.click.clickWithin;
      if (within && !path.slice(0, i + 1).some((n) => n instanceof Element && n.matches(within))) return;
      const msg: Extract<ContentMessage, { kind: 'clicked' }> = { kind: 'clicked', step: spec.step, clickIndex: spec.clickIndex, last: found.data.last };
      if (spec.step === 'select-customer') {
        const customer = customerFromPath(path, found.el);
        if (customer) msg.customer = customer;
      }
      const href = hrefIn(path, found.el);
      if (href) msg.href = href;
      void send(msg).then(() => requestView());
      suppressed = { key: specKey, until: performance.now() + CLICK_GRACE_MS };
      later(() => draw(), CLICK_GRACE_MS + 50);
      draw();
    },
    opts,
  );

  // ---- Messages from the background --------------------------------------------------------

  const onMessage = (msg: unknown) => {
    if (!msg || typeof msg !== 'object' || (msg as { kind?: unknown }).kind !== 'view') return;
    const v = asView((msg as { view?: unknown }).view);
    if (v) applyView(v);
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener?.(onMessage);
    unsubscribe();
    tracker.stop();
    watch.stop();
    for (const id of timers) clearTimeout(id);
    timers.clear();
    setMark(null, null);
    overlay?.destroy();
    overlay = null;
  });

  void report();
}

function reducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Scrolls the element into view when part of it is hidden by the viewport's edge or by a scroll
 * container, and it is small enough to fit (a big list is left where the agent has it). Read from
 * an IntersectionObserver (after layout, clipping included): no forced layout or style.
 */
function scrollIntoViewIfPartlyHidden(el: Element): void {
  const io = new IntersectionObserver(([e]) => {
    io.disconnect();
    if (!e || !el.isConnected) return;
    const r = e.boundingClientRect;
    if (r.height > innerHeight / 2 || r.width > innerWidth / 2 || e.intersectionRatio >= 1) return;
    el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
  });
  io.observe(el);
}
