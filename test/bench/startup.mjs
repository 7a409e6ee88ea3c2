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
// the next page. Beside it, the same rule on the page without the extension (it should be 0).
import { freshPage } from './browser.mjs';
import { extensionStartup, pageOnly, startTrace } from './trace.mjs';
import { median } from './stats.mjs';

export const STARTUP_URL = 'https://partner.microsoft.com/dashboard';
/** A Partner Center page outside the flow: the content script runs there too, with nothing to ring. */
export const OUTSIDE_FLOW_URL = 'https://partner.microsoft.com/dashboard/account/v3/organization/legalinfo';
/** Long enough for the first load's service worker to start and answer. */
const SETTLE_MS = 2500;

/**
 * @param {import('./browser.mjs').BenchBrowser} browser
 * @param {import('./browser.mjs').BenchBrowser} baseline
 * @param {{ runs: number, log: (s: string) => void, url?: string, ring?: string | null }} opts
 *   `ring`: the step whose target each load must mark (null: none)
 */
export async function measureStartup(browser, baseline, { runs, log, url = STARTUP_URL, ring = 'customers' }) {
  if (!browser.extensionId) throw new Error('start-up: the browser has no extension');
  /** @type {{ cpuMs: number, spanMs: number, tasks: number, evaluationMs: number, ringed: boolean }[]} */
  const all = [];
  for (let i = 0; i < runs + 1; i++) {
    const { events, page } = await traced(browser, url);
    try {
      const r = extensionStartup(events, browser.extensionId);
      const ringed = ring === null
        ? (await page.locator('[data-escalation-guide-target]').count()) === 0
        : (await page.locator(`[data-escalation-guide-target="${ring}"]`).count()) === 1;
      if (!r) throw new Error(`start-up: load ${i + 1} has no eg:start/eg:idle marks in its trace (the content script did not start, or did not go idle within ${SETTLE_MS} ms)`);
      all.push({ ...r, ringed });
    } finally {
      await page.close().catch(() => {});
    }
  }
  /** @type {number[]} */
  const pageAlone = [];
  for (let i = 0; i < runs; i++) {
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
    `the script's evaluation ${res.warm.evaluationMs.toFixed(2)} ms); the page alone by the same rule: ${res.pageAloneMs.toFixed(2)} ms` +
    (all.some((r) => !r.ringed) ? `; ${all.filter((r) => !r.ringed).length} loads ${ring ? `without the ring on ${ring}` : 'with a ring'}` : ''));
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
