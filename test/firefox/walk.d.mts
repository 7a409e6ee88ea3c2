import type { Browser, ElementHandle, Page } from 'puppeteer-core';
export { FINAL_STEP, WalkError } from '../e2e/walk.mjs';

export interface FirefoxWalkStep {
  n: number;
  stepId: string;
  url: string;
  screenshot?: string;
  /** portal-sign-in: the sign-in screens passed ('picker', 'password', 'mfa', 'kmsi') */
  screens?: string[];
}

export interface FirefoxWalkOptions {
  browser: Browser;
  page: Page;
  /** where to save NN-<step>.png screenshots; none saved when omitted */
  outDir?: string;
  /** how long to wait for the guide to mark each target (default 10 000 ms) */
  timeoutMs?: number;
  maxClicks?: number;
  log?: (line: string) => void;
}

export function isLogin(page: Page): boolean;
export function markedTargets(page: Page): Promise<ElementHandle<Element>[]>;
export function clickableIn(handle: ElementHandle<Element>, timeoutMs?: number): Promise<ElementHandle<Element>>;
export function clickWhenReady(handle: ElementHandle<Element>, timeoutMs?: number): Promise<void>;
export function openedBy(browser: Browser, action: () => Promise<unknown>, waitMs?: number): Promise<Page | null>;
export function waitForUrl(page: Page, test: (u: URL) => boolean, timeoutMs?: number): Promise<void>;
/** Gets a tab through the sign-in pages until it leaves the sign-in host; returns the screens seen. */
export function signIn(page: Page, opts?: { timeoutMs?: number; onScreen?: (screen: string) => Promise<void> | void }): Promise<string[]>;
/** Follows the guide by clicking each marked target until the support topic is chosen; throws WalkError otherwise. */
export function walkGuideFirefox(opts: FirefoxWalkOptions): Promise<{ steps: FirefoxWalkStep[]; page: Page; completed: true }>;
