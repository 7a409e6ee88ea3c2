// Replica of the Partner Center dashboard (partner.microsoft.com): a client-routed SPA built from
// web components with open shadow roots nested several deep. See README.md for the contract.
import { CUSTOMERS, customerByTenantId, delegatedLink } from './customers.js';
import { h, shadowHost, readKnobs, styleDocument, langFrom, append } from './common.js';

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CUSTOMER_PAGES = ['account', 'adminrelationships', 'subscriptions', 'servicemanagementpage', 'servicerequests', 'users'];

const STRINGS = {
  en: {
    partnerCenter: 'Partner Center', home: 'Home', customers: 'Customers', administer: 'Administer in CSP',
    serviceHealth: 'Service health', billing: 'Billing', settings: 'Settings', dashboard: 'Partner Center dashboard',
    search: 'Search', selectRow: 'Select row', customerName: 'Customer name', domain: 'Primary domain name',
    tenantId: 'Microsoft ID', account: 'Account', subscriptions: 'Subscriptions', adminRelationships: 'Admin relationships',
    serviceManagement: 'Service management', users: 'Users and licenses', serviceRequests: 'Service requests',
    newRequest: 'New request', administerSection: 'Administer services', ms365: 'Microsoft 365',
    office2019: 'Microsoft Office 365', azure2019: 'Microsoft Azure',
    office2021: 'Office 365, Dynamics 365, Enterprise Mobility Suite', azure2021: 'Azure',
    requestId: 'Request ID', title: 'Title', status: 'Status', created: 'Created', open: 'Open', closed: 'Closed',
    srIntro: 'Create and track support requests for this customer.',
    smIntro: 'Manage this customer\u2019s services and open support requests on their behalf.',
    srSection: 'Support', viewRequests: 'View and create service requests for this customer.',
    welcome: 'Welcome back. Here is what needs your attention.', gdap: 'Granular admin relationships',
    notFound: 'We can\u2019t find that page.', signedInAs: 'agent@partner.onmicrosoft.com',
    customerFor: 'Customer', loading: 'Loading', more: 'More', pickCustomer: 'Customer',
    healthIntro: 'Check the health of Microsoft services before you contact support.',
    healthy: 'Healthy', advisory: 'Advisory', service: 'Service', administerIntro: 'Manage your customers\u2019 workloads, service requests and service health in one place.',
  },
  ko: {
    partnerCenter: '파트너 센터', home: '홈', customers: '고객', administer: 'CSP에서 관리',
    serviceHealth: '서비스 상태', billing: '청구', settings: '설정', dashboard: '파트너 센터 대시보드',
    search: '검색', selectRow: '행 선택', customerName: '고객 이름', domain: '기본 도메인 이름',
    tenantId: 'Microsoft ID', account: '계정', subscriptions: '구독', adminRelationships: '관리자 관계',
    serviceManagement: '서비스 관리', users: '사용자 및 라이선스', serviceRequests: '서비스 요청',
    newRequest: '새 요청', administerSection: '서비스 관리', ms365: 'Microsoft 365',
    office2019: 'Microsoft Office 365', azure2019: 'Microsoft Azure',
    office2021: 'Office 365, Dynamics 365, Enterprise Mobility Suite', azure2021: 'Azure',
    requestId: '요청 ID', title: '제목', status: '상태', created: '만든 날짜', open: '열림', closed: '닫힘',
    srIntro: '이 고객의 지원 요청을 만들고 추적합니다.',
    smIntro: '이 고객의 서비스를 관리하고 고객을 대신하여 지원 요청을 엽니다.',
    srSection: '지원', viewRequests: '이 고객의 서비스 요청을 보고 만듭니다.',
    welcome: '다시 오신 것을 환영합니다.', gdap: '세분화된 관리자 관계',
    notFound: '페이지를 찾을 수 없습니다.', signedInAs: 'agent@partner.onmicrosoft.com',
    customerFor: '고객', loading: '로드 중', more: '더 보기', pickCustomer: '고객',
    healthIntro: '지원 팀에 문의하기 전에 Microsoft 서비스의 상태를 확인하세요.',
    healthy: '정상', advisory: '권고', service: '서비스', administerIntro: '고객의 워크로드, 서비스 요청 및 서비스 상태를 한 곳에서 관리합니다.',
  },
};

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
  let m = new RegExp(`^/dashboard/v2/customers/(${GUID})(?:/([a-z]+))?$`).exec(p);
  if (m) return { name: 'customer', tenantId: m[1], page: m[2] ?? 'adminrelationships' };
  if (p === '/dashboard/v2/administer') return { name: 'administer' };
  if (p === '/dashboard/v2/administer/servicerequests') return { name: 'administer-sr' };
  if (p === '/dashboard/v2/support/servicehealth') return { name: 'servicehealth' };
  if (p === '/dashboard/v2/billing') return { name: 'simple', key: 'billing' };
  if (p === '/dashboard/v2/settings') return { name: 'simple', key: 'settings' };
  return { name: 'notfound' };
}

const state = {
  lang: 'en',
  /** @type {Record<string,string>} */ t: STRINGS.en,
  prefix: '',
  knobs: readKnobs('2019'),
  renderToken: 0,
  gridLoaded: false,
  search: '',
  /** @type {HTMLElement | null} */ mainSlot: null,
  /** @type {HTMLElement | null} */ nav: null,
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
main { flex: 1; overflow: auto; padding: 24px 32px; min-width: 0; }
`;

const NAV_CSS = `
:host { display: block; width: 228px; flex: none; background: #f0f0f0; border-right: 1px solid #e0e0e0;
  overflow: auto; padding: 8px 0; }
nav a { display: flex; align-items: center; gap: 12px; height: 40px; padding: 0 16px; color: #242424; font-size: 14px;
  border-left: 3px solid transparent; }
nav a:hover { background: #e6e6e6; text-decoration: none; color: #242424; }
nav a[aria-current="page"] { background: #fff; border-left-color: #0f6cbd; font-weight: 600; }
nav .ico { width: 16px; text-align: center; color: #616161; font-size: 14px; }
`;

const PAGE_CSS = `
:host { display: block; max-width: 1200px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 16px; margin-top: 16px; }
.tile h3 { margin-bottom: 6px; }
.toolbar { display: flex; align-items: center; gap: 12px; margin: 8px 0 16px; }
#customer-search-box { width: 280px; }
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
`;

function icon(ch) {
  return h('span', { class: 'ico', 'aria-hidden': 'true' }, ch);
}

// ---- shell --------------------------------------------------------------------------------

function buildNav() {
  const { t } = state;
  const items = [
    ['home', '/dashboard/home', t.home, '\u2302'],
    ['customers', '/dashboard/v2/customers/list', t.customers, '\u263A'],
    ['administer', '/dashboard/v2/administer', t.administer, '\u2699'],
    ['service-health', '/dashboard/v2/support/servicehealth', t.serviceHealth, '\u2665'],
    ['billing', '/dashboard/v2/billing', t.billing, '\u00A4'],
    ['settings', '/dashboard/v2/settings', t.settings, '\u2630'],
  ];
  return shadowHost(
    'pc-nav',
    { css: NAV_CSS, attrs: { role: 'navigation', 'aria-label': t.partnerCenter } },
    h(
      'nav',
      null,
      items
        .filter(([key]) => !missing(key, `nav-${key}`))
        .map(([key, path, label, ch]) => h('a', { href: href(path), id: `nav-${key}`, 'data-key': key }, icon(ch), h('span', null, label))),
    ),
  );
}

function updateNavCurrent(route) {
  const root = state.nav?.shadowRoot;
  if (!root) return;
  const active =
    route.name === 'home' ? 'home'
    : route.name === 'customers' || route.name === 'customer' || route.name === 'gdap' ? 'customers'
    : route.name.startsWith('administer') ? 'administer'
    : route.name === 'servicehealth' ? 'service-health'
    : route.key ?? '';
  for (const a of root.querySelectorAll('a')) {
    if (a.dataset.key === active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function buildShell() {
  const { t } = state;
  state.nav = buildNav();
  state.mainSlot = h('main', { id: 'main-content' });
  const waffle = h('span', { class: 'waffle', 'aria-hidden': 'true' }, Array.from({ length: 9 }, () => h('i')));
  return shadowHost(
    'pc-shell',
    { css: SHELL_CSS },
    h('header', { role: 'banner' }, waffle, h('span', { class: 'ms' }, 'Microsoft'), h('span', { class: 'sep' }),
      h('span', { class: 'app', id: 'app-title' }, t.partnerCenter), h('span', { class: 'spacer' }),
      h('span', { class: 'me' }, t.signedInAs, h('span', { class: 'avatar' }, 'AG'))),
    h('div', { class: 'body' }, state.nav, state.mainSlot),
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
      tile(t.customers, state.lang === 'ko' ? '고객 계정, 구독 및 서비스를 관리합니다.' : 'Manage customer accounts, subscriptions and services.', '/dashboard/v2/customers/list', 'tile-customers'),
      tile(t.serviceHealth, t.healthIntro, '/dashboard/v2/support/servicehealth', 'tile-service-health'),
      tile(t.administer, t.administerIntro, '/dashboard/v2/administer', 'tile-administer'),
      tile(t.billing, state.lang === 'ko' ? '청구서 및 조정 파일을 확인합니다.' : 'Review invoices and reconciliation files.', '/dashboard/v2/billing', 'tile-billing')),
  );
}

/** `<customersvcadmin_he-button appearance="link">` with its own shadow root around a <button>. */
function heButton(label, onClick, attrs = {}) {
  const b = shadowHost(
    'customersvcadmin_he-button',
    { attrs: { appearance: 'link', ...attrs }, light: [label],
      css: `:host { display: inline-block; } button { all: unset; cursor: pointer; color: #0f6cbd; font-size: 14px; }
        button:hover { text-decoration: underline; } button:focus-visible { outline: 2px solid #0f6cbd; }` },
    h('button', { type: 'button', part: 'control' }, h('slot')),
  );
  b.addEventListener('click', onClick);
  return b;
}

const GRID_CSS = `
:host { display: block; background: #fff; border-radius: 8px; box-shadow: 0 0 2px rgba(0,0,0,.12), 0 2px 4px rgba(0,0,0,.14); overflow: hidden; }
.shimmer { height: 12px; border-radius: 4px; background: linear-gradient(90deg, #f0f0f0 0%, #e0e0e0 50%, #f0f0f0 100%);
  background-size: 200% 100%; animation: sh 1.2s ease-in-out infinite; }
@keyframes sh { from { background-position: 200% 0; } to { background-position: -200% 0; } }
td.sel, th.sel { width: 40px; }
tr[aria-selected="true"] { background: #ebf3fc; }
.empty { padding: 24px; color: #616161; font-size: 14px; }
`;

function customerGrid() {
  const { t } = state;
  const tbody = h('tbody', { role: 'rowgroup' });
  const table = h('table', { role: 'grid', 'aria-label': t.customers },
    h('thead', { role: 'rowgroup' },
      h('tr', { role: 'row' }, h('th', { class: 'sel', role: 'columnheader' }),
        h('th', { role: 'columnheader' }, t.customerName), h('th', { role: 'columnheader' }, t.domain),
        h('th', { role: 'columnheader' }, t.tenantId))),
    tbody);
  const grid = shadowHost('customersvcadmin_he-data-grid', { css: GRID_CSS, attrs: { id: 'customer-grid' } }, table);

  const placeholders = () =>
    Array.from({ length: 4 }, (_, i) =>
      h('tr', { role: 'row', id: `row-he-row-${i}`, 'aria-busy': 'true' },
        h('td', { class: 'sel' }, h('div', { class: 'shimmer', style: { width: '16px' } })),
        h('td', null, h('div', { class: 'shimmer', style: { width: '160px' } })),
        h('td', null, h('div', { class: 'shimmer', style: { width: '200px' } })),
        h('td', null, h('div', { class: 'shimmer', style: { width: '260px' } }))));

  const dataRows = () => {
    const q = state.search.trim().toLowerCase();
    const list = CUSTOMERS.filter((c) => !q || [c.name, c.domain, c.tenantId].some((v) => v.toLowerCase().includes(q)));
    if (!list.length) return [h('tr', { role: 'row' }, h('td', { colspan: '4', class: 'empty' }, state.lang === 'ko' ? '결과 없음' : 'No results'))];
    return list.map((c) => {
      const row = h('tr', { role: 'row', id: `row-${c.tenantId}`, 'aria-selected': 'false' });
      const radio = h('input', { type: 'radio', name: 'select-row', 'aria-label': t.selectRow,
        onchange: () => { for (const r of tbody.querySelectorAll('tr')) r.setAttribute('aria-selected', String(r === row)); } });
      append(row, [
        h('td', { class: 'sel', role: 'gridcell' }, radio),
        h('th', { role: 'rowheader', scope: 'row', id: `cell-displayName-${c.tenantId}` },
          heButton(c.name, () => navigate(href(`/dashboard/v2/customers/${c.tenantId}/adminrelationships`)))),
        h('td', { role: 'gridcell', id: `cell-domainName-${c.tenantId}` }, c.domain),
        h('td', { role: 'gridcell', id: `cell-tenantId-${c.tenantId}` }, c.tenantId),
      ]);
      return row;
    });
  };

  const fill = (rows) => tbody.replaceChildren(...rows);
  if (state.gridLoaded) fill(dataRows());
  else {
    fill(placeholders());
    const token = state.renderToken;
    setTimeout(() => {
      if (token !== state.renderToken) return;
      state.gridLoaded = true;
      fill(dataRows());
    }, 700);
  }
  return { grid, refresh: () => state.gridLoaded && fill(dataRows()) };
}

function customersPage() {
  const { t } = state;
  const { grid, refresh } = customerGrid();
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
a { display: block; padding: 8px 12px; font-size: 14px; color: #242424; border-left: 3px solid transparent; }
a:hover { background: #f0f0f0; text-decoration: none; color: #242424; }
a[aria-current="page"] { border-left-color: #0f6cbd; font-weight: 600; background: #fff; }
`;

function customerNav(customer, tenantId, current) {
  const { t, knobs } = state;
  const base = `/dashboard/v2/customers/${tenantId}`;
  const link = (key, pageName, label) =>
    missing(key) ? null : h('a', { href: href(`${base}/${pageName}`), id: `customer-nav-${key}`, 'data-key': key,
      'aria-current': current === pageName ? 'page' : null }, label);
  const extra = knobs.scroll
    ? Array.from({ length: 30 }, (_, i) => h('a', { href: href(`${base}/account`), class: 'extra' },
        state.lang === 'ko' ? `추가 항목 ${i + 1}` : `Additional item ${i + 1}`))
    : [];
  return shadowHost('pc-customer-nav', { css: CNAV_CSS, attrs: { 'aria-label': customer?.name ?? tenantId } },
    h('nav', { class: knobs.scroll ? 'scroller fixed' : 'scroller', id: 'customer-nav-scroller' },
      link('account', 'account', t.account),
      link('subscriptions', 'subscriptions', t.subscriptions),
      link('admin-relationships', 'adminrelationships', t.adminRelationships),
      extra,
      link('service-management', 'servicemanagementpage', t.serviceManagement),
      knobs.ui === '2021' ? link('service-requests-nav', 'servicerequests', t.serviceRequests) : null,
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

function newRequestMenu(customer) {
  const { t, knobs } = state;
  const office = knobs.ui === '2021' ? t.office2021 : t.office2019;
  const azure = knobs.ui === '2021' ? t.azure2021 : t.azure2019;
  const menu = h('div', { role: 'menu', id: 'new-request-menu', hidden: true, 'aria-label': t.newRequest },
    missing('office-365') ? null
      : h('a', { role: 'menuitem', id: 'office-365', href: delegatedLink(customer, knobs.ui), target: '_blank', rel: 'noopener',
          onclick: () => close() }, office),
    h('a', { role: 'menuitem', id: 'azure', href: `https://portal.azure.com/#@${customer.domain}`, target: '_blank', rel: 'noopener',
      onclick: () => close() }, azure));
  const button = h('button', { type: 'button', class: 'btn primary', id: 'new-request', 'aria-haspopup': 'menu', 'aria-expanded': 'false',
    'aria-controls': 'new-request-menu', onclick: () => (menu.hidden ? open() : close()) }, '+ ', t.newRequest, h('span', { class: 'chev' }, ' \u25BE'));
  const host = shadowHost('pc-new-request', { css: MENU_CSS }, button, menu);
  const onOutside = (e) => { if (!e.composedPath().includes(host)) close(); };
  const onKey = (e) => { if (e.key === 'Escape') close(); };
  function open() {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    setTimeout(() => document.addEventListener('click', onOutside, true));
    document.addEventListener('keydown', onKey);
  }
  function close() {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
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

function serviceRequestsPanel(customer, { picker = false } = {}) {
  const { t } = state;
  const rows = PAST_REQUESTS.map(([id, title, status, date]) =>
    h('tr', { role: 'row' }, h('td', null, id), h('td', null, title),
      h('td', null, h('span', { class: 'status' }, h('span', { class: status === 'Open' ? 'dot warn' : 'dot' }), status === 'Open' ? t.open : t.closed)),
      h('td', null, date)));
  let menuSlot = h('span', { id: 'new-request-slot' }, missing('new-request') ? null : newRequestMenu(customer));
  const select = picker
    ? h('select', { id: 'customer-picker', 'aria-label': t.pickCustomer, onchange: (e) => {
        const c = customerByTenantId(e.target.value) ?? customer;
        menuSlot.replaceChildren(missing('new-request') ? '' : newRequestMenu(c));
      } }, CUSTOMERS.map((c) => h('option', { value: c.tenantId }, c.name)))
    : null;
  return shadowHost('pc-service-requests', { css: PAGE_CSS + 'table { background: #fff; }' },
    h('h2', { id: 'service-requests-heading' }, t.serviceRequests),
    h('p', { class: 'muted' }, t.srIntro),
    h('div', { class: 'toolbar' }, select, menuSlot),
    h('div', { class: 'card', style: { padding: '0' } },
      h('table', { 'aria-label': t.serviceRequests },
        h('thead', null, h('tr', null, h('th', null, t.requestId), h('th', null, t.title), h('th', null, t.status), h('th', null, t.created))),
        h('tbody', null, rows))));
}

function serviceManagementPanel(customer, tenantId) {
  const { t, knobs } = state;
  const base = `/dashboard/v2/customers/${tenantId}`;
  const adminLinks = [
    missing('MicrosoftOffice', 'microsoft-office')
      ? null
      : h('a', { id: 'MicrosoftOffice', href: delegatedLink(customer, knobs.ui), target: '_blank', rel: 'noopener' }, t.ms365),
    h('a', { id: 'MicrosoftAzure', href: `https://portal.azure.com/#@${customer.domain}`, target: '_blank', rel: 'noopener' }, 'Microsoft Azure'),
    h('a', { id: 'Exchange', href: `https://admin.exchange.microsoft.com/?delegatedOrg=${customer.domain}`, target: '_blank', rel: 'noopener' }, 'Exchange'),
    h('a', { id: 'SharePoint', href: `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${tenantId}&CSDEST=SharePoint`, target: '_blank', rel: 'noopener' }, 'SharePoint'),
    h('a', { id: 'Teams', href: `https://admin.teams.microsoft.com/?delegatedOrg=${customer.domain}`, target: '_blank', rel: 'noopener' }, 'Microsoft Teams'),
  ];
  return shadowHost('pc-service-management', { css: PAGE_CSS },
    h('h2', { id: 'service-management-heading' }, t.serviceManagement),
    h('p', { class: 'muted' }, t.smIntro),
    h('div', { class: 'card section' }, h('h3', null, t.administerSection), h('div', { class: 'links' }, adminLinks)),
    h('div', { class: 'card section' }, h('h3', null, t.srSection), h('p', { class: 'muted' }, t.viewRequests),
      missing('service-requests') ? null
        : h('a', { id: 'service-requests', class: 'btn', href: href(`${base}/servicerequests`) }, t.serviceRequests)));
}

function customerPage(route) {
  const { t } = state;
  const customer = customerByTenantId(route.tenantId);
  const pageName = CUSTOMER_PAGES.includes(route.page) ? route.page : 'account';
  const name = customer?.name ?? route.tenantId;
  const header = shadowHost('pc-customer-header', { css: ':host{display:block;margin-bottom:20px}' },
    h('div', { class: 'crumbs' }, h('a', { href: href('/dashboard/v2/customers/list') }, t.customers), ' \u203A ', name),
    h('h1', { id: 'customer-name', 'data-tenant-id': route.tenantId }, name),
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
        h('thead', null, h('tr', null, h('th', null, state.lang === 'ko' ? '관계 이름' : 'Relationship name'), h('th', null, t.status), h('th', null, state.lang === 'ko' ? '종료 날짜' : 'End date'))),
        h('tbody', null,
          h('tr', null, h('td', null, `GDAP_${customer.domain.split('.')[0]}_helpdesk`), h('td', null, state.lang === 'ko' ? '활성' : 'Active'), h('td', null, '2026-12-31')),
          h('tr', null, h('td', null, 'Default_DAP'), h('td', null, state.lang === 'ko' ? '활성' : 'Active'), h('td', null, '\u2014'))))));
  }
  if (pageName === 'subscriptions') {
    return h('div', null, h('h2', null, t.subscriptions),
      h('div', { class: 'card', style: { padding: '0' } }, h('table', null,
        h('thead', null, h('tr', null, h('th', null, 'Product'), h('th', null, 'Quantity'), h('th', null, t.status))),
        h('tbody', null,
          h('tr', null, h('td', null, 'Microsoft 365 Business Premium'), h('td', null, '25'), h('td', null, 'Active')),
          h('tr', null, h('td', null, 'Exchange Online (Plan 1)'), h('td', null, '10'), h('td', null, 'Active'))))));
  }
  const title = pageName === 'users' ? t.users : t.account;
  return h('div', null, h('h2', null, title), h('div', { class: 'card' }, h('dl', null,
    h('dt', null, t.customerName), h('dd', null, customer.name),
    h('dt', null, t.domain), h('dd', null, customer.domain),
    h('dt', null, t.tenantId), h('dd', null, customer.tenantId),
    h('dt', null, state.lang === 'ko' ? '국가/지역' : 'Country/region'), h('dd', null, customer.country))));
}

function serviceHealthPage() {
  const { t } = state;
  const services = [['Exchange Online', false], ['Microsoft Teams', true], ['SharePoint Online', false], ['Microsoft Entra', false], ['Microsoft 365 Apps', false]];
  return page(h('h1', { id: 'service-health-heading' }, t.serviceHealth), h('p', { class: 'muted' }, t.healthIntro),
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
          : h('a', { id: 'administer-service-requests', href: href('/dashboard/v2/administer/servicerequests') }, `${t.serviceRequests} \u203A`)),
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

function gdapPage() {
  const { t } = state;
  return page(h('h1', null, t.gdap),
    h('div', { class: 'card', style: { padding: '0' } }, h('table', null,
      h('thead', null, h('tr', null, h('th', null, t.customerName), h('th', null, state.lang === 'ko' ? '관계 이름' : 'Relationship name'), h('th', null, t.status))),
      h('tbody', null, CUSTOMERS.map((c) => h('tr', { id: `gdap-${c.tenantId}` },
        h('td', null, h('a', { href: href(`/dashboard/v2/customers/${c.tenantId}/adminrelationships`) }, c.name)),
        h('td', null, `GDAP_${c.domain.split('.')[0]}_helpdesk`), h('td', null, state.lang === 'ko' ? '활성' : 'Active')))))));
}

function simplePage(key) {
  const { t } = state;
  return page(h('h1', null, t[key]), h('div', { class: 'card' }, h('p', { class: 'muted' }, state.lang === 'ko' ? '이 페이지에는 표시할 항목이 없습니다.' : 'Nothing to show here yet.')));
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
    case 'simple': return simplePage(route.key);
    default: return notFoundPage();
  }
}

// ---- render loop --------------------------------------------------------------------------

function render() {
  const { prefix, locale } = splitLocale(location.pathname);
  state.prefix = prefix;
  state.lang = langFrom(locale || navigator.language);
  state.t = STRINGS[state.lang];
  state.knobs = readKnobs('2019');
  document.documentElement.lang = state.lang;
  const route = parseRoute(location.pathname);
  if (route.name !== 'customers') { state.gridLoaded = false; state.search = ''; }
  const token = ++state.renderToken;
  document.title = `${route.name === 'customers' ? state.t.customers + ' - ' : ''}${state.t.partnerCenter}`;
  if (!state.mainSlot) {
    const shell = buildShell();
    document.body.replaceChildren(shell);
  }
  updateNavCurrent(route);
  const main = /** @type {HTMLElement} */ (state.mainSlot);
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
  if (state.knobs.delay) {
    main.replaceChildren(h('div', { class: 'spinner', role: 'progressbar', 'aria-label': state.t.loading }));
    setTimeout(show, state.knobs.delay);
  } else show();
}

styleDocument();
render();
