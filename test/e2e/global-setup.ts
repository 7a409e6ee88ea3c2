// Builds the extension once before the end-to-end tests and copies the build to a private
// directory (test-results/e2e-extension/chrome-mv3, passed to the tests as EG_EXTENSION_DIR by
// vitest.config.ts), so that another build during the run can't pull the files from under the
// browser. Also makes sure a Chromium is there. EG_SKIP_BUILD=1 reuses .output/chrome-mv3.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { E2E_EXTENSION_DIR, EXTENSION_DIR, ROOT } from './launch.mjs';
import { findChromium } from '../../scripts/chromium.mjs';

export default function setup(): void {
  if (process.env.EG_SKIP_BUILD === '1' && existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log('[e2e] EG_SKIP_BUILD=1: using the existing build in .output/chrome-mv3');
  } else {
    const started = Date.now();
    const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit', env: process.env });
    if (r.status !== 0) throw new Error(`\`npx wxt build\` failed (exit ${r.status ?? r.signal}); the e2e tests need the built extension.`);
    console.log(`[e2e] extension built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no manifest.json in ${EXTENSION_DIR} after the build`);
  rmSync(dirname(E2E_EXTENSION_DIR), { recursive: true, force: true });
  cpSync(EXTENSION_DIR, E2E_EXTENSION_DIR, { recursive: true });
  if (!existsSync(join(E2E_EXTENSION_DIR, 'manifest.json'))) throw new Error(`copying the build to ${E2E_EXTENSION_DIR} failed`);
  findChromium();
}
