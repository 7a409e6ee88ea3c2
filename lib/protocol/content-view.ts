/**
 * The view a content script draws from, as the background answers and pushes it: the tab's view
 * (lib/engine/view.ts) with the settings that concern the page and the overlay's texts.
 */
import type { TabView } from '../engine/view';
import { stepOf, textKeysOf } from '../flow/flow';
import type { PreparationId } from '../flow/ids';
import { WARNING_TEXT_KEYS } from '../flow/warnings';
import type { BootPlan } from './boot-plan';
import type { TaughtLocator } from '../flow/taught';

export interface ContentView extends TabView {
  overlayEnabled: boolean;
  warningsDismissible: boolean;
  /**
   * The overlay's texts for this view in the extension's language, as i18n templates whose
   * substitutions are the markers OVERLAY_SUBS: resolved here so that the content script never
   * loads the message catalog (its first `i18n.getMessage` costs the page milliseconds).
   */
  strings?: Record<string, string>;
  /** The policy's and the agent's taught locators for the view's step, in their precedence (lib/flow/taught.ts). */
  taught?: TaughtLocator[];
  /** Only in the answer to the start-up code's page report: what it does next (lib/background/boot-plan.ts). */
  boot?: BootPlan;
}

/** Substitution markers in `ContentView.strings` ($1 … $9 → U+E001 … U+E009). */
export const OVERLAY_SUBS = Array.from({ length: 9 }, (_, i) => String.fromCharCode(0xe001 + i));
/** The i18n keys the overlay draws from (lib/content/guide.ts), besides the step's `why` and `where`. */
export const OVERLAY_KEYS: readonly string[] = [
  '@@ui_locale', 'overlay.step', 'overlay.click', 'overlay.clickCustomer', 'overlay.clickForCustomer', 'overlay.clickWithin',
  'overlay.notFound', 'overlay.wayBack',
  'overlay.minimize', 'overlay.restore', 'overlay.pill', 'overlay.dismiss', 'ui.warning.selectedUnknown',
  'overlay.continueAnyway', 'overlay.stopped', 'overlay.continued', 'overlay.teach.notThis',
  ...WARNING_TEXT_KEYS,
];
/** The fallback card's likely cause of a missing target (`Step.likelyCause`): its sentence and its link. */
export const LIKELY_CAUSE_KEYS: Readonly<Record<PreparationId, readonly string[]>> = {
  'check-service-health': [],
  triage: [],
  'admin-relationship': ['overlay.cause.adminRelationship', 'overlay.cause.openAdminRelationships'],
};
/** The fallback card's self-healing texts (lib/content/heal/): teaching the target, the page report. */
export const HEAL_KEYS: readonly string[] = [
  'overlay.teach.action', 'overlay.teach.prompt', 'overlay.teach.cancel', 'overlay.teach.saved', 'overlay.teach.notUnique',
  'overlay.report.action', 'overlay.report.copied', 'overlay.report.failed',
];
/** The completion's texts (the fill action at the support topic, the done card), at the support topic and after it. */
export const COMPLETION_KEYS: readonly string[] = [
  'overlay.fill.action', 'overlay.fill.done', 'overlay.fill.noField', 'overlay.fill.noSummary', 'overlay.fill.confirm',
  'overlay.fill.replace', 'overlay.fill.cancel', 'overlay.fill.kept',
  'overlay.done.title', 'overlay.done.body', 'overlay.done.caseNumber', 'overlay.done.caseNumberHint', 'overlay.done.saved',
  'overlay.done.invalid', 'overlay.done.newEscalation', 'overlay.done.noSummary',
];

/** The i18n keys of a view's overlay texts. */
export function overlayKeysOf(view: TabView): string[] {
  const keys: string[] = [...OVERLAY_KEYS];
  if (view.step) {
    keys.push(...textKeysOf(view.step), ...HEAL_KEYS);
    const cause = stepOf(view.step).likelyCause;
    if (cause) keys.push(...LIKELY_CAUSE_KEYS[cause]);
  }
  if (view.complete || view.step === 'support-topic') keys.push(...COMPLETION_KEYS);
  return keys;
}
