// Highlight latency: a target inserted into the page (light DOM, and inside three nested open
// shadow roots) until the ring is drawn over it. The extension has to discover the target on its
// own; driver.js is handed it (`highlight({ element })` in the same task), its best case.
import { readFileSync } from 'node:fs';
import { serve, freshPage } from './browser.mjs';
import { driverJsFiles } from './size.mjs';
import { LATENCY_URL, DRIVER_URL, DRIVER_JS_URL, DRIVER_CSS_URL, latencyPage } from './pages.mjs';
import { summary } from './stats.mjs';

/**
 * @param {{ context: import('playwright-core').BrowserContext }} browser
 * @param {'extension' | 'driver'} mode
 * @param {{ trials: number, log: (s: string) => void }} opts
 */
export async function measureLatency(browser, mode, { trials, log }) {
  const { context } = browser;
  const url = mode === 'extension' ? LATENCY_URL : DRIVER_URL;
  const unroute = [await serve(context, url, latencyPage(mode))];
  if (mode === 'driver') {
    const files = driverJsFiles();
    unroute.push(await serve(context, DRIVER_JS_URL, readFileSync(files.js), 'text/javascript; charset=utf-8'));
    unroute.push(await serve(context, DRIVER_CSS_URL, readFileSync(files.css), 'text/css; charset=utf-8'));
  }
  const page = await freshPage(context);
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__bench?.ready);
    // Let the content script start and settle on the page before the first trial.
    await page.waitForTimeout(1000);
    /** @type {Record<string, any>} */
    const out = {};
    for (const where of /** @type {const} */ (['light', 'shadow3'])) {
      const raw = await page.evaluate(([w, n]) => window.__bench.run(w, n), /** @type {const} */ ([where, trials]));
      const ok = raw.filter((r) => r.ok);
      const failed = raw.length - ok.length;
      out[where] = {
        trials: raw.length,
        failed,
        frame: summary(ok.map((r) => r.frame)),
        dom: summary(ok.map((r) => r.dom)),
        mark: summary(raw.filter((r) => r.mark !== null).map((r) => r.mark)),
      };
      log(`  ${mode} ${where}: median ${out[where].frame.median.toFixed(2)} ms, p95 ${out[where].frame.p95.toFixed(2)} ms` +
        (failed ? `, ${failed} of ${raw.length} trials never showed the ring` : ''));
    }
    return out;
  } finally {
    await page.close().catch(() => {});
    for (const u of unroute) await u();
  }
}
