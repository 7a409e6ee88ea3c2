/**
 * Customer identities as the portals spell them: the tenant id in Partner Center paths, and the
 * delegated ("admin on behalf of") tenant of admin-center links (the portal facts in
 * test/replica/README.md). Only URLs of the portals' own origins count (lib/flow/hosts.ts): a
 * page's link to another host or scheme names no customer, however its path or query reads.
 */
import { DELEGATED_HOSTS, PARTNER_CENTER_HOSTS, isHttpsOn } from './hosts';

export const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const GUID_ONLY = new RegExp(`^${GUID.source}$`, 'i');
/** The whole string is a GUID (a tenant id), any case. */
export const isGuid = (s: string | undefined | null): boolean => !!s && GUID_ONLY.test(s);
/** An initial or custom domain as the portals spell it (`contoso.onmicrosoft.com`). */
export const DOMAIN = /^[a-z0-9.-]+\.[a-z]{2,}$/i;
const CUSTOMER_PATH = new RegExp(`/customers/(${GUID.source})(?:/|$)`, 'i');

/** The path of the delegated entry into a customer's admin center (`BeginClientSession.aspx`), any case. */
export const BEGIN_CLIENT_SESSION = /^\/partner\/beginclientsession\.aspx$/i;

export type DelegatedTenant =
  | { kind: 'tenant-id'; value: string }
  | { kind: 'domain'; value: string };

/** The customer's tenant id in a Partner Center URL (`/dashboard/v2/customers/<tenantId>/...`). */
export function customerTenantFromUrl(url: string | URL): string | undefined {
  const u = toUrl(url);
  if (!u || !isHttpsOn(u, PARTNER_CENTER_HOSTS)) return undefined;
  return CUSTOMER_PATH.exec(u.pathname)?.[1]?.toLowerCase();
}

/** Query parameters of the URL and of a query inside its hash route (`#/homepage?tenantId=`). */
function params(u: URL): URLSearchParams[] {
  const list = [u.searchParams];
  const q = u.hash.indexOf('?');
  if (q >= 0) list.push(new URLSearchParams(u.hash.slice(q + 1)));
  return list;
}

function param(u: URL, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const p of params(u)) for (const [k, v] of p) if (k.toLowerCase() === wanted && v.trim()) return v.trim();
  return undefined;
}

/**
 * The customer a delegated admin-center link opens: `BeginClientSession.aspx?CTID=<tenantId>`,
 * `?tenantId=<guid>` or `?delegatedOrg=<initial domain>`. Undefined for a link in the agent's own
 * tenant context.
 */
export function delegatedTenantFromUrl(url: string | URL): DelegatedTenant | undefined {
  const u = toUrl(url);
  if (!u || !isHttpsOn(u, DELEGATED_HOSTS)) return undefined;
  for (const name of ['CTID', 'tenantId']) {
    const v = param(u, name);
    if (v && isGuid(v)) return { kind: 'tenant-id', value: v.toLowerCase() };
  }
  const org = param(u, 'delegatedOrg');
  if (org) {
    if (isGuid(org)) return { kind: 'tenant-id', value: org.toLowerCase() };
    if (DOMAIN.test(org)) return { kind: 'domain', value: org.toLowerCase() };
  }
  return undefined;
}

export interface CustomerIdentity {
  tenantId?: string | undefined;
  name?: string | undefined;
  domain?: string | undefined;
}

/**
 * Whether a delegated tenant is the selected customer. `unknown` where the two sides give no
 * comparable id (a domain against a tenant id): never a false alarm.
 */
export function compareTenant(
  customer: CustomerIdentity | undefined,
  delegated: DelegatedTenant | undefined,
): 'same' | 'different' | 'unknown' {
  if (!customer || !delegated) return 'unknown';
  const mine = delegated.kind === 'tenant-id' ? customer.tenantId : customer.domain;
  if (!mine) return 'unknown';
  return mine.toLowerCase() === delegated.value.toLowerCase() ? 'same' : 'different';
}

function toUrl(url: string | URL): URL | undefined {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
