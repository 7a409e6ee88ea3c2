// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://partner.microsoft.com/dashboard"}
/**
 * Each locator kind of the flow schema (lib/flow/schema.ts) as the guide interprets it
 * (lib/content/dom/compile.ts, through the target tracker's first scan): targets found by what
 * they are, on pages built the way the portals build them (shadow roots, slotted labels, Fluent's
 * choice groups), with the decoys the real pages hold next to them. Layout is not what is tested:
 * an element counts as shown unless it or a composed ancestor is `hidden`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Click, Locator } from '../../../lib/flow/schema';
import { DeepWatch } from '../../../lib/content/dom/deep-watch';
import { TargetTracker } from '../../../lib/content/dom/target-tracker';
import { compileLocator } from '../../../lib/content/dom/compile';
import { hrefMatcher } from '../../../lib/content/dom/locators';
import { FLOW } from '../../../lib/flow/flow';
import { PARTNER_CENTER_HOSTS } from '../../../lib/flow/hosts';

function hiddenInComposedTree(el: Element): boolean {
  for (let n: Node | null = el; n; ) {
    if (n instanceof Element && n.hasAttribute('hidden')) return true;
    const parent: Node | null = n.parentNode;
    n = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return false;
}

beforeAll(() => {
  // happy-dom lacks `assignedSlot` (browsers have it): the slot whose assigned elements hold this one.
  if (!('assignedSlot' in Element.prototype)) {
    Object.defineProperty(Element.prototype, 'assignedSlot', {
      get(this: Element) {
        for (const slot of this.parentElement?.shadowRoot?.querySelectorAll('slot') ?? []) {
          if ((slot as HTMLSlotElement).assignedElements().includes(this)) return slot;
        }
        return null;
      },
    });
  }
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const size = hiddenInComposedTree(this) ? 0 : 10;
    return { x: 0, y: 0, left: 0, top: 0, right: size, bottom: size, width: size, height: size, toJSON: () => ({}) } as DOMRect;
  };
  (Element.prototype as Element & { checkVisibility: () => boolean }).checkVisibility = function (this: Element) {
    return !hiddenInComposedTree(this);
  };
});

/** What the guide's first scan rings for these locators (one option). */
function ringed(locators: Locator[], label: Click['label'] = 'supportTopic'): Element | null {
  const watch = new DeepWatch(document);
  const tracker = new TargetTracker<null>(watch, () => {});
  tracker.set({ options: [{ click: { label, locators }, data: null }] });
  const el = tracker.target?.el ?? null;
  tracker.stop();
  watch.stop();
  return el;
}

/** An element with an open shadow root holding `html`; its light children from `light`. */
function host(tag: string, html: string, light = ''): HTMLElement {
  const el = document.createElement(tag);
  el.innerHTML = light;
  el.attachShadow({ mode: 'open' }).innerHTML = html;
  return el;
}

const TENANT = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';

describe('href: only https links on the step portal’s hosts', () => {
  const PATTERN = '^(?:/[a-z]{2}(?:-[a-z]{2,4})?)?/dashboard/v2/customers/list/?(?:[?#]|$)';
  const accepts = (href: string) => {
    const a = document.createElement('a');
    a.setAttribute('href', href);
    document.body.replaceChildren(a);
    return hrefMatcher(PATTERN, PARTNER_CENTER_HOSTS)(a);
  };

  it('matches the portal’s own links, relative ones and locale-prefixed ones in both cases', () => {
    expect(accepts('https://partner.microsoft.com/dashboard/v2/customers/list')).toBe(true);
    expect(accepts('/dashboard/v2/customers/list?filter=active')).toBe(true);
    expect(accepts('https://PARTNER.microsoft.com/en-US/dashboard/v2/customers/list')).toBe(true);
    expect(accepts('https://partner.microsoft.com/en-us/dashboard/v2/customers/list#top')).toBe(true);
  });

  it('matches no decoy: another host, a look-alike host, javascript:, http:, a port, credentials, the path in a query', () => {
    for (const decoy of [
      'https://evil.example/dashboard/v2/customers/list',
      'https://partner.microsoft.com.evil.example/dashboard/v2/customers/list',
      'javascript:void(0)//dashboard/v2/customers/list',
      'javascript://partner.microsoft.com/dashboard/v2/customers/list',
      'http://partner.microsoft.com/dashboard/v2/customers/list',
      'https://partner.microsoft.com:8443/dashboard/v2/customers/list',
      'https://agent@partner.microsoft.com/dashboard/v2/customers/list',
      'https://evil.example/?next=https://partner.microsoft.com/dashboard/v2/customers/list',
      'https://partner.microsoft.com/evil?x=/dashboard/v2/customers/list',
    ]) expect(accepts(decoy), decoy).toBe(false);
  });

  it('rings the real menu item when decoys come first in the document (the flow’s own Customers locator)', () => {
    const customers = FLOW.steps.find((s) => s.id === 'customers')!.variants[0]!.clicks[0]!;
    document.body.innerHTML =
      '<a id="evil" href="https://evil.example/dashboard/v2/customers/list">Customers</a>' +
      '<a id="js" href="javascript:void(0)//dashboard/v2/customers/list">Customers</a>';
    const nav = host('pc-nav', '<nav><a id="real" href="/dashboard/v2/customers/list">Customers</a></nav>');
    document.body.append(nav);
    expect(ringed(customers.locators, 'customers')).toBe(nav.shadowRoot!.getElementById('real'));
  });
});

describe('delegated-link: the customer’s entry into the admin center', () => {
  const office: Locator = { by: 'delegated-link', destinations: ['o365admincenter', 'support', 'servicestatus'], prefer: 'office365' };

  it('finds BeginClientSession and ?delegatedOrg= links on the admin-center hosts, not other workloads’ or hosts’', () => {
    const c = compileLocator(office, { queryAll: () => [] });
    const link = (href: string) => {
      const a = document.createElement('a');
      a.href = href;
      return c.accepts(a);
    };
    expect(link(`https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${TENANT}&CSDEST=o365admincenter`)).toBe(true);
    expect(link(`https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${TENANT}`)).toBe(true);
    expect(link('https://admin.cloud.microsoft/?delegatedOrg=contoso.onmicrosoft.com')).toBe(true);
    expect(link(`https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${TENANT}&CSDEST=SharePoint`)).toBe(false);
    expect(link('https://admin.exchange.microsoft.com/?delegatedOrg=contoso.onmicrosoft.com')).toBe(false);
    expect(link(`https://evil.example/Partner/BeginClientSession.aspx?CTID=${TENANT}`)).toBe(false);
    expect(link('https://portal.azure.com/#@contoso.onmicrosoft.com')).toBe(false);
  });

  it('ranks the one named Microsoft 365 / Office 365 first, whatever the order', () => {
    document.body.innerHTML =
      `<a id="sp" href="https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${TENANT}&CSDEST=Support">SharePoint admin</a>` +
      `<a id="m365" href="https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${TENANT}&CSDEST=o365admincenter">Microsoft 365</a>`;
    expect(ringed([office], 'office365')?.id).toBe('m365');
    // Without a named one, the first delegated link of an admin-center destination.
    document.getElementById('m365')!.remove();
    expect(ringed([office], 'office365')?.id).toBe('sp');
  });
});

describe('form-choice: the request form’s first choice group, whatever it is called', () => {
  const topic: Locator = { by: 'form-choice', form: 'form, [role="form"]', has: 'textarea', prefer: 'supportTopic' };
  const severity = '<div role="radiogroup" aria-label="Severity"><input type="radio" name="s"><input type="radio" name="s"></div>';

  it('a Fluent ChoiceGroup labelled "Select the area your problem is in", before Severity', () => {
    const form = host('m365-request-form',
      '<form><div id="area" role="radiogroup" aria-labelledby="l1"><label id="l1">Select the area your problem is in</label>' +
      '<input type="radio" name="a" id="a1"><label for="a1">Exchange</label></div>' + severity + '<textarea></textarea></form>');
    document.body.replaceChildren(form);
    expect(ringed([topic])).toBe(form.shadowRoot!.getElementById('area'));
  });

  it('a <select> named "Problem type" after a text field, in German', () => {
    const form = host('m365-request-form',
      '<form><label for="t">Zusammenfassung</label><input id="t" type="text"><label for="d">Problemtyp</label>' +
      '<select id="d"><option>Exchange</option></select>' + severity + '<textarea></textarea></form>');
    document.body.replaceChildren(form);
    expect(ringed([topic])).toBe(form.shadowRoot!.getElementById('d'));
  });

  it('choice cards (buttons with role=radio) in a radio group called "Category", deep in shadow roots', () => {
    const cards = host('m365-cards', '<div id="cards" role="radiogroup" aria-label="カテゴリ"><button role="radio">Exchange</button></div>');
    const form = host('m365-request-form', '<form><slot></slot><textarea></textarea></form>');
    form.append(cards);
    const pane = host('m365-help-pane', '<div><h3>Create a service request</h3></div>');
    pane.shadowRoot!.firstElementChild!.append(form);
    document.body.replaceChildren(pane);
    expect(ringed([topic])).toBe(cards.shadowRoot!.getElementById('cards'));
  });

  it('never the Contact me view’s phone-or-email group (no form with a description), nor a search box', () => {
    document.body.innerHTML =
      '<div><input type="search" aria-label="How can we help?"><div role="radiogroup" aria-label="How would you like to be contacted?">' +
      '<input type="radio" name="c"><input type="radio" name="c"></div><input type="tel"><button>Contact me</button></div>' +
      '<form><div role="radiogroup" aria-label="Category"><input type="radio"></div><input type="text"></form>';
    expect(ringed([topic])).toBeNull();
  });

  it('the prefer label ranks a named group first: "Support topic" second in its form wins over the first', () => {
    document.body.innerHTML =
      '<form><div id="sev" role="radiogroup" aria-label="Severity"><input type="radio"></div>' +
      '<div id="topic" role="radiogroup" aria-label="Support topic"><input type="radio"></div><textarea></textarea></form>';
    expect(ringed([topic])?.id).toBe('topic');
  });
});

describe('in-view: a control in the view a heading names', () => {
  const menu: Locator = {
    by: 'in-view', heading: 'serviceRequests', prefer: 'newRequest',
    selector: ':is(button, [role="button"], a[href]):is([aria-haspopup="menu"], [aria-haspopup="true"])',
  };
  /** Partner Center's shell: an account menu in the header, the view in nested shadow roots. */
  function page(heading: string, buttons: string): { view: HTMLElement; header: Element } {
    document.body.innerHTML = '<header><button id="account" aria-haspopup="menu">Agent</button></header>';
    const view = host('pc-service-requests', `<h2>${heading}</h2><p>Requests of this customer.</p><div class="toolbar"></div>`);
    for (const b of buttons.split('|').filter(Boolean)) {
      view.shadowRoot!.querySelector('.toolbar')!.append(host('v6_he-button', `<button aria-haspopup="menu"><slot></slot></button>`, b));
    }
    const shell = host('he-shell', '<main></main>');
    shell.shadowRoot!.querySelector('main')!.append(view);
    document.body.append(shell);
    return { view, header: document.getElementById('account')! };
  }
  const inner = (el: Element | null) => el?.getRootNode() instanceof ShadowRoot ? ((el!.getRootNode() as ShadowRoot).host as HTMLElement) : null;

  it('the view’s menu button (a slotted label in another language), not the header’s', () => {
    page('Serviceanfragen', 'Neue Anfrage <span aria-hidden="true">▾</span>');
    const el = ringed([menu], 'newRequest');
    expect(el?.localName).toBe('button');
    expect(inner(el)?.textContent).toContain('Neue Anfrage');
  });

  it('ranks the one named New request first, found whatever it is called otherwise', () => {
    page('Service requests', 'Export|New request');
    expect(inner(ringed([menu], 'newRequest'))?.textContent).toBe('New request');
    page('Service requests', 'Create');
    expect(inner(ringed([menu], 'newRequest'))?.textContent).toBe('Create');
  });

  it('nothing without the view’s heading (another page), and no control outside the view', () => {
    page('Billing', 'New request');
    expect(ringed([menu], 'newRequest')).toBeNull();
    const { view } = page('Service requests', '');
    expect(view.isConnected).toBe(true);
    expect(ringed([menu], 'newRequest')).toBeNull(); // the header's account menu is outside every view
  });
});

describe('label: names as browsers compute them, through slots', () => {
  const label = (l: Click['label'], roles: Extract<Locator, { by: 'label' }>['roles']): Locator => ({ by: 'label', label: l, roles });

  it('a v6_he-button’s label slotted from the host’s light DOM into its shadow <button>', () => {
    const b = host('v6_he-button', '<button part="control"><slot name="start"></slot><slot></slot><slot name="end"></slot></button>',
      '<span slot="start" aria-hidden="true">+</span>New request<span slot="end" aria-hidden="true">▾</span>');
    document.body.replaceChildren(b);
    expect(ringed([label('newRequest', ['button'])], 'newRequest')).toBe(b.shadowRoot!.querySelector('button'));
  });

  it('a host whose own role is button and whose text is slotted', () => {
    const b = host('accexp_he-button', '<span class="inner"><slot></slot></span>', 'Service management');
    b.setAttribute('role', 'button');
    document.body.replaceChildren(b);
    expect(ringed([label('serviceManagement', ['button'])], 'serviceManagement')).toBe(b);
  });

  it('a typographic apostrophe in the page’s label matches the straight one, and back', () => {
    document.body.innerHTML = '<nav><a href="/dashboard">Tableau de bord de l\'Espace partenaires</a></nav>';
    expect(ringed([label('dashboard', ['link'])], 'dashboard')).toBe(document.querySelector('a'));
  });
});
