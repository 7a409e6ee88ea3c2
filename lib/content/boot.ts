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
import type { BootPlan, QuickLocator, QuickRing } from '../background/boot-plan';
import { STEP_IDS } from '../flow/ids';
import { pageLangOf, normalizeLabel, type PageLang } from '../flow/labels';
import { HREF_SELECTOR, hrefMatcher, isShown } from './dom/locator';
import type { ContentMessage } from '../protocol/messages';
import { t, useStrings, withLabel } from './overlay-text';
import { BEGIN_CLIENT_SESSION } from '../flow/tenant';
import { startGuide as bundledGuide } from './guide';

export type Portal = 'partner-center' | 'admin-center';
/** The mark on the ringed target (SPEC.md, testing contract). */
export const TARGET_ATTR = 'data-escalation-guide-target';
/** Where the guide module puts its start function in the content scripts' world (see entrypoints/guide.ts). */
export const GUIDE_START = Symbol.for('escalation-guide:start');

/** What the start-up code hands to the guide: its overlay (ring and card in place) and the marked target. */
export interface Handoff {
  overlay: Overlay | null;
  marked: Element | null;
  /** `step|clickIndex` of the view that drew them (the guide does not pulse the ring again for it). */
  drawn: string;
}
export type GuideStart = (ctx: ScriptContext, portal: Portal, handoff: Handoff) => void;

/**
 * Messages to the background from this content script: never throws, and answers undefined when
 * the extension's context is gone (updated or reloaded) or the background did not answer.
 */
export function sender(ctx: ScriptContext): (msg: ContentMessage) => Promise<unknown> {
  return (msg) => {
    if (ctx.isInvalid) return Promise.resolve(undefined);
    try {
      return browser.runtime.sendMessage(msg).catch(() => undefined);
    } catch {
      return Promise.resolve(undefined);
    }
  };
}

/** Starts the guide's start-up code in this tab (from the content scripts' `main`). */
export function boot(ctx: ScriptContext, portal: Portal): void {
  // Start-up is measured from here to `eg:idle` (README, Performance; test/bench/startup.mjs).
  performance.mark?.('eg:start');
  if (document.readyState !== 'loading') return run(ctx, portal);
  // At document_start (the admin center): the delegated entry redirects before the document is
  // parsed, so it is reported at once.
  if (BEGIN_CLIENT_SESSION.test(location.pathname)) {
    void browser.runtime.sendMessage({ kind: 'page', url: location.href } satisfies ContentMessage).catch(() => undefined);
  }
  document.addEventListener('DOMContentLoaded', () => ctx.isValid && run(ctx, portal), { once: true, signal: ctx.signal });
}

function run(ctx: ScriptContext, portal: Portal): void {
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
  const markIdle = () => {
    if (!idle) performance.mark?.('eg:idle');
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
        if (ctx.isValid) start(ctx, portal, { overlay, marked: target, drawn });
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
      const el = find(plan.ring);
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
    const events = { minimize: (minimized: boolean) => void send({ kind: 'minimize', minimized }).then(loadGuide), lost: loadGuide };
    const o = (overlay = new Overlay(events, t('@@ui_locale').replace('_', '-')));
    o.mount();
    o.setTarget(el, true);
    const lang = pageLang();
    const shown = shownSpelling(el, r, lang);
    o.setCard({
      step: t('overlay.step', [stepNumber, STEP_IDS.length]),
      click: withLabel('overlay.click', shown, lang),
      why: t(r.why),
      minimizeLabel: t('overlay.minimize'),
    });
    o.whenPlaced(markIdle);
  }
}

/**
 * The guide's start function. Firefox: bundled with this code, since its add-on review does not
 * take a module import from a computed URL (addons-linter UNSAFE_VAR_ASSIGNMENT), and the constant
 * below removes the other branch from each build.
 */
function guide(): Promise<GuideStart> {
  if (import.meta.env.FIREFOX) return Promise.resolve(bundledGuide);
  return import(/* @vite-ignore */ browser.runtime.getURL('/guide.js')).then(() => {
    const start = (globalThis as Record<symbol, unknown>)[GUIDE_START] as GuideStart | undefined;
    if (typeof start !== 'function') throw new Error('guide.js did not register its start function');
    return start;
  });
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

/**
 * The target as the guide's first scan finds it: the locators in rank order; for each, every open
 * shadow root's matches in the order the guide's deep watch queries them (the document, then
 * shadow roots depth-first in tree order); the first shown match of the first locator that has one.
 * The first locator's search walks the shadow roots only as far as its first shown match (a real
 * page's target is usually found long before the walk would end); the later locators, tried only
 * when the walk found nothing and so went through every root, reuse its list.
 */
function find(r: QuickRing): Element | null {
  const [first, ...rest] = r.locators.map(inRootOf);
  if (!first) return null;
  const roots: ShadowRoot[] = [];
  const hit = search(document, first, roots);
  if (hit) return hit;
  for (const inRoot of rest) {
    for (const root of [document, ...roots]) {
      const found = inRoot(root);
      if (found) return found;
    }
  }
  return null;
}

/** A locator's first shown match in one root (its light tree). */
function inRootOf(l: QuickLocator): (root: Document | ShadowRoot) => Element | null {
  const selector = l.by === 'css' ? l.selector : HREF_SELECTOR;
  const accepts = l.by === 'css' ? () => true : hrefMatcher(l.pattern);
  return (root) => {
    for (const el of root.querySelectorAll(selector)) if (accepts(el) && isShown(el)) return el;
    return null;
  };
}

/**
 * `inRoot`'s first hit in `node`, else in the shadow roots under it, depth-first in tree order;
 * every root passed on the way is added to `roots`. `querySelectorAll('*')`, not a TreeWalker: the
 * same hosts in the same order, without two more interfaces (TreeWalker, NodeFilter) to set up in
 * the content scripts' world. (Leaving out the elements that cannot be hosts by a selector was
 * slower: matching a long `:not()` list costs more than the wrappers it saves.)
 */
function search(node: Document | ShadowRoot, inRoot: (root: Document | ShadowRoot) => Element | null, roots: ShadowRoot[]): Element | null {
  const hit = inRoot(node);
  if (hit) return hit;
  // The document's hosts are in its body: the head's elements (scripts, styles, links, metas)
  // are not wrapped for this world.
  for (const el of (node === document && document.body || node).querySelectorAll('*')) {
    const sr = el.shadowRoot;
    if (!sr) continue;
    roots.push(sr);
    const found = search(sr, inRoot, roots);
    if (found) return found;
  }
  return null;
}

/** The link a click went through, up to the target: where it leads (http(s) only). */
export function hrefIn(path: readonly EventTarget[], target: Element): string | undefined {
  for (const n of path) {
    if (n instanceof HTMLAnchorElement || n instanceof HTMLAreaElement) {
      if (/^https?:/i.test(n.href) && n.href.length <= 4096) return n.href;
    }
    if (n === target) break;
  }
  return undefined;
}

/** The page's language among those whose labels the guide knows (English where unknown). */
export function pageLang(): PageLang {
  return pageLangOf(document.documentElement.lang || navigator.language) ?? 'en';
}

/** The label as the page spells it: the target's own name when it is one of the label's spellings. */
function shownSpelling(el: Element, r: QuickRing, lang: PageLang): string {
  const own = (el.getAttribute('aria-label') || el.textContent || '').trim();
  const lists = Object.values(r.spellings);
  // Usually spelled exactly so: found without Unicode normalization (whose first use in a page
  // costs the content scripts' world the set-up of its data).
  for (const list of lists) if (list.includes(own)) return own;
  const name = normalizeLabel(own);
  for (const list of lists) for (const s of list) if (normalizeLabel(s) === name) return s;
  return r.spellings[lang][0] ?? r.spellings.en[0] ?? '';
}
