// Where the delegated entry (/Partner/BeginClientSession.aspx) sends the tab: the sign-in page, with
// the admin center home as redirect_uri (portals.md §5: the real one is a server redirect). Plain
// ES module without DOM access: the entry page's script (begin-session.js) and the e2e harnesses
// (test/e2e/launch.mjs `replicaResponse`, for a real HTTP 302) use the same target.

export const BEGIN_CLIENT_SESSION_PATH = /^\/partner\/beginclientsession\.aspx$/i;

/**
 * The sign-in URL the entry at `url` redirects to, or null when `url` is not the entry.
 * @param {string} url
 * @returns {string | null}
 */
export function entryRedirect(url) {
  const u = new URL(url);
  if (!BEGIN_CLIENT_SESSION_PATH.test(u.pathname)) return null;
  const gov = /\.us$|\.mil$/.test(u.hostname);
  const target = gov ? `https://${u.hostname}/adminportal/home#/homepage` : 'https://admin.microsoft.com/AdminPortal/Home#/homepage';
  const login = gov ? 'https://login.microsoftonline.us' : 'https://login.microsoftonline.com';
  return `${login}/common/oauth2/authorize?client_id=00000006-0000-0ff1-ce00-000000000000&redirect_uri=${encodeURIComponent(target)}`;
}
