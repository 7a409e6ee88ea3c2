// Replica of the Microsoft sign-in page (login.microsoftonline.com / .us). Plain DOM like the real
// page. "Sign in" (#idSIButton9) goes to the redirect_uri with location.replace.
import { h, styleDocument, langFrom } from './common.js';

const ko = langFrom() === 'ko';
const T = ko
  ? { title: '로그인', email: '전자 메일, 전화 또는 Skype', password: '암호', signIn: '로그인', noAccess: '계정에 액세스할 수 없습니까?', enter: '암호 입력' }
  : { title: 'Sign in', email: 'Email, phone, or Skype', password: 'Password', signIn: 'Sign in', noAccess: 'Can\u2019t access your account?', enter: 'Enter password' };
document.documentElement.lang = ko ? 'ko' : 'en';
document.title = ko ? '계정에 로그인' : 'Sign in to your account';

const params = new URLSearchParams(location.search);
const redirect = params.get('redirect_uri') || params.get('redirectUri') || 'https://admin.microsoft.com/AdminPortal/Home#/homepage';

styleDocument(`
body { background: #f2f2f2 linear-gradient(135deg, #e8eef7 0%, #f2f2f2 45%, #efe9f3 100%); display: flex; align-items: center; justify-content: center; }
.card { width: 440px; border-radius: 0; background: #fff; padding: 44px; box-shadow: 0 2px 6px rgba(0,0,0,.2); min-height: 338px; }
.logo { display: grid; grid-template-columns: 10px 10px; gap: 1px; width: 21px; margin-bottom: 16px; vertical-align: middle; }
.logo i { width: 10px; height: 10px; display: block; }
.brand { display: flex; align-items: center; gap: 8px; font-size: 17px; color: #5e5e5e; font-weight: 600; margin-bottom: 16px; }
.brand .logo { margin: 0; }
h1 { font-size: 24px; font-weight: 600; margin: 0 0 16px; color: #1b1b1b; }
input[type=email], input[type=password] { display: block; width: 100%; border: none; border-bottom: 1px solid #666; border-radius: 0;
  padding: 6px 0; margin-bottom: 16px; font-size: 15px; outline: none; background: transparent; }
input:focus { border-bottom-color: #0067b8; }
a { color: #0067b8; font-size: 13px; }
.actions { display: flex; justify-content: flex-end; margin-top: 24px; }
#idSIButton9 { background: #0067b8; color: #fff; border: none; min-width: 108px; height: 32px; font-size: 15px; cursor: pointer; font-family: inherit; }
#idSIButton9:hover { background: #005da6; }
.footer { position: fixed; bottom: 0; right: 0; font-size: 12px; color: #1b1b1b; padding: 8px 16px; }
`);

const logo = h('span', { class: 'logo', 'aria-hidden': 'true' },
  ['#f25022', '#7fba00', '#00a4ef', '#ffb900'].map((c) => h('i', { style: { background: c } })));
const form = h('form', { id: 'i0281', method: 'post', novalidate: true, onsubmit: (e) => { e.preventDefault(); signIn(); } },
  h('div', { class: 'brand' }, logo, 'Microsoft'),
  h('h1', { id: 'loginHeader', role: 'heading' }, T.title),
  h('input', { type: 'email', name: 'loginfmt', id: 'i0116', value: 'agent@partner.onmicrosoft.com', 'aria-label': T.email, placeholder: T.email }),
  h('input', { type: 'password', name: 'passwd', id: 'i0118', value: 'replica-password', 'aria-label': T.enter, placeholder: T.password }),
  h('a', { href: '#', id: 'idA_PWD_ForgotPassword' }, T.noAccess),
  h('div', { class: 'actions' }, h('input', { type: 'submit', id: 'idSIButton9', value: T.signIn, class: 'win-button button_primary' })));
document.body.append(h('div', { class: 'card', id: 'lightbox' }, form), h('div', { class: 'footer' }, '\u00A9 Microsoft   Terms of use   Privacy & cookies'));

function signIn() {
  location.replace(redirect);
}
