// Replica of the Microsoft 365 admin center (admin.microsoft.com, portal.office.com,
// admin.cloud.microsoft, portal.office365.us, portal.apps.mil): a hash-routed SPA in open shadow
// roots. Variant 2019: left-nav Support page; 2021: floating Help & support pane with Contact
// Support → New Microsoft service request; 2026: a Support Assistant pane whose headset icon leads
// to phone or email (Contact me), without the partner's request unless `replica-partner-link=1`.
// Which tenant it shows comes from the harness's session (launch.mjs: the entry → sign-in →
// landing chain), never from the URL after a delegated entry. See README.md.
import { customerByDomain, customerByTenantId } from './customers.js';
import { h, shadowHost, readKnobs, styleDocument, langFrom, stringsFor, pick } from './common.js';
import { ADMIN_STRINGS, TOPICS } from './i18n.js';

const lang = langFrom();
const t = stringsFor(ADMIN_STRINGS, lang);
const defaultUi = location.hostname === 'admin.cloud.microsoft' ? '2021' : '2019';
let knobs = readKnobs(defaultUi);
const missing = (...keys) => keys.some((k) => knobs.missing.has(k));

// ---- the tenant this tab shows (the harness's server-side session) ---------------------------

/** A `<meta>` the harness injected into this document (base64url JSON), or null. */
function harnessMeta(name) {
  const content = document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
  if (!content) return null;
  try {
    return JSON.parse(atob(content.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    return null;
  }
}
const params = new URLSearchParams(location.search);
const param = (name) => { for (const [k, v] of params) if (k.toLowerCase() === name.toLowerCase()) return v; return null; };
const delegatedOrg = param('delegatedOrg');
const tenantIdParam = param('tenantId');
/** @type {{ tenantId?: string, domain?: string, dest?: string, own?: boolean } | null} */
const session = harnessMeta('replica-session'); // the landing POST of a sign-in: whose session it is
/** @type {{ login: string } | null} */
const entry = harnessMeta('replica-entry'); // a delegated URL loaded directly: where to sign in first

let redirecting = false;
if (session) {
  // The sign-in came back (form_post to /landing): keep the session for the tab, show the app's route.
  sessionStorage.setItem('replica-signed-in', '1');
  if (session.own) sessionStorage.removeItem('replica-delegated');
  else sessionStorage.setItem('replica-delegated', JSON.stringify({ tenantId: session.tenantId, domain: session.domain }));
  const dest = session.dest || 'homepage';
  const app = location.hostname === 'admin.cloud.microsoft' ? '/?' : location.hostname.endsWith('.us') || location.hostname.endsWith('.mil') ? '/adminportal/home' : '/AdminPortal/Home';
  history.replaceState(null, '', `${app}#/${dest}`);
} else if (entry && sessionStorage.getItem('replica-signed-in') !== '1') {
  // First delegated visit in this tab, loaded directly: sign in first (as the real app redirects).
  sessionStorage.setItem('replica-signed-in', '1');
  redirecting = true;
  location.replace(entry.login);
} else if (delegatedOrg || tenantIdParam) {
  sessionStorage.setItem('replica-delegated', JSON.stringify({ domain: delegatedOrg ?? undefined, tenantId: tenantIdParam ?? undefined }));
}

/** @returns {{ domain?: string, tenantId?: string } | null} */
function delegation() {
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
  background: ${knobs.ui === '2026' ? '#1f1f1f' : knobs.ui === '2021' ? '#0f548c' : '#0078d4'}; font-size: 15px; }
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
:host { display: block; flex: none; background: #fff; border-right: 1px solid #e0e0e0; padding: 8px 0; overflow: auto; }
:host(:not([collapsed])) { width: 232px; }
:host([collapsed]) { width: 48px; }
a, button.item { display: flex; align-items: center; gap: 12px; height: 40px; padding: 0 16px; color: #242424; font-size: 14px; border: none;
  border-left: 3px solid transparent; background: none; width: 100%; text-align: left; font-family: inherit; cursor: pointer; text-decoration: none; }
a:hover, button.item:hover { background: #f5f5f5; text-decoration: none; color: #242424; }
a[aria-current="page"] { font-weight: 600; border-left-color: #0f6cbd; background: #f5f5f5; }
.group { padding: 10px 16px 4px; color: #616161; font-size: 13px; display: flex; gap: 12px; align-items: center; }
a.sub, button.sub { padding-left: 44px; }
.ico { width: 16px; text-align: center; color: #616161; }
.hamburger { border: none; background: none; width: 48px; height: 40px; font-size: 18px; cursor: pointer; color: #424242; }
.hamburger:hover { background: #f0f0f0; }
`;
const PAGE_CSS = `
:host { display: block; max-width: 1100px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 16px; margin-top: 16px; }
.actions { display: flex; gap: 12px; margin: 16px 0 24px; }
.status { display: inline-flex; align-items: center; gap: 6px; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: #107c10; display: inline-block; }
.dot.warn { background: #bc4b09; }
`;
const FORM_CSS = `
:host { display: block; max-width: 720px; }
.field { display: flex; flex-direction: column; gap: 6px; margin: 0 0 18px; }
.ms-Label, .field > label { font-size: 14px; font-weight: 600; display: block; }
textarea { width: 100%; min-height: 100px; display: block; }
input[type=text], select { width: 100%; max-width: 480px; }
.ms-ChoiceFieldGroup-flexContainer { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 8px; }
.ms-ChoiceFieldGroup-flexContainer.row { display: flex; flex-wrap: wrap; }
.ms-ChoiceField { position: relative; }
.ms-ChoiceField-input { position: absolute; opacity: 0; top: 0; right: 0; width: 100%; height: 100%; margin: 0; cursor: pointer; }
.ms-ChoiceField-field { display: flex; align-items: center; gap: 10px; padding: 10px 12px; border: 1px solid #d1d1d1; border-radius: 4px;
  background: #fff; font-size: 14px; }
.ms-ChoiceField-field::before { content: ''; width: 16px; height: 16px; border-radius: 50%; border: 1px solid #616161; flex: none; box-sizing: border-box; }
.ms-ChoiceField-input:checked + .ms-ChoiceField-field { border-color: #0f6cbd; background: #ebf3fc; }
.ms-ChoiceField-input:checked + .ms-ChoiceField-field::before { border: 5px solid #0f6cbd; }
.ms-ChoiceField-input:focus-visible + .ms-ChoiceField-field { outline: 2px solid #0f6cbd; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; }
.card-choice { font: inherit; font-size: 14px; text-align: left; padding: 12px; min-height: 64px; border: 1px solid #d1d1d1; border-radius: 8px; background: #fff; cursor: pointer; }
.card-choice:hover { border-color: #0f6cbd; }
.card-choice[aria-checked="true"] { border: 2px solid #0f6cbd; background: #ebf3fc; }
`;

// ---- request forms: the topic group is the form's FIRST choice group, never called "Support topic"

let fieldSeq = 0;
/**
 * A Fluent v8 ChoiceGroup: `div[role=radiogroup][aria-labelledby]` with native radios (generated
 * ids `ChoiceGroup<n>-<key>`, visually hidden over their labels).
 */
function choiceGroup(label, options, { row = false, onChange } = {}) {
  const n = ++fieldSeq;
  const labelId = `ChoiceGroupLabel${n}`;
  return h('div', { class: 'ms-ChoiceFieldGroup field', role: 'radiogroup', 'aria-labelledby': labelId },
    h('label', { class: 'ms-Label', id: labelId }, label),
    h('div', { class: `ms-ChoiceFieldGroup-flexContainer${row ? ' row' : ''}` },
      options.map(([key, text]) => {
        const id = `ChoiceGroup${n}-${key}`;
        const input = h('input', { type: 'radio', class: 'ms-ChoiceField-input', id, name: `ChoiceGroup${n}`, value: key });
        if (onChange) input.addEventListener('change', () => onChange(key));
        return h('div', { class: 'ms-ChoiceField' }, h('div', { class: 'ms-ChoiceField-wrapper' }, input,
          h('label', { class: 'ms-ChoiceField-field', for: id }, h('span', { class: 'ms-ChoiceFieldLabel' }, text))));
      })));
}

const topicOptions = () => TOPICS.map(([key, names]) => [key, pick(names, lang)]);
const severityGroup = () => choiceGroup(t.severity, [['a', t.sevA], ['b', t.sevB], ['c', t.sevC]], { row: true });

/**
 * The request form's state as a framework form keeps it (React-like): the description lives in
 * the form's state, updated only by `input` events that reach the form (delegated, bubbling) and
 * only when the field's value differs from what the element's own `value` property last recorded
 * (React's value tracker, installed on the element: a script that assigns `value` in the page
 * sees its change dropped). Submit needs a topic and a description. The host shows harness state:
 * `data-replica-description` (the state's text), `data-replica-submits` (submit attempts).
 */
function requestForm(build) {
  const state = { topic: false, description: '', submits: 0 };
  const submit = h('button', { type: 'button', class: 'btn primary', disabled: true }, t.submit);
  let host = null;
  const sync = () => {
    if (state.topic && state.description.trim()) submit.removeAttribute('disabled');
    else submit.setAttribute('disabled', '');
    host?.setAttribute('data-replica-description', state.description);
    host?.setAttribute('data-replica-submits', String(state.submits));
  };
  const n = ++fieldSeq;
  const area = h('textarea', { id: `TextField${n}`, placeholder: t.tellUs });
  const native = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
  let tracked = '';
  Object.defineProperty(area, 'value', {
    configurable: true,
    get() { return native.get.call(this); },
    set(v) { tracked = String(v); native.set.call(this, v); },
  });
  submit.addEventListener('click', () => { state.submits++; sync(); });
  const tail = [h('div', { class: 'field' }, h('label', { for: `TextField${n}` }, t.description), area), submit];
  const form = build(() => { state.topic = true; sync(); }, tail);
  form.addEventListener('input', (e) => {
    if (e.target !== area || area.value === tracked) return;
    tracked = area.value;
    state.description = area.value;
    sync();
  });
  form.addEventListener('submit', (e) => { e.preventDefault(); state.submits++; sync(); });
  host = shadowHost('m365-request-form', { css: FORM_CSS }, form);
  sync();
  return host;
}

/** 2019 page form: "Select the area your problem is in" (radio group), then Severity. */
function form2019() {
  return requestForm((chosen, tail) => h('form', null,
    missing('support-topic') ? null : choiceGroup(t.pickArea, topicOptions(), { onChange: chosen }), severityGroup(), ...tail));
}

/** 2021+ pane form: a summary text field, then "Problem type" (a native select), then Severity. */
function form2021() {
  return requestForm((chosen, tail) => {
    const n = ++fieldSeq;
    const select = h('select', { id: `Dropdown${n}`, required: true },
      h('option', { value: '', disabled: true, selected: true }, t.chooseProblemType),
      topicOptions().map(([key, text]) => h('option', { value: key }, text)));
    select.addEventListener('change', chosen);
    const s = ++fieldSeq;
    return h('form', null,
      h('div', { class: 'field' }, h('label', { for: `TextField${s}` }, t.summary), h('input', { type: 'text', id: `TextField${s}` })),
      missing('support-topic') ? null : h('div', { class: 'field' }, h('label', { for: `Dropdown${n}` }, t.problemType), select),
      severityGroup(), ...tail);
  });
}

/** 2026 (partner link): "Category" as choice cards (buttons with role=radio), then Severity. */
function form2026() {
  return requestForm((chosen, tail) => {
    const n = ++fieldSeq;
    const cards = topicOptions().map(([key, text]) => h('button', { type: 'button', class: 'card-choice', role: 'radio', 'aria-checked': 'false', 'data-value': key }, text));
    for (const c of cards) c.addEventListener('click', () => {
      for (const x of cards) x.setAttribute('aria-checked', String(x === c));
      chosen();
    });
    const group = h('div', { class: 'field', role: 'radiogroup', 'aria-labelledby': `CardLabel${n}` },
      h('span', { class: 'ms-Label', id: `CardLabel${n}` }, t.category), h('div', { class: 'cards' }, cards));
    return h('form', null, missing('support-topic') ? null : group, severityGroup(), ...tail);
  });
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
      card(c4, t.newMessages, null)));
}

function supportPage() {
  return page(h('h1', null, t.support), h('p', { class: 'muted' }, t.supportIntro),
    h('div', { class: 'actions' },
      missing('new-service-request') ? null
        : h('button', { type: 'button', class: 'btn primary', onclick: go('#/support/newservicerequest') }, '+ ', t.newServiceRequest),
      h('button', { type: 'button', class: 'btn', onclick: go('#/support/servicerequests') }, t.viewServiceRequests)),
    h('div', { class: 'card' }, h('p', { class: 'muted', style: { margin: '0' } }, t.noRequests)));
}

function newServiceRequestPage() {
  return page(h('h1', null, t.newServiceRequest), h('p', { class: 'muted' }, t.srIntro), form2019());
}

function serviceRequestsPage() {
  return page(h('h1', null, t.requestHistory), h('div', { class: 'card' }, h('p', { class: 'muted', style: { margin: '0' } }, t.noRequests)));
}

function serviceHealthPage() {
  const services = [['Exchange Online', false], ['Microsoft Teams', true], ['SharePoint Online', false], ['Microsoft Entra', false], ['Microsoft 365 Apps', false]];
  return page(h('h1', null, t.serviceHealth), h('p', { class: 'muted' }, t.healthIntro),
    h('div', { class: 'card', style: { padding: '0' } }, h('table', null,
      h('thead', null, h('tr', null, h('th', null, t.service), h('th', null, t.status))),
      h('tbody', null, services.map(([s, adv]) => h('tr', null, h('td', null, s),
        h('td', null, h('span', { class: 'status' }, h('span', { class: adv ? 'dot warn' : 'dot' }), adv ? t.advisory : t.healthy))))))));
}

function simplePage(title) {
  return page(h('h1', null, title), h('div', { class: 'card' }, h('p', { class: 'muted', style: { margin: '0' } }, t.nothing)));
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
    case 'setup': return simplePage(t.setup);
    case 'reports': return simplePage(t.reports);
    default: return homePage();
  }
}

// ---- shell ----------------------------------------------------------------------------------

/** @type {(() => void) | null} */
let openHelp = null;

function buildNav() {
  const icon = (c) => h('span', { class: 'ico', 'aria-hidden': 'true' }, c);
  const link = (key, hash, label, ch, cls) =>
    missing(key) ? null : h('a', { href: hash, 'data-route': hash.slice(2).toLowerCase(), class: cls }, icon(ch), label);
  const group = (label, ch) => h('div', { class: 'group' }, icon(ch), label);
  const nav = h('nav', null);
  const host = shadowHost('m365-nav', { css: NAV_CSS, attrs: { role: 'navigation', 'aria-label': t.app } }, nav);
  let expanded = false;
  const showAll = () => (missing('show-all') ? null
    : h('button', { type: 'button', class: 'item', 'aria-expanded': String(expanded), onclick: () => { expanded = !expanded; fill(); } },
        icon('\u2026'), expanded ? t.showLess : t.showAll));
  const items = () => {
    if (knobs.ui === '2019') {
      return [link('home', '#/homepage', t.home, '\u2302'), link('users', '#/users', t.users, '\u263A'), link('billing', '#/billing', t.billing, '\u00A4'),
        link('support', '#/support', t.support, '?'), link('settings', '#/settings', t.settings, '\u2699'),
        group(t.health, '\u2665'), link('service-health', '#/servicehealth', t.serviceHealth, '', 'sub')];
    }
    const top = [link('home', '#/homepage', t.home, '\u2302'), link('users', '#/users', t.users, '\u263A'), link('groups', '#/groups', t.groups, '\u2687'),
      link('billing', '#/billing', t.billing, '\u00A4')];
    if (knobs.ui === '2021') {
      // Show all reveals the rest, Support among it (GCC High's way; commercial tenants too, 2020-2022).
      return [...top, link('settings', '#/settings', t.settings, '\u2699'), group(t.health, '\u2665'), link('service-health', '#/servicehealth', t.serviceHealth, '', 'sub'),
        ...(expanded ? [link('setup', '#/setup', t.setup, '\u2713'), link('reports', '#/reports', t.reports, '\u2261'),
          missing('support') ? null : group(t.support, '?'),
          missing('support') ? null : link('new-service-request-nav', '#/support/newservicerequest', t.newServiceRequest, '', 'sub'),
          missing('support') ? null : link('view-service-requests', '#/support/servicerequests', t.viewServiceRequests, '', 'sub')] : []),
        showAll()];
    }
    // 2026 (a Microsoft lab): Support → View service requests, Support → Help & support; behind Show all.
    return [...top,
      ...(expanded ? [link('settings', '#/settings', t.settings, '\u2699'), group(t.health, '\u2665'), link('service-health', '#/servicehealth', t.serviceHealth, '', 'sub'),
        missing('support') ? null : group(t.support, '?'),
        missing('support') ? null : link('view-service-requests', '#/support/servicerequests', t.viewServiceRequests, '', 'sub'),
        missing('support', 'help-support') ? null : h('button', { type: 'button', class: 'item sub', onclick: () => openHelp?.() }, t.helpSupport)] : []),
      showAll()];
  };
  // 2026: the nav is collapsed behind a "Navigation menu" button (the lab's fact) unless replica-nav=expanded.
  let open = !(knobs.ui === '2026' && knobs.nav === 'collapsed');
  function fill() {
    if (open) host.removeAttribute('collapsed');
    else host.setAttribute('collapsed', '');
    const hamburger = knobs.ui === '2026' && !missing('nav-menu')
      ? h('button', { type: 'button', class: 'hamburger', 'aria-label': t.navMenu, title: t.navMenu, 'aria-expanded': String(open), onclick: () => { open = !open; fill(); } }, '\u2630')
      : null;
    nav.replaceChildren(...[hamburger, ...(open ? items() : [])].filter(Boolean));
    markCurrent();
  }
  fill();
  return host;
}

function markCurrent() {
  const r = route();
  const shell = document.querySelector('m365-shell');
  for (const a of shell?.shadowRoot?.querySelector('m365-nav')?.shadowRoot?.querySelectorAll('a') ?? []) {
    if (a.dataset.route === r) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

const HELP_BTN_CSS = `
:host { position: fixed; right: 24px; bottom: 24px; z-index: 20; }
button { display: inline-flex; align-items: center; gap: 8px; height: 40px; padding: 0 16px; border-radius: 20px; border: none;
  background: #0f6cbd; color: #fff; font-weight: 600; box-shadow: 0 4px 8px rgba(0,0,0,.24); cursor: pointer; font-family: inherit; font-size: 14px; }
button:hover { background: #115ea3; }
`;
const PANE_CSS = `
:host { position: fixed; top: 48px; right: 0; bottom: 0; width: 420px; z-index: 30; background: #fff;
  box-shadow: -4px 0 16px rgba(0,0,0,.18); display: flex; flex-direction: column; }
:host([hidden]) { display: none; }
.head { display: flex; align-items: center; padding: 14px 16px; border-bottom: 1px solid #e0e0e0; gap: 4px; }
.head h2 { flex: 1; margin: 0; font-size: 18px; }
.icon { border: none; background: none; width: 32px; height: 32px; border-radius: 4px; cursor: pointer; font-size: 16px; color: #424242; display: grid; place-items: center; }
.icon:hover { background: #f0f0f0; }
.icon svg { width: 20px; height: 20px; }
`;
const PANE_BODY_CSS = `
:host { display: flex; flex-direction: column; flex: 1; min-height: 0; }
.scroll { flex: 1; overflow: auto; padding: 16px; }
input[type=search], input[type=text], input[type=tel], input[type=email] { width: 100%; }
.note { font-size: 13px; color: #616161; margin: 12px 0; }
.bubble { background: #f5f5f5; border-radius: 8px; padding: 10px 12px; font-size: 14px; margin: 8px 0 16px; }
label { font-size: 14px; font-weight: 600; display: block; margin-bottom: 6px; }
.ask { display: flex; gap: 8px; }
.contact { display: flex; flex-direction: column; gap: 12px; }
.contact .opt { display: flex; align-items: center; gap: 8px; font-weight: 400; }
`;
const ACTIONS_CSS = `
:host { display: block; border-top: 1px solid #e0e0e0; padding: 12px 16px; background: #fafafa; }
.row { display: flex; flex-direction: column; gap: 8px; }
.btn { justify-content: center; }
`;
const HEADSET = '<svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.4" aria-hidden="true"><path d="M4 11V9a6 6 0 0 1 12 0v2"/><rect x="3" y="11" width="3" height="5" rx="1"/><rect x="14" y="11" width="3" height="5" rx="1"/><path d="M16 16c0 1.5-2 2-5 2"/></svg>';

/** The 2021 Help & support pane: How can we help? → Contact Support → New Microsoft service request → the form. */
function helpPane2021(pane) {
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
    actionsRow.replaceChildren(missing('contact-support') ? '' : h('button', { type: 'button', class: 'btn', onclick: onContact }, t.contactSupport));
  };
  function onContact() {
    if (actionsRow.querySelector('[data-partner]') || missing('new-microsoft-service-request')) return;
    actionsRow.append(h('button', { type: 'button', class: 'btn primary', 'data-partner': '', onclick: showForm }, t.newMicrosoftServiceRequest));
  }
  function showForm() {
    scroll.replaceChildren(h('h3', null, t.createServiceRequest), h('p', { class: 'muted' }, t.srIntro), form2021());
    actionsRow.replaceChildren();
  }
  showSearch();
  pane.onClosed = showSearch;
  return { title: t.helpSupport, icons: [], body };
}

/** The 2026 Support Assistant: How can we help? → headset Contact support → phone or email → Contact me. */
function helpPane2026(pane) {
  const body = shadowHost('m365-help-pane-body', { css: PANE_BODY_CSS });
  const bodyRoot = /** @type {ShadowRoot} */ (body.shadowRoot);
  const scroll = h('div', { class: 'scroll' });
  const actionsRow = h('div', { class: 'row' });
  const actions = shadowHost('m365-help-actions', { css: ACTIONS_CSS, attrs: { role: 'toolbar' } });
  bodyRoot.append(scroll, actions);
  const showAssistant = () => {
    scroll.replaceChildren(h('h3', null, t.howCanWeHelp), h('div', { class: 'bubble' }, t.assistantHello),
      h('div', { class: 'ask' }, h('input', { type: 'text', placeholder: t.describe, 'aria-label': t.describe }), h('button', { type: 'button', class: 'btn' }, t.send)));
    actions.shadowRoot?.replaceChildren();
  };
  const showContact = () => {
    const how = choiceLike();
    const sent = h('p', { class: 'note', role: 'status' });
    scroll.replaceChildren(h('h3', null, t.contactSupport2026), h('p', { class: 'note' }, t.partnerNote2026),
      h('div', { class: 'contact' }, how,
        h('label', null, t.phoneNumber, h('input', { type: 'tel', value: '+1 425 555 0100' })),
        h('label', null, t.emailAddress, h('input', { type: 'email', value: 'agent@partner.onmicrosoft.com' })),
        h('button', { type: 'button', class: 'btn primary', onclick: () => { sent.textContent = t.contactSent; } }, t.contactMe), sent));
    actionsRow.replaceChildren();
    if (knobs.partnerLink && !missing('new-microsoft-service-request')) {
      actionsRow.append(h('button', { type: 'button', class: 'btn', onclick: showForm }, t.newMicrosoftServiceRequest));
      actions.shadowRoot?.replaceChildren(actionsRow);
    } else actions.shadowRoot?.replaceChildren();
  };
  function choiceLike() {
    return h('div', { role: 'radiogroup', 'aria-label': t.contactHow },
      h('label', null, t.contactHow),
      h('label', { class: 'opt' }, h('input', { type: 'radio', name: 'contact-how', value: 'phone', checked: true }), t.phone),
      h('label', { class: 'opt' }, h('input', { type: 'radio', name: 'contact-how', value: 'email' }), t.email));
  }
  function showForm() {
    scroll.replaceChildren(h('h3', null, t.createServiceRequest), h('p', { class: 'muted' }, t.srIntro), form2026());
    actions.shadowRoot?.replaceChildren();
  }
  showAssistant();
  pane.onClosed = showAssistant;
  const headset = missing('contact-support') ? null
    : h('button', { type: 'button', class: 'icon', 'aria-label': t.contactSupport2026, title: t.contactSupport2026, onclick: showContact });
  if (headset) headset.innerHTML = HEADSET;
  return { title: t.supportAssistant, icons: [headset], body };
}

function helpPane() {
  /** @type {HTMLElement & { onClosed?: () => void }} */
  const pane = shadowHost('m365-help-pane', { css: PANE_CSS, attrs: { role: 'dialog', hidden: true } });
  const { title, icons, body } = knobs.ui === '2026' ? helpPane2026(pane) : helpPane2021(pane);
  pane.setAttribute('aria-label', title);
  pane.shadowRoot?.append(
    h('div', { class: 'head' }, h('h2', null, title), ...icons,
      h('button', { type: 'button', class: 'icon', 'aria-label': 'Minimize Button', title: t.minimize, onclick: () => { pane.hidden = true; } }, '\u2014'),
      h('button', { type: 'button', class: 'icon', 'aria-label': t.close, title: t.close, onclick: () => { pane.hidden = true; pane.onClosed?.(); } }, '\u2715')),
    body);
  return pane;
}

let mainEl;
let renderToken = 0;

function buildShell() {
  const tenantBadge = deleg
    ? h('span', { class: 'tenant', id: 'delegated-tenant', 'data-replica-tenant-id': customer?.tenantId ?? deleg.tenantId ?? '', 'data-replica-domain': customer?.domain ?? deleg.domain ?? '' },
        t.delegated, ': ', h('b', null, customer?.name ?? deleg.domain ?? deleg.tenantId ?? ''), customer ? ` (${customer.domain})` : '')
    : h('span', { class: 'tenant', id: 'own-tenant' }, t.ownTenant, ': ', h('b', null, t.orgName));
  mainEl = h('main', { id: 'main-content' });
  const parts = [
    h('div', { class: 'topbar', role: 'banner' }, h('span', { class: 'waffle', 'aria-hidden': 'true' }, Array.from({ length: 9 }, () => h('i'))),
      h('span', { class: 'title' }, t.app), h('span', { class: 'spacer' }),
      knobs.ui !== '2019' ? h('span', { class: 'search' }, pick({ en: 'Search', ko: '검색', ja: '検索', de: 'Suchen', fr: 'Rechercher', es: 'Buscar', 'zh-CN': '搜索' }, lang)) : null,
      h('span', { class: 'spacer' }), tenantBadge, h('span', { class: 'avatar' }, 'AG')),
    h('div', { class: 'body' }, buildNav(), mainEl),
  ];
  if (knobs.ui !== '2019') {
    const pane = helpPane();
    openHelp = () => { pane.hidden = false; };
    const btn = missing('help-support') ? null
      : shadowHost('m365-help-button', { css: HELP_BTN_CSS },
          h('button', { type: 'button', onclick: () => { pane.hidden = false; } }, '? ', t.helpSupport));
    parts.push(btn, pane);
  }
  return shadowHost('m365-shell', { css: SHELL_CSS, attrs: { 'data-ui': knobs.ui, ...(deleg ? { 'data-delegated': '' } : {}) } }, ...parts);
}

function render() {
  knobs = readKnobs(defaultUi);
  const r = route();
  const token = ++renderToken;
  markCurrent();
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
