// A page load with the extension's service worker stopped, beside the same with it running: what
// the agent waits for. Manifest V3 stops an extension's worker after 30 s without events, so most
// page loads of a slow escalation (the agent reading, typing, on the phone) find it stopped: the
// page report starts it, and the answer waits for its start (the script, the engine's state read
// back from storage, the settings). Wall time, not main-thread time: from the navigation's start
// (the document's time origin) to the frame the ring is drawn in: `eg:idle`, which the start-up
// code marks when it has placed the ring (in the observer callback after layout, before that
// frame's paint); after the load, the ring must cover the marked target. Loads alternate, warm
// and cold, in new tabs; the worker is stopped through the DevTools protocol (launch.mjs,
// `stopServiceWorker`) before each cold one.
import { freshPage } from './browser.mjs';
import { median } from './stats.mjs';
import { stopServiceWorker } from '../e2e/launch.mjs';

/** Long enough for a cold worker's start and answer, and the first draw. */
const SETTLE_MS = 3000;

/**
 * @param {import('./browser.mjs').BenchBrowser} browser
 * @param {{ runs: number, url: string, log: (s: string) => void }} opts
 */
export async function measureWorkerStart(browser, { runs, url, log }) {
  const id = browser.extensionId;
  if (!id) throw new Error('worker start: the browser has no extension');
  /** @type {{ cold: boolean, ringMs: number, startMs: number, ringed: boolean }[]} */
  const raw = [];
  // A first load, not counted: the worker running, its first read of managed storage done.
  await load(browser, url, false);
  for (let i = 0; i < 2 * runs; i++) {
    // warm, cold, cold, warm, …: neither side always comes first.
    const cold = i % 4 === 1 || i % 4 === 2;
    raw.push(await load(browser, url, cold));
  }
  const side = (/** @type {boolean} */ cold) => {
    const loads = raw.filter((r) => r.cold === cold && r.ringed);
    return {
      runs: loads.length,
      unringed: raw.filter((r) => r.cold === cold && !r.ringed).length,
      ringMs: median(loads.map((r) => r.ringMs)),
      startMs: median(loads.map((r) => r.startMs)),
      min: Math.min(...loads.map((r) => r.ringMs)),
      max: Math.max(...loads.map((r) => r.ringMs)),
    };
  };
  const res = { url, warm: side(false), cold: side(true), raw };
  log(`  worker running: the ring drawn ${res.warm.ringMs.toFixed(0)} ms after the navigation's start (${res.warm.min.toFixed(0)}–${res.warm.max.toFixed(0)}); ` +
    `worker stopped: ${res.cold.ringMs.toFixed(0)} ms (${res.cold.min.toFixed(0)}–${res.cold.max.toFixed(0)}); ${(res.cold.ringMs / res.warm.ringMs).toFixed(2)}×` +
    (res.warm.unringed + res.cold.unringed ? `; ${res.warm.unringed + res.cold.unringed} loads without the ring` : ''));
  return res;
}

/**
 * One load in a new tab (the worker stopped first when `cold`), left alone until it settles.
 * @param {import('./browser.mjs').BenchBrowser} browser
 * @param {string} url
 * @param {boolean} cold
 */
async function load(browser, url, cold) {
  const page = await freshPage(browser.context);
  try {
    if (cold) await stopServiceWorker(browser.context, /** @type {string} */ (browser.extensionId));
    await page.goto(url);
    await page.waitForTimeout(SETTLE_MS);
    const r = await page.evaluate(() => {
      const at = (/** @type {string} */ name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      /** @returns {Element | null} */
      const deep = (/** @type {Document | ShadowRoot} */ root) => {
        const hit = root.querySelector('[data-escalation-guide-target]');
        if (hit) return hit;
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const d = deep(el.shadowRoot); if (d) return d; }
        return null;
      };
      const target = deep(document);
      const ring = document.querySelector('escalation-guide-overlay')?.shadowRoot?.querySelector('[data-testid="eg-highlight"]');
      let covers = false;
      if (target && ring) {
        const t = target.getBoundingClientRect(), g = ring.getBoundingClientRect();
        covers = t.width > 0 && g.left <= t.left + 1 && g.top <= t.top + 1 && g.right >= t.right - 1 && g.bottom >= t.bottom - 1;
      }
      return { ringMs: at('eg:idle'), startMs: at('eg:start'), ringed: covers };
    });
    return { cold, ...r, ringed: r.ringed && Number.isFinite(r.ringMs) };
  } finally {
    await page.close().catch(() => {});
  }
}
