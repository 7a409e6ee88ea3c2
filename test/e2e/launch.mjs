// Plain-JS core of the end-to-end harness, shared by the vitest e2e tests (through harness.ts)
// and by scripts/start.mjs (which runs without a TypeScript loader). Types: launch.d.mts.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../../scripts/chromium.mjs';

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
    return BEGIN_CLIENT_SESSION.test(u.pathname) ? 'begin-session.html' : 'admin-center.html';
  }
  return null;
}

const BEGIN_CLIENT_SESSION = /^\/partner\/beginclientsession\.aspx$/i;
const GOV_HOST = /\.(us|mil)$/;

/** A query parameter by case-insensitive name. @param {URL} u @param {string} name */
function paramOf(u, name) {
  for (const [k, v] of u.searchParams) if (k.toLowerCase() === name.toLowerCase()) return v;
  return null;
}

/** base64url of a JSON value, for the `<meta>` contents the replicas read. */
const metaValue = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** @param {Buffer} html @param {Record<string, unknown>} metas */
function withMetas(html, metas) {
  const tags = Object.entries(metas).map(([name, value]) => `<meta name="${name}" content="${metaValue(value)}">`).join('');
  return Buffer.from(html.toString('utf8').replace('</head>', `${tags}</head>`));
}

/**
 * The first navigation of a tab that a page opened (window.open, a target=_blank link): Playwright
 * has no frame for it yet (`request.frame()` throws), and it is the one navigation for which
 * Chromium follows a routed 302 back through the route. (A `page.goto`, also in such a tab later,
 * and any navigation of an existing frame have a frame: a routed 302 there is followed outside the
 * route, to real DNS.)
 * @param {import('playwright-core').Request} req
 */
export function isOpenedTabFirstNavigation(req) {
  if (!req.isNavigationRequest()) return false;
  try {
    req.frame();
    return false;
  } catch {
    return true;
  }
}

/** Every host the replicas are served under. */
export const REPLICA_HOSTS = [...PARTNER_CENTER_HOSTS, ...ADMIN_CENTER_HOSTS, ...LOGIN_HOSTS];

/**
 * The replicas' server side, for any harness (the Playwright routes below, the Firefox harness's
 * local HTTPS server in test/firefox/launch.mjs): it answers a request as the real servers would.
 *
 * The delegated entries are answered as the real servers do (the portal facts in
 * test/replica/README.md): a document request to `/Partner/BeginClientSession.aspx?CTID=…`
 * (portal.office.com, admin.microsoft.com, any case), and to an admin-center URL with
 * `?delegatedOrg=` / `?tenantId=`, gets an HTTP 302 to
 * `login.microsoftonline.com/common/oauth2/v2.0/authorize` whose URL names no tenant (redirect_uri
 * is the admin center's `/landing`, `state` an opaque token) where the harness can redirect
 * (`canRedirect`); otherwise (a Playwright `page.goto`) a page that redirects by script to the same
 * URL. The server remembers the tenant under the token (the real server's session). The sign-in
 * pages end with a form POST of `state` to `/landing`; that document gets the tenant in a `<meta
 * name="replica-session">` (base64url JSON), read by the admin center replica only.
 */
export function createReplicaServer() {
  /** @type {{ url: string, answer: '302' | 'script', location: string }[]} */
  const delegatedEntries = [];
  /** @type {Map<string, { tenantId?: string, domain?: string, dest: string }>} */
  const sessions = new Map();
  let seq = 0;

  /** The sign-in URL for an entry: the tenant stays with the server, under the token in `state`. */
  const signInFor = (/** @type {URL} */ entry, /** @type {{ tenantId?: string, domain?: string, dest: string }} */ who) => {
    const host = entry.hostname.toLowerCase();
    const token = `r${(++seq).toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    sessions.set(token, who);
    const gov = GOV_HOST.test(host);
    const app = gov || host === 'admin.cloud.microsoft' ? host : 'admin.microsoft.com';
    const q = new URLSearchParams({
      client_id: '00000006-0000-0ff1-ce00-000000000000', redirect_uri: `https://${app}/landing`, response_type: 'code id_token',
      response_mode: 'form_post', scope: 'openid profile', state: token, nonce: `n${seq}`,
    });
    return `https://${gov ? 'login.microsoftonline.us' : 'login.microsoftonline.com'}/common/oauth2/v2.0/authorize?${q}`;
  };

  /**
   * @param {{ url: string, method?: string, resourceType?: string, postData?: string | null, canRedirect: boolean }} req
   * @returns {Promise<{ status: number, headers: Record<string, string>, body: Buffer | string }>}
   */
  async function respond({ url, method = 'GET', resourceType = 'document', postData = null, canRedirect }) {
    const rel = replicaFileFor(url, resourceType);
    const file = rel === null ? null : resolve(REPLICA_DIR, rel);
    if (!file || !(file === REPLICA_DIR || file.startsWith(REPLICA_DIR + sep)) || !existsSync(file)) {
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found (replica)' };
    }
    let body = await readFile(file);
    const u = new URL(url);
    if (rel === 'begin-session.html' || (rel === 'admin-center.html' && method === 'GET' && (paramOf(u, 'delegatedOrg') || paramOf(u, 'tenantId')))) {
      const csdest = (paramOf(u, 'CSDEST') ?? '').toLowerCase();
      const who = rel === 'begin-session.html'
        ? { tenantId: (paramOf(u, 'CTID') ?? '').toLowerCase() || undefined, dest: csdest === 'support' ? 'support' : csdest === 'servicestatus' ? 'servicehealth' : 'homepage' }
        : { domain: paramOf(u, 'delegatedOrg')?.toLowerCase() || undefined, tenantId: paramOf(u, 'tenantId')?.toLowerCase() || undefined, dest: 'homepage' };
      const login = signInFor(u, who);
      if (canRedirect) {
        delegatedEntries.push({ url, answer: '302', location: login });
        return { status: 302, headers: { location: login, 'cache-control': 'no-store' }, body: '' };
      }
      if (rel === 'begin-session.html') {
        delegatedEntries.push({ url, answer: 'script', location: login });
        body = withMetas(body, { 'replica-next': { login } });
      } else {
        body = withMetas(body, { 'replica-entry': { login } }); // the page signs in first if the tab has not yet
      }
    } else if (rel === 'admin-center.html' && method === 'POST') {
      const state = new URLSearchParams(postData ?? '').get('state');
      if (state !== null) {
        const who = sessions.get(state);
        body = withMetas(body, { 'replica-session': who ?? { own: true, dest: 'homepage' } });
      }
    }
    return { status: 200, headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }, body };
  }

  return { respond, delegatedEntries };
}

/**
 * Serves the replicas under the real portal URLs (createReplicaServer), aborts every other http(s)
 * request, and records requests made by the extension itself. Chromium follows a routed 302 back
 * through the route only for the first navigation of a tab a page opened: the delegated entry is a
 * 302 there, and a script redirect for a `page.goto`.
 * @param {import('playwright-core').BrowserContext} context
 */
export async function routeReplicas(context) {
  /** @type {{ url: string, method: string, resourceType: string, from: string }[]} */
  const extensionRequests = [];
  /** @type {{ url: string, method: string, resourceType: string, from: string }[]} */
  const blockedRequests = [];
  const server = createReplicaServer();

  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:')) return;
    const from = requestOrigin(req);
    if (from.startsWith('chrome-extension://')) extensionRequests.push({ url, method: req.method(), resourceType: req.resourceType(), from });
  });

  // Chromium's first request for the Location of a routed 302 in an opened tab goes outside the
  // route and fails (real DNS); its error page reloads itself only while the tab is visible (net-error
  // auto-reload). Reload it at once, visible or not: the sign-in page then comes through the route.
  const replicaHosts = new Set(REPLICA_HOSTS);
  context.on('requestfailed', (req) => {
    if (!req.redirectedFrom() || !req.isNavigationRequest()) return;
    if (!replicaHosts.has(new URL(req.url()).hostname.toLowerCase())) return;
    void (async () => {
      for (let i = 0; i < 30; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const errored = context.pages().filter((p) => !p.isClosed() && p.url().startsWith('chrome-error://'));
        if (!errored.length) continue;
        for (const p of errored) await p.reload().catch(() => {});
        return;
      }
    })();
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
      const { status, headers, body } = await server.respond({
        url: req.url(), method: req.method(), resourceType: req.resourceType(), postData: req.postData(), canRedirect: isOpenedTabFirstNavigation(req),
      });
      await route.fulfill({ status, headers, body }).catch(() => {});
    });
  }
  return { extensionRequests, blockedRequests, delegatedEntries: server.delegatedEntries };
}

/**
 * Sets replica knobs in a host's sessionStorage before its pages' scripts run, in every tab of the
 * context (an init script): for knobs of a page the test reaches only through redirects (the admin
 * center after sign-in), e.g. `{ 'admin.cloud.microsoft': { 'replica-ui': '2026' } }`.
 * @param {import('playwright-core').BrowserContext} context
 * @param {Record<string, Record<string, string>>} byHost
 */
export async function presetKnobs(context, byHost) {
  await context.addInitScript((knobs) => {
    const mine = knobs[location.hostname];
    if (!mine) return;
    try {
      for (const [k, v] of Object.entries(mine)) if (sessionStorage.getItem(k) === null) sessionStorage.setItem(k, v);
    } catch {
      /* no storage */
    }
  }, byHost);
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
    const { extensionRequests, blockedRequests, delegatedEntries } = await routeReplicas(context);
    const serviceWorker = await waitForServiceWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, extensionId, serviceWorker, page, close, extensionRequests, blockedRequests, delegatedEntries, userDataDir };
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
