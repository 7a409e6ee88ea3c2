/**
 * The warnings as one table: when each stands, its texts, its way back, whether it stops the guide
 * (a path warning), and where it shows. The engine evaluates `when` for a tab
 * (lib/engine/derive.ts); the overlay's dock, the side panel, the popup and the background's list
 * of overlay texts read the rest. A new warning is a row here plus its texts in assets/locales
 * (test/unit/i18n.test.ts fails on a missing one).
 */
import { STEP_IDS, type StepId } from './ids';
import type { PageKind, Portal } from './pages';

/** What the engine knows of a tab when it asks which warnings stand there. */
export interface WarningFacts {
  portal: Portal | null;
  page: PageKind | null;
  /** The tab's flow, if it has one. */
  flow: {
    /** Some tab of the flow showed a Partner Center page. */
    passedPartnerCenter: boolean;
    /** The step to do next (null: all done). */
    current: StepId | null;
    /** A customer is selected in Partner Center (its tenant id, name or domain is known). */
    hasCustomer: boolean;
  } | null;
  /** An admin-center page where the flow's admin-center steps happen (or the flow stands at one). */
  onAdminFlowPage: boolean;
  /** The tab acts for a customer's tenant (it arrived through a delegated link). */
  delegated: boolean;
  /** The delegated tenant against the customer selected in Partner Center. */
  tenantMatch: 'same' | 'different' | 'unknown';
}

export interface WarningDef {
  /** Whether the warning stands on a tab with these facts. */
  when(f: WarningFacts): boolean;
  /**
   * Extension UI text keys (assets/locales). The body's substitutions: $1 the customer selected in
   * Partner Center, $2 the tenant the tab opened.
   */
  title: string;
  body: string;
  /** The way back's label (for `customer`: used when a customer is known). */
  action: string;
  /**
   * Where the way back leads: the Partner Center dashboard, or the selected customer's Service
   * management page (the dashboard, with DASHBOARD_ACTION as its label, when no customer is known).
   */
  wayBack: 'dashboard' | 'customer';
  /**
   * A path warning: the path the agent is on files the wrong request. While it stands and the
   * agent has not chosen Continue anyway for it in that tab, the guide marks no next click and
   * every surface offers the way back instead (ARCHITECTURE.md, "A path warning stops the guide").
   */
  path: boolean;
}

/** The label of the way back to the dashboard. */
export const DASHBOARD_ACTION = 'ui.warning.notFromDashboard.action';

const onAdminCenter = (f: WarningFacts) => f.portal === 'admin-center' && f.page !== 'delegated-entry';
/** The flow stands at a step after `select-customer` (or is done). */
const pastCustomer = (current: StepId | null) => current === null || STEP_IDS.indexOf(current) > STEP_IDS.indexOf('select-customer');

export const WARNINGS = {
  'not-from-dashboard': {
    when: (f) => onAdminCenter(f) && f.onAdminFlowPage && !f.flow?.passedPartnerCenter,
    title: 'ui.warning.notFromDashboard.title',
    body: 'ui.warning.notFromDashboard.body',
    action: DASHBOARD_ACTION,
    wayBack: 'dashboard',
    path: true,
  },
  'own-tenant-context': {
    when: (f) => onAdminCenter(f) && !f.delegated && (f.flow !== null || f.onAdminFlowPage),
    title: 'ui.warning.ownTenant.title',
    body: 'ui.warning.ownTenant.body',
    action: 'ui.warning.ownTenant.action',
    wayBack: 'customer',
    path: true,
  },
  'wrong-door': {
    // Partner Center's own Help + support during a flow that is about a customer; never the
    // Customer requests door (`/support/customers`, a right door: no page kind of this one).
    when: (f) => f.portal === 'partner-center' && f.page === 'pc-own-support' && f.flow !== null && (f.flow.hasCustomer || pastCustomer(f.flow.current)),
    title: 'ui.warning.wrongDoor.title',
    body: 'ui.warning.wrongDoor.body',
    action: 'ui.warning.wrongDoor.action',
    wayBack: 'customer',
    path: true,
  },
  'customer-mismatch': {
    when: (f) => onAdminCenter(f) && f.delegated && f.flow !== null && f.tenantMatch === 'different',
    title: 'ui.warning.mismatch.title',
    body: 'ui.warning.mismatch.body',
    action: 'ui.warning.mismatch.action',
    wayBack: 'customer',
    path: true,
  },
} as const satisfies Record<string, WarningDef>;

export type WarningId = keyof typeof WARNINGS;
// Pure (the annotations tell the bundler): a content script that only names the ids' type leaves the table out.
export const WARNING_IDS = /* @__PURE__ */ Object.keys(WARNINGS) as [WarningId, ...WarningId[]];
/** Whether a warning stops the guide (`WarningDef.path`). */
export const isPathWarning = (id: WarningId): boolean => (WARNINGS as Record<WarningId, WarningDef>)[id].path;

/** The text keys of every warning (the background resolves them for the overlay). */
export const WARNING_TEXT_KEYS: readonly string[] = /* @__PURE__ */ (() => [
  ...new Set(Object.values(WARNINGS as Record<WarningId, WarningDef>).flatMap((w) => [w.title, w.body, w.action])),
  DASHBOARD_ACTION,
])();

/** The way back of a warning for the customer selected: its kind and the label's text key. */
export function wayBackOf(id: WarningId, selectedTenantId: string | undefined): { kind: 'dashboard' | 'customer'; action: string } {
  const w: WarningDef = WARNINGS[id];
  return w.wayBack === 'customer' && selectedTenantId ? { kind: 'customer', action: w.action } : { kind: 'dashboard', action: w.wayBack === 'dashboard' ? w.action : DASHBOARD_ACTION };
}
