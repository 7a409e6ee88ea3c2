import type { BrowserContext, ElementHandle, Page } from 'playwright-core';

export const FINAL_STEP: 'support-topic';
export const LOGIN_HOSTS: string[];
/** What to click inside a marked element that is not itself a control (CSS selectors, in order). */
export const CLICKABLE_INSIDE: string[];
/** A marked element matching this is itself the control to click. */
export const CLICKABLE_SELF: string;

export class WalkError extends Error {
  where: { url: string; step: number; afterStep: string | null };
  /** the steps walked before it stopped */
  steps: WalkStep[];
  /** the tab it stopped in */
  page?: Page;
}

export interface WalkStep {
  n: number;
  stepId: string;
  url: string;
  screenshot?: string;
  /** portal-sign-in: the sign-in screens passed ('picker', 'password', 'mfa', 'kmsi') */
  screens?: string[];
}

export interface WalkOptions {
  context: BrowserContext;
  page: Page;
  /** where to save NN-<step>.png screenshots; none saved when omitted */
  outDir?: string;
  /** how long to wait for the guide to mark each target (default 10 000 ms) */
  timeoutMs?: number;
  maxClicks?: number;
  log?: (line: string) => void;
  /** a step id (or 'portal-sign-in') after whose click the walk returns (completed: false) */
  stopAfter?: string;
  /** called on each marked target before it is clicked */
  onStep?: (page: Page, stepId: string, target: ElementHandle) => Promise<void> | void;
}

/** Follows the guide by clicking each marked target until the support topic is chosen (or `stopAfter`); throws WalkError otherwise. */
export function walkGuide(opts: WalkOptions): Promise<{ steps: WalkStep[]; page: Page; completed: boolean }>;

/** What to click on each sign-in screen (null: the page continues by itself). */
export const SIGN_IN_CLICKS: { picker: string; password: string; mfa: null; kmsi: string };

/** What the sign-in walk needs of a driver (Playwright, puppeteer). */
export interface SignInDriver {
  url(): string;
  /** the page's data-replica-screen ('' while none) */
  screen(): Promise<string>;
  click(selector: string, timeoutMs: number): Promise<void>;
  /** resolves once the tab's URL is no longer `url` */
  left(url: string, timeoutMs: number): Promise<void>;
}

/** The sign-in walk for any driver; returns the screens seen. */
export function signInWith(driver: SignInDriver, opts?: { timeoutMs?: number; onScreen?: (screen: string) => Promise<void> | void }): Promise<string[]>;

/** Gets a tab through the sign-in pages until it leaves the sign-in host; returns the screens seen. */
export function signIn(page: Page, opts?: { timeoutMs?: number; onScreen?: (screen: string) => Promise<void> | void }): Promise<string[]>;
