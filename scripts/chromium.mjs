// Finds a Chromium that accepts --load-extension (Chromium or Chrome for Testing; branded
// Chrome/Edge 137+ ignore it), installing one when none is found. Never skips silently.
import { existsSync, readdirSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join, delimiter } from 'node:path';

const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome-for-testing'];

function onPath(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, cmd);
    if (existsSync(p)) return p;
  }
  return undefined;
}

function playwrightCache() {
  const roots = [process.env.PLAYWRIGHT_BROWSERS_PATH, join(homedir(), '.cache', 'ms-playwright')].filter(Boolean);
  for (const root of /** @type {string[]} */ (roots)) {
    if (!existsSync(root)) continue;
    const dirs = readdirSync(root).filter((d) => /^chromium-\d+$/.test(d)).sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]));
    for (const d of dirs) {
      for (const sub of ['chrome-linux64/chrome', 'chrome-linux/chrome', 'chrome-mac/Chromium.app/Contents/MacOS/Chromium', 'chrome-win/chrome.exe']) {
        const p = join(root, d, sub);
        if (existsSync(p)) return p;
      }
    }
  }
  return undefined;
}

/** Looks for Chromium without installing anything. @returns {string | undefined} */
export function locateChromium() {
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    if (existsSync(env)) return env;
    throw new Error(`CHROMIUM_PATH is set to ${env}, but no file is there.`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const cmd of COMMANDS) {
    const p = onPath(cmd);
    if (p) return p;
  }
  return playwrightCache();
}

function isDebianLike() {
  return existsSync('/etc/debian_version') || existsSync('/usr/bin/apt-get');
}

function run(cmd, args) {
  console.log(`[chromium] running: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

/**
 * Returns the path of a Chromium executable; installs one if missing (apt-get as root on
 * Debian/Ubuntu, else `npx playwright install chromium`). Throws with a clear message if none.
 * @param {{ install?: boolean }} [opts]
 * @returns {string}
 */
export function findChromium({ install = true } = {}) {
  let found = locateChromium();
  if (found) return found;
  if (!install) throw notFound();
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && isDebianLike()) {
    console.log('[chromium] no Chromium found; installing the Debian/Ubuntu packages "chromium" (with its language packs and a Korean font) with apt-get');
    run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium', 'chromium-l10n', 'fonts-nanum']);
  } else {
    console.log('[chromium] no Chromium found; downloading Playwright\'s Chromium (npx playwright install chromium)');
    run('npx', ['--yes', 'playwright', 'install', 'chromium']);
  }
  found = locateChromium();
  if (found) {
    console.log(`[chromium] using ${found}`);
    return found;
  }
  throw notFound();
}

function notFound() {
  return new Error(
    'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; ' +
      'elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome for Testing binary ' +
      '(branded Chrome/Edge ignore --load-extension).',
  );
}

/** Version string of the given binary, for logs. */
export function chromiumVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown version';
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const p = findChromium();
  console.log(`${p} (${chromiumVersion(p)})`);
}
