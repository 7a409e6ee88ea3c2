/**
 * A damaged stored state (a hand-edited store, a state from an older version) is salvaged, not
 * thrown away: every flow and tab still valid on its own is kept.
 */
import { EngineStateSchema, FlowStateSchema, TabStateSchema, flowNumber, initialState, type EngineState } from '../engine/state';

/**
 * Keeps every flow and tab of a damaged stored state that is still valid on its own. New flow ids
 * continue after the highest kept `flow-<n>` (the engine also never reuses one).
 */
export function salvage(stored: unknown, log: (m: string) => void): EngineState {
  const state = initialState();
  if (typeof stored !== 'object' || stored === null) {
    log('stored state unreadable; starting afresh');
    return state;
  }
  const s = stored as Record<string, unknown>;
  const flows = typeof s.flows === 'object' && s.flows ? (s.flows as Record<string, unknown>) : {};
  const tabs = typeof s.tabs === 'object' && s.tabs ? (s.tabs as Record<string, unknown>) : {};
  let kept = 0;
  let total = 0;
  for (const [id, flow] of Object.entries(flows)) {
    total++;
    if (!/^flow-\d{1,15}$/.test(id)) continue; // the engine names flows `flow-<n>`; nothing else (`__proto__`) is one
    const one = FlowStateSchema.safeParse(flow);
    if (one.success && one.data.id === id) {
      state.flows[id] = one.data;
      kept++;
    }
  }
  for (const [id, tab] of Object.entries(tabs)) {
    if (!/^\d{1,15}$/.test(id)) continue;
    const one = TabStateSchema.safeParse(tab);
    if (one.success) state.tabs[id] = one.data;
  }
  for (const tab of Object.values(state.tabs)) if (tab.flowId && !Object.hasOwn(state.flows, tab.flowId)) tab.flowId = null;
  const storedSeq = typeof s.seq === 'number' && Number.isSafeInteger(s.seq) && s.seq >= 0 ? s.seq : 0;
  state.seq = Math.max(storedSeq, ...Object.keys(state.flows).map(flowNumber));
  state.lastActiveFlowId = typeof s.lastActiveFlowId === 'string' && Object.hasOwn(state.flows, s.lastActiveFlowId) ? s.lastActiveFlowId : null;
  log(`stored state was damaged; kept ${kept} of ${total} flows`);
  const check = EngineStateSchema.safeParse(state);
  if (check.success) return check.data;
  log(`salvaged state still invalid (${check.error.issues[0]?.message ?? ''}); starting afresh`);
  return initialState();
}
