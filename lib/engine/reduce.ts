/**
 * The flow engine's reducer: DOM-free and browser-free. Events in (a page seen in a tab, a target
 * clicked, a tab opened from a tab, an item ticked, ...), the next state out. `reduce` is pure: the
 * background persists what it returns.
 */
import { picksCustomer, stepOf } from '../flow/flow';
import { isStepId } from '../flow/ids';
import { MAX_CLICKS, flowById, freshFlow, parseEvent, type EngineEvent, type EngineEventInput, type EngineState } from './state';
import { currentStep, warningsFor } from './derive';
import { allStepsPassed, complete, pageSeen, prune, reapplyPages, selectCustomer, touch, urlTenant } from './apply';
import { navigationSeen, tabOpened, tabsListed } from './tabs';

/** The next state after an event. Pure: never mutates `state`. Throws EngineError on an invalid event. */
export function reduce(state: EngineState, input: EngineEventInput | unknown): EngineState {
  const event = parseEvent(input);
  const s = structuredClone(state);
  switch (event.type) {
    case 'page-seen':
      // The content script's report: the page, never the tenant (only the browser's reports of the
      // tab's navigation make a tab delegated; a page can rewrite its own URL).
      return pageSeen(s, event, true);
    case 'tab-opened':
      return tabOpened(s, event) ? s : state;
    case 'navigation-seen':
      return navigationSeen(s, event) ? s : state;
    case 'tabs-listed':
      return tabsListed(s, event) ? s : state;
    case 'tab-closed':
      if (s.activeTabId === event.tabId) s.activeTabId = null;
      if (!s.tabs[event.tabId]) return s.activeTabId === state.activeTabId ? state : s;
      delete s.tabs[event.tabId];
      return prune(s);
    case 'tab-activated': {
      const flowId = s.tabs[event.tabId]?.flowId;
      const flowChanges = !!flowId && !!flowById(s, flowId) && s.lastActiveFlowId !== flowId;
      if (!flowChanges && s.activeTabId === event.tabId) return state;
      s.activeTabId = event.tabId;
      if (flowChanges) s.lastActiveFlowId = flowId!;
      return s;
    }
    case 'target-clicked':
      return targetClicked(s, event);
    case 'item-ticked': {
      const flow = flowById(s, event.flowId);
      if (!flow) return state;
      if (isStepId(event.item)) {
        if (event.done) complete(flow, [event.item], event.at);
        else flow.items[event.item] = 'todo';
        if (!allStepsPassed(flow)) flow.completedAt = null;
      } else {
        flow.items[event.item] = event.done ? 'done' : 'todo';
      }
      return touch(s, flow, event.at);
    }
    case 'triage-picked': {
      const flow = flowById(s, event.flowId);
      if (!flow) return state;
      flow.triage = event.category;
      // "None of these": the partner solves it; the item stays open and the flow goes on.
      flow.items.triage = event.category === 'in-house' ? 'todo' : 'done';
      return touch(s, flow, event.at);
    }
    case 'start-over': {
      const old = flowById(s, event.flowId);
      if (!old) return state;
      const flow = freshFlow(old.id, event.at);
      flow.overlayMinimized = false;
      s.flows[old.id] = flow;
      reapplyPages(s, flow, event.at);
      return touch(s, flow, event.at);
    }
    case 'warning-dismissed': {
      const tab = s.tabs[event.tabId];
      if (!tab || tab.dismissed.includes(event.warning)) return state;
      tab.dismissed.push(event.warning);
      return s;
    }
    case 'warning-continued': {
      const tab = s.tabs[event.tabId];
      // Only for a warning standing there now (dismissed or not): never an approval in advance.
      if (!tab || tab.continued.includes(event.warning)) return state;
      if (!warningsFor(state, event.tabId, true).some((w) => w.id === event.warning)) return state;
      tab.continued.push(event.warning);
      return s;
    }
    case 'target-missing': {
      const tab = s.tabs[event.tabId];
      if (!tab) return state;
      if (event.missing) {
        const flow = flowById(s, tab.flowId);
        if (!flow || currentStep(flow) !== event.step || tab.missing === event.step) return state;
        tab.missing = event.step;
      } else {
        if (tab.missing !== event.step) return state;
        delete tab.missing;
      }
      return s;
    }
    case 'case-saved': {
      const flow = flowById(s, event.flowId);
      if (!flow) return state;
      flow.case = event.case;
      return touch(s, flow, event.at);
    }
    case 'case-number-set': {
      const esc = s.escalations.find((x) => x.id === event.escalationId);
      if (!esc || esc.caseNumber === event.caseNumber) return state;
      esc.caseNumber = event.caseNumber;
      return s;
    }
    case 'overlay-minimized': {
      const flow = flowById(s, event.flowId);
      if (!flow || flow.overlayMinimized === event.minimized) return state;
      flow.overlayMinimized = event.minimized;
      return touch(s, flow, event.at);
    }
  }
}

/**
 * A trusted click on the ringed target, as the content script reports it. A click on a delegated
 * link (Microsoft Office 365) completes its step and tells the customer's initial domain when the
 * link names it (`?delegatedOrg=`), but makes no tab delegated: the page may cancel the click and
 * open anything; the new tab's own navigation tells which tenant it acts for.
 */
function targetClicked(s: EngineState, e: Extract<EngineEvent, { type: 'target-clicked' }>): EngineState {
  const tab = s.tabs[e.tabId];
  const flow = flowById(s, tab?.flowId);
  if (!tab || !flow) return s;
  const href = e.href ? new URL(e.href) : undefined;
  const linked = href ? urlTenant(href) : undefined; // https, an admin-center host
  if (linked?.kind === 'domain' && flow.customer?.tenantId && !flow.customer.domain) flow.customer.domain = linked.value;
  // A delegated link of its step: followed, whichever step the state is at (an earlier report may
  // have been lost with a stopped worker).
  if (linked && stepOf(e.step).completion.delegatedLink) {
    complete(flow, [e.step], e.at);
    return touch(s, flow, e.at, e.tabId);
  }
  if (currentStep(flow) !== e.step) return s; // a late report of an earlier step: nothing to do
  if (e.customer && picksCustomer(e.step)) selectCustomer(flow, e.customer);
  const progress = flow.clickProgress[e.step] ?? 0;
  if (e.clickIndex !== progress) return s;
  if (!e.last) {
    if (progress >= MAX_CLICKS) return s; // no step has more clicks than the state can count
    flow.clickProgress[e.step] = progress + 1;
  } else if (stepOf(e.step).completion.click) {
    complete(flow, [e.step], e.at);
  }
  return touch(s, flow, e.at, e.tabId);
}
