#!/usr/bin/env node
// `npm start`: builds the extension, finds (or installs) Chromium, and opens it with the extension
// on the Partner Center replica (https://partner.microsoft.com/dashboard, served from test/replica).
// With a display ($DISPLAY): a headed browser; the command returns when you close it.
// Without one (or with --walk): a headless walk-through that follows the guide click by click and
// saves a screenshot of each step to test-results/start/NN-<step>.png.
// Options: --walk (headless walk even with a display), --locale=<ll-CC> (default en-US),
//          --ui=2019|2021 (replica UI variant), --no-build,
//          --browser firefox (Firefox ESR with the Firefox build, test/firefox/launch.mjs;
//          screenshots in test-results/start-firefox/).
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { findChromium, chromiumVersion } from './chromium.mjs';
import { launchExtension, ROOT } from '../test/e2e/launch.mjs';
import { walkGuide, WalkError } from '../test/e2e/walk.mjs';
import { launchFirefox, findFirefox, firefoxVersion } from '../test/firefox/launch.mjs';
import { walkGuideFirefox } from '../test/firefox/walk.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && args[i + 1] && !args[i + 1].startsWith('--')) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
};
const browserName = option('browser', 'chromium');
if (!['chromium', 'firefox'].includes(browserName)) {
  console.error(`--browser must be chromium or firefox, not "${browserName}".`);
  process.exit(2);
}
const locale = option('locale', 'en-US');
const ui = option('ui', '');
const walk = flag('walk') || !process.env.DISPLAY;
const START_URL = `https://partner.microsoft.com/dashboard${ui ? `?replica-ui=${ui}` : ''}`;

function build() {
  if (flag('no-build')) return;
  const cmd = browserName === 'firefox' ? ['wxt', 'build', '-b', 'firefox'] : ['wxt', 'build'];
  console.log(`> npx ${cmd.join(' ')}`);
  const r = spawnSync('npx', cmd, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\nThe build failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
}

/** Firefox ESR with the Firefox build on the replicas: headed until closed, or the headless walk. */
async function mainFirefox() {
  const firefox = findFirefox();
  console.log(`Firefox: ${firefox} (${firefoxVersion(firefox)})`);
  // Headed: the sidebar Firefox opens at install stays open next to the page.
  const ext = await launchFirefox({ locale, headless: walk, viewport: walk ? { width: 1280, height: 800 } : null, keepSidebar: !walk });
  const shutdown = async () => {
    await ext.close();
    process.exit(130);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  console.log(`Add-on installed: ${ext.extensionId} (${ext.extensionOrigin})`);
  await ext.page.goto(START_URL);

  if (!walk) {
    console.log(`Opened ${START_URL} (a local replica of Partner Center; other sites are blocked).`);
    console.log('Follow the guide; close the browser window to finish.');
    await new Promise((resolve) => ext.browser.once('disconnected', resolve));
    await ext.close();
    return;
  }

  const outDir = join(ROOT, 'test-results', 'start-firefox');
  await rm(outDir, { recursive: true, force: true });
  console.log(`No display${process.env.DISPLAY ? ' (--walk)' : ''}: walking the guide headless in Firefox from ${START_URL}`);
  try {
    const { steps } = await walkGuideFirefox({ browser: ext.browser, page: ext.page, outDir, timeoutMs: 10_000, log: (l) => console.log(l) });
    const panel = await ext.openExtensionPage('sidepanel.html');
    const file = join(outDir, `${String(steps.length + 2).padStart(2, '0')}-sidebar-page.png`);
    await panel.screenshot({ path: /** @type {`${string}.png`} */ (file) });
    console.log(`${steps.length + 2}. the sidebar's page (${ext.extensionOrigin}/sidepanel.html) -> ${file}`);
    console.log(`\nDone: ${steps.length} steps. Screenshots in ${relative(process.cwd(), outDir) || outDir}/`);
  } catch (e) {
    if (e instanceof WalkError) {
      console.error(`\nThe walk-through stopped: ${e.message}`);
      console.error(`Screenshots so far in ${relative(process.cwd(), outDir) || outDir}/`);
      process.exitCode = 1;
    } else {
      throw e;
    }
  } finally {
    await ext.close();
  }
}

async function main() {
  build();
  if (browserName === 'firefox') return mainFirefox();
  const chromium = findChromium();
  console.log(`Chromium: ${chromium} (${chromiumVersion(chromium)})`);
  const ext = await launchExtension({ locale, headless: walk, viewport: walk ? { width: 1280, height: 800 } : null });
  const shutdown = async () => {
    await ext.close();
    process.exit(130);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  console.log(`Extension loaded: ${ext.extensionId}`);
  await ext.page.goto(START_URL);

  if (!walk) {
    console.log(`Opened ${START_URL} (a local replica of Partner Center; other sites are blocked).`);
    console.log('Follow the guide; close the browser window to finish.');
    await new Promise((resolve) => ext.context.once('close', resolve));
    await ext.close();
    return;
  }

  const outDir = join(ROOT, 'test-results', 'start');
  await rm(outDir, { recursive: true, force: true });
  console.log(`No display${process.env.DISPLAY ? ' (--walk)' : ''}: walking the guide headless from ${START_URL}`);
  try {
    const { steps } = await walkGuide({ context: ext.context, page: ext.page, outDir, timeoutMs: 10_000, log: (l) => console.log(l) });
    console.log(`\nDone: ${steps.length} steps. Screenshots in ${relative(process.cwd(), outDir) || outDir}/`);
  } catch (e) {
    if (e instanceof WalkError) {
      console.error(`\nThe walk-through stopped: ${e.message}`);
      console.error(`Screenshots so far in ${relative(process.cwd(), outDir) || outDir}/`);
      process.exitCode = 1;
    } else {
      throw e;
    }
  } finally {
    await ext.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
