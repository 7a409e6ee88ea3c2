// Replica of /Partner/BeginClientSession.aspx (portal.office.com, admin.microsoft.com): the DAP-era
// delegated entry. Redirects with a page script (not an HTTP 302) through the sign-in page to the
// admin center home. The customer's tenant id rides along in window.name so the admin center
// replica can show whose tenant is open (the real service keeps that server-side).
import { styleDocument, langFrom } from './common.js';

const gov = /\.us$|\.mil$/.test(location.hostname);
const target = gov ? `https://${location.hostname}/adminportal/home#/homepage` : 'https://admin.microsoft.com/AdminPortal/Home#/homepage';
const login = gov ? 'https://login.microsoftonline.us' : 'https://login.microsoftonline.com';
const params = new URLSearchParams(location.search);
const ctid = params.get('CTID') ?? params.get('ctid') ?? '';
styleDocument('body { display: grid; place-items: center; color: #616161; font-size: 14px; }');
document.body.textContent = langFrom() === 'ko' ? '작업 중...' : 'Working on it...';
window.name = ctid ? `replica-delegated:${ctid}` : '';
location.replace(`${login}/common/oauth2/authorize?client_id=00000006-0000-0ff1-ce00-000000000000&redirect_uri=${encodeURIComponent(target)}`);
