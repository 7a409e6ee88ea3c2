/**
 * What a tab's content script must do at start-up, decided by the background (which has the flow
 * data) so that the content script's first code stays small (lib/content/boot.ts):
 * - `idle`: nothing to ring or warn about on this page; the small start-up code waits for the
 *   page or the flow to change and loads the guide then;
 * - `ring`: the current step's target can be found by locale-independent hooks (a CSS selector, a
 *   link's href): the start-up code looks for it and rings it itself, and loads the guide only when
 *   the page or the flow changes;
 * - `guide`: anything else (warnings, a page whose kind or customer depends on the document,
 *   targets found by their labels, a minimized overlay, the overlay turned off while a target is
 *   still followed): the guide (lib/content/guide.ts) is loaded at once.
 */
import { candidatesOn, stepOf, type StepId } from '../flow/flow';
import { LABELS, type LabelId, type PageLang } from '../flow/labels';
import { documentMatters, portalOf, type PageKind } from '../flow/pages';
import type { TabView } from '../engine/view';

/** The locale-independent locators of lib/flow/schema.ts, as the start-up code tries them. */
export type QuickLocator = { by: 'css'; selector: string } | { by: 'href'; pattern: string };

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

/** The start-up plan for a tab showing `url` (its page kind as detected from the URL) with this view. */
export function bootPlan(url: string, page: PageKind | null, view: TabView & { overlayEnabled: boolean }): BootPlan {
  if (documentMatters(url) || view.warnings.length) return { guide: true };
  if (!view.step || view.complete || page === 'delegated-entry') return { idle: true };
  let portal: string | undefined;
  try {
    portal = portalOf(new URL(url));
  } catch {
    return { guide: true };
  }
  const candidates = candidatesOn(stepOf(view.step), page ?? undefined, portal, view.clickIndex);
  if (!candidates.length) return { idle: true };
  if (!view.overlayEnabled || view.minimized || view.step === 'select-customer') return { guide: true };
  const first = candidates[0]!;
  if (candidates.some((c) => c.click.clickWithin || c.last !== first.last || c.click.label !== first.click.label)) return { guide: true };
  const locators: QuickLocator[] = [];
  for (const c of candidates) {
    for (const l of c.click.locators) {
      if (l.by === 'label') return locators.length ? ring() : { guide: true };
      locators.push(l.by === 'css' ? { by: 'css', selector: l.selector } : { by: 'href', pattern: l.pattern });
    }
  }
  return ring();

  function ring(): BootPlan {
    const step = view.step!;
    return { ring: { step, clickIndex: view.clickIndex, last: first.last, locators, label: first.click.label, spellings: LABELS[first.click.label], why: stepOf(step).why } };
  }
}
