/**
 * Today's doors (issue 20.5; the portal facts in test/replica/README.md) in the engine: Support →
 * Customer requests leads to a customer's New request without the customers list, and the row's New
 * request tells the flow which customer; Partner Center's own Help + support is no customer's
 * service requests.
 */
import { describe, expect, it } from 'vitest';
import { reduce } from '../../../lib/engine/reduce';
import { initialState, type EngineState } from '../../../lib/engine/state';
import { currentStep } from '../../../lib/engine/derive';
import { detectPage } from '../../../lib/flow/pages';

const F = 'b3e5c2d4-7a91-4f0e-8c6d-2e4f9a1b7c35';
const flow = (s: EngineState) => Object.values(s.flows)[0]!;

describe('Support → Customer requests', () => {
  it('arriving there leads on to New request (the steps before it skipped), and the row’s New request picks the customer', () => {
    let s = reduce(initialState(), { type: 'page-seen', tabId: 1, url: 'https://partner.microsoft.com/dashboard', at: 1 });
    s = reduce(s, { type: 'page-seen', tabId: 1, url: 'https://partner.microsoft.com/en-US/dashboard/v2/support/customers', at: 2 });
    expect(s.tabs[1]!.page).toBe('pc-customer-requests');
    expect(currentStep(flow(s))).toBe('new-request');
    expect(flow(s).items['select-customer']).toBe('skipped');
    s = reduce(s, { type: 'target-clicked', tabId: 1, step: 'new-request', clickIndex: 0, last: true, at: 3, customer: { tenantId: F, name: 'Fabrikam Inc', domain: 'fabrikam.onmicrosoft.com' } });
    expect(flow(s).customer).toEqual({ tenantId: F, name: 'Fabrikam Inc', domain: 'fabrikam.onmicrosoft.com' });
    expect(currentStep(flow(s))).toBe('office-365');
  });

  it('Partner Center’s own Help + support is not a customer’s service requests view, even headed so', () => {
    expect(detectPage('https://partner.microsoft.com/dashboard/v2/support/servicerequests', { hasHeading: () => true })).toBe('pc-own-support');
  });
});
