// Follows the guide through the replicas the way an agent would: on each page, wait for the element
// the guide marks (`[data-escalation-guide-target="<step id>"]`, SPEC.md testing contract), save a
// screenshot, click it; on the sign-in page (no content script there) click "Sign in". Switches to
// the tab a click opens (the delegated admin-center link). Ends after the support topic is chosen.
// Shared by scripts/start.mjs (headless walk-through) and the e2e tests. Types: walk.d.mts.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export const FINAL_STEP = 'support-topic';
export const LOGIN_HOSTS = ['login.microsoftonline.com', 'login.microsoftonline.us'];
// What to click inside a marked element that is not itself a control (e.g. the customer grid).
// Shared with the Firefox walk (test/firefox/walk.mjs).
export const CLICKABLE_INSIDE = ['customersvcadmin_he-button', '[role="radio"]', '[role="menuitem"]', 'a[href]', 'button', '[role="button"]', 'input:not([type="radio"])'];
export const CLICKABLE_SELF = 'a[href], button, input, [role="button"], [role="link"], [role="menuitem"], [role="radio"], [role="tab"], [role="option"], customersvcadmin_he-button';

export class WalkError extends Error {
  /** @param {string} message @param {{ url: string, step: number, afterStep: string | null }} where */
  constructor(message, where) {
    super(message);
    this.name = 'WalkError';
    this.where = where;
  }
}

/** @param {import('playwright-core').Page} page */
const isLogin = (page) => {
  try {
    return LOGIN_HOSTS.includes(new URL(page.url()).hostname);
  } catch {
    return false;
  }
};
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
 * Walks the guided flow from the current page of `page`.
 * @param {{
 *   context: import('playwright-core').BrowserContext,
 *   page: import('playwright-core').Page,
 *   outDir?: string,
 *   timeoutMs?: number,
 *   maxClicks?: number,
 *   log?: (line: string) => void,
 * }} opts
 */
export async function walkGuide({ context, page, outDir, timeoutMs = 10_000, maxClicks = 25, log = () => {} }) {
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
      const button = current.locator('#idSIButton9');
      await button.waitFor({ timeout: timeoutMs });
      const file = await shot('portal-sign-in');
      steps.push({ n, stepId: 'portal-sign-in', url: current.url(), screenshot: file });
      log(`${n}. portal-sign-in (sign-in page, clicking "Sign in")${file ? ` -> ${file}` : ''}`);
      await button.click();
      await current.waitForURL((u) => !LOGIN_HOSTS.includes(u.hostname), { timeout: timeoutMs });
      previous = null;
      lastStep = 'portal-sign-in';
      continue;
    }

    if (!found) {
      await shot('stopped').catch(() => undefined);
      throw new WalkError(
        `The guide marked no target ([data-escalation-guide-target]) within ${Math.round(timeoutMs / 1000)} s on ${current.url()}` +
          (lastStep ? ` (last step clicked: ${lastStep})` : ' (no step was marked at all: is the overlay built and running?)'),
        { url: current.url(), step: n, afterStep: lastStep },
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
      // A ringed <select> (a request form's topic): its choice, as the agent makes it, is the step's click.
      if (await handle.evaluate((el) => el.localName === 'select')) await handle.selectOption({ index: 1 }, { timeout: timeoutMs });
      else await (await clickableIn(handle)).click({ timeout: timeoutMs });
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
  }
  throw new WalkError(`The walk did not reach "${FINAL_STEP}" within ${maxClicks} clicks`, { url: current.url(), step: n, afterStep: lastStep });
}
