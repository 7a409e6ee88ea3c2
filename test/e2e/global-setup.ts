// Builds the extension once before the end-to-end tests (.output/chrome-mv3), and makes sure a
// Chromium is there. EG_SKIP_BUILD=1 reuses an existing build (scripts that just built it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, ROOT } from './launch.mjs';
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
  findChromium();
}
