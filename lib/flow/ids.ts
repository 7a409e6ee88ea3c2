/** The flow's ids: part of the product contract (ARCHITECTURE.md, the testing contract). */
export const PREPARATION_IDS = ['check-service-health', 'triage', 'admin-relationship'] as const;
export const STEP_IDS = [
  'sign-in',
  'customers',
  'select-customer',
  'service-management',
  'service-requests',
  'new-request',
  'office-365',
  'portal-sign-in',
  'support',
  'new-service-request',
  'support-topic',
] as const;
export type PreparationId = (typeof PREPARATION_IDS)[number];
export type StepId = (typeof STEP_IDS)[number];
export type ItemId = PreparationId | StepId;
export const ITEM_IDS: readonly ItemId[] = [...PREPARATION_IDS, ...STEP_IDS];
/** "Step 4 of 11": a step's number in the flow. */
export const stepNumber = (id: StepId): number => STEP_IDS.indexOf(id) + 1;
export const isStepId = (x: unknown): x is StepId => (STEP_IDS as readonly unknown[]).includes(x);

/**
 * The UIs the portals have had (how the flow changed: the 2019, 2021 and 2026 UIs of the portal
 * facts in test/replica/README.md).
 */
export const VARIANT_IDS = ['2019', '2021', 'today', 'cloud'] as const;
export type VariantId = (typeof VARIANT_IDS)[number];

/**
 * The five kinds of problem Microsoft takes (Microsoft's public article, its "Hand off to Microsoft
 * only for").
 */
export const TRIAGE_CATEGORIES = ['undocumented', 'unavailable', 'bug', 'network', 'regional'] as const;
export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number];
/** A triage answer: one of the categories, or "solve it in-house". */
export const TRIAGE_ANSWERS = [...TRIAGE_CATEGORIES, 'in-house'] as const;

/**
 * The severities of a Microsoft service request: A critical, B moderate, C minimal (the portal
 * facts in test/replica/README.md).
 */
export const SEVERITY_IDS = ['a', 'b', 'c'] as const;
export type SeverityId = (typeof SEVERITY_IDS)[number];
/**
 * The workloads a Microsoft 365 request is about (the request forms' topics; "Required product or
 * Workload" in Partner Center's docs; the portal facts in test/replica/README.md), and any other.
 */
export const WORKLOAD_IDS = ['exchange', 'sharepoint', 'teams', 'apps', 'identity', 'licensing', 'other'] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

/** The longest case number kept (Microsoft's are 16 digits; other systems' have letters). */
export const MAX_CASE_NUMBER = 64;
/**
 * Whether a case number as typed can be kept: 1 to 64 characters after trimming, none a control
 * character. Anything else is text (a case number with markup shows as typed, never as markup).
 */
export function isCaseNumber(value: string): boolean {
  const v = value.trim();
  return v.length > 0 && v.length <= MAX_CASE_NUMBER && !/\p{Cc}/u.test(v);
}

/** The roles a locator names (lib/flow/schema.ts): an element has one by its `role` or natively. */
export const ROLES = ['link', 'button', 'menuitem', 'tab', 'option', 'radio', 'checkbox', 'treeitem', 'radiogroup', 'listbox', 'combobox', 'grid', 'table', 'heading'] as const;
