/**
 * The case summary: a short form validated with zod (its schema is the state's, lib/engine/case.ts:
 * the saved case lives in session storage with its flow), and the text it makes for the service
 * request's description. Pure: the texts of the field names come from the caller (the catalogue).
 */
import type { SeverityId, TriageCategory, WorkloadId } from '../flow/ids';
import { isolate } from '../flow/text';
import { CASE_FIELDS, CaseFormSchema, type CaseField, type CaseForm } from '../engine/case';

export { CASE_FIELDS, type CaseField, type CaseForm };


export type CaseParse = { ok: true; form: CaseForm } | { ok: false; fields: CaseField[] };

/** Validates the form; on failure, the fields at fault in form order. */
export function parseCaseForm(input: unknown): CaseParse {
  const r = CaseFormSchema.safeParse(input);
  if (r.success) return { ok: true, form: r.data };
  const bad = new Set(r.error.issues.map((i) => String(i.path[0])));
  return { ok: false, fields: CASE_FIELDS.filter((f) => bad.has(f)) };
}

export interface CaseContext {
  customerName: string | undefined;
  tenantId: string | undefined;
  serviceHealthChecked: boolean;
}

/** The catalogue texts the summary uses, in the agent's language. */
export interface CaseTexts {
  heading: string;
  customer: string;
  tenantId: string;
  unknown: string;
  category: string;
  categoryName: (c: TriageCategory) => string;
  workload: string;
  workloadName: (w: WorkloadId) => string;
  severity: string;
  severityName: (v: SeverityId) => string;
  serviceHealth: string;
  serviceHealthChecked: string;
  serviceHealthNotChecked: string;
  started: string;
  symptoms: string;
  impact: string;
  tried: string;
  nothingTried: string;
}

/** `2026-11-24T09:30` → `2026-11-24 09:30 (UTC+09:00)`, the offset of the agent's clock. */
export function formatStarted(value: string, offsetMinutes: number): string {
  const [date, time] = value.split('T');
  if (!time) return date ?? value;
  const east = -offsetMinutes;
  const sign = east >= 0 ? '+' : '-';
  const abs = Math.abs(east);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${date} ${time} (UTC${sign}${hh}:${mm})`;
}

/** The text for the service request's description. */
export function composeCaseSummary(form: CaseForm, ctx: CaseContext, t: CaseTexts, offsetMinutes: number): string {
  const lines = [
    t.heading,
    // Inserted names and ids isolated (U+2068…U+2069): a name's own direction cannot reorder the line.
    `${t.customer}: ${ctx.customerName ? isolate(ctx.customerName) : t.unknown}`,
    `${t.tenantId}: ${ctx.tenantId ? isolate(ctx.tenantId) : t.unknown}`,
    `${t.category}: ${t.categoryName(form.category)}`,
    `${t.workload}: ${t.workloadName(form.workload)}`,
    `${t.severity}: ${t.severityName(form.severity)}`,
    `${t.serviceHealth}: ${ctx.serviceHealthChecked ? t.serviceHealthChecked : t.serviceHealthNotChecked}`,
    `${t.started}: ${formatStarted(form.started, offsetMinutes)}`,
    '',
    `${t.symptoms}:`,
    form.symptoms,
    '',
    `${t.impact}:`,
    form.impact,
    '',
    `${t.tried}:`,
    form.tried || t.nothingTried,
  ];
  return lines.join('\n');
}
