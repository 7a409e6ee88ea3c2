// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://partner.microsoft.com/dashboard/v2/customers/6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10/servicemanagementpage?ref=contoso.onmicrosoft.com"}
/**
 * Self-healing on the page (issue 25): the locator derived from the element the agent shows
 * (lib/content/heal/derive.ts: a stable id or hook, the link's path with ids masked, role and
 * name; scoped by shadow-host tag names; refused where it is not unique or names a customer), the
 * `name` locator and the host scope as the guide reads them (lib/content/dom/compile.ts), and the
 * page report (lib/content/heal/report.ts) on a page full of customer data: none of it in the output.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeepWatch } from '../../../lib/content/dom/deep-watch';
import { compileLocator } from '../../../lib/content/dom/compile';
import { describeUniquely, describeWays, foundBy } from '../../../lib/content/heal/derive';
import { looksPrivate, maskUrl, knownOf } from '../../../lib/content/heal/private';
import { pageReport } from '../../../lib/content/heal/report';
import type { HealHost } from '../../../lib/content/shared';
import type { ContentView } from '../../../lib/protocol/content-view';
import { CUSTOMERS } from '../../replica/customers.js';
import { specOf } from '../../../lib/content/guide-spec';

const CONTOSO = CUSTOMERS[0]!;

beforeAll(() => {
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const hidden = this.closest('[hidden]');
    const size = hidden ? 0 : 10;
    return { x: 0, y: 0, left: 0, top: 0, right: size, bottom: size, width: size, height: size, toJSON: () => ({}) } as DOMRect;
  };
  (Element.prototype as Element & { checkVisibility: () => boolean }).checkVisibility = function (this: Element) {
    return !this.closest('[hidden]');
  };
});

function host(tag: string, html: string, parent: Element | ShadowRoot = document.body): ShadowRoot {
  const el = document.createElement(tag);
  parent.appendChild(el);
  const root = el.attachShadow({ mode: 'open' });
  root.innerHTML = html;
  return root;
}

const noCustomer = { values: [] as string[] };

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('the locator of a shown element', () => {
  it('prefers a stable id, then a hook, then where its link leads, then role and name', () => {
    document.body.innerHTML = `
      <button id="SupportRequests">Support requests</button>
      <button data-automation-id="open-requests">Open</button>
      <a href="/dashboard/v2/customers/${CONTOSO.tenantId}/servicerequests">Requests</a>
      <div role="tab">Tickets</div>`;
    const ctx = new DeepWatch(document);
    const [byId, byHook, byHref, byName] = ['#SupportRequests', '[data-automation-id]', 'a', '[role="tab"]'].map((s) => document.querySelector(s)!);
    expect(describeUniquely(byId!, noCustomer, ctx)).toEqual({ by: 'css', selector: '#SupportRequests' });
    expect(describeUniquely(byHook!, noCustomer, ctx)).toEqual({ by: 'css', selector: '[data-automation-id="open-requests"]' });
    const href = describeUniquely(byHref!, noCustomer, ctx);
    expect(href).toMatchObject({ by: 'href', portal: 'partner-center' });
    // The customer's tenant id is masked: the locator finds the same link of any customer.
    expect(JSON.stringify(href)).not.toContain(CONTOSO.tenantId);
    expect(new RegExp((href as { pattern: string }).pattern, 'i').test(`/en-us/dashboard/v2/customers/${CUSTOMERS[1]!.tenantId}/servicerequests`)).toBe(true);
    expect(describeUniquely(byName!, noCustomer, ctx)).toEqual({ by: 'name', role: 'tab', name: 'Tickets' });
    ctx.stop();
  });

  it('skips generated ids and numbers; scopes a name by the shadow hosts around it when the name alone is not unique', () => {
    host('pc-toolbar', '<button id="r123">Support requests</button>');
    host('pc-side', '<button>Support requests</button>');
    const ctx = new DeepWatch(document);
    const target = document.querySelector('pc-toolbar')!.shadowRoot!.querySelector('button')!;
    const ways = describeWays(target, noCustomer);
    expect(ways.some((w) => w.by === 'css')).toBe(false);
    expect(describeUniquely(target, noCustomer, ctx)).toEqual({ by: 'name', role: 'button', name: 'Support requests', hosts: ['pc-toolbar'] });
    ctx.stop();
  });

  it('refuses what it cannot tell apart, and never keeps a customer’s name, tenant or domain', () => {
    document.body.innerHTML = `<table><tr><td>2311150040001234</td><td>Mailbox stuck</td></tr></table>
      <button>Open</button><button>Open</button>
      <button>${CONTOSO.name}</button>
      <a href="https://partner.microsoft.com/dashboard/v2/customers/${CONTOSO.tenantId}">${CONTOSO.domain}</a>`;
    const ctx = new DeepWatch(document);
    const known = { values: [CONTOSO.name, CONTOSO.tenantId, CONTOSO.domain] };
    expect(describeUniquely(document.querySelector('td')!, known, ctx)).toBeUndefined();
    expect(describeUniquely(document.querySelectorAll('button')[0]!, known, ctx)).toBeUndefined();
    expect(describeUniquely(document.querySelectorAll('button')[2]!, known, ctx)).toBeUndefined();
    const link = describeUniquely(document.querySelector('a')!, known, ctx);
    expect(JSON.stringify(link ?? {})).not.toMatch(new RegExp(`${CONTOSO.tenantId}|contoso`, 'i'));
    ctx.stop();
  });

  it('keeps a control’s Title Case words (not a person’s name); refuses a name read in a grid row', () => {
    document.body.innerHTML = `<button>New Service Request</button><div role="grid"><div role="row"><button>Open Details</button></div></div>`;
    const ctx = new DeepWatch(document);
    expect(describeUniquely(document.querySelector('button')!, noCustomer, ctx)).toEqual({ by: 'name', role: 'button', name: 'New Service Request' });
    expect(describeUniquely(document.querySelector('[role="row"] button')!, noCustomer, ctx)).toBeUndefined();
    ctx.stop();
  });

  it('a `name` locator matches the accessible name through a slot, any case and spacing; `hosts` limits it to those hosts', () => {
    const root = host('pc-action-button', '<button><slot></slot></button>');
    (root.host as HTMLElement).append('Support   Requests');
    host('pc-other', '<button>Support requests</button>');
    const ctx = new DeepWatch(document);
    const inner = root.querySelector('button')!;
    expect(foundBy({ by: 'name', role: 'button', name: 'support requests' }, ctx)).toHaveLength(2);
    expect(foundBy({ by: 'name', role: 'button', name: 'Support requests', hosts: ['pc-action-button'] }, ctx)).toEqual([inner]);
    expect(compileLocator({ by: 'css', selector: 'button', hosts: [] }, ctx).accepts(inner)).toBe(false);
    ctx.stop();
  });
});

describe('what must not leave the page', () => {
  it('names that look like customers are private; the portal’s own words are not', () => {
    const known = knownOf({ customer: { tenantId: CONTOSO.tenantId, name: 'Northwind Traders', domain: 'northwind.example' }, warnings: [] } as unknown as ContentView, undefined);
    for (const s of ['Contoso Ltd', 'Fabrikam Inc', '서울테크 주식회사', 'admin@contoso.onmicrosoft.com', 'contoso.onmicrosoft.com', CONTOSO.tenantId, 'Jane Doe', 'Northwind', '2311150040001234']) {
      expect(looksPrivate(s, known), s).toBe(true);
    }
    for (const s of ['Support requests', 'New request', 'Service management', 'Add customer']) expect(looksPrivate(s, known), s).toBe(false);
  });

  it('the URL keeps the portal’s host and path words; GUIDs, domains and query values are masked', () => {
    expect(maskUrl(`https://partner.microsoft.com/dashboard/v2/customers/${CONTOSO.tenantId}/account?domain=contoso.onmicrosoft.com#x`, noCustomer))
      .toBe('https://partner.microsoft.com/dashboard/v2/customers/{guid}/account?domain={value}#x');
    expect(maskUrl(`https://admin.microsoft.com/AdminPortal/Home?delegatedOrg=contoso.onmicrosoft.com#/support?tenant=${CONTOSO.tenantId}`, noCustomer))
      .toBe('https://admin.microsoft.com/AdminPortal/Home?delegatedOrg={value}#/support?tenant={value}');
  });

  it('the page report of a page full of customer data holds none of it', () => {
    document.documentElement.lang = 'en';
    document.body.innerHTML = `<h1>${CONTOSO.name}</h1>
      <nav aria-label="Customer"><a href="/dashboard/v2/customers/${CONTOSO.tenantId}/account">Account</a></nav>
      <p>${CONTOSO.domain} · Microsoft ID: ${CONTOSO.tenantId} · admin@${CONTOSO.domain}</p>
      <div role="grid">${CUSTOMERS.map((c) => `<div role="row" id="row-${c.tenantId}"><a role="gridcell" href="/dashboard/v2/customers/${c.tenantId}/account">${c.name}</a><span>${c.domain}</span><button aria-label="Actions for ${c.name}">…</button></div>`).join('')}</div>
      <button title="${CUSTOMERS[2]!.name}">Menu</button>
      <a href="mailto:admin@${CUSTOMERS[1]!.domain}">admin@${CUSTOMERS[1]!.domain}</a>`;
    host('pc-service-management', `<h2>Service management</h2><button>Support requests</button><a href="https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO.tenantId}">Microsoft 365</a>`);
    const view = { step: 'service-requests', clickIndex: 0, complete: false, customer: { tenantId: CONTOSO.tenantId, name: CONTOSO.name, domain: CONTOSO.domain }, warnings: [], taught: [] } as unknown as ContentView;
    const watch = new DeepWatch(document);
    const heal: HealHost = {
      portal: 'partner-center', ctx: watch, t: (k) => (k === '@@ui_locale' ? 'en' : k), spec: () => specOf(view, 'pc-service-management', 'partner-center'),
      page: () => 'pc-service-management', view: () => view, customerName: () => CONTOSO.name, overlayHost: () => null,
      send: async () => undefined, clicked: () => {}, signal: new AbortController().signal,
    };
    const text = pageReport(heal);
    watch.stop();
    for (const c of CUSTOMERS) {
      for (const secret of [c.name, c.tenantId, c.tenantId.toUpperCase(), c.domain, `admin@${c.domain}`]) expect(text, secret).not.toContain(secret);
    }
    const report = JSON.parse(text) as { step: string; locators: { source: string; shown: number }[]; outline: { tag: string; name?: string; depth: number; withheld?: true }[] };
    expect(report.step).toBe('service-requests');
    expect(report.locators.length).toBeGreaterThan(0);
    expect(report.outline).toContainEqual({ tag: 'button', role: 'button', name: 'Support requests', depth: 1 });
    expect(report.outline).toContainEqual({ tag: 'h2', name: 'Service management', depth: 1 });
    expect(report.outline.filter((o) => o.withheld).length).toBeGreaterThanOrEqual(CUSTOMERS.length);
  });
});
