/**
 * The case an escalation files, as the state keeps it (session storage, like every customer
 * datum): the agent's case form (severity, workload, what happened) with the description text
 * made of it, and the record of each escalation of this browser session (customer, workload,
 * severity, the case number the portal gave). zod schemas; DOM-free and browser-free.
 */
import { z } from 'zod';
import { SEVERITY_IDS, TRIAGE_CATEGORIES, WORKLOAD_IDS, isCaseNumber } from '../flow/ids';

/** The case form's fields, in the form's order (an invalid form names its fields in this order). */
export const CASE_FIELDS = ['category', 'workload', 'severity', 'symptoms', 'impact', 'started', 'tried'] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

export const CaseFormSchema = z.object({
  category: z.enum(TRIAGE_CATEGORIES),
  workload: z.enum(WORKLOAD_IDS),
  severity: z.enum(SEVERITY_IDS),
  symptoms: z.string().trim().min(10).max(2000),
  impact: z.string().trim().min(5).max(1000),
  /** `datetime-local` value (YYYY-MM-DDTHH:mm), or a date. */
  started: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?$/),
  tried: z.string().trim().max(2000).default(''),
});
export type CaseForm = z.infer<typeof CaseFormSchema>;

/** The longest description the state keeps (the form's fields at their longest, with their labels). */
export const MAX_CASE_TEXT = 8000;

/** A saved case: the form, and the description text composed from it in the agent's language. */
export const CaseRecordSchema = z.object({
  form: CaseFormSchema,
  text: z.string().min(1).max(MAX_CASE_TEXT),
});
export type CaseRecord = z.infer<typeof CaseRecordSchema>;

export const CaseNumberSchema = z.string().trim().refine(isCaseNumber, { message: 'a case number has 1 to 64 characters, no control characters' });

/** At most this many escalations are listed; the oldest goes first. */
export const MAX_ESCALATIONS = 100;
