// Start-up: what the content script costs the page's main thread from its injection until it goes
// idle, on a page of the flow (the replica Partner Center dashboard, where it must find and ring
// "Customers"). The content script marks `eg:start` when it starts and `eg:idle` when its start-up
// work is done (the ring placed on the target, or nothing to do on this page). The figure is its
// thread time in a DevTools trace (trace.mjs): the script's compilation and evaluation, WXT's
// wrapper, the background's answer, the first deep scan, the overlay's first draw and placement.
// Time spent waiting (for the background, for a frame) is not in it.
// Nothing touches the page while it is traced (no Playwright locator or evaluate: their scripts
// would run on the same thread); the marks and the ring are checked after the trace.
// Cold: the first load in a fresh browser; warm: later loads in new tabs, as when the agent opens
// the next page (each tab's page gets a renderer process of its own, new to the content script).
// Apart from those, loads of the same page again in one tab (measureReloads), whose renderer has
// run the content script before. Beside it, the same rule on the page without the extension (it should be 0),
// driver.js doing the same job from a content script of its own (driverStartupExtension), the
// floor: the least a content script can do for the job (floorStartupExtension), and the platform
// floor: the browser calls the guide's start-up makes, without its logic (platformStartupExtension).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPage } from './browser.mjs';
import { driverJsFiles } from './size.mjs';
import { extensionStartup, pageOnly, startTrace } from './trace.mjs';
import { median } from './stats.mjs';

/**
 * The replicas render a document's navigation and content 1.5 s after its shell by default, as
 * Partner Center does after a load (test/replica/common.js). The start-up figures are taken on the
 * rendered page, as before that delay existed: with it, the content scripts start on an empty
 * shell, the start-up code cannot find its target and loads the guide, which goes idle before the
 * page has rendered (the work after that is not counted), and driver.js's and the floors' scripts
 * find nothing to highlight.
 */
export const NO_NAV_DELAY = '?replica-nav-delay=0';
export const STARTUP_URL = `https://partner.microsoft.com/dashboard${NO_NAV_DELAY}`;
/** A Partner Center page outside the flow: the content script runs there too, with nothing to ring. */
export const OUTSIDE_FLOW_URL = `https://partner.microsoft.com/dashboard/account/v3/organization/legalinfo${NO_NAV_DELAY}`;
/** The first step's target, marked by the guide on the dashboard. */
const RING = '[data-escalation-guide-target="customers"]';
/** What driver.js marks as highlighted: the dashboard's first "Customers" link (the side navigation's). */
export const DRIVER_RING = 'a.driver-active-element[href$="/customers/list"]';
/** Long enough for a later load's answer and first draw. */
const SETTLE_MS = 2500;
/**
 * The first load in a fresh browser: its answer waits for the service worker to start and for its
 * first read of managed storage (the enterprise policy), which Chromium on Linux gives after 3 to
 * 5 s when no policy is set (measured in the service worker: the first `storage.managed.get()`
 * 2.9–4.8 s, the next 0.2 ms). Waiting is not counted; only the thread time is.
 */
const COLD_SETTLE_MS = 8000;

/**
 * @param {import('./browser.mjs').BenchBrowser} browser
 * @param {import('./browser.mjs').BenchBrowser | null} baseline the same browser without extensions (null: no check)
 * @param {{ runs: number, log: (s: string) => void, url?: string, ring?: string | null }} opts
 *   `ring`: a selector for the one element each load must have ringed (null: none may be)
 */
export async function measureStartup(browser, baseline, { runs, log, url = STARTUP_URL, ring = RING }) {
  if (!browser.extensionId) throw new Error('start-up: the browser has no extension');
  /** @type {{ cpuMs: number, spanMs: number, tasks: number, evaluationMs: number, phases: Record<import('./trace.mjs').Phase, number>, ringed: boolean }[]} */
  const all = [];
  for (let i = 0; i < runs + 1; i++) {
    const { events, page } = await traced(browser, url, i === 0 ? COLD_SETTLE_MS : SETTLE_MS);
    try {
      const r = extensionStartup(events, browser.extensionId);
      const ringed = ring === null
        ? (await page.locator('[data-escalation-guide-target]').count()) === 0
        : (await page.locator(ring).count()) === 1;
      if (!r) throw new Error(`start-up: load ${i + 1} of ${url} has no eg:start/eg:idle marks in its trace (the content script did not start, found nothing to ring, or did not go idle within ${i === 0 ? COLD_SETTLE_MS : SETTLE_MS} ms; is it the benchmark's build?)`);
      all.push({ ...r, ringed });
    } finally {
      await page.close().catch(() => {});
    }
  }
  /** @type {number[]} */
  const pageAlone = [];
  for (let i = 0; baseline && i < runs; i++) {
    const { events, page } = await traced(baseline, url);
    await page.close().catch(() => {});
    pageAlone.push(pageOnly(events, url)?.cpuMs ?? NaN);
  }
  const [cold, ...warm] = all;
  if (!cold) throw new Error('start-up: no loads');
  const res = { url, method: 'trace', cold, warm: summary(warm), pageAloneMs: median(pageAlone), raw: all };
  log(`  cold: ${cold.cpuMs.toFixed(2)} ms main thread (${cold.spanMs.toFixed(0)} ms to idle); ` +
    `warm median: ${res.warm.cpuMs.toFixed(2)} ms (${res.warm.min.toFixed(1)}–${res.warm.max.toFixed(1)}; ${res.warm.spanMs.toFixed(0)} ms to idle; ` +
    `the script's evaluation ${res.warm.evaluationMs.toFixed(2)} ms)` + (baseline ? `; the page alone by the same rule: ${res.pageAloneMs.toFixed(2)} ms` : '') +
    (all.some((r) => !r.ringed) ? `; ${all.filter((r) => !r.ringed).length} loads ${ring ? `without ${ring}` : 'with a ring'}` : ''));
  return res;
}

/**
 * Medians of loads measured by the rule.
 * @param {{ cpuMs: number, spanMs: number, evaluationMs: number, phases: Record<import('./trace.mjs').Phase, number> }[]} loads
 */
function summary(loads) {
  const first = loads[0];
  if (!first) throw new Error('start-up: no loads');
  return {
    runs: loads.length,
    cpuMs: median(loads.map((r) => r.cpuMs)),
    spanMs: median(loads.map((r) => r.spanMs)),
    evaluationMs: median(loads.map((r) => r.evaluationMs)),
    // Each part's own median (trace.mjs, `Phase`): they need not add up to the total's median.
    phases: Object.fromEntries(Object.keys(first.phases).map((p) => [p, median(loads.map((r) => r.phases[/** @type {keyof typeof r.phases} */ (p)]))])),
    min: Math.min(...loads.map((r) => r.cpuMs)),
    max: Math.max(...loads.map((r) => r.cpuMs)),
  };
}

/**
 * Start-up on `runs` loads of `url` in one tab, after a first load there that is not counted: the
 * tab's renderer process has run the content script before, so V8 has its compiled code (the
 * compilation is nearly all gone) and the content scripts' world the DOM interfaces it set up.
 * That is the agent's case when a portal page is loaded again in its tab (a reload, a link that
 * loads a whole page of the same portal); a new tab, the sign-in's redirect to the portal and the
 * first admin center page each start in a process new to the content script (measureStartup).
 * @param {import('./browser.mjs').BenchBrowser} browser
 * @param {{ runs: number, log: (s: string) => void, url?: string, ring?: string }} opts
 */
export async function measureReloads(browser, { runs, log, url = STARTUP_URL, ring = RING }) {
  if (!browser.extensionId) throw new Error('start-up: the browser has no extension');
  const page = await freshPage(browser.context);
  const cdp = await browser.context.newCDPSession(page);
  /** @type {{ cpuMs: number, spanMs: number, tasks: number, evaluationMs: number, phases: Record<import('./trace.mjs').Phase, number>, ringed: boolean }[]} */
  const all = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const trace = await startTrace(cdp);
      await page.goto(url);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const r = extensionStartup(await trace.stop(), browser.extensionId);
      if (!r) throw new Error(`start-up, same tab: load ${i + 1} has no eg:start/eg:idle marks in its trace`);
      if (i) all.push({ ...r, ringed: (await page.locator(ring).count()) === 1 });
    }
  } finally {
    await cdp.detach().catch(() => {});
    await page.close().catch(() => {});
  }
  const res = { url, method: 'trace', ...summary(all), raw: all };
  log(`  median ${res.cpuMs.toFixed(2)} ms (${res.min.toFixed(1)}–${res.max.toFixed(1)}; the script's evaluation ${res.evaluationMs.toFixed(2)} ms)` +
    (all.some((r) => !r.ringed) ? `; ${all.filter((r) => !r.ringed).length} loads without ${ring}` : ''));
  return res;
}

/** Loads `url` in a fresh tab while tracing, and leaves the page alone until the trace ends. */
async function traced(/** @type {import('./browser.mjs').BenchBrowser} */ browser, /** @type {string} */ url, settleMs = SETTLE_MS) {
  const page = await freshPage(browser.context);
  const cdp = await browser.context.newCDPSession(page);
  try {
    const trace = await startTrace(cdp);
    await page.goto(url);
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const events = await trace.stop();
    return { events, page };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * driver.js doing the guide's start-up job as a content script, for the figure beside ours: an
 * unpacked extension written for the run (the caller removes its folder). Its one content script
 * marks `eg:start`, evaluates driver.js's IIFE build, and in a task after the page's first frame
 * finds the dashboard's first "Customers" link with a plain walk through open shadow
 * roots and highlights it with a popover like our card; `eg:idle` right after (driver.js places
 * everything synchronously). driver.css comes through the manifest, as an extension would ship it.
 * Its best case: it knows the step beforehand (no message to a background, no flow data, no
 * languages); the empty service worker is only there for the harness to find the extension. Not
 * at the next frame's callback, where ours and the floor draw: those wait for their background's
 * answer first, so the page has had its first frame; driver.js, without a message, would run in
 * that first frame and lay out the whole page itself (8.9 against 7.7 ms in one run each).
 * @returns {string} the extension's folder
 */
export function driverStartupExtension() {
  const files = driverJsFiles();
  const guide = `performance.mark('eg:start');
${readFileSync(files.js, 'utf8')}
;(() => {
  ${FIND_DEEP}
  requestAnimationFrame(() => setTimeout(() => {
    const element = find(document);
    if (!element) return;
    const d = window.driver.js.driver({ animate: false, smoothScroll: false, allowClose: false, stagePadding: 4, stageRadius: 4 });
    d.highlight({ element, popover: { title: 'Step 1 of 11', description: 'Select Customers: it lists your customers.' } });
    performance.mark('eg:idle');
  }, 0));
})();
`;
  return writeExtension('driver', 'driver.js start-up (benchmark)', {
    'background.js': '',
    'guide.js': guide,
    'driver.css': readFileSync(files.css),
  }, { js: ['guide.js'], css: ['driver.css'] });
}

/** The walk both written-for-the-run content scripts use to find the dashboard's "Customers" link. */
const FIND_DEEP = `const find = (root) => {
    const hit = root.querySelector('a[href$="/customers/list"]');
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const deep = find(el.shadowRoot); if (deep) return deep; }
    return null;
  };`;

/** What the floor's content script marks: the link it ringed. */
export const FLOOR_RING = 'a[data-eg-floor="customers"]';

/**
 * The floor: the least a content script can do for the guide's start-up job, for the figure
 * beside ours and driver.js's. An unpacked extension written for the run (the caller removes its
 * folder), plain code of about 2 KB: its content script marks `eg:start`, asks its background
 * which step to ring (one message, as ours does), and at the page's next frame finds the link
 * with the same walk as driver.js's, reads its box while layout is clean, and builds a shadow
 * host with a stylesheet, a ring and a two-line card placed beside it; `eg:idle` right after.
 * No flow data, no languages, no page detection, no re-placement, no watching of the page: what
 * it costs is what any content script pays to message, find and draw on this machine.
 * @returns {string} the extension's folder
 */
export function floorStartupExtension() {
  const background = `chrome.runtime.onMessage.addListener((msg, _sender, respond) => {
  if (msg && msg.kind === 'page') respond({ step: 'customers', number: 'Step 1 of 11', text: 'Select Customers: it lists your customers.' });
});
`;
  const guide = `performance.mark('eg:start');
(() => {
  ${FIND_DEEP}
  const CSS = ':host{all:initial;position:fixed;inset:0;pointer-events:none;z-index:2147483647}' +
    '.ring{position:fixed;border:3px solid #0f6cbd;border-radius:6px;box-shadow:0 0 0 4px rgb(15 108 189/.25)}' +
    '.card{position:fixed;max-width:280px;padding:10px 12px;border-radius:8px;background:#fff;color:#242424;font:14px/1.4 system-ui,sans-serif;box-shadow:0 4px 16px rgb(0 0 0/.2)}' +
    '.card p{margin:0}.card .step{font-size:12px;color:#616161}';
  chrome.runtime.sendMessage({ kind: 'page', url: location.href }).then((view) => {
    if (!view || !view.step) return performance.mark('eg:idle');
    requestAnimationFrame(() => {
      const el = find(document);
      if (!el) return;
      const r = el.getBoundingClientRect();
      el.setAttribute('data-eg-floor', view.step);
      const host = document.createElement('eg-floor');
      const shadow = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = CSS;
      const ring = document.createElement('div');
      ring.className = 'ring';
      Object.assign(ring.style, { left: (r.left - 4) + 'px', top: (r.top - 4) + 'px', width: (r.width + 8) + 'px', height: (r.height + 8) + 'px' });
      const card = document.createElement('section');
      card.className = 'card';
      Object.assign(card.style, { left: (r.right + 12) + 'px', top: r.top + 'px' });
      const step = card.appendChild(document.createElement('p'));
      step.className = 'step';
      step.textContent = view.number;
      card.appendChild(document.createElement('p')).textContent = view.text;
      shadow.append(style, ring, card);
      document.documentElement.append(host);
      performance.mark('eg:idle');
    });
  }, () => performance.mark('eg:idle'));
})();
`;
  return writeExtension('floor', 'start-up floor (benchmark)', { 'background.js': background, 'guide.js': guide }, { js: ['guide.js'] });
}

/** What the platform floor's content script marks: the link it ringed. */
export const PLATFORM_RING = 'a[data-eg-platform="customers"]';

/**
 * The platform floor: the guide's start-up work on the page, as calls to the browser, without its
 * logic, for the figure beside ours. Like the floor, an unpacked extension written for the run,
 * plain code (about 4 KB and the stylesheet), with the compile hint ours has. It makes the calls the
 * start-up code makes, in its order: the announcement to older copies (a CustomEvent and its
 * listener), the listeners for views, navigations, the tab's visibility and clicks, the page
 * report; at the next frame the same href walk (links by selector, a pattern, visibility and
 * box), the mark, the overlay's host with its shadow root, the card's elements and texts, the top
 * layer, the guide's own stylesheet (lib/content/overlay/overlay.css), the scroll and resize
 * listeners, a ResizeObserver on the target, the card and the document, an IntersectionObserver
 * on the target; in the ResizeObserver's first callback the ring and the card placed from the
 * target's box and corner, then `eg:idle`. What it leaves out is what the guide's code decides:
 * the plan and its checks, the locators' ranking, the card's side, following and re-placement,
 * the hand-over to the guide, the texts' languages. The guide's start-up over this one is what its
 * own code costs (compiling and running it) on top of the calls it has to make.
 * @returns {string} the extension's folder
 */
export function platformStartupExtension() {
  const css = readFileSync(new URL('../../lib/content/overlay/overlay.css', import.meta.url), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').trim();
  const background = `chrome.runtime.onMessage.addListener((msg, _sender, respond) => {
  if (msg && msg.kind === 'page') respond({ step: 'customers', number: 'Step 2 of 11', before: 'Select ', label: 'Customers', after: '', why: 'It lists your customers.', minimize: 'Minimize' });
});
`;
  const guide = `//# allFunctionsCalledOnLoad
performance.mark('eg:start');
(() => {
  const CSS = ${JSON.stringify(css)};
  const ac = new AbortController();
  const started = chrome.runtime.id + ':partner-center:wxt:content-script-started';
  const id = Math.random().toString(36).slice(2);
  document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName: 'partner-center', messageId: id } }));
  document.addEventListener(started, (e) => { if (e.detail && e.detail.messageId !== id) ac.abort(); }, { signal: ac.signal });
  const url = location.href;
  const later = () => {};
  chrome.runtime.onMessage.addListener(later);
  const opts = { capture: true, signal: ac.signal };
  addEventListener('popstate', later, opts);
  addEventListener('hashchange', later, opts);
  if (globalThis.navigation) navigation.addEventListener('currententrychange', later, { signal: ac.signal });
  document.addEventListener('visibilitychange', later, opts);
  let target = null;
  addEventListener('click', (e) => { if (e.isTrusted && target && e.composedPath().includes(target)) later(); }, opts);
  const pattern = /\\/dashboard\\/v2\\/customers\\/list\\/?(?:[?#]|$)/i;
  const find = (root) => {
    for (const el of root.querySelectorAll('[href]:not(link, base)')) {
      if (pattern.test(el.href) && el.checkVisibility() && el.getBoundingClientRect().width > 0) return el;
    }
    for (const el of (root === document ? document.body : root).querySelectorAll('*')) {
      if (el.shadowRoot) { const deep = find(el.shadowRoot); if (deep) return deep; }
    }
    return null;
  };
  const part = (parent, tag, className) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    parent.appendChild(e);
    return e;
  };
  chrome.runtime.sendMessage({ kind: 'page', url }).then((view) => {
    if (!view || !view.step) return performance.mark('eg:idle');
    requestAnimationFrame(() => {
      const el = find(document);
      if (!el) return;
      target = el;
      el.setAttribute('data-eg-platform', view.step);
      const host = document.createElement('escalation-guide-platform');
      const shadow = host.attachShadow({ mode: 'open' });
      const root = document.createElement('div');
      root.className = 'eg';
      const ring = part(root, 'div', 'ring pulse');
      const card = part(root, 'section', 'card');
      card.setAttribute('aria-live', 'polite');
      const head = part(card, 'div', 'head');
      part(head, 'span', 'step').textContent = view.number;
      const minimize = part(head, 'button', 'icon minimize');
      minimize.type = 'button';
      minimize.setAttribute('aria-label', view.minimize);
      minimize.title = view.minimize;
      minimize.addEventListener('click', (e) => e.isTrusted && later());
      const click = part(card, 'p', 'click');
      part(click, 'span').textContent = view.before;
      part(click, 'strong').textContent = view.label;
      part(click, 'span').textContent = view.after;
      part(card, 'p', 'why').textContent = view.why;
      part(root, 'div', 'dock');
      document.documentElement.append(host);
      host.setAttribute('popover', 'manual');
      host.showPopover();
      const style = document.createElement('style');
      style.textContent = CSS;
      shadow.append(style, root);
      addEventListener('scroll', later, { passive: true, capture: true, signal: ac.signal });
      addEventListener('resize', later, { passive: true, capture: true, signal: ac.signal });
      let placed = false;
      const ro = new ResizeObserver(() => {
        if (placed) return;
        placed = true;
        const r = el.getBoundingClientRect();
        const rs = ring.style;
        rs.borderRadius = (parseFloat(getComputedStyle(el).borderTopLeftRadius) || 0) + 4 + 'px';
        rs.transform = 'translate(' + (r.left - 4) + 'px, ' + (r.top - 4) + 'px)';
        rs.width = r.width + 8 + 'px';
        rs.height = r.height + 8 + 'px';
        card.style.transform = 'translate(' + Math.round(r.right + 18) + 'px, ' + Math.round(r.top - 4) + 'px)';
        performance.mark('eg:idle');
      });
      for (const e of [el, card, document.documentElement]) ro.observe(e);
      new IntersectionObserver(later).observe(el);
    });
  }, () => performance.mark('eg:idle'));
})();
`;
  return writeExtension('platform', 'start-up platform floor (benchmark)', { 'background.js': background, 'guide.js': guide }, { js: ['guide.js'] });
}

/**
 * Writes an unpacked MV3 extension with one content script on Partner Center to a new temporary
 * folder and returns the folder.
 * @param {string} prefix
 * @param {string} name
 * @param {Record<string, string | Buffer>} files
 * @param {{ js: string[], css?: string[] }} script
 */
function writeExtension(prefix, name, files, script) {
  const dir = mkdtempSync(join(tmpdir(), `eg-bench-${prefix}-`));
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['https://partner.microsoft.com/*'], run_at: 'document_idle', ...script }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}
