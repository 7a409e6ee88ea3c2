// Replica of the Microsoft sign-in pages (login.microsoftonline.com / .us): several pages, each its
// own document and URL, moved between by form POSTs as the real service does:
//   GET  …/oauth2/v2.0/authorize?…  "Pick an account" (a tile with the account: click it)
//   POST /common/login              "Enter password" (prefilled; "Sign in", #idSIButton9)
//   POST /common/SAS/ProcessAuth    "Approve sign in request" (a number; the phone approves by
//                                   itself after `replica-mfa-delay` ms, default 1500: no click)
//   POST /kmsi                      "Stay signed in?" (Yes #idSIButton9 / No #idBtn_Back)
// then a form POST (response_mode=form_post) of code, id_token and state to the redirect_uri (or
// location.replace of it for other response modes). The authorize request's parameters are kept
// in this origin's sessionStorage for the tab; the later pages' URLs carry none of them.
import { h, styleDocument, langFrom, stringsFor } from './common.js';
import { LOGIN_STRINGS } from './i18n.js';

const lang = langFrom();
const T = stringsFor(LOGIN_STRINGS, lang);
document.documentElement.lang = lang;
document.title = T.title;
const ACCOUNT = 'agent@partner.onmicrosoft.com';
const DEFAULT_REDIRECT = 'https://admin.microsoft.com/AdminPortal/Home#/homepage';
const DEFAULT_MFA_MS = 1500;

const path = location.pathname.toLowerCase();
const screen = path.includes('/oauth2/') ? 'picker'
  : path.endsWith('/common/login') ? 'password'
  : path.endsWith('/sas/processauth') ? 'mfa'
  : path.endsWith('/kmsi') ? 'kmsi'
  : 'picker';

/** @type {{ redirect_uri: string, state?: string, response_mode?: string, mfaMs: number }} */
let auth;
if (screen === 'picker') {
  const q = new URLSearchParams(location.search);
  const mfa = Number(q.get('replica-mfa-delay'));
  auth = {
    redirect_uri: q.get('redirect_uri') || q.get('redirectUri') || DEFAULT_REDIRECT,
    state: q.get('state') ?? undefined,
    response_mode: q.get('response_mode') ?? undefined,
    mfaMs: Number.isFinite(mfa) && q.has('replica-mfa-delay') ? Math.max(0, mfa) : DEFAULT_MFA_MS,
  };
  sessionStorage.setItem('replica-auth', JSON.stringify(auth));
} else {
  try {
    auth = JSON.parse(sessionStorage.getItem('replica-auth') ?? 'null') ?? { redirect_uri: DEFAULT_REDIRECT, mfaMs: DEFAULT_MFA_MS };
  } catch {
    auth = { redirect_uri: DEFAULT_REDIRECT, mfaMs: DEFAULT_MFA_MS };
  }
}

styleDocument(`
body { background: #f2f2f2 linear-gradient(135deg, #e8eef7 0%, #f2f2f2 45%, #efe9f3 100%); display: flex; align-items: center; justify-content: center; }
.card { width: 440px; border-radius: 0; background: #fff; padding: 44px; box-shadow: 0 2px 6px rgba(0,0,0,.2); min-height: 338px; }
.logo { display: grid; grid-template-columns: 10px 10px; gap: 1px; width: 21px; vertical-align: middle; }
.logo i { width: 10px; height: 10px; display: block; }
.brand { display: flex; align-items: center; gap: 8px; font-size: 17px; color: #5e5e5e; font-weight: 600; margin-bottom: 16px; }
.identity { font-size: 15px; color: #1b1b1b; margin-bottom: 8px; }
h1 { font-size: 24px; font-weight: 600; margin: 0 0 16px; color: #1b1b1b; }
p { font-size: 15px; color: #1b1b1b; }
input[type=password] { display: block; width: 100%; border: none; border-bottom: 1px solid #666; border-radius: 0;
  padding: 6px 0; margin-bottom: 16px; font-size: 15px; outline: none; background: transparent; }
a { color: #0067b8; font-size: 13px; }
.actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 24px; }
.win-button { min-width: 108px; height: 32px; font-size: 15px; cursor: pointer; font-family: inherit; border: none; }
.button_primary { background: #0067b8; color: #fff; }
.button_primary:hover { background: #005da6; }
.button_secondary { background: rgba(0,0,0,.2); color: #000; }
.table { display: flex; align-items: center; gap: 12px; padding: 12px 8px; margin: 0 -8px; cursor: pointer; }
.table:hover { background: rgba(0,0,0,.1); }
.tile-img { width: 48px; height: 48px; border-radius: 50%; background: #8764b8; color: #fff; display: grid; place-items: center; font-weight: 600; }
.tile-text small { display: block; color: #616161; font-size: 13px; }
#idRichContext_DisplaySign { font-size: 40px; font-weight: 600; text-align: center; margin: 12px 0; }
.progress { height: 2px; background: linear-gradient(90deg, transparent, #0067b8, transparent); background-size: 50% 100%; background-repeat: no-repeat; animation: pr 1.2s linear infinite; }
@keyframes pr { from { background-position: -50% 0; } to { background-position: 150% 0; } }
.check { display: flex; align-items: center; gap: 8px; font-size: 15px; margin: 12px 0; }
.footer { position: fixed; bottom: 0; right: 0; font-size: 12px; color: #1b1b1b; padding: 8px 16px; }
`);

const logo = h('span', { class: 'logo', 'aria-hidden': 'true' },
  ['#f25022', '#7fba00', '#00a4ef', '#ffb900'].map((c) => h('i', { style: { background: c } })));
const brand = () => h('div', { class: 'brand' }, logo, 'Microsoft');

/** A POST to the next sign-in page (the real service's form posts). */
function post(action, fields = {}) {
  const form = h('form', { method: 'post', action, style: { display: 'none' } },
    Object.entries(fields).map(([name, value]) => h('input', { type: 'hidden', name, value })));
  document.body.append(form);
  form.submit();
}

/** Back to the app: form_post of the "tokens" and the state to the redirect_uri. */
function finish() {
  if (auth.response_mode === 'form_post') {
    post(auth.redirect_uri, { code: 'replica-code', id_token: 'replica.id.token', state: auth.state ?? '', session_state: 'replica-session-state' });
  } else {
    location.replace(auth.redirect_uri);
  }
}

let card;
if (screen === 'picker') {
  const tile = h('div', { class: 'table', role: 'button', tabindex: '0', 'data-test-id': ACCOUNT,
    'aria-label': `${T.signIn}: ${ACCOUNT}`, onclick: () => post('/common/login', { login: ACCOUNT }),
    onkeydown: (e) => { if (e.key === 'Enter') post('/common/login', { login: ACCOUNT }); } },
  h('div', { class: 'tile-img', 'aria-hidden': 'true' }, 'PA'),
  h('div', { class: 'tile-text' }, 'Partner Agent', h('small', null, ACCOUNT), h('small', null, T.signedIn)));
  const other = h('div', { class: 'table', role: 'button', tabindex: '0', id: 'otherTile' },
    h('div', { class: 'tile-img', style: { background: '#c8c6c4' }, 'aria-hidden': 'true' }, '+'), h('div', { class: 'tile-text' }, T.useAnother));
  card = h('div', { class: 'card', id: 'lightbox' }, brand(), h('h1', { id: 'loginHeader', role: 'heading' }, T.pickAccount),
    h('div', { id: 'tilesHolder', role: 'list' }, tile, other));
} else if (screen === 'password') {
  const form = h('form', { method: 'post', action: '/common/SAS/ProcessAuth', novalidate: true },
    h('div', { class: 'identity', id: 'displayName' }, ACCOUNT),
    h('h1', { id: 'loginHeader', role: 'heading' }, T.enterPassword),
    h('input', { type: 'hidden', name: 'login', value: ACCOUNT }),
    h('input', { type: 'password', name: 'passwd', id: 'i0118', value: 'replica-password', 'aria-label': T.enterPassword, placeholder: T.password }),
    h('a', { href: '#', id: 'idA_PWD_ForgotPassword' }, T.forgot),
    h('div', { class: 'actions' }, h('input', { type: 'submit', id: 'idSIButton9', value: T.signIn, class: 'win-button button_primary' })));
  card = h('div', { class: 'card', id: 'lightbox' }, brand(), form);
} else if (screen === 'mfa') {
  const number = String(10 + Math.floor(Math.random() * 90));
  card = h('div', { class: 'card', id: 'lightbox' }, brand(),
    h('div', { class: 'identity' }, ACCOUNT),
    h('h1', { id: 'idDiv_SAOTCAS_Title', role: 'heading' }, T.approve),
    h('div', { id: 'idRichContext_DisplaySign', 'aria-live': 'polite' }, number),
    h('p', { id: 'idDiv_SAOTCAS_Description' }, T.approveText),
    h('div', { class: 'progress', role: 'progressbar', 'aria-label': T.approve }),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'idChkBx_SAOTCAS_TD' }), T.dontAsk),
    h('a', { href: '#', id: 'signInAnotherWay' }, T.cantUse));
  // The agent approves on the phone; the page polls and continues by itself.
  setTimeout(() => post('/kmsi', { type: '22', request: 'replica' }), auth.mfaMs);
} else {
  card = h('div', { class: 'card', id: 'lightbox' }, brand(),
    h('div', { class: 'identity' }, ACCOUNT),
    h('h1', { role: 'heading' }, T.staySignedIn),
    h('p', { id: 'KmsiDescription' }, T.staySignedInText),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'KmsiCheckboxField' }), T.dontShow),
    h('div', { class: 'actions' },
      h('input', { type: 'button', id: 'idBtn_Back', value: T.no, class: 'win-button button_secondary', onclick: finish }),
      h('input', { type: 'submit', id: 'idSIButton9', value: T.yes, class: 'win-button button_primary', onclick: finish })));
}
document.body.append(card, h('div', { class: 'footer' }, '\u00A9 Microsoft   Terms of use   Privacy & cookies'));
document.body.dataset.replicaScreen = screen;
