/**
 * The flow engine's state and events, as zod schemas: what the background persists (session
 * storage) and validates on every load, and the events `reduce` takes (lib/engine/reduce.ts).
 * DOM-free and browser-free.
 */
import { z } from 'zod';
import { ITEM_IDS, SEVERITY_IDS, STEP_IDS, TRIAGE_ANSWERS, WORKLOAD_IDS, type ItemId } from '../flow/ids';
import { PAGE_KINDS, PORTALS } from '../flow/pages';
import { DOMAIN, GUID } from '../flow/tenant';
import { WARNING_IDS, isPathWarning, type WarningId } from '../flow/warnings';
import { stripBidiControls } from '../flow/text';
import { CaseNumberSchema, CaseRecordSchema, MAX_ESCALATIONS } from './case';

/** At most this many flows are kept; the least recently used flow without a tab goes first. */
export const MAX_FLOWS = 20;
const MAX_TEXT = 300;
/** The most clicks a step's click counter holds. */
export const MAX_CLICKS = 5;
/** The most tabs a `tabs-listed` event may list (a browser with more open tabs is not a real case). */
const MAX_LISTED_TABS = 100_000;

/**
 * A customer's name as the state keeps it: without bidirectional controls (lib/flow/text.ts), the
 * same rule the content scripts read names from the page by, so a name from any sender is shown
 * safely by every surface.
 */
export const NameText = z.string().transform(stripBidiControls).pipe(z.string().min(1).max(MAX_TEXT));
const Guid = z.string().regex(new RegExp(`^${GUID.source}$`, 'i')).transform((s) => s.toLowerCase());
const Domain = z.string().regex(DOMAIN).max(253).transform((s) => s.toLowerCase());
const TabId = z.number().int().nonnegative();
const Time = z.number().finite().nonnegative();
const ItemIdSchema = z.enum(ITEM_IDS as [ItemId, ...ItemId[]]);
const StepIdSchema = z.enum(STEP_IDS);
export const StoredState = z.enum(['done', 'todo', 'skipped']);
export type StoredItemState = z.infer<typeof StoredState>;
export type ItemState = StoredItemState | 'current';

export const CustomerSchema = z.object({
  tenantId: Guid.optional(),
  name: NameText.optional(),
  domain: Domain.optional(),
});
export type Customer = z.infer<typeof CustomerSchema>;
export const DelegatedSchema = z.discriminatedUnion('kind', [
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
  triage: z.enum(TRIAGE_ANSWERS).nullable(),
  overlayMinimized: z.boolean(),
  completedAt: Time.nullable(),
  /** The case the agent described (side panel's case summary), once saved. */
  case: CaseRecordSchema.nullable().default(null),
});
export type FlowState = z.infer<typeof FlowStateSchema>;

export const TabStateSchema = z.object({
  flowId: z.string().nullable(),
  url: z.string().max(4096),
  page: z.enum(PAGE_KINDS).nullable(),
  portal: z.enum(PORTALS).nullable(),
  /**
   * The customer tenant this tab acts for: a tenant the browser reported in this tab's own
   * navigation (a delegated entry's request or redirect, a committed URL, the pending URL), kept
   * through any number of sign-in pages and the admin center's pages after it; or, `inherited`,
   * its opener's.
   */
  delegated: DelegatedSchema.nullable(),
  /**
   * `delegated` was copied from the opener (an admin-center tab acting for a tenant) when the tab
   * was opened, and no navigation of this tab has carried a tenant since. It holds for the page the
   * tab was opened with (its opener asked for it, in the customer's session) and the sign-in pages;
   * a later navigation of the tab to an admin-center URL that carries no tenant (it did not come
   * through a delegated entry in this tab) ends it.
   */
  inherited: z.literal(true).optional(),
  /** The browser's id of this tab's last top-level request (webRequest `requestId`): another id is a later navigation. */
  request: z.string().max(64).optional(),
  dismissed: z.array(z.enum(WARNING_IDS)),
  /**
   * Path warnings the agent chose Continue anyway for in this tab: they still show, but no longer
   * stop the guide (distinct from `dismissed`, which hides a warning).
   */
  continued: z.array(z.enum(WARNING_IDS)).default([]),
  /** The step whose target the guide could not find on this tab's page (its fallback card shows). */
  missing: StepIdSchema.optional(),
  /**
   * Joined its flow through the browser's opener and has shown no portal page yet. Chromium gives
   * every new tab the previously active tab as opener, also one opened by hand (a new tab page, an
   * extension page), so the join holds only if the tab's first portal page continues the flow (see
   * `confirmOpenerJoin`); until then the surfaces and the badge treat the tab as having no flow.
   */
  viaOpener: z.literal(true).optional(),
  /** The tab it was opened from, and when (kept after the join is confirmed). */
  opener: z.object({ tabId: TabId, at: Time }).optional(),
});
export type TabState = z.infer<typeof TabStateSchema>;

/**
 * One escalation of this browser session, recorded when its flow completes (in session storage):
 * for the side panel's list and its CSV. The flow may be started over or dropped later; this stays.
 */
export const EscalationSchema = z.object({
  /** `<flow id>-<the flow's createdAt>`: one per round of a flow. */
  id: z.string().regex(/^flow-\d{1,15}-\d{1,17}$/),
  flowId: z.string().min(1),
  startedAt: Time,
  completedAt: Time,
  customer: CustomerSchema.nullable(),
  workload: z.enum(WORKLOAD_IDS).nullable(),
  severity: z.enum(SEVERITY_IDS).nullable(),
  caseNumber: CaseNumberSchema.nullable(),
});
export type Escalation = z.infer<typeof EscalationSchema>;

export const EngineStateSchema = z.object({
  version: z.literal(1),
  seq: z.number().int().nonnegative(),
  flows: z.record(z.string(), FlowStateSchema),
  tabs: z.record(z.string().regex(/^\d+$/), TabStateSchema),
  lastActiveFlowId: z.string().nullable(),
  /**
   * The tab the agent last brought to front (tab-activated): only what happens in it, or in the
   * extension's own pages, makes its flow the most recently active one. A background tab's late
   * report (a navigation rendering late, a re-render) does not take the side panel away.
   */
  activeTabId: TabId.nullable().default(null),
  /** This session's escalations, oldest first. */
  escalations: z.array(EscalationSchema).max(MAX_ESCALATIONS).default([]),
}).superRefine((s, ctx) => {
  // References hold together: a flow is stored under its own id, and every flow a tab or the
  // surfaces point at exists (own keys only: a stored `__proto__` is no flow).
  for (const [key, flow] of Object.entries(s.flows)) {
    if (flow.id !== key) ctx.addIssue({ code: 'custom', path: ['flows', key, 'id'], message: `flow stored under "${key}" has id "${flow.id}"` });
  }
  for (const [key, tab] of Object.entries(s.tabs)) {
    if (tab.flowId !== null && !Object.hasOwn(s.flows, tab.flowId)) ctx.addIssue({ code: 'custom', path: ['tabs', key, 'flowId'], message: `no flow "${tab.flowId}"` });
    if (tab.viaOpener && tab.flowId === null) ctx.addIssue({ code: 'custom', path: ['tabs', key, 'viaOpener'], message: 'a pending join without a flow' });
    if (tab.inherited && tab.delegated === null) ctx.addIssue({ code: 'custom', path: ['tabs', key, 'inherited'], message: 'an inherited tenant without a tenant' });
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
    customerName: NameText.optional(),
    at: Time,
  }).strict(),
  z.object({ type: z.literal('tab-opened'), tabId: TabId, openerTabId: TabId, at: Time }).strict(),
  /**
   * A URL the browser reported for a tab's own top-level navigation: a request (webRequest
   * `onBeforeRequest`, main frame), a redirect's target (`onBeforeRedirect`), a committed URL
   * (`tabs.onUpdated`), the URL a new tab is about to load (`pendingUrl`). The only source of a
   * tab's delegated tenant (a content script's report of its page never makes a tab delegated).
   */
  z.object({
    type: z.literal('navigation-seen'),
    tabId: TabId,
    url: z.url().max(4096),
    /**
     * The browser's id of the request (webRequest `requestId`), for a request: one with another id
     * than the tab's last starts a new navigation (a redirect keeps its id). Absent for a redirect's
     * target, a committed or a pending URL.
     */
    request: z.string().min(1).max(64).optional(),
    at: Time,
  }).strict(),
  /**
   * The tabs the browser has open (`tabs.query` after the background started): tabs not listed are
   * gone; a listed tab the state does not know joins its opener's flow by the rule of `tab-opened`;
   * a listed URL is taken as `navigation-seen`. One event for all: one pass, one copy of the state.
   */
  z.object({
    type: z.literal('tabs-listed'),
    tabs: z.array(z.object({ tabId: TabId, openerTabId: TabId.optional(), url: z.string().max(4096).optional() }).strict()).max(MAX_LISTED_TABS),
    at: Time,
  }).strict(),
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
    category: z.enum(TRIAGE_ANSWERS),
    at: Time,
  }).strict(),
  z.object({ type: z.literal('start-over'), flowId: z.string().min(1), at: Time }).strict(),
  z.object({ type: z.literal('warning-dismissed'), tabId: TabId, warning: z.enum(WARNING_IDS), at: Time }).strict(),
  /** Continue anyway, for a path warning standing in the tab (lib/flow/warnings.ts, `path`). */
  z.object({
    type: z.literal('warning-continued'),
    tabId: TabId,
    warning: z.enum(WARNING_IDS).refine((w: WarningId) => isPathWarning(w), { message: 'not a path warning' }),
    at: Time,
  }).strict(),
  /** The guide's fallback card shows (missing: true) or went away for the step's target in the tab. */
  z.object({ type: z.literal('target-missing'), tabId: TabId, step: StepIdSchema, missing: z.boolean(), at: Time }).strict(),
  z.object({ type: z.literal('case-saved'), flowId: z.string().min(1), case: CaseRecordSchema, at: Time }).strict(),
  /** The case number the portal gave, for an escalation of the list (null: cleared). */
  z.object({ type: z.literal('case-number-set'), escalationId: z.string().min(1), caseNumber: CaseNumberSchema.nullable(), at: Time }).strict(),
  z.object({ type: z.literal('overlay-minimized'), flowId: z.string().min(1), minimized: z.boolean(), at: Time }).strict(),
]);
export type EngineEvent = z.infer<typeof EventSchema>;
export type EngineEventInput = z.input<typeof EventSchema>;

export class EngineError extends Error {
  override name = 'EngineError';
}

export function initialState(): EngineState {
  return { version: 1, seq: 0, flows: {}, tabs: {}, lastActiveFlowId: null, activeTabId: null, escalations: [] };
}

export function freshFlow(id: string, at: number): FlowState {
  const items = Object.fromEntries(ITEM_IDS.map((i) => [i, 'todo'])) as Record<ItemId, StoredItemState>;
  return {
    id, createdAt: at, updatedAt: at, items, clickProgress: {}, customer: null, delegated: null,
    passedPartnerCenter: false, triage: null, overlayMinimized: false, completedAt: null, case: null,
  };
}

/** A flow by id: own keys only (`__proto__`, `constructor` are no flows). */
export function flowById(s: EngineState, id: string | null | undefined): FlowState | undefined {
  return id != null && Object.hasOwn(s.flows, id) ? s.flows[id] : undefined;
}

/** The number of a flow id `flow-<n>`, else 0. */
export function flowNumber(id: string): number {
  const m = /^flow-(\d{1,15})$/.exec(id);
  return m ? Number(m[1]) : 0;
}

/** A new flow id: never one a kept flow has (even when `seq` lags behind, as in a salvaged state). */
export function newFlowId(s: EngineState): string {
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

