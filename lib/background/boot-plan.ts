/**
 * What a tab's content script must do at start-up, decided by the background (which has the flow
 * data) so that the content script's first code stays small (lib/content/boot.ts):
 * - `idle`: nothing to ring or warn about on this page; the small start-up code waits for the
 *   page or the flow to change and loads the guide then;
 * - `ring`: the current step's target can be found by locale-independent hooks (a CSS selector, a
 *   link's href): the start-up code looks for it and rings it itself, and loads the guide only when
 *   the page or the flow changes;
 * - `guide`: anything else (warnings, a page whose kind or customer depends on the document,
 *   targets found by their labels or by what the guide reads around them, a minimized overlay, the
 *   overlay turned off while a target is still followed, the completed flow's card on the admin
 *   center): the guide (lib/content/guide.ts) is loaded at once.
 */
import { candidatesOn, picksCustomer, stepOf } from '../flow/flow';
import { LABELS } from '../flow/labels';
import type { BootPlan, QuickLocator } from '../protocol/boot-plan';
import { documentMatters, portalOf, type PageKind } from '../flow/pages';
import type { TabView } from '../engine/view';
import { taughtApplies, type TaughtLocator } from '../flow/taught';

/** The start-up plan for a tab showing `url` (its page kind as detected from the URL) with this view. */
export function bootPlan(url: string, page: PageKind | null, view: TabView & { overlayEnabled: boolean; taught?: TaughtLocator[] | undefined }): BootPlan {
  if (documentMatters(url) || view.warnings.length) return { guide: true };
  let portal: string | undefined;
  try {
    portal = portalOf(new URL(url));
  } catch {
    return { guide: true };
  }
  // The completed flow's card (eg-done: the case number, the description) where the request is filed.
  if (view.complete && view.overlayEnabled && portal === 'admin-center' && page !== 'delegated-entry') return { guide: true };
  if (!view.step || view.complete || page === 'delegated-entry') return { idle: true };
  // A locator from the policy or taught by the agent comes before the built-in ones: the guide's.
  const step = view.step;
  if (view.taught?.some((x) => taughtApplies(x, step, view.clickIndex, portal, page))) return { guide: true };
  const candidates = candidatesOn(stepOf(step), page ?? undefined, portal, view.clickIndex);
  if (!candidates.length) return { idle: true };
  if (!view.overlayEnabled || view.minimized || picksCustomer(view.step)) return { guide: true };
  const first = candidates[0]!;
  if (candidates.some((c) => c.click.clickWithin || c.last !== first.last || c.click.label !== first.click.label)) return { guide: true };
  const locators: QuickLocator[] = [];
  for (const c of candidates) {
    for (const l of c.click.locators) {
      // Up to the first locator the start-up code does not evaluate (labels, structure the guide reads).
      if ((l.by !== 'css' && l.by !== 'href') || (l.by === 'css' && l.hosts)) return locators.length ? ring() : { guide: true };
      locators.push(l.by === 'css' ? { by: 'css', selector: l.selector } : { by: 'href', portal: l.portal, pattern: l.pattern });
    }
  }
  return ring();

  function ring(): BootPlan {
    const step = view.step!;
    return { ring: { step, clickIndex: view.clickIndex, last: first.last, locators, label: first.click.label, spellings: LABELS[first.click.label], why: stepOf(step).why } };
  }
}
