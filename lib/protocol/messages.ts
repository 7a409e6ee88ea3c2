/**
 * Messages between content scripts, surfaces (side panel, popup, options) and the background,
 * validated with zod at every boundary. The sender's tab comes from the runtime (`sender.tab`),
 * never from the payload, so one tab cannot report for another; web pages cannot reach
 * `runtime.onMessage` at all (no `externally_connectable`).
 */
import { z } from 'zod';
import { CustomerSchema, NameText } from '../engine/state';
import { CaseRecordSchema } from '../engine/case';
import { TRIAGE_CATEGORIES } from '../flow/ids';
import { WARNING_IDS } from '../flow/warnings';
import { ITEM_IDS, STEP_IDS, type ItemId } from '../flow/ids';
import { PAGE_KINDS } from '../flow/pages';
import { LocatorSchema } from '../flow/schema';

const Url = z.url().max(4096);

/** From a content script about its own tab. */
export const ContentMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('page'),
    url: Url,
    /** Absent in the start-up code's report (lib/content/boot.ts): the background detects the page from the URL. */
    page: z.enum(PAGE_KINDS).nullable().optional(),
    customerName: NameText.optional(),
  }).strict(),
  z.object({
    kind: z.literal('clicked'),
    step: z.enum(STEP_IDS),
    clickIndex: z.number().int().min(0).max(5),
    last: z.boolean(),
    customer: CustomerSchema.optional(),
    href: Url.optional(),
  }).strict(),
  z.object({ kind: z.literal('minimize'), minimized: z.boolean() }).strict(),
  z.object({ kind: z.literal('dismiss-warning'), warning: z.enum(WARNING_IDS) }).strict(),
  /** Continue anyway, for a path warning of this tab. */
  z.object({ kind: z.literal('continue-warning'), warning: z.enum(WARNING_IDS) }).strict(),
  /** The guide's fallback card for the step's target shows (or went away). */
  z.object({ kind: z.literal('target-missing'), step: z.enum(STEP_IDS), missing: z.boolean() }).strict(),
  /** The case number the agent typed into the completion card (checked by the background: the answer says what is wrong). */
  z.object({ kind: z.literal('case-number'), caseNumber: z.string().max(4096) }).strict(),
  z.object({ kind: z.literal('get-view') }).strict(),
  z.object({ kind: z.literal('open-partner-center'), tenantId: z.string().optional() }).strict(),
  /** The agent taught the step's target on this page (lib/content/heal/teach.ts): keep the locator. */
  z.object({
    kind: z.literal('learn-locator'),
    step: z.enum(STEP_IDS),
    click: z.number().int().min(0).max(5),
    page: z.enum(PAGE_KINDS).nullable(),
    locator: LocatorSchema,
  }).strict(),
  /** Opens the flow's customer's Admin relationships page (the likely cause of a missing Microsoft 365 link). */
  z.object({ kind: z.literal('open-admin-relationships') }).strict(),
]);
export type ContentMessage = z.infer<typeof ContentMessageSchema>;

/** From an extension page (side panel, popup, options). */
export const SurfaceMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tick'), flowId: z.string().min(1), item: z.enum(ITEM_IDS as [ItemId, ...ItemId[]]), done: z.boolean() }).strict(),
  z.object({ kind: z.literal('triage'), flowId: z.string().min(1), category: z.enum([...TRIAGE_CATEGORIES, 'in-house']) }).strict(),
  z.object({ kind: z.literal('start-over'), flowId: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('reset-all') }).strict(),
  /** Continue anyway, for a path warning of a tab (the side panel shows the warnings of its flow's tabs). */
  z.object({ kind: z.literal('continue-warning'), tabId: z.number().int().nonnegative(), warning: z.enum(WARNING_IDS) }).strict(),
  /** The case summary the agent saved (its form and the description text). */
  z.object({ kind: z.literal('case-saved'), flowId: z.string().min(1), case: CaseRecordSchema }).strict(),
  /** A case number for an escalation of the session's list (null: cleared). */
  z.object({ kind: z.literal('case-number'), escalationId: z.string().min(1), caseNumber: z.string().max(4096).nullable() }).strict(),
  /** The page report of a tab (its content script builds it: lib/content/heal/report.ts); the answer carries it. */
  z.object({ kind: z.literal('page-report'), tabId: z.number().int().nonnegative() }).strict(),
]);
export type SurfaceMessage = z.infer<typeof SurfaceMessageSchema>;


export type Parsed<T> = { ok: true; message: T } | { ok: false; reason: string };

/** Validates a message; the reason names the kind and the fields at fault, for the log. */
export function parseMessage<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, message: r.data };
  const kind = typeof input === 'object' && input !== null && 'kind' in input ? String((input as { kind: unknown }).kind) : typeof input;
  const detail = r.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ');
  return { ok: false, reason: `dropped message "${kind}": ${detail}` };
}
