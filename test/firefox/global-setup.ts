// Builds the Firefox add-on once before the Firefox end-to-end tests and copies the build to a
// private directory (test-results/e2e-firefox/firefox-mv3, passed to the tests as
// EG_FIREFOX_EXTENSION_DIR by vitest.config.ts), so that another build during the run can't pull the
// files from under the browser. Also makes sure a Firefox is there. EG_SKIP_BUILD=1 reuses
// .output/firefox-mv3.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../e2e/launch.mjs';
import { E2E_FIREFOX_EXTENSION_DIR, FIREFOX_EXTENSION_DIR, findFirefox, firefoxVersion } from './launch.mjs';

export default function setup(): void {
  if (process.env.EG_SKIP_BUILD === '1' && existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    console.log('[e2e-firefox] EG_SKIP_BUILD=1: using the existing build in .output/firefox-mv3');
  } else {
    const started = Date.now();
    const r = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'inherit', env: process.env });
    if (r.status !== 0) throw new Error(`\`npx wxt build -b firefox\` failed (exit ${r.status ?? r.signal}); the Firefox e2e tests need the built add-on.`);
    console.log(`[e2e-firefox] add-on built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error(`no manifest.json in ${FIREFOX_EXTENSION_DIR} after the build`);
  rmSync(dirname(E2E_FIREFOX_EXTENSION_DIR), { recursive: true, force: true });
  cpSync(FIREFOX_EXTENSION_DIR, E2E_FIREFOX_EXTENSION_DIR, { recursive: true });
  if (!existsSync(join(E2E_FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error(`copying the build to ${E2E_FIREFOX_EXTENSION_DIR} failed`);
  const firefox = findFirefox();
  console.log(`[e2e-firefox] ${firefox} (${firefoxVersion(firefox)})`);
}
