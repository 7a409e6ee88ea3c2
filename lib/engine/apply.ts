/**
 * What the reducer's events have in common (lib/engine/reduce.ts, lib/engine/tabs.ts): a page
 * arriving in a tab, steps completed, the tenant a tab acts for, the bookkeeping of flows. They
 * work on the reducer's own copy of the state (mutating it); `reduce` stays pure.
 */
import { FLOW } from '../flow/flow';
import { STEP_IDS, type StepId } from '../flow/ids';
import { detectPage, portalOf, portalOfPage, type PageKind, type Portal } from '../flow/pages';
import { customerTenantFromUrl, delegatedTenantFromUrl, type DelegatedTenant } from '../flow/tenant';
import { DelegatedSchema, EngineError, MAX_FLOWS, flowById, freshFlow, newFlowId, type Customer, type EngineState, type FlowState, type TabState } from './state';
import { MAX_ESCALATIONS } from './case';
import { escalationIdOf } from './derive';

export const blankTab = (): TabState => ({ flowId: null, url: '', page: null, portal: null, delegated: null, dismissed: [], continued: [] });

/** Warnings about the tenant a tab acts for: Continue anyway for them ends when that tenant changes. */
const TENANT_WARNINGS: readonly string[] = ['own-tenant-context', 'customer-mismatch'];
const forgetTenantChoices = (tab: TabState) => void (tab.continued = tab.continued.filter((w) => !TENANT_WARNINGS.includes(w)));

/** The steps a delegated link completes (Microsoft Office 365), from the flow data. */
const DELEGATED_LINK_STEPS: StepId[] = FLOW.steps.filter((st) => st.completion.delegatedLink).map((st) => st.id);

export interface PageReport {
  tabId: number;
  url: string;
  /** The kind the content script detected; derived from the URL if undefined. */
  page?: PageKind | null | undefined;
  customerName?: string | undefined;
  at: number;
}

/**
 * A page shown in a tab: the content script's report, or the browser's for the pages no content
 * script reports (the sign-in pages, the delegated entry). `startsFlow`: a tab without a flow
 * starts one here (never on a sign-in page, the delegated entry or the admin center's service health).
 */
export function pageSeen(s: EngineState, e: PageReport, startsFlow: boolean): EngineState {
  const url = new URL(e.url);
  const portal = portalOf(url);
  const page = e.page === undefined ? (detectPage(url) ?? null) : e.page;
  const tab = (s.tabs[e.tabId] ??= blankTab());
  const previousUrl = tab.url;
  tab.url = e.url;
  tab.page = page;
  tab.portal = portal ?? null;
  if (!portal) return s; // a page outside the portals: the tab keeps its flow for when it comes back
  if (page && portalOfPage(page) !== portal) throw new EngineError(`Page kind "${page}" does not belong to ${url.host}`);
  if (tab.viaOpener) confirmOpenerJoin(s, tab, portal, page, url);

  let flow = flowById(s, tab.flowId);
  const finished = flow?.completedAt != null && page === 'pc-dashboard';
  if (!flow || finished) {
    // The delegated entry only redirects: the tab's flow starts (or joins its opener's) around it.
    if (!startsFlow || portal === 'sign-in' || page === 'admin-service-health' || page === 'delegated-entry') return s;
    flow = freshFlow(newFlowId(s), e.at);
    s.flows[flow.id] = flow;
    tab.flowId = flow.id;
    tab.dismissed = [];
    tab.continued = [];
    if (tab.delegated && !tab.inherited) enterDelegated(flow, tab.delegated, e.at);
  }
  if (previousUrl !== e.url) {
    tab.dismissed = tab.dismissed.filter((w) => w !== 'customer-mismatch');
    delete tab.missing;
  }
  if (page) applyPage(flow, tab, page, e.url, e.at);
  // The name a customer page shows, for the customer whose tenant id the URL carries.
  const shownTenant = customerTenantFromUrl(url);
  if (e.customerName && flow.customer?.tenantId && shownTenant === flow.customer.tenantId) flow.customer.name = e.customerName;
  return touch(s, flow, e.at, e.tabId);
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

/** What arriving at `page` means for the flow: steps completed, the customer. */
function applyPage(flow: FlowState, tab: TabState, page: PageKind, url: string, at: number): void {
  const portal = portalOfPage(page);
  const done: StepId[] = FLOW.steps.filter((st) => st.completion.pages.includes(page)).map((st) => st.id);
  if (portal === 'partner-center') {
    flow.passedPartnerCenter = true;
    if (tab.delegated) forgetTenantChoices(tab);
    tab.delegated = null; // back in Partner Center: no customer's admin center in this tab any more
    delete tab.inherited;
    const tenantId = customerTenantFromUrl(url);
    if (tenantId && flow.customer?.tenantId !== tenantId) selectCustomer(flow, { tenantId });
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
export function selectCustomer(flow: FlowState, customer: Customer): void {
  const before = flow.customer?.tenantId;
  flow.customer = { ...customer };
  if (before && before !== customer.tenantId) {
    for (const prep of FLOW.preparation) if (prep.perCustomer) flow.items[prep.id] = 'todo';
  }
}

/** The pages of a tab again after a start over: what they complete in the fresh flow. */
export function reapplyPages(s: EngineState, flow: FlowState, at: number): void {
  for (const tab of Object.values(s.tabs)) {
    if (tab.flowId !== flow.id) continue;
    tab.dismissed = [];
    tab.continued = [];
    delete tab.missing;
    if (tab.page) applyPage(flow, tab, tab.page, tab.url, at);
  }
}

/**
 * The customer tenant an admin-center URL opens (`BeginClientSession.aspx?CTID=`, `?tenantId=`,
 * `?delegatedOrg=`): only over https on an admin-center host, and only what the state can hold (a
 * 300-character "domain" is no tenant).
 */
export function urlTenant(url: URL): DelegatedTenant | undefined {
  if (url.protocol !== 'https:' || portalOf(url) !== 'admin-center') return undefined;
  const found = delegatedTenantFromUrl(url);
  return found && DelegatedSchema.safeParse(found).success ? found : undefined;
}

/** The tab's own navigation carried `tenant`: it acts for that customer now. */
export function noteTenant(flow: FlowState | undefined, tab: TabState, tenant: DelegatedTenant, at: number): void {
  const same = !tab.inherited && tab.delegated?.kind === tenant.kind && tab.delegated.value === tenant.value;
  tab.delegated = { ...tenant };
  delete tab.inherited;
  if (!same) {
    tab.dismissed = tab.dismissed.filter((w) => w !== 'customer-mismatch');
    forgetTenantChoices(tab);
  }
  if (flow) enterDelegated(flow, tenant, at);
}

/** The tab acts for `tenant` through its own navigation already, and its flow (if any) knows it: nothing to note again. */
export function actsFor(s: EngineState, tabId: number, tenant: DelegatedTenant): boolean {
  const tab = s.tabs[tabId];
  if (!tab || tab.inherited || tab.viaOpener || tab.delegated?.kind !== tenant.kind || tab.delegated.value !== tenant.value) return false;
  const flow = flowById(s, tab.flowId);
  return !flow || (flow.delegated?.kind === tenant.kind && flow.delegated.value === tenant.value && DELEGATED_LINK_STEPS.every((id) => flow.items[id] !== 'todo'));
}

/** A tab of the flow arrived through a delegated entry: the flow records it, the Office 365 step is done. */
export function enterDelegated(flow: FlowState, tenant: DelegatedTenant, at: number): void {
  flow.delegated = { ...tenant };
  complete(flow, DELEGATED_LINK_STEPS, at);
}

export function dropInherited(tab: TabState): void {
  if (tab.delegated) forgetTenantChoices(tab);
  tab.delegated = null;
  delete tab.inherited;
}

/** Marks steps done; every step before the furthest one still to do is skipped (never blocks). */
export function complete(flow: FlowState, steps: StepId[], at: number): void {
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

export const allStepsPassed = (flow: FlowState) => STEP_IDS.every((id) => flow.items[id] !== 'todo');

export function touch(s: EngineState, flow: FlowState, at: number, tabId?: number): EngineState {
  flow.updatedAt = Math.max(flow.updatedAt, at);
  // Only the agent's own tab (or an extension page: no tab) makes a flow the most recently active.
  if (tabId === undefined || s.activeTabId === null || s.activeTabId === tabId) s.lastActiveFlowId = flow.id;
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

/** Flows no tab shows (nor the surfaces, as the most recently active), least recently used first. */
function idleFlows(s: EngineState): string[] {
  const shown = new Set(Object.values(s.tabs).map((t) => t.flowId));
  return Object.keys(s.flows)
    .filter((id) => !shown.has(id) && id !== s.lastActiveFlowId)
    .sort((a, b) => s.flows[a]!.updatedAt - s.flows[b]!.updatedAt);
}

/** Drops the least recently used flows that no tab shows, beyond MAX_FLOWS. */
export function prune(s: EngineState): EngineState {
  const count = Object.keys(s.flows).length;
  if (count <= MAX_FLOWS) return s;
  for (const id of idleFlows(s).slice(0, count - MAX_FLOWS)) delete s.flows[id];
  return s;
}

/**
 * The state without its least recently used flow that no tab shows, or undefined when every flow
 * is shown (what the background gives up first when session storage is full). Pure.
 */
export function withoutIdleFlow(state: EngineState): EngineState | undefined {
  const [oldest] = idleFlows(state);
  if (oldest === undefined) return undefined;
  const s = structuredClone(state);
  delete s.flows[oldest];
  return s;
}
