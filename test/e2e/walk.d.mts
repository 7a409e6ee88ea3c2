import type { BrowserContext, Page } from 'playwright-core';

export const FINAL_STEP: 'support-topic';
export const LOGIN_HOSTS: string[];
/** What to click inside a marked element that is not itself a control (CSS selectors, in order). */
export const CLICKABLE_INSIDE: string[];
/** A marked element matching this is itself the control to click. */
export const CLICKABLE_SELF: string;

export class WalkError extends Error {
  where: { url: string; step: number; afterStep: string | null };
}

export interface WalkStep {
  n: number;
  stepId: string;
  url: string;
  screenshot?: string;
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
}

/** Follows the guide by clicking each marked target until the support topic is chosen; throws WalkError otherwise. */
export function walkGuide(opts: WalkOptions): Promise<{ steps: WalkStep[]; page: Page; completed: true }>;
