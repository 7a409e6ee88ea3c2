/**
 * Locators from outside the flow data: taught by the agent on the page ("Show the guide where it
 * is") or set by IT in the managed policy (`locatorOverrides`). Both are locators of the flow
 * schema's form (lib/flow/schema.ts, `LocatorOverrideSchema`, `LearnedLocatorSchema`), tried
 * before the step's built-in locators on the pages they name: policy first, then taught.
 * Types and matching only (no zod): the content scripts read them from their view.
 */
import type { StepId } from './ids';
import type { ContentPortal, PageKind } from './pages';
import type { Locator } from './schema';

/** A locator from the policy or taught, as the background hands it to the tab's content script. */
export interface TaughtLocator {
  source: 'policy' | 'learned';
  step: StepId;
  /** The step's click (0: the first). */
  click: number;
  portal: ContentPortal;
  /** The page kinds where it applies (null: a page of the portal no detector names); absent: any page of the portal. */
  pages?: readonly (PageKind | null)[] | undefined;
  locator: Locator;
}

/** The steps whose target cannot be taught: any customer is the right one. */
export const UNTEACHABLE_STEPS: readonly StepId[] = ['select-customer'];

/** Whether a taught or policy locator applies to this click on this page. */
export function taughtApplies(t: TaughtLocator, step: StepId, click: number, portal: string | undefined, page: PageKind | null | undefined): boolean {
  return t.step === step && t.click === click && t.portal === portal && (!t.pages || t.pages.includes(page ?? null));
}
