// The walk of test/e2e/walk.mjs in Firefox (puppeteer-core): on each page, wait for the one element
// the guide marks (`[data-escalation-guide-target]`, searched through open shadow roots), save a
// screenshot, click it (a real click: WebDriver input actions); on the sign-in pages (no content
// script there) do what each asks (test/e2e/walk.mjs `signInWith`: pick the account, sign in, wait
// for the MFA approval, stay signed in); follow the tab a click opens. Ends after the support topic is
// chosen. Shared by `npm start -- --browser firefox` and the e2e-firefox tests. Types: walk.d.mts.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CLICKABLE_INSIDE, CLICKABLE_SELF, FINAL_STEP, LOGIN_HOSTS, WalkError, signInWith } from '../e2e/walk.mjs';

export { FINAL_STEP, WalkError };

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** @param {import('puppeteer-core').Page} page */
export const isLogin = (page) => {
  try {
    return LOGIN_HOSTS.includes(new URL(page.url()).hostname);
  } catch {
    return false;
  }
};

/** The elements the guide marks now (through open shadow roots). @param {import('puppeteer-core').Page} page */
export function markedTargets(page) {
  return page.$$('pierce/[data-escalation-guide-target]');
}

/**
 * The one visible marked element other than `previous`, within `timeoutMs`; 'login' on the sign-in page.
 * @param {import('puppeteer-core').Page} page
 * @param {import('puppeteer-core').ElementHandle | null} previous
 * @param {number} timeoutMs
 */
async function waitForMarkedTarget(page, previous, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isLogin(page)) return 'login';
    const handles = await markedTargets(page).catch(() => []);
    for (const handle of handles) {
      const same = previous ? await handle.evaluate((a, b) => a === b, previous).catch(() => false) : false;
      if (same) continue;
      const stepId = await handle.evaluate((el) => el.getAttribute('data-escalation-guide-target')).catch(() => null);
      if (stepId && (await handle.isVisible().catch(() => false))) return { handle, stepId };
    }
    await sleep(100);
  }
  return null;
}

/**
 * What to click for a marked element: itself when it is a control, else the first visible control
 * inside it (waited for up to `timeoutMs`, as Playwright's locator click waits: a grid marked while
 * its rows are still placeholders gets its buttons a moment later), else the element itself.
 * @param {import('puppeteer-core').ElementHandle} handle
 */
export async function clickableIn(handle, timeoutMs = 5_000) {
  if (await handle.evaluate((el, sel) => el.matches(sel), CLICKABLE_SELF)) return handle;
  const deadline = Date.now() + timeoutMs;
  do {
    for (const sel of CLICKABLE_INSIDE) {
      const inner = await handle.$(`pierce/${sel}`);
      if (inner && (await inner.isVisible())) return inner;
    }
    await sleep(100);
  } while (Date.now() < deadline);
  return handle;
}

/**
 * Clicks an element once it is stable (connected, the same box over 100 ms) and the element under
 * its centre is itself or inside it, as Playwright's actionability checks do before a click.
 * @param {import('puppeteer-core').ElementHandle} handle
 */
export async function clickWhenReady(handle, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  let before = await handle.boundingBox();
  for (;;) {
    await sleep(100);
    const box = await handle.boundingBox();
    const same = !!box && !!before && box.x === before.x && box.y === before.y && box.width === before.width && box.height === before.height;
    const hit = same && (await handle.evaluate((el) => {
      if (!el.isConnected) return false;
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      /** @type {Element | null} */
      let at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      while (at?.shadowRoot) {
        const inner = at.shadowRoot.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        if (!inner || inner === at) break;
        at = inner;
      }
      for (let n = /** @type {Node | null} */ (at); n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (n === el) return true;
      return false;
    }).catch(() => false));
    if (hit || Date.now() > deadline) break;
    before = box;
  }
  await handle.click();
}

/**
 * Runs `action` and returns the page of the tab it opened, or null after `waitMs`.
 * @param {import('puppeteer-core').Browser} browser
 * @param {() => Promise<unknown>} action
 */
export async function openedBy(browser, action, waitMs = 1500) {
  /** @type {Promise<import('puppeteer-core').Page | null>[]} */
  const opened = [];
  /** @param {import('puppeteer-core').Target} t */
  const onTarget = (t) => {
    if (t.type() === 'page') opened.push(t.page());
  };
  browser.on('targetcreated', onTarget);
  try {
    await action();
    for (let waited = 0; waited < waitMs && !opened.length; waited += 100) await sleep(100);
  } finally {
    browser.off('targetcreated', onTarget);
  }
  return opened.length ? opened[0] : null;
}

/** Waits until the page's URL satisfies `test`. @param {import('puppeteer-core').Page} page @param {(u: URL) => boolean} test */
export async function waitForUrl(page, test, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (test(new URL(page.url()))) return;
    } catch {
      /* about:blank before the first navigation */
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for the URL (now ${page.url()})`);
    await sleep(50);
  }
}

/**
 * Gets a tab through the replica's sign-in pages (account picker, password, MFA that continues by
 * itself, stay signed in: form POSTs, each its own document) until it leaves the sign-in host, with
 * real clicks. Returns the screens seen.
 * @param {import('puppeteer-core').Page} page
 * @param {{ timeoutMs?: number, onScreen?: (screen: string) => Promise<void> | void }} [opts]
 */
export function signIn(page, opts = {}) {
  return signInWith({
    url: () => page.url(),
    screen: () => page.evaluate(() => document.body?.dataset.replicaScreen ?? ''),
    click: async (selector, timeout) => {
      const control = await page.waitForSelector(selector, { visible: true, timeout });
      if (!control) throw new Error(`no ${selector} on ${page.url()}`);
      await clickWhenReady(control, timeout);
    },
    left: (url, timeout) => waitForUrl(page, (u) => u.href !== url, timeout),
  }, opts);
}

/**
 * Walks the guided flow from the current page of `page`.
 * @param {import('./walk.d.mts').FirefoxWalkOptions} opts
 */
export async function walkGuideFirefox({ browser, page, outDir, timeoutMs = 10_000, maxClicks = 25, log = () => {} }) {
  if (outDir) await mkdir(outDir, { recursive: true });
  /** @type {import('./walk.d.mts').FirefoxWalkStep[]} */
  const steps = [];
  let current = page;
  /** @type {import('puppeteer-core').ElementHandle | null} */
  let previous = null;
  /** @type {string | null} */
  let lastStep = null;
  let n = 0;

  const shot = async (/** @type {string} */ name) => {
    if (!outDir) return undefined;
    const file = join(outDir, `${String(n).padStart(2, '0')}-${name}.png`);
    await current.screenshot({ path: /** @type {`${string}.png`} */ (file) });
    return file;
  };

  for (let i = 0; i < maxClicks; i++) {
    const found = isLogin(current) ? 'login' : await waitForMarkedTarget(current, previous, timeoutMs);

    if (found === 'login') {
      n++;
      const url = current.url();
      /** @type {string | undefined} */
      let first;
      const screens = await signIn(current, {
        timeoutMs,
        onScreen: async (screen) => {
          const file = await shot(`portal-sign-in-${screen}`);
          first ??= file;
          log(`${n}. portal-sign-in: ${screen}${file ? ` -> ${file}` : ''}`);
        },
      });
      steps.push({ n, stepId: 'portal-sign-in', url, screenshot: first, screens });
      previous = null;
      lastStep = 'portal-sign-in';
      continue;
    }

    if (!found) {
      await shot('stopped').catch(() => undefined);
      throw new WalkError(
        `The guide marked no target ([data-escalation-guide-target]) within ${Math.round(timeoutMs / 1000)} s on ${current.url()}` +
          (lastStep ? ` (last step clicked: ${lastStep})` : ' (no step was marked at all: is the add-on built and running?)'),
        { url: current.url(), step: n, afterStep: lastStep },
      );
    }
    n++;
    const { handle, stepId } = found;
    const file = await shot(stepId);
    steps.push({ n, stepId, url: current.url(), screenshot: file });
    log(`${n}. ${stepId} on ${current.url()}${file ? ` -> ${file}` : ''}`);

    const control = await clickableIn(handle);
    const opened = await openedBy(browser, () => clickWhenReady(control), stepId === FINAL_STEP ? 0 : 1500);
    previous = handle;
    lastStep = stepId;
    if (stepId === FINAL_STEP) {
      await sleep(500);
      n++;
      const done = await shot('done');
      log(`${n}. done: the support topic is chosen${done ? ` -> ${done}` : ''}`);
      return { steps, page: current, completed: true };
    }
    if (opened) {
      current = opened;
      await current.bringToFront().catch(() => {});
      previous = null;
      log(`   (a new tab opened: ${current.url()})`);
    }
  }
  throw new WalkError(`The walk did not reach "${FINAL_STEP}" within ${maxClicks} clicks`, { url: current.url(), step: n, afterStep: lastStep });
}
