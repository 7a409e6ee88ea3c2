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
// the next page. Beside it, the same rule on the page without the extension (it should be 0), and
// driver.js doing the same job from a content script of its own (driverStartupExtension).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPage } from './browser.mjs';
import { driverJsFiles } from './size.mjs';
import { extensionStartup, pageOnly, startTrace } from './trace.mjs';
import { median } from './stats.mjs';

export const STARTUP_URL = 'https://partner.microsoft.com/dashboard';
/** A Partner Center page outside the flow: the content script runs there too, with nothing to ring. */
export const OUTSIDE_FLOW_URL = 'https://partner.microsoft.com/dashboard/account/v3/organization/legalinfo';
/** The first step's target, marked by the guide on the dashboard. */
const RING = '[data-escalation-guide-target="customers"]';
/** What driver.js marks as highlighted: the dashboard's first "Customers" link (the side navigation's). */
export const DRIVER_RING = 'a.driver-active-element[href$="/customers/list"]';
/** Long enough for the first load's service worker to start and answer. */
const SETTLE_MS = 2500;

/**
 * @param {import('./browser.mjs').BenchBrowser} browser
 * @param {import('./browser.mjs').BenchBrowser | null} baseline the same browser without extensions (null: no check)
 * @param {{ runs: number, log: (s: string) => void, url?: string, ring?: string | null }} opts
 *   `ring`: a selector for the one element each load must have ringed (null: none may be)
 */
export async function measureStartup(browser, baseline, { runs, log, url = STARTUP_URL, ring = RING }) {
  if (!browser.extensionId) throw new Error('start-up: the browser has no extension');
  /** @type {{ cpuMs: number, spanMs: number, tasks: number, evaluationMs: number, ringed: boolean }[]} */
  const all = [];
  for (let i = 0; i < runs + 1; i++) {
    const { events, page } = await traced(browser, url);
    try {
      const r = extensionStartup(events, browser.extensionId);
      const ringed = ring === null
        ? (await page.locator('[data-escalation-guide-target]').count()) === 0
        : (await page.locator(ring).count()) === 1;
      if (!r) throw new Error(`start-up: load ${i + 1} has no eg:start/eg:idle marks in its trace (the content script did not start, or did not go idle within ${SETTLE_MS} ms)`);
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
  const res = {
    url,
    method: 'trace',
    cold,
    warm: {
      runs: warm.length,
      cpuMs: median(warm.map((r) => r.cpuMs)),
      spanMs: median(warm.map((r) => r.spanMs)),
      evaluationMs: median(warm.map((r) => r.evaluationMs)),
      min: Math.min(...warm.map((r) => r.cpuMs)),
      max: Math.max(...warm.map((r) => r.cpuMs)),
    },
    pageAloneMs: median(pageAlone),
    raw: all,
  };
  log(`  cold: ${cold.cpuMs.toFixed(2)} ms main thread (${cold.spanMs.toFixed(0)} ms to idle); ` +
    `warm median: ${res.warm.cpuMs.toFixed(2)} ms (${res.warm.min.toFixed(1)}–${res.warm.max.toFixed(1)}; ${res.warm.spanMs.toFixed(0)} ms to idle; ` +
    `the script's evaluation ${res.warm.evaluationMs.toFixed(2)} ms)` + (baseline ? `; the page alone by the same rule: ${res.pageAloneMs.toFixed(2)} ms` : '') +
    (all.some((r) => !r.ringed) ? `; ${all.filter((r) => !r.ringed).length} loads ${ring ? `without ${ring}` : 'with a ring'}` : ''));
  return res;
}

/** Loads `url` in a fresh tab while tracing, and leaves the page alone until the trace ends. */
async function traced(/** @type {import('./browser.mjs').BenchBrowser} */ browser, /** @type {string} */ url) {
  const page = await freshPage(browser.context);
  const cdp = await browser.context.newCDPSession(page);
  try {
    const trace = await startTrace(cdp);
    await page.goto(url);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const events = await trace.stop();
    return { events, page };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * driver.js doing the guide's start-up job as a content script, for the figure beside ours: an
 * unpacked extension written for the run (the caller removes its folder). Its one content script
 * marks `eg:start`, evaluates driver.js's IIFE build, and after the page's first frame (when ours
 * draws too) finds the dashboard's first "Customers" link with a plain walk through open shadow
 * roots and highlights it with a popover like our card; `eg:idle` right after (driver.js places
 * everything synchronously). driver.css comes through the manifest, as an extension would ship it.
 * Its best case: it knows the step beforehand (no message to a background, no flow data, no
 * languages); the empty service worker is only there for the harness to find the extension.
 * @returns {string} the extension's folder
 */
export function driverStartupExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'eg-bench-driver-'));
  const files = driverJsFiles();
  const manifest = {
    manifest_version: 3,
    name: 'driver.js start-up (benchmark)',
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['https://partner.microsoft.com/*'], run_at: 'document_idle', js: ['guide.js'], css: ['driver.css'] }],
  };
  const guide = `performance.mark('eg:start');
${readFileSync(files.js, 'utf8')}
;(() => {
  const find = (root) => {
    const hit = root.querySelector('a[href$="/customers/list"]');
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const deep = find(el.shadowRoot); if (deep) return deep; }
    return null;
  };
  requestAnimationFrame(() => setTimeout(() => {
    const element = find(document);
    if (!element) return;
    const d = window.driver.js.driver({ animate: false, smoothScroll: false, allowClose: false, stagePadding: 4, stageRadius: 4 });
    d.highlight({ element, popover: { title: 'Step 1 of 11', description: 'Select Customers: it lists your customers.' } });
    performance.mark('eg:idle');
  }, 0));
})();
`;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(join(dir, 'guide.js'), guide);
  writeFileSync(join(dir, 'driver.css'), readFileSync(files.css));
  return dir;
}
