/**
 * The flow engine: DOM-free and browser-free. Events in (a page seen in a tab, a target clicked,
 * a tab opened from a tab, an item ticked, ...), state out (each item's state, the current step,
 * the customer, the warnings of SPEC.md). `reduce` is pure: the background persists what it returns.
 */
import { z } from 'zod';
import { FLOW, ITEM_IDS, PREPARATION_IDS, STEP_IDS, isStepId, stepOf, type ItemId, type StepId } from '../flow/flow';
import { PAGE_KINDS, detectPage, portalOf, portalOfPage, type PageKind, type Portal } from '../flow/pages';
import { compareTenant, customerTenantFromUrl, delegatedTenantFromUrl, type DelegatedTenant } from '../flow/tenant';

export const WARNING_IDS = ['not-from-dashboard', 'own-tenant-context', 'customer-mismatch'] as const;
export type WarningId = (typeof WARNING_IDS)[number];
export const TRIAGE_CATEGORIES = ['undocumented', 'unavailable', 'bug', 'network', 'regional'] as const;
export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number];

/** At most this many flows are kept; the least recently used flow without a tab goes first. */
export const MAX_FLOWS = 20;
const MAX_TEXT = 300;
/** The most clicks a step's click counter holds. */
const MAX_CLICKS = 5;
/**
 * How far apart the click on a delegated link (the content script's report) and the browser's new
 * tab may be to be taken as one: the new tab arrived through that link.
 */
export const LINK_TAB_WINDOW_MS = 15_000;

const Text = z.string().trim().min(1).max(MAX_TEXT);
const Guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i).transform((s) => s.toLowerCase());
const Domain = z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i).max(253).transform((s) => s.toLowerCase());
const TabId = z.number().int().nonnegative();
const Time = z.number().finite().nonnegative();
const ItemIdSchema = z.enum(ITEM_IDS as [ItemId, ...ItemId[]]);
const StepIdSchema = z.enum(STEP_IDS);
export const StoredState = z.enum(['done', 'todo', 'skipped']);
export type StoredItemState = z.infer<typeof StoredState>;
export type ItemState = StoredItemState | 'current';

export const CustomerSchema = z.object({
  tenantId: Guid.optional(),
  name: Text.optional(),
  domain: Domain.optional(),
});
export type Customer = z.infer<typeof CustomerSchema>;
const DelegatedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tenant-id'), value: Guid }),
  z.object({ kind: z.literal('domain'), value: Domain }),
]);

export const FlowStateSchema = z.object({
  id: z.string().min(1),
  createdAt: Time,
  updatedAt: Time,
  items: z.record(ItemIdSchema, StoredState),
  /** Clicks made so far in a step that takes several (2021+: Contact Support, then New Microsoft service request). */
  clickProgress: z.partialRecord(StepIdSchema, z.number().int().min(0).max(5)),
  customer: CustomerSchema.nullable(),
  /** The customer a delegated admin-center link of this flow opened. */
  delegated: DelegatedSchema.nullable(),
  /** Some tab of this flow showed a Partner Center page. */
  passedPartnerCenter: z.boolean(),
  triage: z.enum([...TRIAGE_CATEGORIES, 'in-house']).nullable(),
  overlayMinimized: z.boolean(),
  completedAt: Time.nullable(),
});
export type FlowState = z.infer<typeof FlowStateSchema>;

export const TabStateSchema = z.object({
  flowId: z.string().nullable(),
  url: z.string().max(4096),
  page: z.enum(PAGE_KINDS).nullable(),
  portal: z.enum(['partner-center', 'admin-center', 'sign-in']).nullable(),
  /** The delegated link this tab arrived through (kept through the sign-in redirect). */
  delegated: DelegatedSchema.nullable(),
  dismissed: z.array(z.enum(WARNING_IDS)),
  /**
   * Joined its flow through the browser's opener and has shown no portal page yet. Chromium gives
   * every new tab the previously active tab as opener, also one opened by hand (a new tab page, an
   * extension page), so the join holds only if the tab's first portal page continues the flow (see
   * `confirmOpenerJoin`); until then the surfaces and the badge treat the tab as having no flow.
   */
  viaOpener: z.literal(true).optional(),
  /** The tab it was opened from, and when (kept after the join is confirmed). */
  opener: z.object({ tabId: TabId, at: Time }).optional(),
  /**
   * A delegated link clicked on this tab's page whose new tab has not been seen yet. The browser
   * may never report the link's own URL for the new tab (its `pendingUrl` can be empty when the
   * tab is created, and the entry page redirects before `onUpdated` shows it): the click's report
   * then tells the new tab which customer it was opened for.
   */
  linkFollowed: z.object({ delegated: DelegatedSchema, at: Time }).optional(),
});
export type TabState = z.infer<typeof TabStateSchema>;

export const EngineStateSchema = z.object({
  version: z.literal(1),
  seq: z.number().int().nonnegative(),
  flows: z.record(z.string(), FlowStateSchema),
  tabs: z.record(z.string().regex(/^\d+$/), TabStateSchema),
  lastActiveFlowId: z.string().nullable(),
}).superRefine((s, ctx) => {
  // References hold together: a flow is stored under its own id, and every flow a tab or the
  // surfaces point at exists (own keys only: a stored `__proto__` is no flow).
  for (const [key, flow] of Object.entries(s.flows)) {
    if (flow.id !== key) ctx.addIssue({ code: 'custom', path: ['flows', key, 'id'], message: `flow stored under "${key}" has id "${flow.id}"` });
  }
  for (const [key, tab] of Object.entries(s.tabs)) {
    if (tab.flowId !== null && !Object.hasOwn(s.flows, tab.flowId)) ctx.addIssue({ code: 'custom', path: ['tabs', key, 'flowId'], message: `no flow "${tab.flowId}"` });
    if (tab.viaOpener && tab.flowId === null) ctx.addIssue({ code: 'custom', path: ['tabs', key, 'viaOpener'], message: 'a pending join without a flow' });
  }
  if (s.lastActiveFlowId !== null && !Object.hasOwn(s.flows, s.lastActiveFlowId)) {
    ctx.addIssue({ code: 'custom', path: ['lastActiveFlowId'], message: `no flow "${s.lastActiveFlowId}"` });
  }
});
export type EngineState = z.infer<typeof EngineStateSchema>;

export const EventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('page-seen'),
    tabId: TabId,
    url: z.url().max(4096),
    /** The kind the content script detected (it can read the document); derived from the URL if absent. */
    page: z.enum(PAGE_KINDS).nullable().optional(),
    customerName: Text.optional(),
    at: Time,
  }).strict(),
  z.object({ type: z.literal('tab-opened'), tabId: TabId, openerTabId: TabId, at: Time }).strict(),
  z.object({ type: z.literal('tab-closed'), tabId: TabId, at: Time }).strict(),
  z.object({ type: z.literal('tab-activated'), tabId: TabId, at: Time }).strict(),
  z.object({
    type: z.literal('target-clicked'),
    tabId: TabId,
    step: StepIdSchema,
    clickIndex: z.number().int().min(0).max(5),
    last: z.boolean(),
    customer: CustomerSchema.optional(),
    href: z.url().max(4096).optional(),
    at: Time,
  }).strict(),
  z.object({ type: z.literal('item-ticked'), flowId: z.string().min(1), item: ItemIdSchema, done: z.boolean(), at: Time }).strict(),
  z.object({
    type: z.literal('triage-picked'),
    flowId: z.string().min(1),
    category: z.enum([...TRIAGE_CATEGORIES, 'in-house']),
    at: Time,
  }).strict(),
  z.object({ type: z.literal('start-over'), flowId: z.string().min(1), at: Time }).strict(),
  z.object({ type: z.literal('warning-dismissed'), tabId: TabId, warning: z.enum(WARNING_IDS), at: Time }).strict(),
  z.object({ type: z.literal('overlay-minimized'), flowId: z.string().min(1), minimized: z.boolean(), at: Time }).strict(),
]);
export type EngineEvent = z.infer<typeof EventSchema>;
export type EngineEventInput = z.input<typeof EventSchema>;

export class EngineError extends Error {
  override name = 'EngineError';
}

export function initialState(): EngineState {
  return { version: 1, seq: 0, flows: {}, tabs: {}, lastActiveFlowId: null };
}

function freshFlow(id: string, at: number): FlowState {
  const items = Object.fromEntries(ITEM_IDS.map((i) => [i, 'todo'])) as Record<ItemId, StoredItemState>;
  return {
    id, createdAt: at, updatedAt: at, items, clickProgress: {}, customer: null, delegated: null,
    passedPartnerCenter: false, triage: null, overlayMinimized: false, completedAt: null,
  };
}

/** A flow by id: own keys only (`__proto__`, `constructor` are no flows). */
function flowById(s: EngineState, id: string | null | undefined): FlowState | undefined {
  return id != null && Object.hasOwn(s.flows, id) ? s.flows[id] : undefined;
}

/** The number of a flow id `flow-<n>`, else 0. */
export function flowNumber(id: string): number {
  const m = /^flow-(\d{1,15})$/.exec(id);
  return m ? Number(m[1]) : 0;
}

/** A new flow id: never one a kept flow has (even when `seq` lags behind, as in a salvaged state). */
function newFlowId(s: EngineState): string {
  for (const id of Object.keys(s.flows)) s.seq = Math.max(s.seq, flowNumber(id));
  s.seq += 1;
  return `flow-${s.seq}`;
}

/** A short, never-throwing description of a value for error messages. */
function describe(value: unknown): string {
  try {
    return typeof value === 'string' ? value.slice(0, 60) : typeof value === 'object' ? (value === null ? 'null' : 'object') : String(value);
  } catch {
    return typeof value;
  }
}

/** Validates an event; throws EngineError naming what is wrong (unknown type, missing field, ...). */
export function parseEvent(input: unknown): EngineEvent {
  const r = EventSchema.safeParse(input);
  if (r.success) return r.data;
  const type = typeof input === 'object' && input !== null && Object.hasOwn(input, 'type') ? describe((input as { type: unknown }).type) : '(none)';
  const issues = r.error.issues.map((i) => `${i.path.join('.') || 'event'}: ${i.message}`).join('; ');
  throw new EngineError(`Rejected event of type "${type}": ${issues}`);
}

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
    case 'overlay-minimized': {
      const flow = flowById(s, event.flowId);
      if (!flow || flow.overlayMinimized === event.minimized) return state;
      flow.overlayMinimized = event.minimized;
      return touch(s, flow, event.at);
    }
  }
}

const blankTab = (): TabState => ({ flowId: null, url: '', page: null, portal: null, delegated: null, dismissed: [] });

function pageSeen(s: EngineState, e: Extract<EngineEvent, { type: 'page-seen' }>): EngineState {
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
    // Sign-in pages start nothing, nor does a look at the admin center's service health.
    if (portal === 'sign-in' || page === 'admin-service-health') return s;
    flow = freshFlow(newFlowId(s), e.at);
    s.flows[flow.id] = flow;
    tab.flowId = flow.id;
    tab.dismissed = [];
  }
  if (previousUrl !== e.url) tab.dismissed = tab.dismissed.filter((w) => w !== 'customer-mismatch');
  if (page) applyPage(flow, tab, page, e.url, e.at);
  else if (portal === 'admin-center') noteDelegated(flow, tab, e.url);
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
    if (tenantId && flow.customer?.tenantId !== tenantId) flow.customer = { tenantId };
  }
  if (portal === 'admin-center' && noteDelegated(flow, tab, url)) {
    done.push(...FLOW.steps.filter((st) => st.completion.delegatedLink).map((st) => st.id));
  }
  for (const prep of FLOW.preparation) if (prep.completedByPages.includes(page)) flow.items[prep.id] = 'done';
  complete(flow, done, at);
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
  if (e.customer && e.step === 'select-customer') flow.customer = { ...e.customer };
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
  return prune(s);
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

const FLOW_PAGES_OF_ADMIN_CENTER: readonly (StepId | null)[] = ['support', 'new-service-request', 'support-topic', null];

export interface Warning {
  id: WarningId;
  /** customer-mismatch: the customer selected in Partner Center and the tenant the tab opened. */
  selected?: Customer | undefined;
  opened?: DelegatedTenant | undefined;
}

/**
 * The warnings standing for a tab (SPEC.md "Warnings"). `includeDismissed` for policies that make
 * warnings impossible to dismiss.
 */
export function warningsFor(state: EngineState, tabId: number, includeDismissed = false): Warning[] {
  const tab = state.tabs[tabId];
  if (!tab || tab.portal !== 'admin-center' || tab.page === 'delegated-entry') return [];
  const flow = flowById(state, tab.flowId);
  const onFlowPage = tab.page === 'admin-support' || (flow !== undefined && FLOW_PAGES_OF_ADMIN_CENTER.includes(currentStep(flow)));
  const out: Warning[] = [];
  if (onFlowPage && !flow?.passedPartnerCenter) out.push({ id: 'not-from-dashboard' });
  if (!tab.delegated && (flow || onFlowPage)) out.push({ id: 'own-tenant-context', selected: flow?.customer ?? undefined });
  if (tab.delegated && flow && compareTenant(flow.customer ?? undefined, tab.delegated) === 'different') {
    out.push({ id: 'customer-mismatch', selected: flow.customer ?? undefined, opened: tab.delegated });
  }
  return includeDismissed ? out : out.filter((w) => !tab.dismissed.includes(w.id));
}

export type { Portal, PageKind, DelegatedTenant };
export { PREPARATION_IDS, STEP_IDS };
