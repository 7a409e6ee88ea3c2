/**
 * The portals' hosts (SPEC.md, "Hosts and permissions"), and the check every URL read from a page
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

/** `https:` on one of `hosts` (the URL's host, lower-cased; no port, no credentials). */
export function isHttpsOn(u: URL, hosts: readonly string[]): boolean {
  return u.protocol === 'https:' && !u.port && !u.username && !u.password && hosts.includes(u.hostname.toLowerCase());
}
