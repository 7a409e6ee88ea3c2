// Issue 24 in the engine: the admin-relationship item, the wrong door, path warnings that stop the
// guide until Continue anyway, the case and the session's escalations. Events in, state out.
import { describe, expect, it } from 'vitest';
import { EngineError, EngineStateSchema, initialState, type EngineEventInput, type EngineState } from '../../../lib/engine/state';
import { itemStates, warningsFor } from '../../../lib/engine/derive';
import { reduce } from '../../../lib/engine/reduce';
import { surfaceView, tabView } from '../../../lib/engine/view';
import { MAX_ESCALATIONS, type CaseRecord } from '../../../lib/engine/case';

const CONTOSO = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';
const FABRIKAM = 'b3e5c2d4-7a91-4f0e-8c6d-2e4f9a1b7c35';
const PC = 'https://partner.microsoft.com';
const CREATE = `${PC}/dashboard/v2/support/servicerequests/create?stage=2&topicid=3c1b5d2e-8f4a-4e6b-9c7d-1a2b3c4d5e6f`;
let clock = 1_000;

function run(events: EngineEventInput[], start: EngineState = initialState()): EngineState {
  return events.reduce<EngineState>((s, e) => {
    const next = reduce(s, { ...e, at: clock++ });
    expect(EngineStateSchema.safeParse(next).success).toBe(true);
    return next;
  }, start);
}
const seen = (tabId: number, url: string, extra: Partial<EngineEventInput> = {}) => ({ type: 'page-seen', tabId, url, at: 0, ...extra }) as EngineEventInput;
const click = (tabId: number, step: string, extra: Record<string, unknown> = {}) =>
  ({ type: 'target-clicked', tabId, step, clickIndex: 0, last: true, at: 0, ...extra }) as EngineEventInput;
const flowOf = (s: EngineState, tab: number) => s.flows[s.tabs[tab]!.flowId!]!;
const ids = (s: EngineState, tab: number, all = false) => warningsFor(s, tab, all).map((w) => w.id);
const continueAnyway = (tabId: number, warning: string) => ({ type: 'warning-continued', tabId, warning, at: 0 }) as EngineEventInput;

const CASE: CaseRecord = {
  form: { category: 'unavailable', workload: 'exchange', severity: 'a', symptoms: 'No mailbox opens since 9:00', impact: 'All 40 users', started: '2026-12-03T09:00', tried: '' },
  text: 'Problem reported by the partner\nCustomer: Contoso <Ltd>\nTenant ID: x\n\nSymptoms:\nNo mailbox opens since 9:00',
};

/** A 2019 flow for Contoso up to the admin center's request form, in tabs 1 (Partner Center) and 2. */
function toRequestForm(): EngineState {
  return run([
    seen(1, `${PC}/dashboard`),
    seen(1, `${PC}/dashboard/v2/customers/list`),
    click(1, 'select-customer', { customer: { tenantId: CONTOSO, name: 'Contoso Ltd' } }),
    seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicemanagementpage`),
    click(1, 'office-365', { href: `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO}&CSDEST=o365admincenter` }),
    { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 0 },
    { type: 'navigation-seen', tabId: 2, url: `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO}&CSDEST=o365admincenter`, request: 'r1', at: 0 },
    seen(2, 'https://admin.microsoft.com/AdminPortal/Home#/support'),
    click(2, 'new-service-request'),
  ]);
}

describe('admin-relationship: confirmed for the selected customer', () => {
  it('is done when that customer’s Admin relationships page opens, not by another page of it', () => {
    let s = run([seen(1, `${PC}/dashboard`), seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/account`)]);
    expect(itemStates(flowOf(s, 1))['admin-relationship']).toBe('todo');
    s = run([seen(1, `${PC}/en-US/dashboard/v2/customers/${CONTOSO.toUpperCase()}/adminrelationships`)], s);
    expect(itemStates(flowOf(s, 1))['admin-relationship']).toBe('done');
    // It says nothing about the steps: the customer is selected, Service management is next.
    expect(itemStates(flowOf(s, 1))['select-customer']).not.toBe('todo');
    expect(itemStates(flowOf(s, 1))['service-management']).toBe('current');
  });

  it('is to do again when another customer is selected (by a page of it or a click in the list), and the agent may tick it', () => {
    let s = run([seen(1, `${PC}/dashboard`), seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/adminrelationships`)]);
    expect(flowOf(s, 1).items['admin-relationship']).toBe('done');
    s = run([seen(1, `${PC}/dashboard/v2/customers/${FABRIKAM}/account`)], s);
    expect(flowOf(s, 1).customer?.tenantId).toBe(FABRIKAM);
    expect(flowOf(s, 1).items['admin-relationship']).toBe('todo');
    s = run([{ type: 'item-ticked', flowId: flowOf(s, 1).id, item: 'admin-relationship', done: true, at: 0 }], s);
    expect(flowOf(s, 1).items['admin-relationship']).toBe('done');
    // Picked in the list (its landing page is another of the customer's pages here).
    s = run([seen(1, `${PC}/dashboard/v2/customers/list`), seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicemanagementpage`)], s);
    expect(flowOf(s, 1).items['admin-relationship']).toBe('todo');
    // A click in the list while select-customer is current selects too.
    let t = run([seen(4, `${PC}/dashboard`), seen(4, `${PC}/dashboard/v2/customers/list`), { type: 'item-ticked', flowId: 'flow-1', item: 'admin-relationship', done: true, at: 0 }]);
    t = run([click(4, 'select-customer', { customer: { tenantId: CONTOSO, name: 'Contoso Ltd' } })], t);
    expect(flowOf(t, 4).items['admin-relationship']).toBe('done'); // no customer before: nothing to undo
    t = run([{ type: 'item-ticked', flowId: 'flow-1', item: 'select-customer', done: false, at: 0 }, click(4, 'select-customer', { customer: { tenantId: FABRIKAM } })], t);
    expect(flowOf(t, 4).items['admin-relationship']).toBe('todo');
    // The same customer again (its name now known) keeps it.
    s = run([seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/adminrelationships`), seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/account`, { customerName: 'Contoso Ltd' })], s);
    expect(flowOf(s, 1).items['admin-relationship']).toBe('done');
  });
});

describe('wrong-door: Partner Center’s own Help + support', () => {
  it('stands on its create-a-request pages while the flow has a customer, and stops the guide', () => {
    let s = run([seen(1, `${PC}/dashboard`), seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicemanagementpage`)]);
    s = run([seen(1, `${PC}/dashboard/v2/support/servicerequests`)], s);
    expect(ids(s, 1)).toEqual(['wrong-door']);
    s = run([seen(1, CREATE)], s);
    expect(ids(s, 1)).toEqual(['wrong-door']);
    expect(warningsFor(s, 1)[0]?.selected?.tenantId).toBe(CONTOSO);
    expect(tabView(s, 1).stopped).toBe('wrong-door');
    expect(surfaceView(s, 1).stopped?.id).toBe('wrong-door');
    // Back on the customer's pages: gone.
    s = run([seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicemanagementpage`)], s);
    expect(ids(s, 1)).toEqual([]);
    expect(tabView(s, 1).stopped).toBeNull();
  });

  it('also past select-customer without a known customer (a skipped step), never on the Customer requests door', () => {
    let s = run([seen(1, `${PC}/dashboard`), { type: 'item-ticked', flowId: 'flow-1', item: 'select-customer', done: true, at: 0 }]);
    expect(flowOf(s, 1).customer).toBeNull();
    s = run([seen(1, CREATE)], s);
    expect(ids(s, 1)).toEqual(['wrong-door']);
    let t = run([seen(3, `${PC}/dashboard`), seen(3, `${PC}/dashboard/v2/customers/${CONTOSO}/account`)]);
    t = run([seen(3, `${PC}/dashboard/v2/support/customers`)], t);
    expect(ids(t, 3)).toEqual([]);
  });

  it('not without a flow about a customer: Help + support opened first, or in a tab of its own', () => {
    const s = run([seen(1, CREATE)]);
    expect(ids(s, 1)).toEqual([]);
    const t = run([seen(1, `${PC}/dashboard`), seen(1, `${PC}/dashboard/v2/support/servicerequests`)]);
    expect(ids(t, 1)).toEqual([]);
    expect(tabView(t, 1).stopped).toBeNull();
  });
});

describe('path warnings stop the guide until Continue anyway', () => {
  it('the admin center’s support page opened directly: stopped by not-from-dashboard, then own-tenant-context, then free', () => {
    let s = run([seen(5, 'https://admin.microsoft.com/AdminPortal/Home#/support')]);
    expect(ids(s, 5)).toEqual(['not-from-dashboard', 'own-tenant-context']);
    const v = tabView(s, 5);
    expect(v.step).toBe('new-service-request');
    expect(v.stopped).toBe('not-from-dashboard');
    s = run([continueAnyway(5, 'not-from-dashboard')], s);
    // Still shown (not dismissed), marked continued; the next path warning stops the guide now.
    expect(warningsFor(s, 5).map((w) => [w.id, !!w.continued])).toEqual([['not-from-dashboard', true], ['own-tenant-context', false]]);
    expect(tabView(s, 5).stopped).toBe('own-tenant-context');
    s = run([continueAnyway(5, 'own-tenant-context')], s);
    expect(tabView(s, 5).stopped).toBeNull();
    expect(ids(s, 5)).toHaveLength(2);
    // Per tab: another tab on the same page is stopped still.
    s = run([seen(6, 'https://admin.microsoft.com/AdminPortal/Home#/support')], s);
    expect(tabView(s, 6).stopped).toBe('not-from-dashboard');
  });

  it('Continue anyway only for a path warning standing in that tab: not in advance, not for a tab without it', () => {
    const s = run([seen(1, `${PC}/dashboard`)]);
    expect(run([continueAnyway(1, 'wrong-door')], s)).toEqual(s);
    expect(() => reduce(s, { type: 'warning-continued', tabId: 1, warning: 'no-such', at: 1 })).toThrow(EngineError);
  });

  it('is distinct from dismiss, and stays when policy forbids dismissing (the warning still shows)', () => {
    let s = run([seen(5, 'https://admin.microsoft.com/AdminPortal/Home#/support')]);
    s = run([{ type: 'warning-dismissed', tabId: 5, warning: 'not-from-dashboard', at: 0 }], s);
    expect(ids(s, 5)).toEqual(['own-tenant-context']);
    // Where dismissing is forbidden, the dismissed warning shows and stops again; Continue anyway lets the guide go on.
    expect(tabView(s, 5, { undismissable: true }).stopped).toBe('not-from-dashboard');
    s = run([continueAnyway(5, 'not-from-dashboard'), continueAnyway(5, 'own-tenant-context')], s);
    const v = tabView(s, 5, { undismissable: true });
    expect(v.warnings.map((w) => w.id)).toEqual(['not-from-dashboard', 'own-tenant-context']);
    expect(v.stopped).toBeNull();
  });

  it('a new flow or start over in the tab asks again; so does another tenant for the tenant warnings', () => {
    let s = run([seen(5, 'https://admin.microsoft.com/AdminPortal/Home#/support'), continueAnyway(5, 'not-from-dashboard')]);
    s = run([{ type: 'start-over', flowId: flowOf(s, 5).id, at: 0 }], s);
    expect(tabView(s, 5).stopped).toBe('not-from-dashboard');

    let m = run([
      seen(1, `${PC}/dashboard`),
      seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicemanagementpage`),
      { type: 'tab-opened', tabId: 2, openerTabId: 1, at: 0 },
      // The tab's own navigation (the browser's report) tells the tenant it acts for.
      { type: 'navigation-seen', tabId: 2, url: `https://admin.microsoft.com/?tenantId=${FABRIKAM}#/homepage`, request: 'r1', at: 0 },
      seen(2, `https://admin.microsoft.com/?tenantId=${FABRIKAM}#/homepage`),
    ]);
    expect(tabView(m, 2).stopped).toBe('customer-mismatch');
    m = run([continueAnyway(2, 'customer-mismatch'), seen(2, 'https://admin.microsoft.com/AdminPortal/Home#/support')], m);
    // Moving within the same tenant keeps the choice.
    expect(tabView(m, 2).stopped).toBeNull();
    const NORTHWIND = '0a7c9e21-55d3-4b6f-8e12-9c4d7f3a6b80';
    m = run([
      { type: 'navigation-seen', tabId: 2, url: `https://admin.microsoft.com/?tenantId=${NORTHWIND}#/homepage`, request: 'r2', at: 0 },
      seen(2, `https://admin.microsoft.com/?tenantId=${NORTHWIND}#/homepage`),
    ], m);
    expect(tabView(m, 2).stopped).toBe('customer-mismatch');
  });
});

describe('the target the guide cannot find', () => {
  it('is kept for the tab while the step is current and the page the same', () => {
    let s = run([seen(1, `${PC}/dashboard`), seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/servicemanagementpage`),
      { type: 'item-ticked', flowId: 'flow-1', item: 'new-request', done: true, at: 0 }]);
    expect(surfaceView(s, 1).current).toBe('office-365');
    s = run([{ type: 'target-missing', tabId: 1, step: 'office-365', missing: true, at: 0 }], s);
    expect(s.tabs[1]?.missing).toBe('office-365');
    // A report for a step that is not current changes nothing.
    expect(run([{ type: 'target-missing', tabId: 1, step: 'support', missing: true, at: 0 }], s)).toEqual(s);
    s = run([{ type: 'target-missing', tabId: 1, step: 'office-365', missing: false, at: 0 }], s);
    expect(s.tabs[1]?.missing).toBeUndefined();
    s = run([{ type: 'target-missing', tabId: 1, step: 'office-365', missing: true, at: 0 }, seen(1, `${PC}/dashboard/v2/customers/${CONTOSO}/account`)], s);
    expect(s.tabs[1]?.missing).toBeUndefined();
  });
});

describe('the case and the session’s escalations', () => {
  it('the saved case reaches the admin center’s tab at the support topic (not Partner Center’s)', () => {
    let s = toRequestForm();
    const flowId = flowOf(s, 2).id;
    expect(tabView(s, 2).step).toBe('support-topic');
    expect(tabView(s, 2).warnings).toEqual([]);
    expect(tabView(s, 2).stopped).toBeNull();
    expect(tabView(s, 2).summary).toBeNull();
    s = run([{ type: 'case-saved', flowId, case: CASE, at: 0 }], s);
    expect(tabView(s, 2).summary).toBe(CASE.text);
    expect(tabView(s, 1).summary).toBeNull();
    expect(s.escalations).toEqual([]);
  });

  it('a completed flow is listed with its customer, workload and severity; the case number is set on it', () => {
    let s = toRequestForm();
    const flowId = flowOf(s, 2).id;
    s = run([{ type: 'case-saved', flowId, case: CASE, at: 0 }, click(2, 'support-topic')], s);
    const v = tabView(s, 2);
    expect(v.complete).toBe(true);
    expect(v.summary).toBe(CASE.text);
    expect(s.escalations).toHaveLength(1);
    const esc = s.escalations[0]!;
    expect(esc).toMatchObject({ flowId, customer: { tenantId: CONTOSO, name: 'Contoso Ltd' }, workload: 'exchange', severity: 'a', caseNumber: null });
    expect(v.escalation).toEqual({ id: esc.id, caseNumber: null });
    s = run([{ type: 'case-number-set', escalationId: esc.id, caseNumber: '  2612030040001234 ', at: 0 }], s);
    expect(s.escalations[0]?.caseNumber).toBe('2612030040001234');
    expect(tabView(s, 2).escalation?.caseNumber).toBe('2612030040001234');
    // The case changed after completion: the list follows (the case number stays).
    s = run([{ type: 'case-saved', flowId, case: { ...CASE, form: { ...CASE.form, severity: 'b' } }, at: 0 }], s);
    expect(s.escalations[0]).toMatchObject({ severity: 'b', caseNumber: '2612030040001234' });
    // Markup is text to the engine; control characters and over-long numbers are refused.
    s = run([{ type: 'case-number-set', escalationId: esc.id, caseNumber: '<img src=x onerror=alert(1)>', at: 0 }], s);
    expect(s.escalations[0]?.caseNumber).toBe('<img src=x onerror=alert(1)>');
    expect(() => reduce(s, { type: 'case-number-set', escalationId: esc.id, caseNumber: 'a\u0007b', at: 0 })).toThrow(EngineError);
    expect(() => reduce(s, { type: 'case-number-set', escalationId: esc.id, caseNumber: '1'.repeat(65), at: 0 })).toThrow(EngineError);
    // An unknown escalation: nothing happens.
    expect(run([{ type: 'case-number-set', escalationId: 'flow-9-1', caseNumber: '1', at: 0 }], s)).toEqual(s);
  });

  it('start over and a new escalation from the dashboard add rounds; the list outlives the flows, up to its cap', () => {
    let s = toRequestForm();
    s = run([click(2, 'support-topic')], s);
    s = run([{ type: 'start-over', flowId: flowOf(s, 2).id, at: 0 }], s);
    expect(s.escalations).toHaveLength(1);
    s = run([{ type: 'item-ticked', flowId: flowOf(s, 2).id, item: 'support-topic', done: true, at: 0 }], s);
    expect(s.escalations).toHaveLength(2);
    expect(new Set(s.escalations.map((e) => e.id)).size).toBe(2);
    // Many more: the oldest go first.
    for (let i = 0; i < MAX_ESCALATIONS + 5; i++) {
      s = run([{ type: 'start-over', flowId: flowOf(s, 2).id, at: 0 }, { type: 'item-ticked', flowId: flowOf(s, 2).id, item: 'support-topic', done: true, at: 0 }], s);
    }
    expect(s.escalations).toHaveLength(MAX_ESCALATIONS);
    expect(s.escalations.at(-1)?.startedAt).toBe(flowOf(s, 2).createdAt);
  });
});
