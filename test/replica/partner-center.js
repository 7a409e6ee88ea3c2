// Replica of the Partner Center dashboard (partner.microsoft.com): a client-routed SPA built from
// Partner Center's custom element families (README.md, "Partner Center") in open shadow roots
// nested several deep: HE-SHELL, v6_he-task-item, v6_he-button, accexp_he-*, he-*,
// customersvcadmin_he-*. Labels of buttons are slotted from the light DOM. See README.md for the
// contract.
import { CUSTOMERS, customerByTenantId, customerByDomain, delegatedLink } from './customers.js';
import {
  h, shadowHost, readKnobs, styleDocument, langFrom, append, stringsFor, heButton, innerButton, taskItem,
  setCurrentTaskItem, heCheckbox, heSelect,
} from './common.js';
import { PC_STRINGS } from './i18n.js';

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CUSTOMER_PAGES = ['account', 'adminrelationships', 'subscriptions', 'servicemanagementpage', 'servicerequests', 'users'];
/** Partner Center's own support topics (the wrong door): [key, topic id, label]. */
const OWN_TOPICS = [
  ['account', '3f1c2b7a-5d4e-4c3b-9a8f-1e2d3c4b5a69', 'Account and profile'],
  ['billing', '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d', 'Billing and invoices'],
  ['programs', 'c4d5e6f7-0819-4a2b-b3c4-d5e6f7a8b9c0', 'Programs and incentives'],
  ['portal', '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', 'Partner Center portal'],
];

// ---- locale and routing -------------------------------------------------------------------

function splitLocale(pathname) {
  const m = /^\/([a-z]{2}-[a-z]{2,4})(?=\/|$)/i.exec(pathname);
  return m ? { prefix: `/${m[1]}`, locale: m[1], rest: pathname.slice(m[0].length) || '/' } : { prefix: '', locale: '', rest: pathname };
}

function parseRoute(pathname) {
  const { rest } = splitLocale(pathname);
  const p = rest.replace(/\/+$/, '').toLowerCase() || '/';
  if (p === '/dashboard' || p === '/dashboard/home') return { name: 'home' };
  if (p === '/dashboard/v2/customers/list' || p === '/dashboard/commerce2/customers/list') return { name: 'customers' };
  if (p === '/dashboard/v2/customers/granularadminaccess/list') return { name: 'gdap' };
  const m = new RegExp(`^/dashboard/v2/customers/(${GUID})(?:/([a-z]+))?$`).exec(p);
  if (m) return { name: 'customer', tenantId: m[1], page: m[2] ?? 'adminrelationships' };
  if (p === '/dashboard/v2/administer') return { name: 'administer' };
  if (p === '/dashboard/v2/administer/servicerequests') return { name: 'administer-sr' };
  if (p === '/dashboard/v2/support/servicehealth') return { name: 'servicehealth' };
  if (p === '/dashboard/v2/support/customers' || p.startsWith('/dashboard/v2/support/customers/')) return { name: 'customer-requests' };
  if (p === '/dashboard/v2/support/servicerequests') return { name: 'own-support' };
  if (p === '/dashboard/v2/support/servicerequests/create') return { name: 'own-support-create' };
  if (p === '/dashboard/v2/billing') return { name: 'simple', key: 'billing' };
  if (p === '/dashboard/v2/settings') return { name: 'simple', key: 'settings' };
  return { name: 'notfound' };
}

const state = {
  lang: 'en',
  /** @type {Record<string, any>} */ t: stringsFor(PC_STRINGS, 'en'),
  prefix: '',
  knobs: readKnobs('2019'),
  renderToken: 0,
  firstRender: true,
  navReady: false,
  /** @type {any} */ route: { name: 'home' },
  gridLoaded: false,
  search: '',
  doorSearch: '',
  /** @type {HTMLElement | null} */ mainSlot: null,
  /** @type {HTMLElement | null} */ navSlot: null,
};

/** Link inside the app: keeps the locale prefix of the current URL. */
const href = (path) => state.prefix + path;
const missing = (...keys) => keys.some((k) => state.knobs.missing.has(k));

export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render();
}

// Router: intercept clicks on same-origin <a href> (also inside shadow roots), and popstate.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.composedPath().find((n) => n instanceof HTMLAnchorElement);
  if (!a || !a.href || (a.target && a.target !== '_self') || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  e.preventDefault();
  if (url.pathname + url.search !== location.pathname + location.search) navigate(url.pathname + url.search + url.hash);
});
window.addEventListener('popstate', () => render());

// ---- delegated links (knobs: replica-entry-for, replica-hostile) ------------------------------

/** The customer whose delegated entry the Office 365 controls open: the page's, or the knob's. */
function entryCustomer(customer) {
  const k = state.knobs.entryFor;
  return (k && (customerByTenantId(k) ?? customerByDomain(k))) || customer;
}
const variantOf = () => (state.knobs.ui === '2019' ? '2019' : '2021');
/** The admin center in the agent's own tenant (what the hostile page opens instead). */
const ownAdminCenter = () => (variantOf() === '2019' ? 'https://admin.microsoft.com/AdminPortal/Home#/homepage' : 'https://admin.cloud.microsoft/?#/homepage');

/**
 * With `replica-hostile=1`, a trusted click on an Office 365 control is cancelled before anything
 * else sees it (capture listener on the control) and the page opens the admin center without a tenant.
 * @param {HTMLElement} el
 */
function hostile(el) {
  if (!state.knobs.hostile) return el;
  el.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopImmediatePropagation();
    window.open(ownAdminCenter(), '_blank');
  }, { capture: true });
  return el;
}

// ---- shared styles --------------------------------------------------------------------------

const SHELL_CSS = `
:host { display: flex; flex-direction: column; height: 100vh; background: #faf9f8; }
header { height: 48px; flex: none; display: flex; align-items: center; gap: 14px; padding: 0 16px;
  background: #1b1a19; color: #fff; font-size: 14px; }
header .waffle { width: 20px; height: 20px; display: grid; grid-template-columns: repeat(3, 4px); gap: 3px; }
header .waffle i { width: 4px; height: 4px; background: #fff; display: block; }
header .ms { font-weight: 600; font-size: 15px; }
header .sep { width: 1px; height: 20px; background: #605e5c; }
header .app { font-weight: 600; font-size: 15px; }
header .spacer { flex: 1; }
header .me { display: flex; align-items: center; gap: 8px; color: #e1dfdd; font-size: 13px; }
header .avatar { width: 28px; height: 28px; border-radius: 50%; background: #8764b8; display: grid; place-items: center;
  color: #fff; font-weight: 600; font-size: 12px; }
.body { flex: 1; display: flex; min-height: 0; }
nav.side { display: block; width: 228px; flex: none; background: #f0f0f0; border-right: 1px solid #e0e0e0; overflow: auto; padding: 8px 0; }
nav.side .group { padding: 14px 16px 4px 19px; color: #616161; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; }
main { flex: 1; overflow: auto; padding: 24px 32px; min-width: 0; }
`;

const PAGE_CSS = `
:host { display: block; max-width: 1200px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 16px; margin-top: 16px; }
.tile h3 { margin-bottom: 6px; }
.toolbar { display: flex; align-items: center; gap: 12px; margin: 8px 0 16px; flex-wrap: wrap; }
#customer-search-box, .door-search { width: 320px; }
.crumbs { font-size: 13px; color: #616161; margin-bottom: 8px; }
.layout { display: flex; gap: 24px; align-items: flex-start; }
.content { flex: 1; min-width: 0; }
.section { margin-bottom: 24px; }
.status { display: inline-flex; align-items: center; gap: 6px; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: #107c10; display: inline-block; }
.dot.warn { background: #bc4b09; }
dl { display: grid; grid-template-columns: 200px 1fr; gap: 8px 16px; font-size: 14px; margin: 0; }
dt { color: #616161; } dd { margin: 0; }
.links { display: flex; flex-direction: column; gap: 10px; font-size: 14px; }
.form { display: flex; flex-direction: column; gap: 12px; max-width: 560px; }
.form label { font-size: 14px; font-weight: 600; display: flex; flex-direction: column; gap: 6px; }
textarea { min-height: 90px; }
`;

const GRID_CSS = `
:host { display: block; background: #fff; border-radius: 8px; box-shadow: 0 0 2px rgba(0,0,0,.12), 0 2px 4px rgba(0,0,0,.14); overflow: visible; }
.shimmer { height: 12px; border-radius: 4px; background: linear-gradient(90deg, #f0f0f0 0%, #e0e0e0 50%, #f0f0f0 100%);
  background-size: 200% 100%; animation: sh 1.2s ease-in-out infinite; }
@keyframes sh { from { background-position: 200% 0; } to { background-position: -200% 0; } }
td.sel, th.sel { width: 40px; }
tr[aria-selected="true"] { background: #ebf3fc; }
.empty { padding: 24px; color: #616161; font-size: 14px; }
`;

function icon(ch) {
  return h('span', { class: 'ico', 'aria-hidden': 'true' }, ch);
}

// ---- shell --------------------------------------------------------------------------------

const NAV_ITEMS = () => {
  const { t } = state;
  return [
    { key: 'home', path: '/dashboard/home', label: t.home, icon: '\u2302' },
    { key: 'customers', path: '/dashboard/v2/customers/list', label: t.customers, icon: '\u263A' },
    { group: t.csp },
    { key: 'administer', path: '/dashboard/v2/administer', label: t.administer, icon: '\u2699' },
    { group: t.supportGroup },
    { key: 'customer-requests', path: '/dashboard/v2/support/customers', label: t.customerRequests, icon: '\u2709' },
    { key: 'service-health', path: '/dashboard/v2/support/servicehealth', label: t.serviceHealth, icon: '\u2665' },
    { group: '' },
    { key: 'billing', path: '/dashboard/v2/billing', label: t.billing, icon: '\u00A4' },
    { key: 'settings', path: '/dashboard/v2/settings', label: t.settings, icon: '\u2630' },
  ];
};

function fillNav() {
  const nav = /** @type {HTMLElement} */ (state.navSlot);
  const items = NAV_ITEMS()
    .filter((i) => i.group !== undefined || !missing(i.key, `nav-${i.key}`))
    .map((i) => (i.group !== undefined
      ? (i.group ? h('div', { class: 'group', role: 'presentation' }, i.group) : h('div', { style: { height: '12px' } }))
      : taskItem({ label: i.label, href: href(i.path), icon: i.icon, attrs: { 'data-key': i.key } })));
  nav.replaceChildren(...items);
  state.navReady = true;
  updateNavCurrent(state.route);
}

function updateNavCurrent(route) {
  if (!state.navReady || !state.navSlot) return;
  const active =
    route.name === 'home' ? 'home'
    : route.name === 'customers' || route.name === 'customer' || route.name === 'gdap' ? 'customers'
    : route.name.startsWith('administer') ? 'administer'
    : route.name === 'servicehealth' ? 'service-health'
    : route.name === 'customer-requests' ? 'customer-requests'
    : route.key ?? '';
  const items = state.navSlot.querySelectorAll('v6_he-task-item');
  setCurrentTaskItem(items, [...items].find((i) => i.getAttribute('data-key') === active) ?? null);
}

function buildShell() {
  const { t } = state;
  state.navSlot = h('nav', { class: 'side', role: 'navigation', 'aria-label': t.partnerCenter });
  state.mainSlot = h('main', { id: 'main-content' });
  const waffle = h('span', { class: 'waffle', 'aria-hidden': 'true' }, Array.from({ length: 9 }, () => h('i')));
  const help = missing('help-support') ? null
    : heButton('v6_he-button', { label: '?', attrs: { appearance: 'stealth', title: t.helpSupport },
        inner: { 'aria-label': t.helpSupport }, onClick: () => navigate(href('/dashboard/v2/support/servicerequests')) });
  return shadowHost(
    'he-shell',
    { css: SHELL_CSS },
    h('header', { role: 'banner' }, waffle, h('span', { class: 'ms' }, 'Microsoft'), h('span', { class: 'sep' }),
      h('span', { class: 'app' }, t.partnerCenter), h('span', { class: 'spacer' }), help,
      h('span', { class: 'me' }, 'agent@partner.onmicrosoft.com', h('span', { class: 'avatar' }, 'AG'))),
    h('div', { class: 'body' }, state.navSlot, state.mainSlot),
  );
}

// ---- pages --------------------------------------------------------------------------------

function page(...children) {
  return shadowHost('pc-page', { css: PAGE_CSS, attrs: { role: 'main' } }, ...children);
}

function homePage() {
  const { t } = state;
  const tile = (title, text, path, id) =>
    h('div', { class: 'card tile' }, h('h3', null, title), h('p', { class: 'muted' }, text), h('a', { href: href(path), id }, `${title} \u203A`));
  return page(
    h('h1', null, t.dashboard),
    h('p', { class: 'muted' }, t.welcome),
    h('div', { class: 'tiles' },
      tile(t.customers, t.tileCustomers, '/dashboard/v2/customers/list', 'tile-customers'),
      tile(t.serviceHealth, t.healthIntro, '/dashboard/v2/support/servicehealth', 'tile-service-health'),
      tile(t.administer, t.administerIntro, '/dashboard/v2/administer', 'tile-administer'),
      tile(t.billing, t.tileBilling, '/dashboard/v2/billing', 'tile-billing')),
  );
}

/**
 * A data grid of customers (`customersvcadmin_he-data-grid` or `accexp_he-data-grid`): rows
 * `tr[role=row]#row-<tenantId>` with `#cell-displayName-`, `#cell-domainName-`, `#cell-tenantId-`.
 * @param {{ tag: string, list: () => readonly any[] | null, nameButton: (c: any) => HTMLElement, radio?: boolean, extra?: (c: any) => any, extraHead?: string, placeholderMs?: number, id?: string }} o
 */
function customerGrid({ tag, list, nameButton, radio = false, extra, extraHead, placeholderMs = 0, id }) {
  const { t } = state;
  const tbody = h('tbody', { role: 'rowgroup' });
  const table = h('table', { role: 'grid', 'aria-label': t.customers },
    h('thead', { role: 'rowgroup' },
      h('tr', { role: 'row' }, radio ? h('th', { class: 'sel', role: 'columnheader' }) : null,
        h('th', { role: 'columnheader' }, t.customerName), h('th', { role: 'columnheader' }, t.domain),
        h('th', { role: 'columnheader' }, t.tenantId), extra ? h('th', { role: 'columnheader' }, extraHead ?? '') : null)),
    tbody);
  const grid = shadowHost(tag, { css: GRID_CSS, attrs: id ? { id } : null }, table);
  const cols = 3 + (radio ? 1 : 0) + (extra ? 1 : 0);

  const placeholders = () =>
    Array.from({ length: 4 }, (_, i) =>
      h('tr', { role: 'row', id: `row-he-row-${i}`, 'aria-busy': 'true' },
        radio ? h('td', { class: 'sel' }, h('div', { class: 'shimmer', style: { width: '16px' } })) : null,
        h('td', null, h('div', { class: 'shimmer', style: { width: '160px' } })),
        h('td', null, h('div', { class: 'shimmer', style: { width: '200px' } })),
        h('td', null, h('div', { class: 'shimmer', style: { width: '260px' } }))));

  const dataRows = () => {
    const rows = list();
    if (rows === null) return [h('tr', { role: 'row' }, h('td', { colspan: String(cols), class: 'empty' }, t.searchFirst))];
    if (!rows.length) return [h('tr', { role: 'row' }, h('td', { colspan: String(cols), class: 'empty' }, t.noResults))];
    return rows.map((c) => {
      const row = h('tr', { role: 'row', id: `row-${c.tenantId}`, 'aria-selected': 'false' });
      const sel = radio ? h('input', { type: 'radio', name: 'select-row', 'aria-label': t.selectRow,
        onchange: () => { for (const r of tbody.querySelectorAll('tr')) r.setAttribute('aria-selected', String(r === row)); } }) : null;
      append(row, [
        radio ? h('td', { class: 'sel', role: 'gridcell' }, sel) : null,
        h('th', { role: 'rowheader', scope: 'row', id: `cell-displayName-${c.tenantId}` }, nameButton(c)),
        h('td', { role: 'gridcell', id: `cell-domainName-${c.tenantId}` }, c.domain),
        h('td', { role: 'gridcell', id: `cell-tenantId-${c.tenantId}` }, c.tenantId),
        extra ? h('td', { role: 'gridcell' }, extra(c)) : null,
      ]);
      return row;
    });
  };

  const fill = (rows) => tbody.replaceChildren(...rows);
  let loaded = !placeholderMs;
  if (loaded) fill(dataRows());
  else {
    fill(placeholders());
    const token = state.renderToken;
    setTimeout(() => {
      if (token !== state.renderToken) return;
      loaded = true;
      state.gridLoaded = true;
      fill(dataRows());
    }, placeholderMs);
  }
  return { grid, refresh: () => loaded && fill(dataRows()) };
}

function customersPage() {
  const { t } = state;
  const q = () => state.search.trim().toLowerCase();
  const { grid, refresh } = customerGrid({
    tag: 'customersvcadmin_he-data-grid', id: 'customer-grid', radio: true, placeholderMs: state.gridLoaded ? 0 : 700,
    list: () => CUSTOMERS.filter((c) => !q() || [c.name, c.domain, c.tenantId].some((v) => v.toLowerCase().includes(q()))),
    nameButton: (c) => heButton('customersvcadmin_he-button', { label: c.name, attrs: { appearance: 'link' },
      onClick: () => navigate(href(`/dashboard/v2/customers/${c.tenantId}/adminrelationships`)) }),
  });
  const search = missing('customer-search-box')
    ? null
    : h('input', { type: 'search', id: 'customer-search-box', placeholder: t.search, 'aria-label': t.search, value: state.search,
        oninput: (e) => { state.search = e.target.value; refresh(); } });
  return page(
    h('h1', null, t.customers),
    h('div', { class: 'toolbar' }, search,
      h('a', { href: href('/dashboard/v2/customers/granularadminaccess/list'), class: 'muted' }, t.gdap)),
    grid,
  );
}

const CNAV_CSS = `
:host { display: block; width: 220px; flex: none; }
.scroller { display: flex; flex-direction: column; }
.scroller.fixed { height: 260px; overflow: auto; border: 1px solid #e0e0e0; border-radius: 4px; background: #fff; }
`;

function customerNav(customer, tenantId, current) {
  const { t, knobs } = state;
  const base = `/dashboard/v2/customers/${tenantId}`;
  const link = (key, pageName, label) =>
    missing(key) ? null : taskItem({ label, href: href(`${base}/${pageName}`), current: current === pageName, attrs: { 'data-key': key } });
  const extra = knobs.scroll
    ? Array.from({ length: 30 }, (_, i) => taskItem({ label: `${t.additionalItem} ${i + 1}`, href: href(`${base}/account`), attrs: { class: 'extra' } }))
    : [];
  return shadowHost('pc-customer-nav', { css: CNAV_CSS, attrs: { 'aria-label': customer?.name ?? tenantId } },
    h('nav', { class: knobs.scroll ? 'scroller fixed' : 'scroller', id: 'customer-nav-scroller' },
      link('account', 'account', t.account),
      link('subscriptions', 'subscriptions', t.subscriptions),
      link('admin-relationships', 'adminrelationships', t.adminRelationships),
      extra,
      link('service-management', 'servicemanagementpage', t.serviceManagement),
      knobs.ui !== '2019' ? link('service-requests-nav', 'servicerequests', t.serviceRequests) : null,
      link('users', 'users', t.users)));
}

const MENU_CSS = `
:host { display: inline-block; position: relative; }
[role=menu] { position: absolute; top: 36px; left: 0; z-index: 10; min-width: 260px; background: #fff; border-radius: 4px;
  box-shadow: 0 0 2px rgba(0,0,0,.12), 0 8px 16px rgba(0,0,0,.14); padding: 4px 0; }
[role=menu][hidden] { display: none; }
[role=menuitem] { display: block; padding: 8px 14px; color: #242424; font-size: 14px; white-space: nowrap; }
[role=menuitem]:hover, [role=menuitem]:focus { background: #f0f0f0; text-decoration: none; color: #242424; outline: none; }
`;

// The 2019 menu is a Fluent layer: appended to the document's body (outside every shadow root),
// items are buttons that call window.open (no href).
const LAYER_CSS = `
.ms-Layer--fixed { position: fixed; z-index: 1000000; top: 0; left: 0; width: 0; height: 0; }
.ms-Callout { position: fixed; background: #fff; border-radius: 2px; box-shadow: 0 6.4px 14.4px rgba(0,0,0,.13), 0 1.2px 3.6px rgba(0,0,0,.11); }
.ms-ContextualMenu-list { list-style: none; margin: 0; padding: 4px 0; min-width: 260px; }
.ms-ContextualMenu-link { font: inherit; font-size: 14px; display: flex; align-items: center; width: 100%; height: 36px; padding: 0 14px;
  border: none; background: transparent; color: #323130; text-align: left; cursor: pointer; white-space: nowrap; }
.ms-ContextualMenu-link:hover { background: #f3f2f1; }
`;
let layerCss = false;
/** @type {(() => void) | null} */
let closeLayer = null;

function fluentLayerMenu(anchor, items, ariaLabel) {
  if (!layerCss) {
    document.head.append(h('style', null, LAYER_CSS));
    layerCss = true;
  }
  closeLayer?.();
  const list = h('ul', { class: 'ms-ContextualMenu-list is-open', role: 'menu', 'aria-label': ariaLabel },
    items.map(({ label, open, office }) => {
      const item = h('button', { type: 'button', class: 'ms-ContextualMenu-link', role: 'menuitem', name: label, onclick: () => { close(); open(); } },
        h('div', { class: 'ms-ContextualMenu-linkContent' }, h('span', { class: 'ms-ContextualMenu-itemText' }, label)));
      return h('li', { class: 'ms-ContextualMenu-item', role: 'presentation' }, office ? hostile(item) : item);
    }));
  const r = anchor.getBoundingClientRect();
  const callout = h('div', { class: 'ms-Callout ms-ContextualMenu-Callout', style: { top: `${r.bottom + 4}px`, left: `${r.left}px` } },
    h('div', { class: 'ms-ContextualMenu-container' }, list));
  const layer = h('div', { class: 'ms-Layer ms-Layer--fixed', 'data-portal-element': 'true' }, callout);
  document.body.append(layer);
  const onOutside = (e) => { if (!e.composedPath().includes(layer) && !e.composedPath().includes(anchor)) close(); };
  const onKey = (e) => { if (e.key === 'Escape') close(); };
  setTimeout(() => document.addEventListener('click', onOutside, true));
  document.addEventListener('keydown', onKey);
  function close() {
    layer.remove();
    document.removeEventListener('click', onOutside, true);
    document.removeEventListener('keydown', onKey);
    innerButton(anchor)?.setAttribute('aria-expanded', 'false');
    if (closeLayer === close) closeLayer = null;
  }
  closeLayer = close;
  innerButton(anchor)?.setAttribute('aria-expanded', 'true');
}

/** The New request dropdown of a customer: 2019 a Fluent layer of window.open buttons; 2021+ target=_blank links. */
function newRequestMenu(customer) {
  const { t, knobs } = state;
  const office = knobs.ui === '2019' ? t.office2019 : t.office2021;
  const azure = knobs.ui === '2019' ? t.azure2019 : t.azure2021;
  const officeUrl = delegatedLink(entryCustomer(customer), variantOf());
  const azureUrl = `https://portal.azure.com/#@${customer.domain}`;
  if (knobs.ui === '2019') {
    const button = heButton('v6_he-button', { label: state.t.newRequest, attrs: { appearance: 'primary' }, end: '\u25BE',
      inner: { 'aria-haspopup': 'menu', 'aria-expanded': 'false' },
      onClick: () => {
        if (closeLayer) { closeLayer(); return; }
        fluentLayerMenu(button, [
          ...(missing('office-365') ? [] : [{ label: office, office: true, open: () => window.open(officeUrl) }]),
          { label: azure, open: () => window.open(azureUrl) },
        ], t.newRequest);
      } });
    return button;
  }
  const menu = h('div', { role: 'menu', hidden: true, 'aria-label': t.newRequest },
    missing('office-365') ? null
      : hostile(h('a', { role: 'menuitem', href: officeUrl, target: '_blank', rel: 'noopener', onclick: () => close() }, office)),
    h('a', { role: 'menuitem', href: azureUrl, target: '_blank', rel: 'noopener', onclick: () => close() }, azure));
  const button = heButton('v6_he-button', { label: t.newRequest, attrs: { appearance: 'primary' }, end: '\u25BE',
    inner: { 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, onClick: () => (menu.hidden ? open() : close()) });
  const host = shadowHost('pc-new-request', { css: MENU_CSS }, button, menu);
  const onOutside = (e) => { if (!e.composedPath().includes(host)) close(); };
  const onKey = (e) => { if (e.key === 'Escape') close(); };
  function open() {
    menu.hidden = false;
    innerButton(button).setAttribute('aria-expanded', 'true');
    setTimeout(() => document.addEventListener('click', onOutside, true));
    document.addEventListener('keydown', onKey);
  }
  function close() {
    menu.hidden = true;
    innerButton(button).setAttribute('aria-expanded', 'false');
    document.removeEventListener('click', onOutside, true);
    document.removeEventListener('keydown', onKey);
  }
  return host;
}

const PAST_REQUESTS = [
  ['2311150040001234', 'Mailbox migration stuck at 95%', 'Closed', '2023-11-15'],
  ['2402060040004321', 'Teams meeting recordings not saved', 'Closed', '2024-02-06'],
  ['2405210040007777', 'SharePoint site quota not applied', 'Open', '2024-05-21'],
];

function requestsTable(rowsOf) {
  const { t } = state;
  const tbody = h('tbody', null);
  const fill = (showClosed) => tbody.replaceChildren(...rowsOf(showClosed));
  fill(true);
  return {
    table: h('div', { class: 'card', style: { padding: '0' } },
      h('table', { 'aria-label': t.serviceRequests },
        h('thead', null, h('tr', null, h('th', null, t.requestId), h('th', null, t.title), h('th', null, t.status), h('th', null, t.created))),
        tbody)),
    fill,
  };
}

function pastRequestRows(showClosed) {
  const { t } = state;
  return PAST_REQUESTS.filter((r) => showClosed || r[2] === 'Open').map(([id, title, status, date]) =>
    h('tr', { role: 'row' }, h('td', null, id), h('td', null, title),
      h('td', null, h('span', { class: 'status' }, h('span', { class: status === 'Open' ? 'dot warn' : 'dot' }), status === 'Open' ? t.open : t.closed)),
      h('td', null, date)));
}

function serviceRequestsPanel(customer, { picker = false } = {}) {
  const { t } = state;
  const menuSlot = h('span', { class: 'new-request-slot' }, missing('new-request') ? null : newRequestMenu(customer));
  const select = picker
    ? heSelect({ label: t.pickCustomer, options: CUSTOMERS.map((c) => [c.tenantId, c.name]), onChange: (v) => {
        const c = customerByTenantId(v) ?? customer;
        closeLayer?.();
        menuSlot.replaceChildren(missing('new-request') ? '' : newRequestMenu(c));
      } })
    : null;
  const { table, fill } = requestsTable(pastRequestRows);
  return shadowHost('pc-service-requests', { css: PAGE_CSS + 'table { background: #fff; }' },
    h('h2', null, t.serviceRequests),
    h('p', { class: 'muted' }, t.srIntro),
    h('div', { class: 'toolbar' }, select, menuSlot, heCheckbox({ label: t.showClosed, checked: true, onChange: fill })),
    table);
}

/** A Fluent-like action button: a host whose shadow root holds the button, its label slotted from the light DOM. */
function actionButton(label, onClick) {
  const host = shadowHost('pc-action-button', { css: 'button { font: inherit; padding: 6px 14px; border-radius: 4px; border: 1px solid #8a8886; background: #fff; cursor: pointer; }', light: [label] },
    h('button', { type: 'button', onclick: onClick }, h('slot')));
  return host;
}

function serviceManagementPanel(customer, tenantId) {
  const { t } = state;
  const base = `/dashboard/v2/customers/${tenantId}`;
  const adminLinks = [
    missing('MicrosoftOffice', 'microsoft-office')
      ? null
      : hostile(h('a', { id: 'MicrosoftOffice', href: delegatedLink(entryCustomer(customer), variantOf()), target: '_blank', rel: 'noopener' }, t.ms365)),
    h('a', { id: 'MicrosoftAzure', href: `https://portal.azure.com/#@${customer.domain}`, target: '_blank', rel: 'noopener' }, 'Microsoft Azure'),
    h('a', { id: 'Exchange', href: `https://admin.exchange.microsoft.com/?delegatedOrg=${customer.domain}`, target: '_blank', rel: 'noopener' }, 'Exchange'),
    h('a', { id: 'SharePoint', href: `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${tenantId}&CSDEST=SharePoint`, target: '_blank', rel: 'noopener' }, 'SharePoint'),
    h('a', { id: 'Teams', href: `https://admin.teams.microsoft.com/?delegatedOrg=${customer.domain}`, target: '_blank', rel: 'noopener' }, 'Microsoft Teams'),
  ];
  // replica-renamed=service-requests: "Service requests" renamed and moved to the top, a button
  // without an href (the app routes on click) inside a nested shadow root, its label slotted.
  const renamed = state.knobs.renamed.has('service-requests')
    ? h('div', { class: 'card section' }, h('h3', null, t.supportGroup),
      actionButton(t.renamedRequests, () => navigate(href(`${base}/servicerequests`))))
    : null;
  return shadowHost('pc-service-management', { css: PAGE_CSS },
    h('h2', null, t.serviceManagement),
    h('p', { class: 'muted' }, t.smIntro),
    renamed,
    h('div', { class: 'card section' }, h('h3', null, t.administerSection), h('div', { class: 'links' }, adminLinks)),
    h('div', { class: 'card section' }, h('h3', null, t.srSection ?? t.supportGroup), h('p', { class: 'muted' }, t.viewRequests),
      missing('service-requests') ? null
        : h('a', { class: 'btn', href: href(`${base}/servicerequests`) }, t.serviceRequests)),
    h('div', { class: 'card section' }, h('h3', null, t.supportTickets),
      h('table', null, h('tbody', null, PAST_REQUESTS.slice(0, 2).map(([id, title]) => h('tr', null, h('td', null, id), h('td', null, title)))))));
}

function customerPage(route) {
  const { t } = state;
  const customer = customerByTenantId(route.tenantId);
  const pageName = CUSTOMER_PAGES.includes(route.page) ? route.page : 'account';
  const name = customer?.name ?? route.tenantId;
  const header = shadowHost('pc-customer-header', { css: ':host{display:block;margin-bottom:20px}' },
    h('div', { class: 'crumbs' }, h('a', { href: href('/dashboard/v2/customers/list') }, t.customers), ' \u203A ', name),
    h('h1', null, name),
    h('div', { class: 'muted' }, customer ? `${customer.domain} \u00B7 ${t.tenantId}: ${route.tenantId}` : `${t.tenantId}: ${route.tenantId}`));
  let body;
  if (!customer) body = h('p', null, t.notFound);
  else if (pageName === 'servicemanagementpage') body = serviceManagementPanel(customer, route.tenantId);
  else if (pageName === 'servicerequests') body = serviceRequestsPanel(customer);
  else body = genericCustomerPanel(customer, pageName);
  return page(header,
    h('div', { class: 'layout' }, customerNav(customer, route.tenantId, pageName),
      h('div', { class: 'content' }, shadowHost('pc-customer-content', { css: PAGE_CSS }, body))));
}

function genericCustomerPanel(customer, pageName) {
  const { t } = state;
  if (pageName === 'adminrelationships') {
    return h('div', null, h('h2', null, t.adminRelationships),
      h('div', { class: 'card', style: { padding: '0' } }, h('table', null,
        h('thead', null, h('tr', null, h('th', null, t.relationshipName), h('th', null, t.status), h('th', null, t.endDate))),
        h('tbody', null,
          h('tr', null, h('td', null, `GDAP_${customer.domain.split('.')[0]}_helpdesk`), h('td', null, t.active), h('td', null, '2026-12-31')),
          h('tr', null, h('td', null, 'Default_DAP'), h('td', null, t.active), h('td', null, '\u2014'))))));
  }
  if (pageName === 'subscriptions') {
    return h('div', null, h('h2', null, t.subscriptions),
      h('div', { class: 'card', style: { padding: '0' } }, h('table', null,
        h('thead', null, h('tr', null, h('th', null, 'Product'), h('th', null, 'Quantity'), h('th', null, t.status))),
        h('tbody', null,
          h('tr', null, h('td', null, 'Microsoft 365 Business Premium'), h('td', null, '25'), h('td', null, t.active)),
          h('tr', null, h('td', null, 'Exchange Online (Plan 1)'), h('td', null, '10'), h('td', null, t.active))))));
  }
  const title = pageName === 'users' ? t.users : t.account;
  return h('div', null, h('h2', null, title), h('div', { class: 'card' }, h('dl', null,
    h('dt', null, t.customerName), h('dd', null, customer.name),
    h('dt', null, t.domain), h('dd', null, customer.domain),
    h('dt', null, t.tenantId), h('dd', null, customer.tenantId),
    h('dt', null, t.country), h('dd', null, customer.country))));
}

function serviceHealthPage() {
  const { t } = state;
  const services = [['Exchange Online', false], ['Microsoft Teams', true], ['SharePoint Online', false], ['Microsoft Entra', false], ['Microsoft 365 Apps', false]];
  return page(h('h1', null, t.serviceHealth), h('p', { class: 'muted' }, t.healthIntro),
    h('div', { class: 'card', style: { padding: '0' } }, h('table', null,
      h('thead', null, h('tr', null, h('th', null, t.service), h('th', null, t.status))),
      h('tbody', null, services.map(([s, adv]) =>
        h('tr', null, h('td', null, s), h('td', null, h('span', { class: 'status' }, h('span', { class: adv ? 'dot warn' : 'dot' }), adv ? t.advisory : t.healthy))))))));
}

function administerPage() {
  const { t } = state;
  return page(h('h1', null, t.administer), h('p', { class: 'muted' }, t.administerIntro),
    h('div', { class: 'tiles' },
      h('div', { class: 'card tile' }, h('h3', null, t.serviceRequests), h('p', { class: 'muted' }, t.viewRequests),
        missing('administer-service-requests') ? null
          : h('a', { href: href('/dashboard/v2/administer/servicerequests') }, `${t.serviceRequests} \u203A`)),
      h('div', { class: 'card tile' }, h('h3', null, t.serviceHealth), h('p', { class: 'muted' }, t.healthIntro),
        h('a', { href: href('/dashboard/v2/support/servicehealth') }, `${t.serviceHealth} \u203A`)),
      h('div', { class: 'card tile' }, h('h3', null, t.customers), h('p', { class: 'muted' }, t.gdap),
        h('a', { href: href('/dashboard/v2/customers/list') }, `${t.customers} \u203A`))));
}

function administerServiceRequestsPage() {
  const { t } = state;
  return page(h('div', { class: 'crumbs' }, h('a', { href: href('/dashboard/v2/administer') }, t.administer), ' \u203A ', t.serviceRequests),
    serviceRequestsPanel(/** @type {any} */ (CUSTOMERS[0]), { picker: true }));
}

/** Support → Customer requests (a right door): search the customer, then a New request per row. */
function customerRequestsPage() {
  const { t } = state;
  const q = () => state.doorSearch.trim().toLowerCase();
  const { grid, refresh } = customerGrid({
    tag: 'accexp_he-data-grid',
    list: () => (q().length < 2 ? null : CUSTOMERS.filter((c) => [c.name, c.domain, c.tenantId].some((v) => v.toLowerCase().includes(q())))),
    nameButton: (c) => heButton('accexp_he-button', { label: c.name, attrs: { appearance: 'link' },
      onClick: () => navigate(href(`/dashboard/v2/customers/${c.tenantId}/servicerequests`)) }),
    extra: (c) => (missing('new-request') ? null : newRequestMenu(c)), extraHead: t.actions,
  });
  let timer = 0;
  const search = h('input', { type: 'search', class: 'door-search', placeholder: t.searchCustomer, 'aria-label': t.searchCustomer, value: state.doorSearch,
    oninput: (e) => {
      state.doorSearch = e.target.value;
      clearTimeout(timer);
      closeLayer?.();
      timer = window.setTimeout(refresh, 400); // the search goes to the server
    } });
  return page(h('h1', null, t.customerRequests), h('p', { class: 'muted' }, t.customerRequestsIntro),
    h('div', { class: 'toolbar' }, search), grid);
}

/** Partner Center's own Help + support (the wrong door for a customer's problem). */
function ownSupportPage() {
  const { t } = state;
  const { table } = requestsTable(() => [h('tr', null, h('td', null, '2410010010000042'), h('td', null, 'MPN ID not linked'), h('td', null, t.closed), h('td', null, '2024-10-01'))]);
  return page(h('h1', null, t.helpSupport), h('p', { class: 'muted' }, t.ownSupportIntro),
    h('h2', null, t.myRequests),
    h('div', { class: 'toolbar' }, heButton('v6_he-button', { label: t.newRequest, attrs: { appearance: 'primary' },
      onClick: () => navigate(href('/dashboard/v2/support/servicerequests/create?stage=1')) })),
    table);
}

function ownSupportCreatePage() {
  const { t } = state;
  const params = new URLSearchParams(location.search);
  const stage = params.get('stage') ?? '1';
  const topic = OWN_TOPICS.find(([, id]) => id === params.get('topicid'));
  if (stage === '2' && topic) {
    return page(h('h1', null, t.newRequest), h('p', { class: 'muted' }, `${t.topic}: ${topic[2]}`),
      h('div', { class: 'form' }, h('label', null, t.title, h('input', { type: 'text' })), h('label', null, t.describeIssue, h('textarea')),
        heButton('v6_he-button', { label: t.submit, attrs: { appearance: 'primary' } })));
  }
  let chosen = OWN_TOPICS[0][1];
  return page(h('h1', null, t.newRequest), h('p', { class: 'muted' }, t.ownSupportIntro),
    h('div', { class: 'form' }, h('label', null, t.describeIssue, h('input', { type: 'text' })),
      heSelect({ label: t.topic, options: OWN_TOPICS.map(([, id, label]) => [id, label]), onChange: (v) => { chosen = v; } }),
      heButton('v6_he-button', { label: t.next, attrs: { appearance: 'primary' },
        onClick: () => navigate(href(`/dashboard/v2/support/servicerequests/create?stage=2&topicid=${chosen}`)) })));
}

function gdapPage() {
  const { t } = state;
  return page(h('h1', null, t.gdap),
    h('div', { class: 'card', style: { padding: '0' } }, h('table', null,
      h('thead', null, h('tr', null, h('th', null, t.customerName), h('th', null, t.relationshipName), h('th', null, t.status))),
      h('tbody', null, CUSTOMERS.map((c) => h('tr', { id: `gdap-${c.tenantId}` },
        h('td', null, h('a', { href: href(`/dashboard/v2/customers/${c.tenantId}/adminrelationships`) }, c.name)),
        h('td', null, `GDAP_${c.domain.split('.')[0]}_helpdesk`), h('td', null, t.active)))))));
}

function simplePage(key) {
  const { t } = state;
  return page(h('h1', null, t[key]), h('div', { class: 'card' }, h('p', { class: 'muted' }, t.nothing)));
}

function notFoundPage() {
  const { t } = state;
  return page(h('h1', null, t.notFound), h('a', { href: href('/dashboard/home') }, t.dashboard));
}

function buildPage(route) {
  switch (route.name) {
    case 'home': return homePage();
    case 'customers': return customersPage();
    case 'customer': return customerPage(route);
    case 'gdap': return gdapPage();
    case 'administer': return administerPage();
    case 'administer-sr': return administerServiceRequestsPage();
    case 'servicehealth': return serviceHealthPage();
    case 'customer-requests': return customerRequestsPage();
    case 'own-support': return ownSupportPage();
    case 'own-support-create': return ownSupportCreatePage();
    case 'simple': return simplePage(route.key);
    default: return notFoundPage();
  }
}

// ---- render loop --------------------------------------------------------------------------

function render() {
  const { prefix, locale } = splitLocale(location.pathname);
  state.prefix = prefix;
  state.lang = langFrom(locale || navigator.language);
  state.t = stringsFor(PC_STRINGS, state.lang);
  state.knobs = readKnobs('2019');
  document.documentElement.lang = state.lang;
  const route = parseRoute(location.pathname);
  state.route = route;
  closeLayer?.();
  if (route.name !== 'customers') { state.gridLoaded = false; state.search = ''; }
  if (route.name !== 'customer-requests') state.doorSearch = '';
  const token = ++state.renderToken;
  document.title = `${route.name === 'customers' ? state.t.customers + ' - ' : ''}${state.t.partnerCenter}`;
  if (!state.mainSlot) document.body.replaceChildren(buildShell());
  const main = /** @type {HTMLElement} */ (state.mainSlot);
  // A document's first render shows only the chrome (header) for `replica-nav-delay` ms (default
  // 1500): the navigation and the page arrive late, as on the real portal after a (re)load.
  const first = state.firstRender;
  state.firstRender = false;
  if (first && state.knobs.navDelay > 0) setTimeout(fillNav, state.knobs.navDelay);
  else if (!state.navReady) fillNav();
  updateNavCurrent(route);
  const show = () => {
    if (token !== state.renderToken) return;
    main.replaceChildren(buildPage(route));
    main.dataset.route = route.name;
    if (state.knobs.rerender) {
      setTimeout(() => {
        if (token !== state.renderToken) return;
        main.replaceChildren(buildPage(route)); // fresh, identical nodes
      }, state.knobs.rerender);
    }
  };
  const wait = first ? Math.max(state.knobs.navDelay, state.knobs.delay) : state.knobs.delay;
  if (wait) {
    main.replaceChildren(state.knobs.delay ? h('div', { class: 'spinner', role: 'progressbar', 'aria-label': state.t.loading }) : '');
    setTimeout(show, wait);
  } else show();
}

styleDocument();
render();
