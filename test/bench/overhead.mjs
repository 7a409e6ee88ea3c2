// Page overhead: a page of ~10,000 nodes receiving 500 batches of DOM mutations (one batch per
// task). Main-thread time of the page's renderer, from the DevTools protocol's Performance
// metrics, with the extension loaded and without it, runs alternating, medians compared.
// Metrics are read in the thread-ticks time domain (CPU time of the main thread), which other
// processes on a busy machine disturb less than wall time.
//   TaskDuration: all main-thread tasks (the page's scripts, style, layout and the content
//                 script's isolated world: they share the thread).
import { serve, freshPage } from './browser.mjs';
import { CHURN_URL, churnPage } from './pages.mjs';
import { median } from './stats.mjs';
import { startProfile, stopProfile } from './profile.mjs';

const METRICS = ['TaskDuration', 'ThreadTime', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'];

/** @param {import('playwright-core').CDPSession} cdp */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  /** @type {Record<string, number>} */
  const out = {};
  for (const m of list) if (METRICS.includes(m.name)) out[m.name] = m.value * 1000; // s → ms
  return out;
}

/**
 * One run on one browser: load the page, let it (and the content script) settle, then churn.
 * @param {import('playwright-core').BrowserContext} context
 * @param {'present' | 'absent'} target
 * @param {number} batches
 */
async function runOnce(context, target, batches) {
  const page = await freshPage(context);
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(`${CHURN_URL}?target=${target}`);
    await page.waitForFunction(() => window.__bench?.ready);
    await page.waitForTimeout(1500); // start-up of the content script is measured elsewhere
    // Both sides run under the sampling profiler (same overhead); on the extension's side it also
    // says how much of the main thread went to the extension's own code.
    await startProfile(cdp);
    const before = await metrics(cdp);
    const churn = await page.evaluate((n) => window.__bench.churn(n), batches);
    // Work the extension defers (debounced, per frame, idle callbacks) belongs to the churn too.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500)))));
    const after = await metrics(cdp);
    const prof = await stopProfile(cdp);
    /** @type {Record<string, number>} */
    const delta = {};
    for (const k of METRICS) delta[k] = (after[k] ?? NaN) - (before[k] ?? NaN);
    return { ...delta, extensionMs: prof.extensionMs, profiledBusyMs: prof.busyMs, nodes: churn.nodes, churnWallMs: churn.wallMs };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close().catch(() => {});
  }
}

/**
 * @param {{ context: import('playwright-core').BrowserContext }} withExt
 * @param {{ context: import('playwright-core').BrowserContext }} without
 * @param {{ runs: number, batches: number, targets: ('present' | 'absent')[], log: (s: string) => void }} opts
 */
export async function measureOverhead(withExt, without, { runs, batches, targets, log }) {
  const unroute = [await serve(withExt.context, (u) => u.origin + u.pathname === CHURN_URL, churnPage()),
    await serve(without.context, (u) => u.origin + u.pathname === CHURN_URL, churnPage())];
  /** @type {Record<string, any>} */
  const out = {};
  try {
    for (const target of targets) {
      /** @type {Record<string, number>[]} */ const ext = [];
      /** @type {Record<string, number>[]} */ const base = [];
      // One warm-up pair (first navigations compile and cache), then alternating pairs, the
      // order flipped every pair so neither side always runs right after the other.
      await runOnce(withExt.context, target, 50);
      await runOnce(without.context, target, 50);
      for (let i = 0; i < runs; i++) {
        if (i % 2 === 0) {
          ext.push(await runOnce(withExt.context, target, batches));
          base.push(await runOnce(without.context, target, batches));
        } else {
          base.push(await runOnce(without.context, target, batches));
          ext.push(await runOnce(withExt.context, target, batches));
        }
      }
      const med = (/** @type {Record<string, number>[]} */ rs, /** @type {string} */ k) => median(rs.map((r) => r[k]));
      /** @type {Record<string, any>} */
      const res = { runs, batches, nodes: median(base.map((r) => r.nodes)), extension: {}, baseline: {}, ratio: {} };
      for (const k of METRICS) {
        res.extension[k] = med(ext, k);
        res.baseline[k] = med(base, k);
        res.ratio[k] = res.extension[k] / res.baseline[k];
      }
      res.pairRatios = ext.map((e, i) => e.TaskDuration / base[i].TaskDuration);
      // Within each run with the extension: all main-thread time over the same minus the
      // extension's own (profiler-attributed) time. Immune to run-to-run noise; misses only work
      // the browser does later because of the extension's DOM writes (style, layout, paint).
      res.extensionMs = median(ext.map((e) => e.extensionMs));
      // (Both in the profiler's own clock: busy samples over busy samples minus the extension's.)
      res.attributedRatio = median(ext.map((e) => e.profiledBusyMs / Math.max(1e-9, e.profiledBusyMs - e.extensionMs)));
      res.raw = { extension: ext, baseline: base };
      out[target] = res;
      log(`  target ${target}: TaskDuration ${res.extension.TaskDuration.toFixed(1)} vs ${res.baseline.TaskDuration.toFixed(1)} ms ` +
        `(ratio ${res.ratio.TaskDuration.toFixed(3)}); the extension's own code: ${res.extensionMs.toFixed(1)} ms ` +
        `(attributed ratio ${res.attributedRatio.toFixed(3)})`);
    }
    return out;
  } finally {
    for (const u of unroute) await u();
  }
}
