/**
 * The portals' hosts (the README's "Permissions and why"), and the check every URL read from a page
 * goes through before it counts as a portal's: `https:` on one of these hosts, any case. A link a
 * page shows can point anywhere (`https://evil.example/dashboard/v2/customers/list`,
 * `javascript:…//dashboard/v2/customers/list`); only its origin says whose it is.
 */
export const PARTNER_CENTER_HOSTS = ['partner.microsoft.com'] as const;
export const ADMIN_CENTER_HOSTS = [
  'admin.microsoft.com',
  'portal.office.com',
  'admin.cloud.microsoft',
  'portal.office365.us',
  'portal.apps.mil',
] as const;
export const SIGN_IN_HOSTS = ['login.microsoftonline.com', 'login.microsoftonline.us'] as const;

/** The hosts of a portal with content scripts (the hosts an href locator's links may lead to). */
export const HOSTS_OF = {
  'partner-center': PARTNER_CENTER_HOSTS,
  'admin-center': ADMIN_CENTER_HOSTS,
} as const;

/** Where a delegated ("admin on behalf of") link may lead: the admin center, through sign-in. */
export const DELEGATED_HOSTS: readonly string[] = [...ADMIN_CENTER_HOSTS, ...SIGN_IN_HOSTS];

/**
 * The part of a resolved href after its origin when the origin is `https://<one of hosts>` (no
 * port, no credentials), else undefined. A resolved href is serialized by the browser or `URL` (scheme and
 * host lower-cased, default port dropped, a `/` after the host), so a prefix check is exact and
 * costs no URL parse.
 */
export function pathOnHosts(href: string, hosts: readonly string[]): string | undefined {
  if (!href.startsWith('https://')) return undefined;
  for (const host of hosts) {
    const end = 8 + host.length;
    if (href.startsWith(host, 8) && (href.length === end || '/?#'.includes(href[end]!))) return href.slice(end) || '/';
  }
  return undefined;
}

/** `https:` on one of `hosts` (no port, no credentials). */
export const isHttpsOn = (u: URL, hosts: readonly string[]): boolean => pathOnHosts(u.href, hosts) !== undefined;
