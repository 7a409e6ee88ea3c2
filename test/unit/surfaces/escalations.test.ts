// The session's escalations as rows, text and CSV (lib/surfaces/escalations.ts): the CSV parses back
// to the same rows, whatever the cells hold (quotes, commas, line breaks, markup, formula starts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escalationRows, formatTime, headerRow, parseCsv, toCsv, toText, type EscalationTexts } from '../../../lib/surfaces/escalations';
import type { Escalation } from '../../../lib/engine/state';

const texts: EscalationTexts = {
  column: (c) => ({ time: 'Completed', customer: 'Customer', tenantId: 'Tenant ID', workload: 'Workload', severity: 'Severity', caseNumber: 'Case number' })[c],
  workloadName: (w) => (w === 'exchange' ? 'Exchange Online (mail)' : w),
  severityName: (v) => `${v.toUpperCase()} – x`,
  none: '—',
};
const T = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';
const esc = (over: Partial<Escalation>): Escalation => ({
  id: 'flow-1-10', flowId: 'flow-1', startedAt: 10, completedAt: Date.UTC(2026, 11, 3, 5, 5), customer: null, workload: null, severity: null, caseNumber: null, ...over,
});

describe('the session’s escalations', () => {
  it('rows, newest first, with the customer’s name (else domain, else tenant id) and empty cells for what is unknown', () => {
    const list = [
      esc({ id: 'flow-1-10', customer: { tenantId: T, name: 'Contoso, "Ltd"' }, workload: 'exchange', severity: 'a', caseNumber: '2612030040001234' }),
      esc({ id: 'flow-2-20', completedAt: Date.UTC(2026, 11, 3, 6, 0), customer: { domain: 'fabrikam.onmicrosoft.com' } }),
    ];
    expect(escalationRows(list, texts, -540)).toEqual([
      ['2026-12-03 15:00', 'fabrikam.onmicrosoft.com', '', '', '', ''],
      ['2026-12-03 14:05', 'Contoso, "Ltd"', T, 'Exchange Online (mail)', 'A – x', '2612030040001234'],
    ]);
    expect(formatTime(Date.UTC(2026, 0, 1, 0, 30), 60)).toBe('2025-12-31 23:30');
  });

  it('CSV: RFC 4180 quoting, CRLF, a header row; the text copy names every column', () => {
    const rows = [headerRow(texts), ['2026-12-03 14:05', 'Contoso, "Ltd"', T, 'Exchange Online (mail)', 'A – x', '']];
    expect(toCsv(rows)).toBe(`Completed,Customer,Tenant ID,Workload,Severity,Case number\r\n2026-12-03 14:05,"Contoso, ""Ltd""",${T},Exchange Online (mail),A – x,\r\n`);
    expect(toText(rows.slice(1), texts)).toBe(`Completed: 2026-12-03 14:05 · Customer: Contoso, "Ltd" · Tenant ID: ${T} · Workload: Exchange Online (mail) · Severity: A – x · Case number: —`);
  });

  it('CSV: a cell a spreadsheet would run as a formula is written as text, and reads back as it was', () => {
    const rows = [['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', "'=already", 'fine', "'quoted"]];
    const csv = toCsv(rows);
    expect(csv).toBe(`"'=HYPERLINK(""http://x"")",'+1,'-2,'@SUM(A1),''=already,fine,'quoted\r\n`);
    expect(parseCsv(csv)).toEqual(rows);
  });

  it('CSV parses back to the same rows (fast-check: any text in any cell)', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', "'", '=', '+', '-', '@', '\t', 'a', ' ', '<', '>'), maxLength: 8 }),
      fc.constantFrom('<img src=x onerror=alert(1)>', '서울테크 주식회사', '\u2067Contoso\u2069'),
    );
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (rows) => {
      expect(parseCsv(toCsv(rows))).toEqual(rows);
    }), { numRuns: 2000 });
  });

  it('an unterminated quote is an error, not a silent truncation', () => {
    expect(() => parseCsv('"abc,def\r\n')).toThrow(/not closed/);
  });
});
