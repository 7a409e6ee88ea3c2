// Replica of the Microsoft 365 admin center (admin.microsoft.com, portal.office.com,
// admin.cloud.microsoft, portal.office365.us, portal.apps.mil): a hash-routed SPA in open shadow
// roots. Variant 2019: left-nav Support page; variant 2021: floating Help & support pane.
import { customerByDomain, customerByTenantId } from './customers.js';
import { h, shadowHost, readKnobs, styleDocument, langFrom } from './common.js';

const STRINGS = {
  en: {
    app: 'Microsoft 365 admin center', home: 'Home', users: 'Users', groups: 'Teams & groups', billing: 'Billing',
    support: 'Support', settings: 'Settings', health: 'Health', serviceHealth: 'Service health', showAll: 'Show all',
    newServiceRequest: 'New service request', viewServiceRequests: 'View service requests', helpSupport: 'Help & support',
    contactSupport: 'Contact Support', newMicrosoftServiceRequest: 'New Microsoft service request', supportTopic: 'Support topic',
    createServiceRequest: 'Create a service request', howCanWeHelp: 'How can we help?', minimize: 'Minimize', close: 'Close',
    description: 'Description', describe: 'Tell us about the problem', submit: 'Submit', delegated: 'Partner access',
    welcome: 'Welcome', supportIntro: 'Get help from Microsoft support for your organization.',
    srIntro: 'Choose a support topic and describe the problem.', pickTopic: 'Select the area your problem is in',
    partnerSold: 'Your subscription was sold by a Microsoft partner. For most issues, contact your partner first.',
    healthIntro: 'View the health status of all services that are available with your current subscriptions.',
    healthy: 'Healthy', advisory: 'Advisory', service: 'Service', status: 'Status', loading: 'Loading',
    activeUsers: 'Active users', noRequests: 'No open service requests.', orgName: 'Partner organization (your tenant)',
    suggested: 'Suggested for you', cards: ['User management', 'Billing', 'Service health', 'Message center'],
  },
  ko: {
    app: 'Microsoft 365 관리 센터', home: '홈', users: '사용자', groups: '팀 및 그룹', billing: '청구',
    support: '지원', settings: '설정', health: '상태', serviceHealth: '서비스 상태', showAll: '모두 표시',
    newServiceRequest: '새 서비스 요청', viewServiceRequests: '서비스 요청 보기', helpSupport: '도움말 및 지원',
    contactSupport: '지원 팀에 문의', newMicrosoftServiceRequest: '새 Microsoft 서비스 요청', supportTopic: '지원 항목',
    createServiceRequest: '서비스 요청 만들기', howCanWeHelp: '무엇을 도와드릴까요?', minimize: '최소화', close: '닫기',
    description: '설명', describe: '문제에 대해 알려 주세요', submit: '제출', delegated: '파트너 액세스',
    welcome: '환영합니다', supportIntro: '조직을 위해 Microsoft 지원 팀의 도움을 받으세요.',
    srIntro: '지원 항목을 선택하고 문제를 설명하세요.', pickTopic: '문제가 있는 영역을 선택하세요',
    partnerSold: 'Microsoft 파트너가 판매한 구독입니다. 대부분의 문제는 먼저 파트너에게 문의하세요.',
    healthIntro: '현재 구독으로 사용할 수 있는 모든 서비스의 상태를 확인합니다.',
    healthy: '정상', advisory: '권고', service: '서비스', status: '상태', loading: '로드 중',
    activeUsers: '활성 사용자', noRequests: '열린 서비스 요청이 없습니다.', orgName: '파트너 조직(내 테넌트)',
    suggested: '추천 항목', cards: ['사용자 관리', '청구', '서비스 상태', '메시지 센터'],
  },
};

const TOPICS = [
  ['exchange', 'Exchange Online / Email', 'Exchange Online / 메일'],
  ['sharepoint', 'SharePoint', 'SharePoint'],
  ['teams', 'Microsoft Teams', 'Microsoft Teams'],
  ['apps', 'Microsoft 365 Apps', 'Microsoft 365 앱'],
  ['identity', 'Identity & access', 'ID 및 액세스'],
  ['licensing', 'Licensing', '라이선싱'],
];

const lang = langFrom();
const t = STRINGS[lang];
const defaultUi = location.hostname === 'admin.cloud.microsoft' ? '2021' : '2019';
let knobs = readKnobs(defaultUi);
const missing = (...keys) => keys.some((k) => knobs.missing.has(k));

// ---- delegated context --------------------------------------------------------------------
const params = new URLSearchParams(location.search);
const delegatedOrg = params.get('delegatedOrg') ?? params.get('delegatedorg');
const tenantIdParam = params.get('tenantId') ?? params.get('tenantid');

// admin.cloud.microsoft/?delegatedOrg=... without a hash: first visit in the tab signs in first.
const redirecting = location.hostname === 'admin.cloud.microsoft' && !!delegatedOrg && !location.hash && sessionStorage.getItem('replica-signed-in') !== '1';
if (redirecting) {
  sessionStorage.setItem('replica-signed-in', '1');
  const target = `https://admin.cloud.microsoft/?delegatedOrg=${delegatedOrg}#/homepage`;
  location.replace(`https://login.microsoftonline.com/common/oauth2/authorize?client_id=00000006-0000-0ff1-ce00-000000000000&redirect_uri=${encodeURIComponent(target)}`);
}

/** @returns {{ domain?: string, tenantId?: string } | null} */
function delegation() {
  const fromName = /^replica-delegated:(.*)$/.exec(window.name);
  if (fromName) {
    window.name = '';
    sessionStorage.setItem('replica-delegated', JSON.stringify({ tenantId: fromName[1] }));
  }
  if (delegatedOrg || tenantIdParam) {
    sessionStorage.setItem('replica-delegated', JSON.stringify({ domain: delegatedOrg ?? undefined, tenantId: tenantIdParam ?? undefined }));
  }
  try {
    return JSON.parse(sessionStorage.getItem('replica-delegated') ?? 'null');
  } catch {
    return null;
  }
}
const deleg = delegation();
const customer = deleg ? (customerByDomain(deleg.domain) ?? customerByTenantId(deleg.tenantId)) : undefined;

// ---- styles -------------------------------------------------------------------------------
const SHELL_CSS = `
:host { display: flex; flex-direction: column; height: 100vh; background: #faf9f8; }
.topbar { height: 48px; flex: none; display: flex; align-items: center; gap: 14px; padding: 0 16px; color: #fff;
  background: ${knobs.ui === '2021' ? '#0f548c' : '#0078d4'}; font-size: 15px; }
.waffle { width: 20px; height: 20px; display: grid; grid-template-columns: repeat(3, 4px); gap: 3px; }
.waffle i { width: 4px; height: 4px; background: #fff; display: block; }
.title { font-weight: 600; }
.spacer { flex: 1; }
.tenant { display: flex; align-items: center; gap: 8px; font-size: 13px; background: rgba(255,255,255,.16); border-radius: 4px; padding: 4px 10px; }
.tenant b { font-weight: 600; }
.search { background: #fff; color: #616161; border-radius: 4px; width: 360px; height: 32px; display: flex; align-items: center; padding: 0 10px; font-size: 14px; }
.avatar { width: 30px; height: 30px; border-radius: 50%; background: #c239b3; display: grid; place-items: center; font-size: 12px; font-weight: 600; }
.body { flex: 1; display: flex; min-height: 0; }
main { flex: 1; overflow: auto; padding: 24px 32px; min-width: 0; }
`;
const NAV_CSS = `
:host { display: block; width: 232px; flex: none; background: #fff; border-right: 1px solid #e0e0e0; padding: 8px 0; overflow: auto; }
a { display: flex; align-items: center; gap: 12px; height: 40px; padding: 0 16px; color: #242424; font-size: 14px; border-left: 3px solid transparent; }
a:hover { background: #f5f5f5; text-decoration: none; color: #242424; }
a[aria-current="page"] { font-weight: 600; border-left-color: #0f6cbd; background: #f5f5f5; }
.group { padding: 10px 16px 4px; color: #616161; font-size: 13px; display: flex; gap: 12px; align-items: center; }
a.sub { padding-left: 44px; }
.ico { width: 16px; text-align: center; color: #616161; }
`;
const PAGE_CSS = `
:host { display: block; max-width: 1100px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 16px; margin-top: 16px; }
.actions { display: flex; gap: 12px; margin: 16px 0 24px; }
.status { display: inline-flex; align-items: center; gap: 6px; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: #107c10; display: inline-block; }
.dot.warn { background: #bc4b09; }
textarea { width: 100%; max-width: 640px; min-height: 100px; display: block; margin: 6px 0 16px; }
label { font-size: 14px; font-weight: 600; }
.form { max-width: 720px; }
`;
const TOPICS_CSS = `
:host { display: block; margin: 12px 0 20px; }
[role=radiogroup] { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 8px; max-width: 720px; }
.legend { font-size: 14px; font-weight: 600; margin-bottom: 8px; display: block; }
[role=radio] { display: flex; align-items: center; gap: 10px; padding: 10px 12px; border: 1px solid #d1d1d1; border-radius: 4px;
  background: #fff; cursor: pointer; font-size: 14px; }
[role=radio]:hover { border-color: #0f6cbd; }
[role=radio]:focus-visible { outline: 2px solid #0f6cbd; }
[role=radio] .circle { width: 16px; height: 16px; border-radius: 50%; border: 1px solid #616161; flex: none; display: grid; place-items: center; }
[role=radio][aria-checked="true"] { border-color: #0f6cbd; background: #ebf3fc; }
[role=radio][aria-checked="true"] .circle { border-color: #0f6cbd; }
[role=radio][aria-checked="true"] .circle::after { content: ''; width: 8px; height: 8px; border-radius: 50%; background: #0f6cbd; }
`;

// ---- building blocks ----------------------------------------------------------------------

function topicPicker(onChange) {
  const group = h('div', { role: 'radiogroup', id: 'support-topic', 'aria-label': t.supportTopic });
  const radios = TOPICS.map(([key, en, ko], i) => {
    const r = h('div', { role: 'radio', id: `topic-${key}`, 'data-topic': key, 'aria-checked': 'false', tabindex: i === 0 ? '0' : '-1' },
      h('span', { class: 'circle', 'aria-hidden': 'true' }), h('span', null, lang === 'ko' ? ko : en));
    return r;
  });
  const select = (r) => {
    for (const x of radios) {
      x.setAttribute('aria-checked', String(x === r));
      x.tabIndex = x === r ? 0 : -1;
    }
    group.dataset.selected = r.dataset.topic;
    onChange?.(r.dataset.topic);
  };
  for (const r of radios) {
    r.addEventListener('click', () => select(r));
    r.addEventListener('keydown', (e) => {
      const i = radios.indexOf(r);
      if (e.key === ' ' || e.key === 'Enter') { e.preventDefault(); select(r); }
      if (e.key === 'ArrowDown' || e.key === 'ArrowRight' || e.key === 'ArrowUp' || e.key === 'ArrowLeft') {
        e.preventDefault();
        const n = radios[(i + (e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : radios.length - 1)) % radios.length];
        n.focus();
        select(n);
      }
    });
  }
  group.append(...radios);
  return shadowHost('m365-topic-picker', { css: TOPICS_CSS }, h('span', { class: 'legend', id: 'support-topic-label' }, t.pickTopic), missing('support-topic') ? null : group);
}

function requestForm() {
  let submit;
  const picker = topicPicker(() => submit.removeAttribute('disabled'));
  submit = h('button', { type: 'button', class: 'btn primary', id: 'submit-request', disabled: true }, t.submit);
  return h('div', { class: 'form' }, picker,
    h('label', { for: 'request-description' }, t.description),
    h('textarea', { id: 'request-description', placeholder: t.describe }),
    submit);
}

// ---- pages --------------------------------------------------------------------------------

function page(...children) {
  return shadowHost('m365-page', { css: PAGE_CSS, attrs: { role: 'main' } }, ...children);
}

const go = (hash) => () => { location.hash = hash; };

function homePage() {
  const who = customer ? customer.name : deleg?.domain ?? deleg?.tenantId ?? t.orgName;
  const [c1, c2, c3, c4] = t.cards;
  const card = (title, text, hash) => h('div', { class: 'card' }, h('h3', null, title), h('p', { class: 'muted' }, text),
    hash ? h('a', { href: hash }, `${title} \u203A`) : null);
  return page(h('h1', null, `${t.welcome}, ${who}`),
    h('div', { class: 'cards' },
      card(c1, `${t.activeUsers}: 42`, '#/users'),
      card(c2, 'Microsoft 365 Business Premium', '#/billing'),
      card(c3, t.healthIntro, '#/servicehealth'),
      card(c4, lang === 'ko' ? '새 메시지 3개' : '3 new messages', null)));
}

function supportPage() {
  return page(h('h1', { id: 'support-heading' }, t.support), h('p', { class: 'muted' }, t.supportIntro),
    h('div', { class: 'actions' },
      missing('new-service-request') ? null
        : h('button', { type: 'button', class: 'btn primary', id: 'new-service-request', onclick: go('#/support/newservicerequest') }, '+ ', t.newServiceRequest),
      h('button', { type: 'button', class: 'btn', id: 'view-service-requests', onclick: go('#/support/servicerequests') }, t.viewServiceRequests)),
    h('div', { class: 'card' }, h('p', { class: 'muted', style: { margin: '0' } }, t.noRequests)));
}

function newServiceRequestPage() {
  return page(h('h1', { id: 'new-service-request-heading' }, t.newServiceRequest), h('p', { class: 'muted' }, t.srIntro), requestForm());
}

function serviceRequestsPage() {
  return page(h('h1', null, t.viewServiceRequests), h('div', { class: 'card' }, h('p', { class: 'muted', style: { margin: '0' } }, t.noRequests)));
}

function serviceHealthPage() {
  const services = [['Exchange Online', false], ['Microsoft Teams', true], ['SharePoint Online', false], ['Microsoft Entra', false], ['Microsoft 365 Apps', false]];
  return page(h('h1', { id: 'service-health-heading' }, t.serviceHealth), h('p', { class: 'muted' }, t.healthIntro),
    h('div', { class: 'card', style: { padding: '0' } }, h('table', null,
      h('thead', null, h('tr', null, h('th', null, t.service), h('th', null, t.status))),
      h('tbody', null, services.map(([s, adv]) => h('tr', null, h('td', null, s),
        h('td', null, h('span', { class: 'status' }, h('span', { class: adv ? 'dot warn' : 'dot' }), adv ? t.advisory : t.healthy))))))));
}

function simplePage(title) {
  return page(h('h1', null, title), h('div', { class: 'card' }, h('p', { class: 'muted', style: { margin: '0' } }, lang === 'ko' ? '표시할 항목이 없습니다.' : 'Nothing to show here yet.')));
}

function route() {
  const r = location.hash.replace(/^#\/?/, '').replace(/[?].*$/, '').replace(/\/+$/, '').toLowerCase();
  return r || 'homepage';
}

function buildPage(r) {
  switch (r) {
    case 'support': return supportPage();
    case 'support/newservicerequest': return newServiceRequestPage();
    case 'support/servicerequests': return serviceRequestsPage();
    case 'servicehealth': return serviceHealthPage();
    case 'users': return simplePage(t.users);
    case 'groups': return simplePage(t.groups);
    case 'billing': return simplePage(t.billing);
    case 'settings': return simplePage(t.settings);
    default: return homePage();
  }
}

// ---- shell ----------------------------------------------------------------------------------

function buildNav() {
  const icon = (c) => h('span', { class: 'ico', 'aria-hidden': 'true' }, c);
  const link = (key, hash, label, ch, cls) =>
    missing(key) ? null : h('a', { href: hash, id: `nav-${key}`, 'data-route': hash.slice(2).toLowerCase(), class: cls }, icon(ch), label);
  const items = knobs.ui === '2021'
    ? [link('home', '#/homepage', t.home, '\u2302'), link('users', '#/users', t.users, '\u263A'), link('groups', '#/groups', t.groups, '\u2687'),
       link('billing', '#/billing', t.billing, '\u00A4'), link('settings', '#/settings', t.settings, '\u2699'),
       h('div', { class: 'group' }, icon('\u2665'), t.health), link('service-health', '#/servicehealth', t.serviceHealth, '', 'sub'),
       link('show-all', '#/showall', t.showAll, '\u2026')]
    : [link('home', '#/homepage', t.home, '\u2302'), link('users', '#/users', t.users, '\u263A'), link('billing', '#/billing', t.billing, '\u00A4'),
       link('support', '#/support', t.support, '?'), link('settings', '#/settings', t.settings, '\u2699'),
       h('div', { class: 'group' }, icon('\u2665'), t.health), link('service-health', '#/servicehealth', t.serviceHealth, '', 'sub')];
  return shadowHost('m365-nav', { css: NAV_CSS, attrs: { role: 'navigation', 'aria-label': t.app } }, h('nav', null, items));
}

const HELP_BTN_CSS = `
:host { position: fixed; right: 24px; bottom: 24px; z-index: 20; }
button { display: inline-flex; align-items: center; gap: 8px; height: 40px; padding: 0 16px; border-radius: 20px; border: none;
  background: #0f6cbd; color: #fff; font-weight: 600; box-shadow: 0 4px 8px rgba(0,0,0,.24); cursor: pointer; }
button:hover { background: #115ea3; }
`;
const PANE_CSS = `
:host { position: fixed; top: 48px; right: 0; bottom: 0; width: 400px; z-index: 30; background: #fff;
  box-shadow: -4px 0 16px rgba(0,0,0,.18); display: flex; flex-direction: column; }
:host([hidden]) { display: none; }
.head { display: flex; align-items: center; padding: 14px 16px; border-bottom: 1px solid #e0e0e0; gap: 8px; }
.head h2 { flex: 1; margin: 0; font-size: 18px; }
.icon { border: none; background: none; width: 32px; height: 32px; border-radius: 4px; cursor: pointer; font-size: 16px; color: #424242; }
.icon:hover { background: #f0f0f0; }
`;
const PANE_BODY_CSS = `
:host { display: flex; flex-direction: column; flex: 1; min-height: 0; }
.scroll { flex: 1; overflow: auto; padding: 16px; }
input[type=search] { width: 100%; }
.note { font-size: 13px; color: #616161; margin: 12px 0; }
textarea { width: 100%; min-height: 90px; display: block; margin: 6px 0 16px; }
label { font-size: 14px; font-weight: 600; display: block; margin-bottom: 6px; }
`;
const ACTIONS_CSS = `
:host { display: block; border-top: 1px solid #e0e0e0; padding: 12px 16px; background: #fafafa; }
.row { display: flex; flex-direction: column; gap: 8px; }
.btn { justify-content: center; }
`;

function helpPane() {
  const body = shadowHost('m365-help-pane-body', { css: PANE_BODY_CSS });
  const bodyRoot = /** @type {ShadowRoot} */ (body.shadowRoot);
  const scroll = h('div', { class: 'scroll' });
  const actionsRow = h('div', { class: 'row' });
  const actions = shadowHost('m365-help-actions', { css: ACTIONS_CSS, attrs: { role: 'toolbar' } }, actionsRow);
  bodyRoot.append(scroll, actions);

  const showSearch = () => {
    scroll.replaceChildren(
      h('label', { for: 'help-search', class: 'muted' }, t.howCanWeHelp),
      h('input', { type: 'search', id: 'help-search', placeholder: t.howCanWeHelp, 'aria-label': t.howCanWeHelp }),
      h('p', { class: 'note' }, t.partnerSold));
    actionsRow.replaceChildren(missing('contact-support') ? '' : h('button', { type: 'button', class: 'btn', id: 'contact-support', onclick: onContact }, t.contactSupport));
  };
  function onContact() {
    if (actionsRow.querySelector('#new-microsoft-service-request') || missing('new-microsoft-service-request')) return;
    actionsRow.append(h('button', { type: 'button', class: 'btn primary', id: 'new-microsoft-service-request', onclick: showForm }, t.newMicrosoftServiceRequest));
  }
  function showForm() {
    scroll.replaceChildren(h('h3', { id: 'create-service-request-heading' }, t.createServiceRequest), h('p', { class: 'muted' }, t.srIntro), requestForm());
    actionsRow.replaceChildren();
  }
  showSearch();

  const pane = shadowHost('m365-help-pane', { css: PANE_CSS, attrs: { role: 'dialog', 'aria-label': t.helpSupport, hidden: true, id: 'help-pane' } },
    h('div', { class: 'head' }, h('h2', null, t.helpSupport),
      h('button', { type: 'button', class: 'icon', 'aria-label': 'Minimize Button', title: t.minimize, id: 'help-minimize', onclick: () => { pane.hidden = true; } }, '\u2014'),
      h('button', { type: 'button', class: 'icon', 'aria-label': t.close, title: t.close, id: 'help-close', onclick: () => { pane.hidden = true; showSearch(); } }, '\u2715')),
    body);
  return pane;
}

let mainEl;
let renderToken = 0;

function buildShell() {
  const tenantBadge = deleg
    ? h('span', { class: 'tenant', id: 'delegated-tenant', 'data-tenant-id': customer?.tenantId ?? deleg.tenantId ?? '', 'data-domain': customer?.domain ?? deleg.domain ?? '' },
        t.delegated, ': ', h('b', null, customer?.name ?? deleg.domain ?? deleg.tenantId ?? ''), customer ? ` (${customer.domain})` : '')
    : null;
  mainEl = h('main', { id: 'main-content' });
  const parts = [
    h('div', { class: 'topbar', role: 'banner' }, h('span', { class: 'waffle', 'aria-hidden': 'true' }, Array.from({ length: 9 }, () => h('i'))),
      h('span', { class: 'title', id: 'app-title' }, t.app), h('span', { class: 'spacer' }),
      knobs.ui === '2021' ? h('span', { class: 'search' }, lang === 'ko' ? '검색' : 'Search') : null,
      h('span', { class: 'spacer' }), tenantBadge, h('span', { class: 'avatar' }, 'AG')),
    h('div', { class: 'body' }, buildNav(), mainEl),
  ];
  if (knobs.ui === '2021') {
    const pane = helpPane();
    const btn = missing('help-support') ? null
      : shadowHost('m365-help-button', { css: HELP_BTN_CSS },
          h('button', { type: 'button', id: 'help-support', 'aria-label': t.helpSupport, onclick: () => { pane.hidden = false; } }, '? ', t.helpSupport));
    parts.push(btn, pane);
  }
  return shadowHost('m365-shell', { css: SHELL_CSS, attrs: { 'data-ui': knobs.ui, ...(deleg ? { 'data-delegated': '' } : {}) } }, ...parts);
}

function render() {
  knobs = readKnobs(defaultUi);
  const r = route();
  const token = ++renderToken;
  const shell = /** @type {HTMLElement} */ (document.querySelector('m365-shell'));
  for (const a of shell.shadowRoot?.querySelector('m365-nav')?.shadowRoot?.querySelectorAll('a') ?? []) {
    if (a.dataset.route === r) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const show = () => {
    if (token !== renderToken) return;
    mainEl.replaceChildren(buildPage(r));
    mainEl.dataset.route = r;
    if (knobs.rerender) setTimeout(() => { if (token === renderToken) mainEl.replaceChildren(buildPage(r)); }, knobs.rerender);
  };
  if (knobs.delay) {
    mainEl.replaceChildren(h('div', { class: 'spinner', role: 'progressbar', 'aria-label': t.loading }));
    setTimeout(show, knobs.delay);
  } else show();
}

if (!redirecting) {
  document.documentElement.lang = lang;
  document.title = t.app;
  styleDocument();
  document.body.replaceChildren(buildShell());
  window.addEventListener('hashchange', render);
  render();
}
