// Firefox end-to-end harness: headless Firefox ESR with the built add-on (launch.mjs), the portal
// replicas served under the real URLs, and the testing contract's hooks (ARCHITECTURE.md) as
// puppeteer queries. `pierce/` selectors search through open shadow roots, as Playwright's CSS
// locators do.
import type { ElementHandle, Page } from 'puppeteer-core';
import { edgeDistance, type Box } from '../e2e/harness';

export { launchFirefox, findFirefox, GECKO_ID } from './launch.mjs';
export type { LaunchedFirefox, FirefoxLaunchOptions, ServedRequest } from './launch.mjs';
export { walkGuideFirefox, markedTargets, clickableIn, clickWhenReady, openedBy, waitForUrl, signIn, isLogin, FINAL_STEP } from './walk.mjs';
export { screenshot } from '../e2e/launch.mjs';
export { CUSTOMERS, customerByTenantId, delegatedLink } from '../replica/customers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The overlay's testing hooks (through the overlay's open shadow root). */
export const OVERLAY = {
  highlight: 'pierce/[data-testid="eg-highlight"]',
  nextStep: 'pierce/[data-testid="eg-next-step"]',
  fallback: 'pierce/[data-testid="eg-fallback"]',
  warnings: 'pierce/[role="alert"][data-warning]',
} as const;

/** The first visible match of a selector, or null. */
export async function visible(page: Page, selector: string): Promise<ElementHandle<Element> | null> {
  for (const h of await page.$$(selector)) if (await h.isVisible().catch(() => false)) return h;
  return null;
}

/** Polls `read` until `ok` holds (every 100 ms, up to `timeout`); returns the last value or throws with it. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let error: unknown;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}${error ? ` (${String(error)})` : ''}`);
    await sleep(100);
  }
}

/** The step ids the guide marks now. */
export async function markedSteps(page: Page): Promise<string[]> {
  return page.$$eval('pierce/[data-escalation-guide-target]', (els) => els.map((e) => e.getAttribute('data-escalation-guide-target') ?? ''));
}

/**
 * Waits until the overlay's ring covers the element marked for `stepId`: every edge within
 * `tolerance` px (default 6). Returns both boxes; throws with them otherwise.
 */
export async function expectRingCovers(page: Page, stepId: string, { timeout = 5_000, tolerance = 6 } = {}): Promise<{ target: Box; ring: Box }> {
  let last: { target: Box | null; ring: Box | null } = { target: null, ring: null };
  const deadline = Date.now() + timeout;
  for (;;) {
    const target = await page.$(`pierce/[data-escalation-guide-target="${stepId}"]`);
    const ring = await visible(page, OVERLAY.highlight);
    last = { target: (await target?.boundingBox()) ?? null, ring: (await ring?.boundingBox()) ?? null };
    if (last.target && last.ring && edgeDistance(last.target, last.ring) <= tolerance) return { target: last.target, ring: last.ring };
    if (Date.now() > deadline) break;
    await sleep(100);
  }
  throw new Error(`ring does not cover the target of step "${stepId}" within ${tolerance}px: target ${JSON.stringify(last.target)}, ring ${JSON.stringify(last.ring)}`);
}

/** The warnings the overlay shows in a portal tab. */
export async function overlayWarnings(page: Page): Promise<string[]> {
  return page.$$eval(OVERLAY.warnings, (els) => els.map((e) => e.getAttribute('data-warning') ?? ''));
}

/**
 * The checklist of an extension page (side panel, popup): `{ stepId: state }` (ARCHITECTURE.md, the
 * testing contract).
 */
export async function checklist(page: Page): Promise<Record<string, string>> {
  return page.$$eval('[data-step-id][data-state]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-step-id') ?? '', e.getAttribute('data-state') ?? ''])));
}

/** The add-on's storage areas, read in one of its pages. */
export async function storageOf(page: Page, area: 'local' | 'session'): Promise<Record<string, unknown>> {
  return page.evaluate(async (a) => {
    const api = (globalThis as unknown as { browser: { storage: Record<string, { get(k: null): Promise<Record<string, unknown>> }> } }).browser;
    return api.storage[a]!.get(null);
  }, area);
}

/**
 * The add-on's errors in the browser console, less Firefox's notes that a promise settled after its
 * page was gone ("Promise resolved/rejected after context unloaded"): a tab closed while one of its
 * messages was on the way, or the delegated entry, which reports itself at document_start and
 * navigates away at once (its script's catch cannot run any more, so Firefox logs it instead).
 */
export function realErrors(errors: string[]): string[] {
  return errors.filter((e) => !/^Promise (resolved|rejected) after context unloaded\b/.test(e));
}
