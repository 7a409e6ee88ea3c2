// Browsers for the benchmark: the same Chromium, flags and routed replica portals, once with the
// built extension loaded and once without it, so every figure is taken side by side in one run.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../../scripts/chromium.mjs';
import { EXTENSION_DIR, chromiumArgs, launchExtension, routeReplicas } from '../e2e/launch.mjs';

const VIEWPORT = { width: 1280, height: 800 };

/** Flags shared by both browsers (launch.mjs gives the extension's browser the same ones). */
const COMMON_ARGS = chromiumArgs('en-US');

/**
 * @typedef {{ label: 'extension' | 'baseline', context: import('playwright-core').BrowserContext,
 *   extensionId: string | null, close: () => Promise<void> }} BenchBrowser
 */

/**
 * Chromium with the built extension (through the e2e harness).
 * @param {string} [extensionPath] a built chrome-mv3 folder (default: .output/chrome-mv3)
 * @returns {Promise<BenchBrowser>}
 */
export async function withExtension(extensionPath = EXTENSION_DIR) {
  const h = await launchExtension({ locale: 'en-US', viewport: VIEWPORT, extensionPath });
  return { label: 'extension', context: h.context, extensionId: h.extensionId, close: h.close };
}

/** The same Chromium without any extension. @returns {Promise<BenchBrowser>} */
export async function withoutExtension() {
  const userDataDir = await mkdtemp(join(tmpdir(), 'eg-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    locale: 'en-US',
    viewport: VIEWPORT,
    args: COMMON_ARGS,
  });
  await routeReplicas(context);
  const close = async () => {
    await context.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  };
  return { label: 'baseline', context, extensionId: null, close };
}

/**
 * Serves `body` for one exact URL (or the URLs a predicate accepts), taking precedence over the
 * replica routes (Playwright runs the most recently registered matching route first). Returns a
 * function that removes the route.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string | ((u: URL) => boolean)} url
 * @param {string | Buffer} body
 * @param {string} [contentType]
 */
export async function serve(context, url, body, contentType = 'text/html; charset=utf-8') {
  const match = typeof url === 'function' ? url : (/** @type {URL} */ u) => u.href === url;
  const handler = (/** @type {import('playwright-core').Route} */ route) =>
    route.fulfill({ status: 200, body, headers: { 'content-type': contentType, 'cache-control': 'no-store' } }).catch(() => {});
  await context.route(match, handler);
  return () => context.unroute(match, handler);
}

/** A fresh tab; closes the others so only one page competes for the main thread. */
export async function freshPage(/** @type {import('playwright-core').BrowserContext} */ context) {
  const page = await context.newPage();
  for (const p of context.pages()) if (p !== page) await p.close().catch(() => {});
  return page;
}
