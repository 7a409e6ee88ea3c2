// Plain-JS core of the Firefox end-to-end harness (headless Firefox ESR driven by puppeteer-core over
// WebDriver BiDi), shared by the vitest project `e2e-firefox` and by `npm start -- --browser firefox`.
// Types: launch.d.mts.
//
// The replicas (test/replica, the same files and mapping as the Chromium harness: createReplicaServer in
// test/e2e/launch.mjs) are served under the real portal URLs by a local HTTPS server behind a local
// CONNECT proxy that Firefox is told to use for every request (profile prefs). The server is a real
// one: every tab (also those a page opens with window.open or target=_blank, whose first request
// per-page interception misses), every redirect and every request of the add-on go through
// Firefox's own network stack, so its content scripts, its webRequest and its tabs events see real
// navigations. The delegated entries are always answered as the real servers answer them, with an
// HTTP 302 to the sign-in (the replicas' harder choice; the script-redirect page is only for
// Playwright's page.goto in the Chromium harness). Its certificate is self-signed (made with
// openssl at launch) and accepted through the WebDriver session's acceptInsecureCerts. It listens on an ephemeral port of 127.0.0.1: no root, no
// port 443, no DNS change. Requests for any other host are refused at the proxy and recorded.
import puppeteer from 'puppeteer-core';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ROOT, REPLICA_HOSTS, createReplicaServer } from '../e2e/launch.mjs';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv3');
/** Private copy of the Firefox build that the e2e-firefox run uses (made by global-setup.ts). */
export const E2E_FIREFOX_EXTENSION_DIR = join(ROOT, 'test-results', 'e2e-firefox', 'firefox-mv3');
/** The add-on's id (wxt.config.ts GECKO_ID). */
export const GECKO_ID = 'escalation-guide-partner-center@extensions';

/** Firefox: $FIREFOX_PATH, else Debian's firefox-esr, else a `firefox-esr` or `firefox` on PATH. */
export function findFirefox() {
  const env = process.env.FIREFOX_PATH;
  if (env) {
    if (existsSync(env)) return env;
    throw new Error(`FIREFOX_PATH is set to ${env}, but no file is there.`);
  }
  for (const p of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(p)) return p;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const cmd of ['firefox-esr', 'firefox']) if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  }
  throw new Error('No Firefox found (FIREFOX_PATH, /usr/bin/firefox-esr, firefox on PATH). On Debian/Ubuntu: `apt-get install -y firefox-esr` (as root; .ci/run does it).');
}

/** `Mozilla Firefox 153.8.0esr` or the error. @param {string} path */
export function firefoxVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 15_000 }).trim();
  } catch (e) {
    return `version unknown: ${e instanceof Error ? e.message : e}`;
  }
}

/** A self-signed certificate for every replica host, made with openssl in `dir`. @param {string} dir */
function makeCertificate(dir) {
  const key = join(dir, 'replica-key.pem');
  const cert = join(dir, 'replica-cert.pem');
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
      '-subj', '/CN=Escalation Guide replicas', '-addext', `subjectAltName=${REPLICA_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    throw new Error(`openssl could not make the replicas' certificate (is openssl installed? Debian: apt-get install -y openssl): ${e instanceof Error ? e.message : e}`);
  }
  return { key, cert };
}

/**
 * Starts the replicas' HTTPS server behind a CONNECT proxy on 127.0.0.1 (ephemeral port).
 * @param {{ dir: string }} opts
 */
export async function startReplicaServer({ dir }) {
  const { key, cert } = makeCertificate(dir);
  const replicas = createReplicaServer();
  /** @type {import('./launch.d.mts').ServedRequest[]} */
  const requests = [];
  /** @type {import('./launch.d.mts').ServedRequest[]} */
  const extensionRequests = [];
  /** @type {{ url: string, method: string }[]} */
  const blockedRequests = [];
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  /** The next request whose URL passes `test` waits for `released` (`hold`). */
  /** @type {{ test: (url: string) => boolean, reached: (url: string) => void, released: Promise<void> }[]} */
  const holds = [];
  /** @type {Set<() => void>} */
  const releases = new Set();

  const tls = https.createServer({ key: await readFile(key), cert: await readFile(cert) }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`).href;
    const dest = String(req.headers['sec-fetch-dest'] ?? '');
    const resourceType = dest === 'document' || dest === 'iframe' || dest === 'frame' ? 'document' : dest || 'other';
    const from = String(req.headers.origin ?? req.headers.referer ?? '');
    const record = { url, method: req.method ?? 'GET', resourceType, from, status: 0 };
    requests.push(record);
    if (from.startsWith('moz-extension://')) extensionRequests.push(record);
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const held = holds.findIndex((h) => h.test(url));
      if (held >= 0) {
        const [hold] = holds.splice(held, 1);
        hold?.reached(url);
        await hold?.released;
      }
      try {
        const { status, headers, body } = await replicas.respond({
          url, method: req.method ?? 'GET', resourceType, postData: chunks.length ? Buffer.concat(chunks).toString('utf8') : null,
          // A real server: a redirect works for every navigation, so the entry is always a 302.
          canRedirect: true,
        });
        record.status = status;
        res.writeHead(status, headers);
        res.end(body);
      } catch (err) {
        record.status = 500;
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`replica server: ${err instanceof Error ? err.message : err}`);
      }
    });
  });
  const proxy = http.createServer((req, res) => {
    // Plain http:// through the proxy: nothing is served that way.
    blockedRequests.push({ url: req.url ?? '', method: req.method ?? 'GET' });
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('Blocked (replica proxy)');
  });
  proxy.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  proxy.on('connect', (req, socket, head) => {
    const [host = '', port = ''] = (req.url ?? '').split(':');
    if (!REPLICA_HOSTS.includes(host.toLowerCase()) || port !== '443') {
      blockedRequests.push({ url: `https://${req.url}/`, method: 'CONNECT' });
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.on('error', () => {});
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    tls.emit('connection', socket);
  });
  await new Promise((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = proxy.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    requests,
    extensionRequests,
    blockedRequests,
    /**
     * The next request whose URL passes `test` is answered only after `release()`; `reached`
     * resolves to its URL when it arrives (then the browser has sent it: its webRequest
     * onBeforeRequest has fired).
     * @param {(url: string) => boolean} test
     */
    hold(test) {
      /** @type {(url: string) => void} */
      let reached = () => {};
      /** @type {() => void} */
      let release = () => {};
      const at = new Promise((resolve) => (reached = resolve));
      const released = new Promise((resolve) => (release = () => {
        releases.delete(release);
        resolve(undefined);
      }));
      releases.add(release);
      holds.push({ test, reached, released: /** @type {Promise<void>} */ (released) });
      return { reached: /** @type {Promise<string>} */ (at), release };
    },
    async close() {
      holds.length = 0;
      for (const release of [...releases]) release();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => proxy.close(() => resolve(undefined)));
      tls.close();
    },
  };
}

/**
 * Profile prefs: every request through the replicas' proxy, no DNS of its own, the add-on's
 * moz-extension UUID fixed, the UI and page language.
 * @param {{ port: number, uuid: string, locale: string, backgroundIdleMs?: number }} o
 */
export function firefoxPrefs({ port, uuid, locale, backgroundIdleMs }) {
  /** @type {Record<string, unknown>} */
  const prefs = {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.no_proxies_on': '',
    'network.proxy.share_proxy_settings': false,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
    'intl.locale.requested': locale,
    'intl.accept_languages': `${locale.toLowerCase()}, ${locale.split('-')[0]}`,
    'browser.translations.enable': false,
  };
  // Firefox unloads an idle event page after this long (default 30 s).
  if (backgroundIdleMs !== undefined) prefs['extensions.background.idle.timeout'] = backgroundIdleMs;
  return prefs;
}

/**
 * Launches headless Firefox with the built add-on installed as a temporary add-on, every portal
 * host served from the replicas. The add-on comes from `extensionPath`, else
 * $EG_FIREFOX_EXTENSION_DIR (the copy made by global-setup.ts), else .output/firefox-mv3.
 * @param {import('./launch.d.mts').FirefoxLaunchOptions} [opts]
 * @returns {Promise<import('./launch.d.mts').LaunchedFirefox>}
 */
export async function launchFirefox({
  locale = 'en-US',
  headless = true,
  extensionPath = process.env.EG_FIREFOX_EXTENSION_DIR || FIREFOX_EXTENSION_DIR,
  viewport = { width: 1280, height: 800 },
  backgroundIdleMs,
  keepSidebar = false,
} = {}) {
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built Firefox add-on at ${extensionPath} (manifest.json missing). Run \`npx wxt build -b firefox\` first.`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'eg-firefox-'));
  const server = await startReplicaServer({ dir }).catch(async (e) => {
    await rm(dir, { recursive: true, force: true });
    throw e;
  });
  const uuid = randomUUID();
  /** @type {import('puppeteer-core').Browser | undefined} */
  let browser;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browser?.close().catch(() => {});
    await server.close().catch(() => {});
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless,
      acceptInsecureCerts: true,
      defaultViewport: viewport,
      extraPrefsFirefox: firefoxPrefs({ port: server.port, uuid, locale, backgroundIdleMs }),
      // WebDriver BiDi navigates to moz-extension:// pages (the sidebar's, the options page) and
      // reaches the parent process (chromeEval: the add-on's background) only with this flag.
      args: ['--remote-allow-system-access'],
      env: { ...process.env, LANG: `${locale.replace('-', '_')}.UTF-8`, MOZ_CRASHREPORTER_DISABLE: '1' },
    });
    const extensionId = await browser.installExtension(extensionPath);
    if (extensionId !== GECKO_ID) throw new Error(`installed add-on id ${extensionId}, expected ${GECKO_ID}`);
    const chromeEval = chromeEvaluator(browser);
    // Firefox opens an add-on's sidebar when it is installed; each run starts with it closed, as
    // for an agent who closed it once (the tests open it themselves).
    if (!keepSidebar) {
      for (const until = Date.now() + 3_000; Date.now() < until && !(await chromeEval('SidebarController.isOpen')); ) await new Promise((r) => setTimeout(r, 100));
      await chromeEval('SidebarController.hide()');
    }
    const extensionOrigin = `moz-extension://${uuid}`;
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    // The window's first tab keeps the window's size; tabs opened later get defaultViewport.
    if (viewport) await page.setViewport(viewport);
    const b = browser;
    const id = JSON.stringify(extensionId);
    return {
      browser: b,
      page,
      extensionId,
      uuid,
      extensionOrigin,
      close,
      requests: server.requests,
      extensionRequests: server.extensionRequests,
      blockedRequests: server.blockedRequests,
      holdRequest: (test) => server.hold(test),
      chromeEval,
      openExtensionPage: (path) => openExtensionPage(b, `${extensionOrigin}/${path.replace(/^\//, '')}`),
      backgroundState: () => chromeEval(`WebExtensionPolicy.getByID(${id}).extension.backgroundState`),
      // What about:debugging's "Terminate background script" does, and Firefox's idle timer when it
      // fires. Firefox declines while a listener's promise is pending (work in progress) and forgets
      // those promises; its timer then tries again one idle period later: here after 500 ms.
      terminateBackground: () => chromeEval(`(async () => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const ext = WebExtensionPolicy.getByID(${id}).extension;
        for (const until = Date.now() + 10000; ext.backgroundState !== 'stopped' && Date.now() < until; ) {
          if (ext.backgroundState === 'running') await ExtensionParent.DebugUtils.terminateBackgroundScript(${id});
          if (ext.backgroundState !== 'stopped') await new Promise((r) => setTimeout(r, 500));
        }
        return ext.backgroundState;
      })()`),
      sidebarOpen: () => chromeEval(`SidebarController.isOpen ? SidebarController.currentID : ''`),
      hideSidebar: () => chromeEval('SidebarController.hide(), SidebarController.isOpen'),
      // A real key press in the browser window (focus on its chrome, as after a click on the toolbar):
      // WebDriver's key actions go to the page's process, where Firefox's shortcuts are not handled.
      pressShortcut: (shortcut) => chromeEval(`(() => {
        Services.focus.clearFocus(window);
        const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
        if (!tip.beginInputTransactionForTests(window)) throw new Error('no text input processor');
        const parts = ${JSON.stringify(shortcut)}.split('+');
        const key = parts.pop();
        const MOD = { Alt: ['Alt', 'AltLeft', KeyboardEvent.DOM_VK_ALT], Shift: ['Shift', 'ShiftLeft', KeyboardEvent.DOM_VK_SHIFT], Ctrl: ['Control', 'ControlLeft', KeyboardEvent.DOM_VK_CONTROL] };
        const events = parts.map((m) => { const [k, code, keyCode] = MOD[m]; return new KeyboardEvent('', { key: k, code, keyCode }); });
        for (const e of events) tip.keydown(e);
        const main = new KeyboardEvent('', { key: key.toUpperCase(), code: 'Key' + key.toUpperCase(), keyCode: key.toUpperCase().charCodeAt(0) });
        tip.keydown(main);
        tip.keyup(main);
        for (const e of events.reverse()) tip.keyup(e);
        return true;
      })()`),
      // Errors in the browser console from the add-on's own code (background, extension pages,
      // content scripts), not Firefox's internals that name one of its pages.
      // Uncaught errors and unhandled rejections (nsIScriptError, which reaches the parent's console
      // service from every process). console.error calls of the extension's process do not.
      consoleErrors: () => chromeEval(`Services.console.getMessageArray()
        .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & Ci.nsIScriptError.warningFlag) && !(m.flags & Ci.nsIScriptError.infoFlag))
        .filter((m) => (m.sourceName || '').startsWith(${JSON.stringify(extensionOrigin + '/')}))
        .map((m) => m.errorMessage + ' (' + m.sourceName + ':' + m.lineNumber + ')')`),
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Runs privileged JS in the browser window (WebDriver BiDi, "moz:scope": "chrome"; needs
 * --remote-allow-system-access). Returns the value (primitives, arrays and plain objects).
 * Goes through puppeteer's BiDi connection: puppeteer has no API for the parent process.
 * @param {import('puppeteer-core').Browser} browser
 */
function chromeEvaluator(browser) {
  /** @type {any} */
  const conn = /** @type {any} */ (browser).connection;
  /** @type {string | undefined} */
  let context;
  return async (/** @type {string} */ expression) => {
    if (!context) {
      const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      context = tree.result.contexts.find((/** @type {{ url: string }} */ c) => c.url === 'chrome://browser/content/browser.xhtml')?.context;
      if (!context) {
        throw new Error('no browser window in the parent process: Firefox ignored "moz:scope" (is --remote-allow-system-access set? Firefox ESR 140 ignores it: ' +
          'bring firefox-esr to the current release, e.g. apt-get update && apt-get install -y firefox-esr, as .ci/run does)');
      }
    }
    const { result } = await conn.send('script.evaluate', { expression, target: { context }, awaitPromise: true, serializationOptions: { maxObjectDepth: 4 } });
    if (result.type === 'exception') throw new Error(`chromeEval: ${result.exceptionDetails?.text ?? 'exception'}`);
    return fromRemote(result.result);
  };
}

/** A WebDriver BiDi RemoteValue to a JS value. @param {any} v @returns {any} */
function fromRemote(v) {
  switch (v?.type) {
    case 'undefined': return undefined;
    case 'null': return null;
    case 'string': case 'boolean': return v.value;
    case 'number': return typeof v.value === 'number' ? v.value : Number(v.value);
    case 'array': return (v.value ?? []).map(fromRemote);
    case 'object': return Object.fromEntries((v.value ?? []).map((/** @type {[any, any]} */ [k, x]) => [typeof k === 'string' ? k : fromRemote(k), fromRemote(x)]));
    default: return v?.value;
  }
}

/**
 * Opens an extension page (moz-extension://) in a new tab. WebDriver BiDi reports no load events
 * for those documents (puppeteer's goto would time out and its page.url() stays about:blank), so
 * the navigation is started without waiting and the page's own state is polled.
 * @param {import('puppeteer-core').Browser} browser @param {string} url
 */
export async function openExtensionPage(browser, url, timeout = 10_000) {
  const page = await browser.newPage();
  const conn = /** @type {any} */ (browser).connection;
  const context = /** @type {any} */ (page.mainFrame())._id;
  await conn.send('browsingContext.navigate', { context, url, wait: 'none' });
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`the extension page ${url} did not load within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return page;
}
