/**
 * Messages between content scripts, surfaces (side panel, popup, options) and the background,
 * validated with zod at every boundary. The sender's tab comes from the runtime (`sender.tab`),
 * never from the payload, so one tab cannot report for another; web pages cannot reach
 * `runtime.onMessage` at all (no `externally_connectable`).
 */
import { z } from 'zod';
import { CustomerSchema, NameText } from '../engine/state';
import { TRIAGE_CATEGORIES } from '../flow/ids';
import { WARNING_IDS } from '../flow/warnings';
import { ITEM_IDS, STEP_IDS, type ItemId } from '../flow/ids';
import { PAGE_KINDS } from '../flow/pages';

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
  z.object({ kind: z.literal('get-view') }).strict(),
  z.object({ kind: z.literal('open-partner-center'), tenantId: z.string().optional() }).strict(),
]);
export type ContentMessage = z.infer<typeof ContentMessageSchema>;

/** From an extension page (side panel, popup, options). */
export const SurfaceMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tick'), flowId: z.string().min(1), item: z.enum(ITEM_IDS as [ItemId, ...ItemId[]]), done: z.boolean() }).strict(),
  z.object({ kind: z.literal('triage'), flowId: z.string().min(1), category: z.enum([...TRIAGE_CATEGORIES, 'in-house']) }).strict(),
  z.object({ kind: z.literal('start-over'), flowId: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('reset-all') }).strict(),
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
