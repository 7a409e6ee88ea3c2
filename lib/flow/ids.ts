/** The ids of SPEC.md's flow: part of the product contract. */
export const PREPARATION_IDS = ['check-service-health', 'triage'] as const;
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

/** The UIs the portals have had (reference/portals.md §1, "How the flow changed"). */
export const VARIANT_IDS = ['2019', '2021', 'today', 'cloud'] as const;
export type VariantId = (typeof VARIANT_IDS)[number];
