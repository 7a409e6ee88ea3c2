// Follows the guide through the replicas the way an agent would: on each page, wait for the element
// the guide marks (`[data-escalation-guide-target="<step id>"]`, ARCHITECTURE.md, the testing
// contract), save a screenshot, click it (a select: choose its first option); on the sign-in pages
// (no content script there) do what each asks: pick the account, sign in with the password, wait
// for the MFA approval, stay signed in. Switches to the tab a click opens (the delegated
// admin-center entry). Ends after the support topic is chosen, or after `stopAfter`. Shared by
// scripts/start.mjs (headless walk-through) and the e2e tests. Types: walk.d.mts.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export const FINAL_STEP = 'support-topic';
export const LOGIN_HOSTS = ['login.microsoftonline.com', 'login.microsoftonline.us'];
// What to click inside a marked element that is not itself a control (e.g. the customer grid).
// Shared with the Firefox walk (test/firefox/walk.mjs).
export const HE_BUTTONS = 'customersvcadmin_he-button, accexp_he-button, v6_he-button, he-button';
export const CLICKABLE_INSIDE = ['customersvcadmin_he-button', 'accexp_he-button', 'v6_he-button', 'he-button', 'select', '[role="radio"]', 'input[type="radio"]',
  '[role="menuitem"]', 'v6_he-task-item', 'a[href]', 'button', '[role="button"]', 'input:not([type="radio"])'];
export const CLICKABLE_SELF = `a[href], button, input, select, [role="button"], [role="link"], [role="menuitem"], [role="radio"], [role="tab"], [role="option"], ${HE_BUTTONS}, v6_he-task-item`;

export class WalkError extends Error {
  /**
   * @param {string} message @param {{ url: string, step: number, afterStep: string | null }} where
   * @param {{ steps?: { n: number, stepId: string, url: string, screenshot?: string, screens?: string[] }[], page?: import('playwright-core').Page }} [progress]
   *   the steps walked so far and the tab the walk stopped in
   */
  constructor(message, where, progress = {}) {
    super(message);
    this.name = 'WalkError';
    this.where = where;
    this.steps = progress.steps ?? [];
    this.page = progress.page;
  }
}

/** @param {string} url */
const onLoginHost = (url) => {
  try {
    return LOGIN_HOSTS.includes(new URL(url).hostname);
  } catch {
    return false;
  }
};

/** @param {import('playwright-core').Page} page */
const isLogin = (page) => onLoginHost(page.url());
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').ElementHandle | null} previous element clicked last (skipped while still marked)
 * @param {number} timeoutMs
 */
async function waitForMarkedTarget(page, previous, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isLogin(page)) return 'login';
    const handles = await page.locator('[data-escalation-guide-target]').elementHandles().catch(() => []);
    for (const handle of handles) {
      const same = previous ? await handle.evaluate((a, b) => a === b, previous).catch(() => false) : false;
      if (same) continue;
      const stepId = await handle.getAttribute('data-escalation-guide-target').catch(() => null);
      if (stepId && (await handle.isVisible().catch(() => false))) return { handle, stepId };
    }
    await sleep(100);
  }
  return null;
}

/** @param {import('playwright-core').ElementHandle} handle */
async function clickableIn(handle) {
  if (await handle.evaluate((el, sel) => el.matches(sel), CLICKABLE_SELF)) return handle;
  for (const sel of CLICKABLE_INSIDE) {
    const inner = await handle.$(sel);
    if (inner && (await inner.isVisible())) return inner;
  }
  return handle;
}

/**
 * What the agent does on each sign-in screen (`document.body.dataset.replicaScreen` of the replica,
 * test/replica/login.js): the CSS selector to click, or null where the page continues by itself
 * (the MFA number: the phone approves). Shared with the Firefox walk (test/firefox/walk.mjs).
 */
export const SIGN_IN_CLICKS = {
  picker: '#tilesHolder [data-test-id]',
  password: '#idSIButton9',
  mfa: null,
  kmsi: '#idSIButton9',
};

/**
 * The sign-in walk for any driver (Playwright here, puppeteer in test/firefox/walk.mjs): until the
 * tab leaves the sign-in host for an https page, do on each new screen what `SIGN_IN_CLICKS` says
 * and wait for the next document. Returns the screens seen.
 * @param {{
 *   url: () => string,
 *   screen: () => Promise<string>,
 *   click: (selector: string, timeoutMs: number) => Promise<void>,
 *   left: (url: string, timeoutMs: number) => Promise<void>,
 * }} driver `screen`: the page's `data-replica-screen` ('' while none); `left`: resolves once the
 *   tab's URL is no longer `url` (or after `timeoutMs`)
 * @param {{ timeoutMs?: number, onScreen?: (screen: string) => Promise<void> | void }} [opts]
 */
export async function signInWith(driver, { timeoutMs = 15_000, onScreen } = {}) {
  /** @type {string[]} */
  const screens = [];
  const deadline = Date.now() + timeoutMs * 3;
  while (Date.now() < deadline) {
    const url = driver.url();
    if (!onLoginHost(url)) {
      if (url.startsWith('https:')) return screens;
      await sleep(100); // about:blank while the opened tab starts
      continue;
    }
    const screen = await driver.screen().catch(() => '');
    if (!screen || screen === screens.at(-1)) {
      await sleep(100);
      continue;
    }
    if (!(screen in SIGN_IN_CLICKS)) throw new WalkError(`Unknown sign-in screen "${screen}" on ${url}`, { url, step: 0, afterStep: 'office-365' });
    screens.push(screen);
    await onScreen?.(screen);
    const selector = SIGN_IN_CLICKS[/** @type {keyof typeof SIGN_IN_CLICKS} */ (screen)];
    if (selector) await driver.click(selector, timeoutMs);
    await driver.left(url, timeoutMs).catch(() => {});
  }
  throw new WalkError(`The sign-in did not end within ${Math.round((timeoutMs * 3) / 1000)} s (screens: ${screens.join(', ') || 'none'})`, { url: driver.url(), step: 0, afterStep: 'office-365' });
}

/**
 * Gets a tab through the Microsoft sign-in pages (account picker, password, MFA approval, stay
 * signed in; any of them may be left out) until it leaves the sign-in host. Returns the screens seen.
 * @param {import('playwright-core').Page} page
 * @param {{ timeoutMs?: number, onScreen?: (screen: string) => Promise<void> | void }} [opts]
 */
export function signIn(page, opts = {}) {
  return signInWith({
    url: () => page.url(),
    screen: () => page.evaluate(() => document.body?.dataset.replicaScreen ?? ''),
    click: async (selector, timeout) => {
      await page.locator(selector).first().click({ timeout });
    },
    left: async (url, timeout) => {
      await page.waitForURL((u) => u.href !== url, { timeout, waitUntil: 'commit' });
    },
  }, opts);
}

/**
 * Walks the guided flow from the current page of `page`.
 * @param {{
 *   context: import('playwright-core').BrowserContext,
 *   page: import('playwright-core').Page,
 *   outDir?: string,
 *   timeoutMs?: number,
 *   maxClicks?: number,
 *   log?: (line: string) => void,
 *   stopAfter?: string,
 *   onStep?: (page: import('playwright-core').Page, stepId: string, target: import('playwright-core').ElementHandle) => Promise<void> | void,
 * }} opts `stopAfter`: a step id (or 'portal-sign-in') after whose click the walk returns;
 *   `onStep`: called on each marked target before it is clicked
 */
export async function walkGuide({ context, page, outDir, timeoutMs = 10_000, maxClicks = 25, log = () => {}, stopAfter, onStep }) {
  if (outDir) await mkdir(outDir, { recursive: true });
  /** @type {{ n: number, stepId: string, url: string, screenshot?: string }[]} */
  const steps = [];
  let current = page;
  /** @type {import('playwright-core').ElementHandle | null} */
  let previous = null;
  /** @type {string | null} */
  let lastStep = null;
  let n = 0;

  const shot = async (name) => {
    if (!outDir) return undefined;
    const file = join(outDir, `${String(n).padStart(2, '0')}-${name}.png`);
    await current.screenshot({ path: file });
    return file;
  };

  for (let i = 0; i < maxClicks; i++) {
    await current.waitForLoadState('domcontentloaded').catch(() => {});
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
      if (stopAfter === 'portal-sign-in') return { steps, page: current, completed: false };
      continue;
    }

    if (!found) {
      await shot('stopped').catch(() => undefined);
      throw new WalkError(
        `The guide marked no target ([data-escalation-guide-target]) within ${Math.round(timeoutMs / 1000)} s on ${current.url()}` +
          (lastStep ? ` (last step clicked: ${lastStep})` : ' (no step was marked at all: is the overlay built and running?)'),
        { url: current.url(), step: n, afterStep: lastStep },
        { steps, page: current },
      );
    }
    n++;
    const { handle, stepId } = found;
    const file = await shot(stepId);
    steps.push({ n, stepId, url: current.url(), screenshot: file });
    log(`${n}. ${stepId} on ${current.url()}${file ? ` -> ${file}` : ''}`);

    /** @type {import('playwright-core').Page[]} */
    const opened = [];
    const onPage = (/** @type {import('playwright-core').Page} */ p) => opened.push(p);
    context.on('page', onPage);
    try {
      await onStep?.(current, stepId, handle);
      const control = await clickableIn(handle);
      if (await control.evaluate((el) => el instanceof HTMLSelectElement)) {
        // A select: choose its first real option (a placeholder option is disabled or empty) as an
        // agent does, with a trusted input: focused, the down arrow picks the next option (the
        // browser fires a trusted `change`). Playwright's selectOption sets the value by script,
        // whose events are untrusted and count for nothing, as a page script's would not.
        const chosen = () => control.evaluate((el) => (/** @type {HTMLSelectElement} */ (el)).value);
        await control.focus();
        for (let i = 0; i < 3 && !(await chosen()); i++) await current.keyboard.press('ArrowDown');
        if (!(await chosen())) {
          const value = await control.evaluate((el) => [...(/** @type {HTMLSelectElement} */ (el)).options].find((o) => !o.disabled && o.value)?.value ?? '');
          await control.selectOption(value, { timeout: timeoutMs });
        }
      } else {
        await control.click({ timeout: timeoutMs });
      }
      previous = handle;
      lastStep = stepId;
      if (stepId === FINAL_STEP) {
        await sleep(500);
        n++;
        const done = await shot('done');
        log(`${n}. done: the support topic is chosen${done ? ` -> ${done}` : ''}`);
        return { steps, page: current, completed: true };
      }
      // a click may open the delegated admin center in a new tab
      for (let waited = 0; waited < 1500 && !opened.length; waited += 100) await sleep(100);
    } finally {
      context.off('page', onPage);
    }
    if (opened.length) {
      current = /** @type {import('playwright-core').Page} */ (opened[0]);
      await current.bringToFront().catch(() => {});
      previous = null;
      log(`   (a new tab opened: ${current.url()})`);
    }
    if (stopAfter === stepId) return { steps, page: current, completed: false };
  }
  throw new WalkError(`The walk did not reach "${FINAL_STEP}" within ${maxClicks} clicks`, { url: current.url(), step: n, afterStep: lastStep }, { steps, page: current });
}
