// Hostile links for the security tests (issue 21.1): with the knob `replica-decoys=1` (kept in the
// origin's sessionStorage like the other knobs), a bar at the top of the page, first in the
// document, holds links whose path reads like the portal's own but that lead elsewhere: another
// host, a look-alike host, `javascript:`, `http:`. They carry the portal's labels too. The
// extension must never ring them. Loaded by partner-center.html and admin-center.html before the
// page's own script; kept first in the body whatever the page renders.
const KNOB = 'replica-decoys';

function enabled() {
  try {
    const value = new URLSearchParams(location.search).get(KNOB);
    if (value !== null) sessionStorage.setItem(KNOB, value);
    return sessionStorage.getItem(KNOB) === '1';
  } catch {
    return false;
  }
}

const TENANT = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';
const PARTNER_CENTER = [
  ['decoy-evil', 'https://evil.example/dashboard/v2/customers/list', 'Customers'],
  ['decoy-js', 'javascript:void(0)//dashboard/v2/customers/list', 'Customers'],
  ['decoy-lookalike', 'https://partner.microsoft.com.evil.example/dashboard/v2/customers/list', 'Customers'],
  ['decoy-http', 'http://partner.microsoft.com/dashboard/v2/customers/list', 'Customers'],
  ['decoy-sm', `https://evil.example/dashboard/v2/customers/${TENANT}/servicemanagementpage`, 'Service management'],
  ['decoy-sr', `javascript:void(0)//dashboard/v2/customers/${TENANT}/servicerequests`, 'Service requests'],
  ['decoy-entry', `https://evil.example/Partner/BeginClientSession.aspx?CTID=${TENANT}&CSDEST=o365admincenter`, 'Microsoft 365'],
];
const ADMIN_CENTER = [
  ['decoy-evil', 'https://evil.example/AdminPortal/Home#/support', 'Support'],
  ['decoy-js', 'javascript:void(0)//AdminPortal/Home#/support', 'Support'],
  ['decoy-lookalike', 'https://admin.microsoft.com.evil.example/AdminPortal/Home#/support', 'Support'],
];

if (enabled()) {
  const bar = document.createElement('div');
  bar.id = 'replica-decoys';
  bar.setAttribute('style', 'display:flex;gap:12px;padding:4px 12px;font:12px system-ui;background:#fff4ce;border-bottom:1px solid #e0c060');
  const links = location.hostname === 'partner.microsoft.com' ? PARTNER_CENTER : ADMIN_CENTER;
  for (const [id, href, text] of links) {
    const a = document.createElement('a');
    a.id = id;
    a.href = href;
    a.textContent = text;
    bar.append(a);
  }
  const keepFirst = () => {
    if (document.body && document.body.firstChild !== bar) document.body.prepend(bar);
  };
  keepFirst();
  new MutationObserver(keepFirst).observe(document.body, { childList: true });
}
