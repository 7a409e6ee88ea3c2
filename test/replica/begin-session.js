// Replica of /Partner/BeginClientSession.aspx (portal.office.com, admin.microsoft.com) for a
// navigation the harness cannot answer with its HTTP 302 (a `page.goto`, where Chromium would follow
// a routed redirect outside the route): a script redirect to the same sign-in URL the 302 would
// give. The harness injects that URL (`<meta name="replica-next">`, base64url JSON `{ login }`)
// and has already remembered the tenant for the sign-in's state (launch.mjs).
import { styleDocument, langFrom, stringsFor } from './common.js';
import { LOGIN_STRINGS } from './i18n.js';

const content = document.querySelector('meta[name="replica-next"]')?.getAttribute('content') ?? '';
let next = '';
try {
  next = JSON.parse(atob(content.replace(/-/g, '+').replace(/_/g, '/'))).login ?? '';
} catch {
  /* served without the harness: nowhere to go */
}
styleDocument('body { display: grid; place-items: center; color: #616161; font-size: 14px; }');
document.body.textContent = stringsFor(LOGIN_STRINGS, langFrom()).working;
if (next) location.replace(next);
