/**
 * The content scripts' start-up code: all that is compiled and run at every page load of the
 * portals. It reports the page (the background detects it from the URL) and does what the
 * background's plan says (lib/background/boot-plan.ts):
 * - `idle`: nothing here for the guide; it waits.
 * - `ring`: it finds the current step's target by its locale-independent locators, with the same
 *   ranking as the guide's first scan, and rings it with the guide's overlay.
 * - `guide`: it loads the guide (lib/content/guide.ts, built as `guide.js`) at once.
 * The guide is loaded as soon as anything changes that the start-up code does not follow: another view
 * pushed by the background, a navigation, the target's removal or a click on it, a minimize, the
 * tab coming back into view. It takes over this code's overlay and the target's mark, so the ring
 * stays where it is. Loading it is a dynamic import of a web-accessible module (no permission;
 * `use_dynamic_url`, so pages cannot probe for it); with it, the guide's 50 KB are compiled only
 * where the flow needs them, from the browser's code cache after the first time.
 */
import { browser } from 'wxt/browser';
import type { ScriptContext } from './context';
import { Overlay } from './overlay/overlay';
import type { BootPlan, QuickRing } from '../protocol/boot-plan';
import { STEP_IDS } from '../flow/ids';
import type { ContentPortal } from '../flow/pages';
import { quickFind } from './dom/quick-find';
import { shownSpelling } from './dom/names';
import type { ContentMessage } from '../protocol/messages';
import { t, useStrings, withLabel } from './overlay-text';
import { BEGIN_CLIENT_SESSION } from '../flow/tenant';
import { TARGET_ATTR, hrefIn, pageLang, sender, type GuideLoader } from './shared';

/** Starts the guide's start-up code in this tab (from the content scripts' `main`). */
export function boot(ctx: ScriptContext, portal: ContentPortal, guide: GuideLoader): void {
  // Start-up is measured from here to `eg:idle` (README, Performance; test/bench/startup.mjs); the
  // marks are in the benchmark's build only (wxt.config.ts, EG_BENCH).
  if (import.meta.env.EG_BENCH) performance.mark?.('eg:start');
  if (document.readyState !== 'loading') return run(ctx, portal, guide);
  // At document_start (the admin center): the delegated entry redirects before the document is
  // parsed, so it is reported at once.
  if (BEGIN_CLIENT_SESSION.test(location.pathname)) {
    void browser.runtime.sendMessage({ kind: 'page', url: location.href } satisfies ContentMessage).catch(() => undefined);
  }
  document.addEventListener('DOMContentLoaded', () => ctx.isValid && run(ctx, portal, guide), { once: true, signal: ctx.signal });
}

function run(ctx: ScriptContext, portal: ContentPortal, guide: GuideLoader): void {
  const url = location.href;
  // This code's listeners: removed when the guide takes over or the context ends (see onInvalidated).
  const ac = new AbortController();
  const signal = ac.signal;
  let overlay: Overlay | null = null;
  let target: Element | null = null;
  let ring: QuickRing | null = null;
  let drawn = '';
  let seen = '';
  let answered = false;
  let loading = false;
  let idle = false;
  let notThis = false;
  const markIdle = () => {
    if (!idle && import.meta.env.EG_BENCH) performance.mark?.('eg:idle');
    idle = true;
  };

  const send = sender(ctx);

  /** Hands over to the guide: loads it (once) and stops this code's listeners. */
  function loadGuide(): void {
    if (loading || ctx.isInvalid) return;
    loading = true;
    ac.abort();
    browser.runtime.onMessage.removeListener(onMessage);
    guide()
      .then((start) => {
        if (ctx.isValid) start(ctx, portal, { overlay, marked: target, drawn, notThis, Overlay });
      })
      .catch((err: unknown) => {
        // Nothing more can be done here: say so once, clearly, and leave the page as it is.
        console.error(`[Escalation Guide] the guide could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
        markIdle();
      });
  }

  // A view pushed by the background: the same view again (the tab reloaded or activated) changes
  // nothing here; another one loads the guide. Pushes before the answer to the page report are
  // older than it (the background publishes the tab's state as its navigation starts, before the
  // report; it handles events one at a time): the answer decides.
  const onMessage = (msg: unknown) => {
    // The side panel asks for the page report: the guide builds it (the background asks again).
    if (msg && typeof msg === 'object' && (msg as { kind?: unknown }).kind === 'page-report') return loadGuide();
    if (!answered || !msg || typeof msg !== 'object' || (msg as { kind?: unknown }).kind !== 'view') return;
    if (keyOf((msg as { view?: unknown }).view) !== seen) loadGuide();
  };
  browser.runtime.onMessage.addListener(onMessage);

  const opts = { capture: true, signal } as const;
  const moved = () => location.href !== url && loadGuide();
  window.addEventListener('popstate', moved, opts);
  window.addEventListener('hashchange', moved, opts);
  (globalThis as { navigation?: EventTarget }).navigation?.addEventListener?.('currententrychange', moved, { signal });
  // The guide asks for its view when the tab is shown again (it may have missed a push): here, a
  // view that differs from the one drawn loads it.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    if (answered) void send({ kind: 'get-view' }).then((v) => keyOf(v) !== seen && loadGuide());
  }, opts);
  window.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    // A client-side navigation (pushState) that no event tells about in browsers without the
    // Navigation API: look at the URL after the click, as the guide does.
    setTimeout(moved, 0);
    setTimeout(moved, 300);
    if (!target || !ring) return;
    const path = e.composedPath();
    if (!path.includes(target)) return;
    const msg: Extract<ContentMessage, { kind: 'clicked' }> = { kind: 'clicked', step: ring.step, clickIndex: ring.clickIndex, last: ring.last };
    const href = hrefIn(path, target);
    if (href) msg.href = href;
    void send(msg).then(loadGuide);
  }, opts);

  ctx.onInvalidated(() => {
    ac.abort();
    browser.runtime.onMessage.removeListener(onMessage);
    if (!loading) {
      target?.removeAttribute(TARGET_ATTR);
      overlay?.destroy();
    }
  });

  void send({ kind: 'page', url }).then((v) => {
    if (loading || ctx.isInvalid) return;
    const plan = planOf(v);
    seen = keyOf(v);
    answered = true;
    if (!plan || 'guide' in plan) return loadGuide();
    useStrings((v as { strings?: Record<string, string> }).strings);
    if ('idle' in plan) return markIdle();
    const stepNumber = (v as { stepNumber: number }).stepNumber;
    // At the page's next frame, before it is drawn, as the guide's first scan (lib/content/guide.ts).
    requestAnimationFrame(() => {
      if (loading || ctx.isInvalid) return;
      const el = quickFind(plan.ring.locators);
      if (!el) return loadGuide();
      ring = plan.ring;
      target = el;
      drawn = `${ring.step}|${ring.clickIndex}`;
      el.setAttribute(TARGET_ATTR, ring.step);
      draw(el, ring, stepNumber);
    });
  });

  function draw(el: Element, r: QuickRing, stepNumber: number): void {
    // The guide, once loaded, takes this overlay over with its own events and its dock. The
    // target's removal (a re-render) or loss of its box, seen by the observers that place the
    // ring, loads it: its watch finds the replacement.
    const events = {
      minimize: (minimized: boolean) => void send({ kind: 'minimize', minimized }).then(loadGuide),
      lost: loadGuide,
      notThis: () => ((notThis = true), loadGuide()),
    };
    const o = (overlay = new Overlay(events, t('@@ui_locale').replace('_', '-')));
    o.mount();
    o.setTarget(el, true);
    const lang = pageLang();
    const shown = shownSpelling(el, r.spellings) ?? r.spellings[lang][0] ?? r.spellings.en[0] ?? '';
    o.setCard({
      step: t('overlay.step', [stepNumber, STEP_IDS.length]),
      click: withLabel('overlay.click', shown, lang),
      why: t(r.why),
      minimizeLabel: t('overlay.minimize'),
      notThis: t('overlay.teach.notThis'),
    });
    o.whenPlaced(markIdle);
  }
}

/** The background's plan in its answer to the page report; null for anything else. */
function planOf(v: unknown): BootPlan | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as { boot?: unknown; stepNumber?: unknown };
  const plan = o.boot as BootPlan | undefined;
  if (!plan || typeof plan !== 'object') return null;
  if ('ring' in plan) {
    const r = plan.ring as Partial<QuickRing> | undefined;
    if (!r || !Array.isArray(r.locators) || typeof r.step !== 'string' || typeof o.stepNumber !== 'number' || !r.spellings) return null;
  }
  return plan;
}

/** What of a view the start-up code drew from: a pushed or asked view that differs loads the guide. */
function keyOf(v: unknown): string {
  if (!v || typeof v !== 'object') return '';
  const o = v as Record<string, unknown>;
  return JSON.stringify([o.step, o.clickIndex, o.complete, o.minimized, o.overlayEnabled, Array.isArray(o.warnings) ? o.warnings.length : 0]);
}
