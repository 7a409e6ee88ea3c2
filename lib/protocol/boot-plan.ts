/**
 * The start-up plan: what a tab's content script does first, decided by the background
 * (lib/background/boot-plan.ts) and carried in its answer to the start-up code's page report
 * (lib/content/boot.ts). Types only: it crosses the boundary between the two.
 */
import type { StepId } from '../flow/ids';
import type { LabelId, PageLang } from '../flow/labels';

/**
 * The locale-independent locators of lib/flow/schema.ts that the start-up code evaluates exactly
 * as the guide does (test/unit/content/same-pick.test.ts): a CSS hook, a link to the portal's hosts.
 */
export type QuickLocator = { by: 'css'; selector: string } | { by: 'href'; portal: 'partner-center' | 'admin-center'; pattern: string };

export interface QuickRing {
  step: StepId;
  clickIndex: number;
  /** The click is its variant's last: making it completes the step. */
  last: boolean;
  /**
   * Every option's locators in the order the guide's first scan ranks them (lib/content/dom/locator.ts,
   * TargetTracker), up to the first that needs labels: the best shown match of the first locator
   * with one is the target the guide would ring too.
   */
  locators: QuickLocator[];
  /** How the page names the click, by page language (lib/flow/labels.ts), for the card. */
  label: LabelId;
  spellings: Readonly<Record<PageLang, readonly string[]>>;
  /** The step's `why` text key (its text is in the view's strings). */
  why: string;
}

export type BootPlan = { idle: true } | { guide: true } | { ring: QuickRing };
