/**
 * What the engine state means for a flow and a tab: the current step, each item's state, the
 * progress, which flow a tab or surface shows, and the warnings standing (the table in
 * lib/flow/warnings.ts decides when each does). Pure.
 */
import { stepsOfPortal } from '../flow/flow';
import { STEP_IDS, type ItemId, type StepId } from '../flow/ids';
import { compareTenant, type DelegatedTenant } from '../flow/tenant';
import { WARNING_IDS, WARNINGS, isPathWarning, type WarningFacts, type WarningId } from '../flow/warnings';
import { flowById, type Customer, type EngineState, type Escalation, type FlowState, type ItemState } from './state';

// ---- Derived views -------------------------------------------------------------------------

/** The first step still to do; null once every step is done or skipped. */
export function currentStep(flow: FlowState): StepId | null {
  return STEP_IDS.find((id) => flow.items[id] === 'todo') ?? null;
}

export function itemStates(flow: FlowState): Record<ItemId, ItemState> {
  const current = currentStep(flow);
  const out = { ...flow.items } as Record<ItemId, ItemState>;
  if (current) out[current] = 'current';
  return out;
}

/** Steps done or skipped, of the eleven ("4 of 11"). */
export function progress(flow: FlowState): { passed: number; total: number } {
  return { passed: STEP_IDS.filter((id) => flow.items[id] !== 'todo').length, total: STEP_IDS.length };
}

/** The flow a tab shows; none while its join through the opener is unconfirmed (a new tab page, an extension page). */
export function flowOfTab(state: EngineState, tabId: number | undefined): FlowState | undefined {
  const tab = tabId === undefined ? undefined : state.tabs[tabId];
  return tab?.viaOpener ? undefined : flowById(state, tab?.flowId);
}

/** The flow a side panel or popup shows: its window's active tab's, else the most recently active. */
export function flowForSurface(state: EngineState, activeTabId: number | undefined): FlowState | undefined {
  return flowOfTab(state, activeTabId) ?? flowById(state, state.lastActiveFlowId);
}

/** The steps that happen in the admin center (derived from the flow data's variants). */
const ADMIN_CENTER_STEPS: readonly StepId[] = stepsOfPortal('admin-center');

export interface Warning {
  id: WarningId;
  /** The tab it stands in (a surface may show the warnings of several tabs of the flow). */
  tabId: number;
  /** A path warning the agent chose Continue anyway for in that tab: it no longer stops the guide. */
  continued?: true;
  /** The customer selected in Partner Center (the way back goes to it; a body may name it). */
  selected?: Customer | undefined;
  /** The tenant the tab opened (a body may name it). */
  opened?: DelegatedTenant | undefined;
}

/**
 * The warnings standing for a tab (the table and when each stands: lib/flow/warnings.ts).
 * `includeDismissed` for policies that make warnings impossible to dismiss.
 */
export function warningsFor(state: EngineState, tabId: number, includeDismissed = false): Warning[] {
  const tab = state.tabs[tabId];
  if (!tab?.portal) return [];
  const flow = flowById(state, tab.flowId);
  const current = flow ? currentStep(flow) : null;
  const facts: WarningFacts = {
    portal: tab.portal,
    page: tab.page,
    flow: flow ? { passedPartnerCenter: flow.passedPartnerCenter, current, hasCustomer: !!(flow.customer?.tenantId || flow.customer?.name || flow.customer?.domain) } : null,
    onAdminFlowPage: tab.portal === 'admin-center' && (tab.page === 'admin-support' || (flow !== undefined && (current === null || ADMIN_CENTER_STEPS.includes(current)))),
    delegated: tab.delegated !== null,
    tenantMatch: compareTenant(flow?.customer ?? undefined, tab.delegated ?? undefined),
  };
  const out: Warning[] = [];
  for (const id of WARNING_IDS) {
    if (!WARNINGS[id].when(facts) || (!includeDismissed && tab.dismissed.includes(id))) continue;
    const w: Warning = { id, tabId };
    if (tab.continued.includes(id)) w.continued = true;
    if (flow?.customer) w.selected = flow.customer;
    if (tab.delegated) w.opened = tab.delegated;
    out.push(w);
  }
  return out;
}

/**
 * The path warning that stops the guide among a tab's warnings (ARCHITECTURE.md, "A path
 * warning stops the guide": while it stands and the agent has not chosen Continue anyway for it,
 * nothing is marked as the next click); null if none.
 */
export function stoppingWarning(warnings: readonly Warning[]): Warning | null {
  return warnings.find((w) => isPathWarning(w.id) && !w.continued) ?? null;
}

/** The id of the escalation a flow's round records when it completes. */
export const escalationIdOf = (flow: FlowState): string => `${flow.id}-${flow.createdAt}`;

/** The escalation of a flow's current round, once it completed. */
export function escalationOf(state: EngineState, flow: FlowState | null | undefined): Escalation | undefined {
  if (!flow) return undefined;
  const id = escalationIdOf(flow);
  return state.escalations.find((e) => e.id === id);
}
