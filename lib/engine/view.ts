/**
 * What each surface shows, derived from the engine state (pure): the content script's view of its
 * tab, and the side panel's and popup's view of a window.
 */
import { currentStep, flowForSurface, flowOfTab, itemStates, progress, warningsFor, type Warning } from './derive';
import type { Customer, EngineState, FlowState, ItemState } from './state';
import { stepNumber, type ItemId, type StepId } from '../flow/ids';

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
}

export function tabView(state: EngineState, tabId: number, opts: { undismissable?: boolean } = {}): TabView {
  const flow = flowOfTab(state, tabId);
  const warnings = warningsFor(state, tabId, opts.undismissable);
  if (!flow) return { flowId: null, step: null, stepNumber: 0, clickIndex: 0, minimized: false, complete: false, customer: null, warnings };
  const step = currentStep(flow);
  return {
    flowId: flow.id,
    step,
    stepNumber: step ? stepNumber(step) : 0,
    clickIndex: step ? (flow.clickProgress[step] ?? 0) : 0,
    minimized: flow.overlayMinimized,
    complete: flow.completedAt !== null,
    customer: flow.customer,
    warnings,
  };
}

export interface SurfaceView {
  flow: FlowState | null;
  items: Record<ItemId, ItemState> | null;
  current: StepId | null;
  progress: { passed: number; total: number };
  /** Warnings of the window's active tab. */
  warnings: Warning[];
  /** The flow shown is not the active tab's own (that tab has none). */
  fromOtherTab: boolean;
}

export function surfaceView(state: EngineState, activeTabId: number | undefined, opts: { undismissable?: boolean } = {}): SurfaceView {
  const flow = flowForSurface(state, activeTabId) ?? null;
  const own = flowOfTab(state, activeTabId);
  return {
    flow,
    items: flow ? itemStates(flow) : null,
    current: flow ? currentStep(flow) : null,
    progress: flow ? progress(flow) : { passed: 0, total: 11 },
    warnings: activeTabId === undefined ? [] : warningsFor(state, activeTabId, opts.undismissable),
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
