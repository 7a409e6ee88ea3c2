/**
 * The flow engine's reducer: DOM-free and browser-free. Events in (a page seen in a tab, a target
 * clicked, a tab opened from a tab, an item ticked, ...), the next state out. `reduce` is pure: the
 * background persists what it returns.
 */
import { FLOW, picksCustomer, stepOf } from '../flow/flow';
import { STEP_IDS, isStepId, type StepId } from '../flow/ids';
import { detectPage, portalOf, portalOfPage, type PageKind, type Portal } from '../flow/pages';
import { customerTenantFromUrl, delegatedTenantFromUrl, type DelegatedTenant } from '../flow/tenant';
import {
  DelegatedSchema, EngineError, LINK_TAB_WINDOW_MS, MAX_CLICKS, MAX_FLOWS, flowById, freshFlow, newFlowId, parseEvent,
  type Customer, type EngineEvent, type EngineEventInput, type EngineState, type FlowState, type TabState,
} from './state';
import { currentStep, escalationIdOf, warningsFor } from './derive';
import { MAX_ESCALATIONS } from './case';

/** The next state after an event. Pure: never mutates `state`. Throws EngineError on an invalid event. */
export function reduce(state: EngineState, input: EngineEventInput | unknown): EngineState {
  const event = parseEvent(input);
  const s = structuredClone(state);
  switch (event.type) {
    case 'page-seen':
      return pageSeen(s, event);
    case 'tab-opened': {
      const opener = s.tabs[event.openerTabId];
      if (!opener?.flowId || !flowById(s, opener.flowId)) return state; // opened by hand: joins nothing
      if (event.tabId === event.openerTabId) return state;
      const existing = s.tabs[event.tabId];
      // A tab that already belongs to a flow stays in it: a late or repeated report never moves it to another family.
      if (existing?.flowId && flowById(s, existing.flowId)) return state;
      const tab: TabState = { ...(existing ?? blankTab()), flowId: opener.flowId, viaOpener: true, opener: { tabId: event.openerTabId, at: event.at } };
      // Opened from a delegated admin-center tab: the new tab is in the same customer context.
      if (!tab.delegated && opener.portal === 'admin-center' && opener.delegated) tab.delegated = { ...opener.delegated };
      // Opened by a delegated link the opener's page reported a click on (see `followDelegatedLink`).
      const followed = opener.linkFollowed;
      if (followed && Math.abs(event.at - followed.at) <= LINK_TAB_WINDOW_MS) {
        delete opener.linkFollowed;
        if (!tab.delegated) tab.delegated = { ...followed.delegated };
      }
      s.tabs[event.tabId] = tab;
      return s;
    }
    case 'tab-closed':
      if (!s.tabs[event.tabId]) return state;
      delete s.tabs[event.tabId];
      return prune(s);
    case 'tab-activated': {
      const flowId = s.tabs[event.tabId]?.flowId;
      if (!flowId || !flowById(s, flowId) || s.lastActiveFlowId === flowId) return state;
      s.lastActiveFlowId = flowId;
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
      for (const tab of Object.values(s.tabs)) {
        if (tab.flowId !== old.id) continue;
        tab.dismissed = [];
        tab.continued = [];
        delete tab.missing;
        if (tab.page) applyPage(flow, tab, tab.page, tab.url, event.at);
      }
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

const blankTab = (): TabState => ({ flowId: null, url: '', page: null, portal: null, delegated: null, dismissed: [], continued: [] });

/** Warnings about the tenant a tab acts for: a choice about them ends when that tenant changes. */
const TENANT_WARNINGS = ['own-tenant-context', 'customer-mismatch'] as const;

function pageSeen(s: EngineState, e: Extract<EngineEvent, { type: 'page-seen' }>): EngineState {
  const url = new URL(e.url);
  const portal = portalOf(url);
  const page = e.page === undefined ? (detectPage(url) ?? null) : e.page;
  const tab = (s.tabs[e.tabId] ??= blankTab());
  const previousUrl = tab.url;
  const previousTenant = JSON.stringify(tab.delegated);
  tab.url = e.url;
  tab.page = page;
  tab.portal = portal ?? null;
  if (!portal) return s; // a page outside the portals: the tab keeps its flow for when it comes back
  if (page && portalOfPage(page) !== portal) throw new EngineError(`Page kind "${page}" does not belong to ${url.host}`);
  if (tab.viaOpener) confirmOpenerJoin(s, tab, portal, page, url);

  let flow = flowById(s, tab.flowId);
  const finished = flow?.completedAt != null && page === 'pc-dashboard';
  if (!flow || finished) {
    // Sign-in pages start nothing, nor does a look at the admin center's service health.
    if (portal === 'sign-in' || page === 'admin-service-health') return s;
    flow = freshFlow(newFlowId(s), e.at);
    s.flows[flow.id] = flow;
    tab.flowId = flow.id;
    tab.dismissed = [];
    tab.continued = [];
  }
  if (previousUrl !== e.url) {
    tab.dismissed = tab.dismissed.filter((w) => w !== 'customer-mismatch');
    delete tab.missing;
  }
  if (page) applyPage(flow, tab, page, e.url, e.at);
  else if (portal === 'admin-center') noteDelegated(flow, tab, e.url);
  // Continue anyway was chosen for the tenant the tab acted for: another tenant asks again.
  if (JSON.stringify(tab.delegated) !== previousTenant) tab.continued = tab.continued.filter((w) => !(TENANT_WARNINGS as readonly string[]).includes(w));
  // The name a customer page shows, for the customer whose tenant id the URL carries.
  const shownTenant = customerTenantFromUrl(url);
  if (e.customerName && flow.customer?.tenantId && shownTenant === flow.customer.tenantId) flow.customer.name = e.customerName;
  return touch(s, flow, e.at);
}

/**
 * A tab that joined a flow through its opener stays in it if its first portal page continues that
 * flow: the delegated entry, the sign-in page, the admin center, service health (the side panel's
 * preparation link), or a Partner Center page of the flow's customer ("open this customer in Partner Center"). Any other Partner Center page (the
 * dashboard typed into a new tab) is a new escalation: the tab leaves the flow before starting one.
 */
function confirmOpenerJoin(s: EngineState, tab: TabState, portal: Portal, page: PageKind | null, url: URL): void {
  delete tab.viaOpener;
  if (portal !== 'partner-center' || page === 'pc-service-health') return; // service health: the preparation item
  const tenant = flowById(s, tab.flowId)?.customer?.tenantId;
  if (!tenant || customerTenantFromUrl(url) !== tenant) tab.flowId = null; // a new escalation: a flow of its own
}

function noteDelegated(flow: FlowState, tab: TabState, url: string): DelegatedTenant | undefined {
  const found = delegatedTenantFromUrl(url);
  // Only what the state can hold (a 300-character "domain" is no tenant).
  const delegated = found && DelegatedSchema.safeParse(found).success ? found : undefined;
  if (delegated) {
    tab.delegated = delegated;
    flow.delegated = delegated;
  }
  return delegated;
}

/** What arriving at `page` means for the flow: steps completed, the customer, the delegated tenant. */
function applyPage(flow: FlowState, tab: TabState, page: PageKind, url: string, at: number): void {
  const portal = portalOfPage(page);
  const done: StepId[] = FLOW.steps.filter((st) => st.completion.pages.includes(page)).map((st) => st.id);
  if (portal === 'partner-center') {
    flow.passedPartnerCenter = true;
    tab.delegated = null;
    const tenantId = customerTenantFromUrl(url);
    if (tenantId && flow.customer?.tenantId !== tenantId) selectCustomer(flow, { tenantId });
  }
  if (portal === 'admin-center' && noteDelegated(flow, tab, url)) {
    done.push(...FLOW.steps.filter((st) => st.completion.delegatedLink).map((st) => st.id));
  }
  for (const prep of FLOW.preparation) {
    if (!prep.completedByPages.includes(page)) continue;
    // An item about the selected customer: only that customer's own page completes it.
    if (prep.perCustomer && (!flow.customer?.tenantId || customerTenantFromUrl(url) !== flow.customer.tenantId)) continue;
    flow.items[prep.id] = 'done';
  }
  complete(flow, done, at);
}

/** A customer is selected: items about the previous one (`perCustomer`) are to do again. */
function selectCustomer(flow: FlowState, customer: Customer): void {
  const before = flow.customer?.tenantId;
  flow.customer = { ...customer };
  if (before && before !== customer.tenantId) {
    for (const prep of FLOW.preparation) if (prep.perCustomer) flow.items[prep.id] = 'todo';
  }
}

function targetClicked(s: EngineState, e: Extract<EngineEvent, { type: 'target-clicked' }>): EngineState {
  const tab = s.tabs[e.tabId];
  const flow = flowById(s, tab?.flowId);
  if (!tab || !flow) return s;
  const found = e.href ? delegatedTenantFromUrl(e.href) : undefined;
  const linked = found && DelegatedSchema.safeParse(found).success ? found : undefined;
  if (linked?.kind === 'domain' && flow.customer?.tenantId && !flow.customer.domain) flow.customer.domain = linked.value;
  // A delegated link of its step (Microsoft Office 365): followed, whichever step the state is at.
  if (linked && stepOf(e.step).completion.delegatedLink) {
    followDelegatedLink(s, flow, e.tabId, tab, linked, e.at);
    complete(flow, [e.step], e.at);
    return touch(s, flow, e.at);
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
  return touch(s, flow, e.at);
}

/**
 * The agent clicked a delegated link (it opens the customer's admin center in a new tab). The
 * flow records the customer it opens; the new tab gets it too, whether the browser's report of the
 * new tab came first (a tab opened from this one moments ago, not yet in a customer context) or
 * comes later (kept on this tab for `tab-opened`).
 */
function followDelegatedLink(s: EngineState, flow: FlowState, tabId: number, tab: TabState, linked: DelegatedTenant, at: number): void {
  flow.delegated = { ...linked };
  const opened = Object.values(s.tabs).find(
    (t) => t.opener?.tabId === tabId && t.flowId === flow.id && !t.delegated && t.portal !== 'partner-center' && Math.abs(at - t.opener.at) <= LINK_TAB_WINDOW_MS,
  );
  if (opened) opened.delegated = { ...linked };
  else tab.linkFollowed = { delegated: { ...linked }, at };
}

/** Marks steps done; every step before the furthest one still to do is skipped (never blocks). */
function complete(flow: FlowState, steps: StepId[], at: number): void {
  if (steps.length === 0) return;
  let furthest = -1;
  for (const id of steps) {
    flow.items[id] = 'done';
    delete flow.clickProgress[id];
    furthest = Math.max(furthest, STEP_IDS.indexOf(id));
  }
  for (let i = 0; i < furthest; i++) {
    const id = STEP_IDS[i]!;
    if (flow.items[id] === 'todo') flow.items[id] = 'skipped';
  }
  if (allStepsPassed(flow)) flow.completedAt ??= at;
}

const allStepsPassed = (flow: FlowState) => STEP_IDS.every((id) => flow.items[id] !== 'todo');

function touch(s: EngineState, flow: FlowState, at: number): EngineState {
  flow.updatedAt = Math.max(flow.updatedAt, at);
  s.lastActiveFlowId = flow.id;
  if (flow.completedAt !== null) recordEscalation(s, flow);
  return prune(s);
}

/**
 * The escalation of a completed flow's round, in the session's list: made when the flow completes,
 * kept up to date with its customer and case (the case number is the agent's, set on its own).
 */
function recordEscalation(s: EngineState, flow: FlowState): void {
  const id = escalationIdOf(flow);
  let esc = s.escalations.find((x) => x.id === id);
  if (!esc) {
    esc = { id, flowId: flow.id, startedAt: flow.createdAt, completedAt: flow.completedAt!, customer: null, workload: null, severity: null, caseNumber: null };
    s.escalations.push(esc);
    if (s.escalations.length > MAX_ESCALATIONS) s.escalations.splice(0, s.escalations.length - MAX_ESCALATIONS);
  }
  esc.customer = flow.customer ? { ...flow.customer } : null;
  esc.workload = flow.case?.form.workload ?? null;
  esc.severity = flow.case?.form.severity ?? null;
}

/** Drops the least recently used flows that no tab shows, beyond MAX_FLOWS. */
function prune(s: EngineState): EngineState {
  const ids = Object.keys(s.flows);
  if (ids.length <= MAX_FLOWS) return s;
  const shown = new Set(Object.values(s.tabs).map((t) => t.flowId));
  const idle = ids.filter((id) => !shown.has(id) && id !== s.lastActiveFlowId).sort((a, b) => s.flows[a]!.updatedAt - s.flows[b]!.updatedAt);
  for (const id of idle.slice(0, ids.length - MAX_FLOWS)) delete s.flows[id];
  return s;
}
