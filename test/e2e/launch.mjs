// Plain-JS core of the end-to-end harness, shared by the vitest e2e tests (through harness.ts)
// and by scripts/start.mjs (which runs without a TypeScript loader). Types: launch.d.mts.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../../scripts/chromium.mjs';
import { entryRedirect } from '../replica/entry.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const REPLICA_DIR = join(ROOT, 'test', 'replica');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
/** Private copy of the build that the e2e run uses (so a rebuild during the run can't break it). */
export const E2E_EXTENSION_DIR = join(ROOT, 'test-results', 'e2e-extension', 'chrome-mv3');
export const REPLICA_ASSET_PREFIX = '/__replica/';

export const PARTNER_CENTER_HOSTS = ['partner.microsoft.com'];
export const ADMIN_CENTER_HOSTS = ['admin.microsoft.com', 'portal.office.com', 'admin.cloud.microsoft', 'portal.office365.us', 'portal.apps.mil'];
export const LOGIN_HOSTS = ['login.microsoftonline.com', 'login.microsoftonline.us'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Which replica file answers a URL, or null (404).
 * @param {string} url
 * @param {string} [resourceType] Playwright resource type; page HTML is served only for documents
 * @returns {string | null} path relative to test/replica
 */
export function replicaFileFor(url, resourceType = 'document') {
  const u = new URL(url);
  const host = u.hostname.toLowerCase();
  if (u.pathname.startsWith(REPLICA_ASSET_PREFIX)) return decodeURIComponent(u.pathname.slice(REPLICA_ASSET_PREFIX.length));
  if (resourceType !== 'document') return null;
  if (PARTNER_CENTER_HOSTS.includes(host)) return 'partner-center.html';
  if (LOGIN_HOSTS.includes(host)) return 'login.html';
  if (ADMIN_CENTER_HOSTS.includes(host)) {
    return /^\/partner\/beginclientsession\.aspx$/i.test(u.pathname) ? 'begin-session.html' : 'admin-center.html';
  }
  return null;
}

/** Every host the replicas are served under. */
export const REPLICA_HOSTS = [...PARTNER_CENTER_HOSTS, ...ADMIN_CENTER_HOSTS, ...LOGIN_HOSTS];

/**
 * The response a replica host gives to a request (replicaFileFor's mapping), for any harness: a
 * Playwright route (routeReplicas) or the Firefox harness's local HTTPS server (test/firefox).
 * `entry: 'redirect'` answers the delegated entry (BeginClientSession.aspx) with a real HTTP 302
 * to the sign-in page, as the real server does (portals.md §5), instead of its script-redirect page.
 * @param {string} url
 * @param {{ resourceType?: string, entry?: 'page' | 'redirect' }} [opts]
 * @returns {Promise<{ status: number, headers: Record<string, string>, body: Buffer | string }>}
 */
export async function replicaResponse(url, { resourceType = 'document', entry = 'page' } = {}) {
  if (entry === 'redirect' && resourceType === 'document') {
    const location = entryRedirect(url);
    if (location) return { status: 302, headers: { location, 'cache-control': 'no-store' }, body: '' };
  }
  const rel = replicaFileFor(url, resourceType);
  const file = rel === null ? null : resolve(REPLICA_DIR, rel);
  if (!file || !(file === REPLICA_DIR || file.startsWith(REPLICA_DIR + sep)) || !existsSync(file)) {
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found (replica)' };
  }
  return { status: 200, headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }, body: await readFile(file) };
}

/**
 * Serves the replicas under the real portal URLs, aborts every other http(s) request, and records
 * requests made by the extension itself.
 * @param {import('playwright-core').BrowserContext} context
 */
export async function routeReplicas(context) {
  /** @type {{ url: string, method: string, resourceType: string, from: string }[]} */
  const extensionRequests = [];
  /** @type {{ url: string, method: string, resourceType: string, from: string }[]} */
  const blockedRequests = [];

  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:')) return;
    const from = requestOrigin(req);
    if (from.startsWith('chrome-extension://')) extensionRequests.push({ url, method: req.method(), resourceType: req.resourceType(), from });
  });

  // Catch-all first: Playwright runs the most recently registered matching route first.
  await context.route(
    (url) => !/^(chrome-extension|data|blob|about|chrome|devtools):/.test(url.protocol),
    async (route) => {
      const req = route.request();
      blockedRequests.push({ url: req.url(), method: req.method(), resourceType: req.resourceType(), from: requestOrigin(req) });
      await route.abort('blockedbyclient').catch(() => {});
    },
  );

  for (const host of REPLICA_HOSTS) {
    await context.route(`https://${host}/**`, async (route) => {
      const req = route.request();
      const { status, headers, body } = await replicaResponse(req.url(), { resourceType: req.resourceType() });
      await route.fulfill({ status, headers, body }).catch(() => {});
    });
  }
  return { extensionRequests, blockedRequests };
}

/** @param {import('playwright-core').Request} req */
function requestOrigin(req) {
  const sw = req.serviceWorker();
  if (sw) return sw.url();
  try {
    return req.frame().url();
  } catch {
    return '';
  }
}

/**
 * The flags every browser of the tests and the benchmark runs with: no sandbox (root in CI), and no
 * background networking, which this machine's closed network would refuse many times a second.
 * @param {string} locale
 */
export function chromiumArgs(locale) {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--lang=${locale}`,
  ];
}

/**
 * Launches Chromium with the built extension, routes the replicas, waits for the service worker.
 * The extension comes from `extensionPath`, else $EG_EXTENSION_DIR (set for the e2e project to the
 * copy made by global-setup), else .output/chrome-mv3.
 * @param {{ locale?: string, headless?: boolean, extensionPath?: string, viewport?: { width: number, height: number } | null, slowMo?: number }} [opts]
 */
export async function launchExtension({ locale = 'en-US', headless = true, extensionPath = process.env.EG_EXTENSION_DIR || EXTENSION_DIR, viewport = { width: 1280, height: 800 }, slowMo } = {}) {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath} (manifest.json missing). Run \`npx wxt build\` first.`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'eg-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless,
    locale,
    viewport,
    slowMo,
    // Chromium on Linux takes its UI language from LANGUAGE, not --lang (with chromium-l10n installed).
    env: { ...process.env, LANGUAGE: locale.replace('-', '_') },
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      ...chromiumArgs(locale),
    ],
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  };
  try {
    const { extensionRequests, blockedRequests } = await routeReplicas(context);
    const serviceWorker = await waitForServiceWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, extensionId, serviceWorker, page, close, extensionRequests, blockedRequests, userDataDir };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * The extension's service worker (a running one, or the next one to start).
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} [extensionId]
 */
export async function waitForServiceWorker(context, extensionId, timeout = 20_000) {
  const prefix = extensionId ? `chrome-extension://${extensionId}/` : 'chrome-extension://';
  const running = context.serviceWorkers().find((w) => w.url().startsWith(prefix));
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout });
}

/** @param {import('playwright-core').BrowserContext} context @param {string} extensionId @param {string} path */
export async function openExtensionPage(context, extensionId, path) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
  return page;
}

/**
 * Stops the extension's service worker through the DevTools protocol (ServiceWorker.stopWorker on
 * each of its running versions) and verifies that Chromium reports every version `stopped`.
 * Uses a CDP session on an existing page (opening a tab could itself wake the worker).
 * Playwright keeps the same Worker object; it works again once the worker is woken by an event.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} extensionId
 * @returns {Promise<string[]>} the version ids that were stopped
 */
export async function stopServiceWorker(context, extensionId, timeout = 10_000) {
  const prefix = `chrome-extension://${extensionId}/`;
  const page = context.pages()[0];
  if (!page) throw new Error('stopServiceWorker: needs an open page in the context for a CDP session');
  const cdp = await context.newCDPSession(page);
  /** @type {Map<string, { versionId: string, scriptURL: string, runningStatus: string }>} */
  const versions = new Map();
  const changed = new Set();
  /** @param {{ versions: { versionId: string, scriptURL: string, runningStatus: string }[] }} e */
  const onUpdate = (e) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(prefix)) versions.set(v.versionId, v);
    for (const f of changed) f();
  };
  cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
  const until = (cond, what) =>
    new Promise((resolveP, rejectP) => {
      if (cond()) return resolveP(undefined);
      const check = () => { if (cond()) { clearTimeout(timer); changed.delete(check); resolveP(undefined); } };
      const timer = setTimeout(() => { changed.delete(check); rejectP(new Error(`stopServiceWorker: ${what}`)); }, timeout);
      changed.add(check);
    });
  try {
    await cdp.send('ServiceWorker.enable');
    await until(() => versions.size > 0, `no service worker version seen for ${prefix}`);
    const running = [...versions.values()].filter((v) => v.runningStatus !== 'stopped').map((v) => v.versionId);
    for (const versionId of running) await cdp.send('ServiceWorker.stopWorker', { versionId });
    await until(() => [...versions.values()].every((v) => v.runningStatus === 'stopped'), 'the service worker did not stop');
    return running;
  } finally {
    cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
    await cdp.send('ServiceWorker.disable').catch(() => {});
    await cdp.detach().catch(() => {});
  }
}

/**
 * Saves a full-viewport PNG to test-results/screenshots/<name>.png (or `dir`). Returns the path.
 * @param {import('playwright-core').Page} page @param {string} name @param {string} [dir]
 */
export async function screenshot(page, name, dir = join(ROOT, 'test-results', 'screenshots')) {
  const file = join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await mkdir(dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

/** Locator of the element the guide marks for a step (pierces open shadow roots). */
export function ringedTarget(page, stepId) {
  return page.locator(`[data-escalation-guide-target="${stepId}"]`);
}

/** Locators of the overlay's testing hooks. @param {import('playwright-core').Page} page */
export function overlay(page) {
  return {
    highlight: page.locator('[data-testid="eg-highlight"]'),
    nextStep: page.locator('[data-testid="eg-next-step"]'),
    fallback: page.locator('[data-testid="eg-fallback"]'),
    /** @param {string} id */
    warning: (id) => page.locator(`[role="alert"][data-warning="${id}"]`),
  };
}
