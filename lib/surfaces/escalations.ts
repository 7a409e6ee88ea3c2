/**
 * The session's escalations as the side panel lists them and copies them (each with its customer,
 * workload, severity, case number, time), as plain text and as CSV for the agent's own ticket
 * system. Pure: the column names and the workload and severity names come from the caller.
 *
 * The CSV is RFC 4180 (comma, CRLF, fields quoted where they hold a comma, a quote or a line
 * break, quotes doubled). A field that a spreadsheet would take for a formula (it begins with `=`,
 * `+`, `-`, `@`, a tab or a carriage return, after any `'`) gets one `'` in front, which spreadsheets
 * show as text; `parseCsv` takes it off again, so the rows read back as they were written.
 */
import type { SeverityId, WorkloadId } from '../flow/ids';
import type { Escalation } from '../engine/state';

export const ESCALATION_COLUMNS = ['time', 'customer', 'tenantId', 'workload', 'severity', 'caseNumber'] as const;
export type EscalationColumn = (typeof ESCALATION_COLUMNS)[number];

export interface EscalationTexts {
  column: (c: EscalationColumn) => string;
  workloadName: (w: WorkloadId) => string;
  severityName: (v: SeverityId) => string;
  /** An empty cell in the text copy (the CSV leaves it empty). */
  none: string;
}

/** `1764770700000` → `2025-12-03 14:05` in the agent's time zone (`offsetMinutes`: Date#getTimezoneOffset). */
export function formatTime(ms: number, offsetMinutes: number): string {
  return new Date(ms - offsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The customer as the list names it: its name, else its domain, else its tenant id. */
export const customerLabel = (e: Escalation): string => e.customer?.name ?? e.customer?.domain ?? e.customer?.tenantId ?? '';

/** One row per escalation, newest first, in ESCALATION_COLUMNS order (empty cells for what is unknown). */
export function escalationRows(list: readonly Escalation[], t: EscalationTexts, offsetMinutes: number): string[][] {
  return [...list].reverse().map((e) => [
    formatTime(e.completedAt, offsetMinutes),
    customerLabel(e),
    e.customer?.tenantId ?? '',
    e.workload ? t.workloadName(e.workload) : '',
    e.severity ? t.severityName(e.severity) : '',
    e.caseNumber ?? '',
  ]);
}

export const headerRow = (t: EscalationTexts): string[] => ESCALATION_COLUMNS.map((c) => t.column(c));

const FORMULA = /^'*[=+\-@\t\r]/;

function csvField(value: string): string {
  const v = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** The rows as CSV (RFC 4180, CRLF). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Reads CSV written by `toCsv` (any RFC 4180 CSV) back into rows; throws on an unterminated quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(/^'+[=+\-@\t\r]/.test(field) ? field.slice(1) : field);
    field = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"' && field === '') (quoted = true), i++;
    else if (c === ',') endField(), i++;
    else if (c === '\r' && text[i + 1] === '\n') endField(), rows.push(row), (row = []), (i += 2);
    else if (c === '\n') endField(), rows.push(row), (row = []), i++;
    else (field += c), i++;
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed');
  if (field !== '' || row.length) endField(), rows.push(row);
  return rows;
}

/** The rows as plain text: one escalation a line, the columns named (for a ticket's body or a chat). */
export function toText(rows: readonly (readonly string[])[], t: EscalationTexts): string {
  const head = headerRow(t);
  return rows
    .map((r) => r.map((cell, i) => `${head[i]}: ${cell.replace(/\s+/g, ' ').trim() || t.none}`).join(' · '))
    .join('\n');
}
