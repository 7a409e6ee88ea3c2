// Pure helpers of the side panel and popup: links, warnings of the shown flow, page language, case summary.
import { describe, expect, it } from 'vitest';
import { initialState, type EngineState } from '../../../lib/engine/state';
import { reduce } from '../../../lib/engine/reduce';
import { composeCaseSummary, formatStarted, parseCaseForm, type CaseTexts } from '../../../lib/surfaces/case-summary';
import { pageLangForFlow, serviceHealthLinks, surfaceWarnings, tabOfFlow } from '../../../lib/surfaces/surface-model';
import { surfaceView } from '../../../lib/engine/view';
import { wayBackUrl } from '../../../lib/flow/urls';

const TENANT = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';
const seen = (s: EngineState, tabId: number, url: string, at = 1) => reduce(s, { type: 'page-seen', tabId, url, at });

describe('links', () => {
  it('goes back to the customer\'s Service management page when the tenant is known, else to the dashboard', () => {
    expect(wayBackUrl(TENANT.toUpperCase())).toBe(`https://partner.microsoft.com/dashboard/v2/customers/${TENANT}/servicemanagementpage`);
    expect(wayBackUrl(undefined)).toBe('https://partner.microsoft.com/dashboard');
    expect(wayBackUrl('not-a-guid/../x')).toBe('https://partner.microsoft.com/dashboard');
  });
  it('opens the customer\'s own service health as delegated admin where the tenant id is known', () => {
    expect(serviceHealthLinks(TENANT)).toMatchObject({
      delegated: true,
      adminCenter: `https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=${TENANT}&CSDEST=ServiceStatus`,
    });
    expect(serviceHealthLinks(undefined)).toMatchObject({ delegated: false, adminCenter: 'https://admin.microsoft.com/AdminPortal/Home#/servicehealth' });
  });
});

describe('what a surface shows', () => {
  it('shows the warnings of the shown flow\'s tabs when the active tab has no flow (the page opened as a tab)', () => {
    let s = seen(initialState(), 7, 'https://admin.microsoft.com/AdminPortal/Home#/support');
    const view = surfaceView(s, 99);
    expect(view.warnings).toEqual([]);
    expect(surfaceWarnings(s, 99, view.flow).map((w) => w.id)).toContain('not-from-dashboard');
    // the active tab's own warnings when it has a flow
    s = seen(s, 8, 'https://partner.microsoft.com/dashboard');
    expect(surfaceWarnings(s, 8, surfaceView(s, 8).flow)).toEqual([]);
  });

  it('finds a tab of the flow to open related pages from', () => {
    const s = seen(initialState(), 3, `https://partner.microsoft.com/dashboard/v2/customers/${TENANT}/account`);
    const flow = surfaceView(s, 99).flow;
    expect(tabOfFlow(s, flow, 99)).toBe(3);
    expect(tabOfFlow(s, flow, 3)).toBe(3);
    expect(tabOfFlow(s, null, 3)).toBeUndefined();
  });

  it('takes the page language from a Partner Center URL, else the browser\'s', () => {
    const s = seen(initialState(), 3, 'https://partner.microsoft.com/ko-kr/dashboard');
    expect(pageLangForFlow(s, surfaceView(s, 3).flow, 'en-US')).toBe('ko');
    const t = seen(initialState(), 3, 'https://partner.microsoft.com/dashboard');
    expect(pageLangForFlow(t, surfaceView(t, 3).flow, 'ja')).toBe('ja');
    expect(pageLangForFlow(null, null, 'pt-BR')).toBe('en');
  });
});

describe('case summary', () => {
  const texts: CaseTexts = {
    heading: 'H', customer: 'Customer', tenantId: 'Tenant ID', unknown: 'unknown', category: 'Category', categoryName: (c) => `cat:${c}`,
    serviceHealth: 'Service health', serviceHealthChecked: 'checked', serviceHealthNotChecked: 'not checked', started: 'Started',
    symptoms: 'Symptoms', impact: 'Impact', tried: 'Tried', nothingTried: 'none',
    workload: 'Workload', workloadName: (w) => `wl:${w}`, severity: 'Severity', severityName: (v) => `sev:${v}`,
  };
  it('names the fields at fault in form order', () => {
    expect(parseCaseForm({ category: 'nope', symptoms: 'short', impact: '', started: 'yesterday' })).toEqual({
      ok: false, fields: ['category', 'workload', 'severity', 'symptoms', 'impact', 'started'],
    });
    expect(parseCaseForm({ category: 'bug', workload: 'mail', severity: 'd', symptoms: 'Mail does not arrive', impact: 'All sales', started: '2026-11-24' })).toEqual({
      ok: false, fields: ['workload', 'severity'],
    });
  });
  it('makes the description with customer, tenant id, workload, severity and service-health status', () => {
    const r = parseCaseForm({ category: 'bug', workload: 'exchange', severity: 'b', symptoms: '  Mail does not arrive for anyone ', impact: 'All sales', started: '2026-11-24T08:30', tried: '' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const text = composeCaseSummary(r.form, { customerName: 'Contoso <b>Ltd</b>', tenantId: TENANT, serviceHealthChecked: true }, texts, -540);
    expect(text.split('\n')).toEqual([
      'H', 'Customer: \u2068Contoso <b>Ltd</b>\u2069', `Tenant ID: \u2068${TENANT}\u2069`, 'Category: cat:bug', 'Workload: wl:exchange', 'Severity: sev:b', 'Service health: checked',
      'Started: 2026-11-24 08:30 (UTC+09:00)', '', 'Symptoms:', 'Mail does not arrive for anyone', '', 'Impact:', 'All sales', '', 'Tried:', 'none',
    ]);
  });
  it('formats the start with the clock\'s offset', () => {
    expect(formatStarted('2026-01-02T03:04', 300)).toBe('2026-01-02 03:04 (UTC-05:00)');
    expect(formatStarted('2026-01-02', 0)).toBe('2026-01-02');
  });
});
