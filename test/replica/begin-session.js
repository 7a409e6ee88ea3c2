// Replica of /Partner/BeginClientSession.aspx (portal.office.com, admin.microsoft.com): the DAP-era
// delegated entry. Redirects with a page script (not an HTTP 302) through the sign-in page to the
// admin center home. The customer's tenant id rides along in window.name so the admin center
// replica can show whose tenant is open (the real service keeps that server-side).
import { styleDocument, langFrom } from './common.js';
import { entryRedirect } from './entry.js';

const params = new URLSearchParams(location.search);
const ctid = params.get('CTID') ?? params.get('ctid') ?? '';
styleDocument('body { display: grid; place-items: center; color: #616161; font-size: 14px; }');
document.body.textContent = langFrom() === 'ko' ? '작업 중...' : 'Working on it...';
window.name = ctid ? `replica-delegated:${ctid}` : '';
location.replace(entryRedirect(location.href) ?? 'https://admin.microsoft.com/AdminPortal/Home#/homepage');
