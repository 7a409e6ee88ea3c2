// The builds the benchmark and the tests of the built files measure: `npx wxt build` as shipped
// (.output/chrome-mv3, where the tests look), and the benchmark's build (EG_BENCH=1, wxt.config.ts:
// the same code with the start-up code's `eg:start` / `eg:idle` performance marks, which the
// production build leaves out) in a folder of its own, .output/chrome-mv3-bench.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, EXTENSION_DIR } from '../e2e/launch.mjs';

/** Where the benchmark's build is written (wxt.config.ts, `outDirTemplate` under EG_BENCH=1). */
export const BENCH_EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3-bench');

/**
 * Builds the extension for Chromium: the benchmark's build (`bench`) or the production one.
 * Another build writing .output at the same moment (a test run, a watcher) can make one fail on a
 * vanished file: it tries again before giving up.
 * @param {{ bench: boolean, log?: (s: string) => void }} opts
 * @returns {string} the built folder
 */
export function buildExtension({ bench, log = () => {} }) {
  const env = { ...process.env, EG_BENCH: bench ? '1' : '' };
  for (let attempt = 1; ; attempt++) {
    log(`> ${bench ? 'EG_BENCH=1 ' : ''}npx wxt build`);
    const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status === 0) return bench ? BENCH_EXTENSION_DIR : EXTENSION_DIR;
    if (attempt === 3) throw new Error(`npx wxt build failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
    log(`  the build failed (exit ${r.status ?? r.signal}); trying again`);
  }
}
