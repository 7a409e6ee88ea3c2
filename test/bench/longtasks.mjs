// Long tasks during a full walk-through of the flow on the replica portals, with the extension
// (test/e2e/walk.mjs follows the guide's marks, click by click) and without it (the same clicks,
// replayed from where they landed in the first walk). Every page gets PerformanceObservers for
// 'longtask' and 'long-animation-frame' (buffered) from an init script; entries reach Node through
// an exposed binding, so navigations between hosts lose nothing. A long task counts against the
// extension when a long animation frame overlapping it names a chrome-extension:// script.
import { freshPage } from './browser.mjs';
import { walkGuide } from '../e2e/walk.mjs';
import { NO_NAV_DELAY } from './startup.mjs';

// The rendered pages, as startup.mjs's loads (the knob stays for the tab's later pages).
export const WALK_START = `https://partner.microsoft.com/dashboard${NO_NAV_DELAY}`;
const BINDING = '__egBenchReport';

const INIT_SCRIPT = String.raw`
(() => {
  if (window.top !== window) return;
  const send = (kind, data) => { try { window.${BINDING}?.(kind, data); } catch {} };
  const base = () => ({ origin: performance.timeOrigin });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) send('longtask', { ...base(), start: e.startTime, duration: e.duration, name: e.name,
        attribution: (e.attribution || []).map((a) => ({ containerType: a.containerType, containerSrc: a.containerSrc, containerName: a.containerName })) });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) send('loaf', { ...base(), start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
        scripts: (e.scripts || []).map((s) => ({ url: s.sourceURL, fn: s.sourceFunctionName, invoker: s.invoker, type: s.invokerType, duration: s.duration, start: s.startTime })) });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  // Where each trusted click lands, as a path through open shadow roots, to replay the walk.
  addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    // The innermost element with a box (a <slot> or display:contents wrapper has none).
    const el = e.composedPath().find((n) => n instanceof Element && n.getClientRects().length > 0);
    if (!el) return;
    const segments = [];
    for (let node = el; node; ) {
      const root = node.getRootNode();
      segments.unshift(pathIn(node, root));
      node = root instanceof ShadowRoot ? root.host : null;
    }
    send('click', { segments, url: location.href });
  }, true);
  function pathIn(el, root) {
    const parts = [];
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      if (n.id && root.querySelectorAll('#' + CSS.escape(n.id)).length === 1) { parts.unshift('#' + CSS.escape(n.id)); break; }
      const p = n.parentElement;
      const tag = n.localName.includes(':') ? '*' : CSS.escape(n.localName);
      parts.unshift(p ? tag + ':nth-child(' + ([...p.children].indexOf(n) + 1) + ')' : tag);
      if (!p) break;
    }
    return parts.join(' > ');
  }
})();
`;

/**
 * @param {import('playwright-core').BrowserContext} context
 */
async function instrument(context) {
  /** @type {{ kind: string, page: string, data: any }[]} */
  const events = [];
  await context.exposeBinding(BINDING, (source, kind, data) => {
    events.push({ kind, page: source.page?.url() ?? '', data });
  });
  await context.addInitScript(INIT_SCRIPT);
  return events;
}

/** @param {{ kind: string, page: string, data: any }[]} events */
function summarize(events) {
  const tasks = events.filter((e) => e.kind === 'longtask').map((e) => ({ page: e.page, ...e.data }));
  const loafs = events.filter((e) => e.kind === 'loaf').map((e) => ({ page: e.page, ...e.data }));
  const isExt = (/** @type {{ url?: string }} */ s) => (s.url ?? '').startsWith('chrome-extension://');
  const extLoafs = loafs.filter((l) => l.scripts.some(isExt));
  const byExtension = tasks.filter((t) =>
    loafs.some((l) => l.origin === t.origin && l.start <= t.start + t.duration && t.start <= l.start + l.duration &&
      l.scripts.some((s) => isExt(s) && s.duration >= 1)));
  return {
    longTasks: tasks.length,
    longTasksOver50: tasks.filter((t) => t.duration >= 50).length,
    maxMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    totalMs: tasks.reduce((s, t) => s + t.duration, 0),
    byExtension: byExtension.length,
    extensionScriptMsInLongFrames: extLoafs.reduce((s, l) => s + l.scripts.filter(isExt).reduce((a, x) => a + x.duration, 0), 0),
    tasks,
    extensionFrames: extLoafs.map((l) => ({ page: l.page, start: l.start, duration: l.duration, scripts: l.scripts.filter(isExt) })),
  };
}

/**
 * Walk with the extension, recording where each click landed.
 * @param {{ context: import('playwright-core').BrowserContext }} browser
 * @param {{ log: (s: string) => void }} opts
 */
export async function walkWithExtension(browser, { log }) {
  const events = await instrument(browser.context);
  const page = await freshPage(browser.context);
  await page.goto(WALK_START);
  const t0 = Date.now();
  const { steps } = await walkGuide({ context: browser.context, page, timeoutMs: 10_000 });
  await page.waitForTimeout(500);
  const clicks = events.filter((e) => e.kind === 'click').map((e) => e.data);
  const res = { steps: steps.map((s) => s.stepId), clicks, wallMs: Date.now() - t0, ...summarize(events) };
  log(`  with the extension: ${res.steps.length} steps, ${res.longTasks} long tasks (max ${res.maxMs.toFixed(0)} ms), ${res.byExtension} involving the extension`);
  for (const p of browser.context.pages()) if (p !== page) await p.close().catch(() => {});
  return res;
}

/**
 * The same clicks without the extension.
 * @param {{ context: import('playwright-core').BrowserContext }} browser
 * @param {{ segments: string[], url: string }[]} clicks
 * @param {{ log: (s: string) => void }} opts
 */
export async function replayWithout(browser, clicks, { log }) {
  const events = await instrument(browser.context);
  let page = await freshPage(browser.context);
  await page.goto(WALK_START);
  const t0 = Date.now();
  for (const [i, click] of clicks.entries()) {
    const opened = browser.context.waitForEvent('page', { timeout: 1500 }).catch(() => null);
    const find = (/** @type {string[]} */ segs) => {
      /** @type {Document | ShadowRoot | null} */ let root = document;
      /** @type {Element | null} */ let el = null;
      for (const seg of segs) {
        if (!root) return null;
        // A path from its root's top (or from a unique id), not any match deeper down: the service
        // management page's "Service requests" button (div > a:nth-child(3)) is not its Exchange link.
        const depth = seg.split(' > ').length;
        const top = (/** @type {Element} */ e) => { let n = /** @type {Element | null} */ (e); for (let k = 1; k < depth && n; k++) n = n.parentElement; return n; };
        el = seg.startsWith('#') ? root.querySelector(seg) : [...root.querySelectorAll(seg)].find((e) => top(e)?.parentNode === root) ?? null;
        if (!el) return null;
        root = el.shadowRoot;
      }
      const r = el?.getBoundingClientRect();
      return el && r && r.width > 0 && r.height > 0 ? el : null;
    };
    await page.waitForFunction(find, click.segments, { timeout: 10_000 }).catch(() => {
      throw new Error(`replay: click ${i + 1} (${click.segments.join(' >>> ')}) not found on ${page.url()}`);
    });
    const handle = (await page.evaluateHandle(find, click.segments)).asElement();
    if (!handle) throw new Error(`replay: click ${i + 1} vanished on ${page.url()}`);
    await handle.click();
    const next = await opened;
    if (next) {
      page = next;
      await page.waitForLoadState('domcontentloaded').catch(() => {});
    }
  }
  await page.waitForTimeout(500);
  const res = { clicks: clicks.length, wallMs: Date.now() - t0, ...summarize(events) };
  log(`  without: ${res.clicks} clicks replayed, ${res.longTasks} long tasks (max ${res.maxMs.toFixed(0)} ms)`);
  for (const p of browser.context.pages()) if (p !== page) await p.close().catch(() => {});
  return res;
}
