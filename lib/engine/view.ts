/**
 * What each surface shows, derived from the engine state (pure): the content script's view of its
 * tab, and the side panel's and popup's view of a window.
 */
import { currentStep, escalationOf, flowForSurface, flowOfTab, itemStates, progress, stoppingWarning, warningsFor, type Warning } from './derive';
import type { Customer, EngineState, FlowState, ItemState } from './state';
import { stepNumber, type ItemId, type StepId } from '../flow/ids';
import type { WarningId } from '../flow/warnings';

export interface TabView {
  flowId: string | null;
  /** The step whose target the overlay rings; null when the tab has no flow or the flow is complete. */
  step: StepId | null;
  stepNumber: number;
  /** For steps that take several clicks: which one is next. */
  clickIndex: number;
  minimized: boolean;
  complete: boolean;
  customer: Customer | null;
  warnings: Warning[];
  /** A path warning stops the guide: no next click is marked, the way back is offered instead. */
  stopped: WarningId | null;
  /**
   * The case's description text, where the request form is filled in: an admin-center tab at the
   * support topic or after it, once the agent saved the case (session data, like the customer).
   */
  summary: string | null;
  /** The escalation this tab's flow recorded on completion, with the case number given so far. */
  escalation: { id: string; caseNumber: string | null } | null;
}

export function tabView(state: EngineState, tabId: number, opts: { undismissable?: boolean } = {}): TabView {
  const flow = flowOfTab(state, tabId);
  const warnings = warningsFor(state, tabId, opts.undismissable);
  const stopped = stoppingWarning(warnings)?.id ?? null;
  if (!flow) return { flowId: null, step: null, stepNumber: 0, clickIndex: 0, minimized: false, complete: false, customer: null, warnings, stopped, summary: null, escalation: null };
  const step = currentStep(flow);
  const esc = escalationOf(state, flow);
  const filling = state.tabs[tabId]?.portal === 'admin-center' && (step === null || step === 'support-topic');
  return {
    flowId: flow.id,
    step,
    stepNumber: step ? stepNumber(step) : 0,
    clickIndex: step ? (flow.clickProgress[step] ?? 0) : 0,
    minimized: flow.overlayMinimized,
    complete: flow.completedAt !== null,
    customer: flow.customer,
    warnings,
    stopped,
    summary: filling ? (flow.case?.text ?? null) : null,
    escalation: esc ? { id: esc.id, caseNumber: esc.caseNumber } : null,
  };
}

export interface SurfaceView {
  flow: FlowState | null;
  items: Record<ItemId, ItemState> | null;
  current: StepId | null;
  progress: { passed: number; total: number };
  /** Warnings of the window's active tab. */
  warnings: Warning[];
  /** A path warning of the active tab stops the guide (the next click is the way back). */
  stopped: Warning | null;
  /** The flow shown is not the active tab's own (that tab has none). */
  fromOtherTab: boolean;
}

export function surfaceView(state: EngineState, activeTabId: number | undefined, opts: { undismissable?: boolean } = {}): SurfaceView {
  const flow = flowForSurface(state, activeTabId) ?? null;
  const own = flowOfTab(state, activeTabId);
  const warnings = activeTabId === undefined ? [] : warningsFor(state, activeTabId, opts.undismissable);
  return {
    flow,
    items: flow ? itemStates(flow) : null,
    current: flow ? currentStep(flow) : null,
    progress: flow ? progress(flow) : { passed: 0, total: 11 },
    warnings,
    stopped: stoppingWarning(warnings),
    fromOtherTab: flow !== null && own === undefined,
  };
}

/** Toolbar badge of a tab: `!` while a warning stands, else the current step number, ✓ when done. */
export function badgeFor(state: EngineState, tabId: number, opts: { undismissable?: boolean } = {}): { text: string; warning: boolean } {
  const v = tabView(state, tabId, opts);
  if (v.warnings.length > 0) return { text: '!', warning: true };
  if (!v.flowId) return { text: '', warning: false };
  return { text: v.complete ? '✓' : String(v.stepNumber), warning: false };
}
