// @vitest-environment happy-dom
/**
 * Who a click picked (lib/content/click-report.ts): on the customer list, the name the click went
 * through inside the grid; on a control in a customer's row (Support → Customer requests: the row's
 * New request), the row around the control. The name without bidirectional controls.
 */
import { describe, expect, it } from 'vitest';
import { clickReport } from '../../../lib/content/click-report';
import type { Candidate } from '../../../lib/flow/flow';
import type { Click } from '../../../lib/flow/schema';
import type { Found } from '../../../lib/content/dom/target-tracker';

const T = 'b3e5c2d4-7a91-4f0e-8c6d-2e4f9a1b7c35';

function grid(): { table: HTMLElement; newRequest: HTMLButtonElement; name: HTMLElement } {
  document.body.innerHTML =
    `<table id="grid"><tr role="row" id="row-${T}"><th id="cell-displayName-${T}"><span class="name">Fabrikam\u202E Inc</span></th>` +
    `<td id="cell-domainName-${T}">fabrikam.onmicrosoft.com</td><td class="actions"></td></tr></table>`;
  const host = document.createElement('v6_he-button');
  host.append('New request');
  host.attachShadow({ mode: 'open' }).innerHTML = '<button aria-haspopup="menu"><slot></slot></button>';
  document.querySelector('td.actions')!.append(host);
  return { table: document.getElementById('grid')!, newRequest: host.shadowRoot!.querySelector('button')!, name: document.querySelector('.name')! };
}

/** The composed path of a click on `el`. */
function pathOf(el: Element): EventTarget[] {
  let path: EventTarget[] = [];
  window.addEventListener('click', (e) => (path = e.composedPath()), { once: true, capture: true });
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  return path;
}

const found = (el: Element, click: Click): Found<Candidate> => ({ el, click, data: { variant: 'today', click, last: true }, rank: 0 });

describe('who a click picked', () => {
  it('a row’s New request (picksCustomer row): the customer of the row around it', () => {
    const { newRequest } = grid();
    const click: Click = { label: 'newRequest', locators: [{ by: 'label', label: 'newRequest', roles: ['button'] }], picksCustomer: 'row' };
    const msg = clickReport(pathOf(newRequest), found(newRequest, click), 'new-request', 0);
    expect(msg).toMatchObject({ kind: 'clicked', step: 'new-request', last: true, customer: { tenantId: T, name: 'Fabrikam Inc', domain: 'fabrikam.onmicrosoft.com' } });
  });

  it('the customer list (picksCustomer list): the name clicked inside the grid, nothing read outside it', () => {
    const { table, name } = grid();
    const click: Click = { label: 'customerList', locators: [{ by: 'css', selector: '#grid' }], picksCustomer: 'list', clickWithin: '[id^="cell-displayName-"]' };
    expect(clickReport(pathOf(name), found(table, click), 'select-customer', 0)?.customer).toEqual({ tenantId: T, name: 'Fabrikam Inc', domain: 'fabrikam.onmicrosoft.com' });
    // The grid ringed inside a customer's row (no row inside the target): no customer from outside it.
    const inner = document.createElement('div');
    name.append(inner);
    expect(clickReport(pathOf(inner), found(name, { ...click, clickWithin: undefined } as Click), 'select-customer', 0)?.customer).toBeUndefined();
  });
});
