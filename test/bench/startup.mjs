// Start-up: what the content script costs from its injection until it goes idle, on a page of the
// flow (the replica Partner Center dashboard, where it must find and ring "Customers").
// The content script marks `eg:start` when it starts and `eg:idle` when its start-up work is done
// (the ring placed on the target, or nothing to do on this page); content scripts share the
// page's performance timeline, so the page reads both marks. The figure is the extension's own
// main-thread time (V8's sampling profiler, see profile.mjs: samples with a chrome-extension://
// frame on the stack, including the style and layout its calls force) from its injection (its
// first sample, before `eg:start`: WXT's wrapper and the bundle's evaluation count) up to
// `eg:idle`. Time spent waiting (for the background's reply, for a frame) is not in it: only
// samples of the extension's code are summed. The profile's clock is tied to performance.now()
// by a short busy loop (egBenchAlign) evaluated in the page. Without marks (an older build), the
// old rule applies: up to the first QUIET_MS without an extension sample.
// Cold: the first load in a fresh browser (no code cache); warm: later loads in new tabs, as
// when the agent opens the next page.
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
      const marks = await page.evaluate(() => {
        const at = (/** @type {string} */ n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null;
        // Ties performance.now() to the profiler's clock: the first sample inside this loop.
        const egBenchAlign = () => {
          const t0 = performance.now();
          while (performance.now() - t0 < 3);
          return t0;
        };
        return { start: at('eg:start'), idle: at('eg:idle'), align: egBenchAlign() };
      });
      const prof = await stopProfile(cdp);
      const r = startupFrom(prof, marks);
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
    (all.some((r) => !r.marked) ? `; ${all.filter((r) => !r.marked).length} loads marked no target` : '') +
    (all.some((r) => !r.byMarks) ? `; ${all.filter((r) => !r.byMarks).length} loads without eg:start/eg:idle marks (quiet-spell rule)` : ''));
  return res;
}

/**
 * @param {Awaited<ReturnType<typeof stopProfile>>} prof
 * @param {{ start: number | null, idle: number | null, align: number }} marks
 */
function startupFrom(prof, marks) {
  const ext = prof.extSamples; // [{ t: µs, dt: ms }]
  if (!ext.length) return { cpuMs: 0, spanMs: 0, totalMs: 0, byMarks: false };
  if (marks.start !== null && marks.idle !== null && prof.alignAt !== null) {
    // performance.now() → profile µs
    const toProfile = (/** @type {number} */ ms) => prof.alignAt + (ms - marks.align) * 1000;
    const idleAt = toProfile(marks.idle);
    let cpu = 0;
    for (const s of ext) if (s.t <= idleAt) cpu += s.dt;
    return {
      cpuMs: cpu,
      // Wall time from injection (the first extension sample) to eg:idle.
      spanMs: (idleAt - ext[0].t) / 1000,
      startToIdleMs: marks.idle - marks.start,
      totalMs: prof.extensionMs,
      byMarks: true,
    };
  }
  let end = 0;
  let cpu = ext[0].dt;
  for (let i = 1; i < ext.length; i++) {
    if ((ext[i].t - ext[i - 1].t) / 1000 > QUIET_MS) break;
    cpu += ext[i].dt;
    end = i;
  }
  return { cpuMs: cpu, spanMs: (ext[end].t - ext[0].t) / 1000 + ext[end].dt, totalMs: prof.extensionMs, byMarks: false };
}
