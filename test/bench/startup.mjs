// Start-up: what the content script costs from its injection until it goes idle, on a page of the
// flow (the replica Partner Center dashboard, where it must find and ring "Customers").
// Measured from outside with V8's sampling profiler (see profile.mjs): the extension's main-thread
// time from its first sample to the start of its first quiet spell (no extension sample for
// QUIET_MS), and that span's wall time. Cold: the first load in a fresh browser (no code cache);
// warm: later loads in new tabs, as when the agent opens the next page.
import { freshPage } from './browser.mjs';
import { startProfile, stopProfile } from './profile.mjs';
import { median } from './stats.mjs';

export const STARTUP_URL = 'https://partner.microsoft.com/dashboard';
const QUIET_MS = 250;

/**
 * @param {{ context: import('playwright-core').BrowserContext }} browser
 * @param {{ runs: number, log: (s: string) => void, url?: string }} opts
 */
export async function measureStartup(browser, { runs, log, url = STARTUP_URL }) {
  /** @type {{ cpuMs: number, spanMs: number, totalMs: number, marked: boolean }[]} */
  const all = [];
  for (let i = 0; i < runs + 1; i++) {
    const page = await freshPage(browser.context);
    const cdp = await browser.context.newCDPSession(page);
    try {
      await startProfile(cdp, { keepSamples: true });
      await page.goto(url);
      const marked = await page
        .locator('[data-escalation-guide-target]')
        .first()
        .waitFor({ state: 'attached', timeout: 5000 })
        .then(() => true, () => false);
      await page.waitForTimeout(1500);
      const prof = await stopProfile(cdp);
      const r = startupFrom(prof);
      all.push({ ...r, marked });
    } finally {
      await cdp.detach().catch(() => {});
      await page.close().catch(() => {});
    }
  }
  const [cold, ...warm] = all;
  const res = {
    url,
    quietMs: QUIET_MS,
    cold,
    warm: { runs: warm.length, cpuMs: median(warm.map((r) => r.cpuMs)), spanMs: median(warm.map((r) => r.spanMs)), totalMs: median(warm.map((r) => r.totalMs)) },
    raw: all,
  };
  log(`  cold: ${cold.cpuMs.toFixed(2)} ms main thread (${cold.spanMs.toFixed(0)} ms to idle); ` +
    `warm median: ${res.warm.cpuMs.toFixed(2)} ms (${res.warm.spanMs.toFixed(0)} ms to idle)` +
    (all.some((r) => !r.marked) ? `; ${all.filter((r) => !r.marked).length} loads marked no target` : ''));
  return res;
}

/** @param {Awaited<ReturnType<typeof stopProfile>>} prof */
function startupFrom(prof) {
  const ext = prof.extSamples; // [{ t: µs, dt: ms }]
  if (!ext.length) return { cpuMs: 0, spanMs: 0, totalMs: 0 };
  let end = 0;
  let cpu = ext[0].dt;
  for (let i = 1; i < ext.length; i++) {
    if ((ext[i].t - ext[i - 1].t) / 1000 > QUIET_MS) break;
    cpu += ext[i].dt;
    end = i;
  }
  return { cpuMs: cpu, spanMs: (ext[end].t - ext[0].t) / 1000 + ext[end].dt, totalMs: prof.extensionMs };
}
