// Fake customers of the replica portals. Plain ES module: loaded by the replica pages
// (as /__replica/customers.js) and imported by Node tests.

/** @typedef {{ name: string, tenantId: string, domain: string, country: string, relationship: string }} ReplicaCustomer */

/**
 * A customer whose name is an HTML and script payload, for the security tests: every surface must
 * show it as text. Listed first by the knob `replica-customers=xss` (kept in the origin's
 * sessionStorage like the other knobs); found by tenant id and domain on every replica page.
 * @type {Readonly<ReplicaCustomer>}
 */
export const XSS_CUSTOMER = Object.freeze({
  name: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
  tenantId: '7e55c0de-0bad-4c0d-8e55-5c21b7e0a11d',
  domain: 'xss-payload.onmicrosoft.com',
  country: 'US',
  relationship: 'Reseller',
});

/** True in a replica page opened with `replica-customers=xss` (in the URL, or earlier in the tab). */
function xssKnob() {
  if (typeof location === 'undefined' || typeof sessionStorage === 'undefined') return false;
  try {
    const value = new URLSearchParams(location.search).get('replica-customers');
    if (value !== null) sessionStorage.setItem('replica-customers', value);
    return sessionStorage.getItem('replica-customers') === 'xss';
  } catch {
    return false;
  }
}

/** @type {readonly ReplicaCustomer[]} */
export const CUSTOMERS = Object.freeze([
  ...(xssKnob() ? [XSS_CUSTOMER] : []),
  Object.freeze({ name: 'Contoso Ltd', tenantId: '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10', domain: 'contoso.onmicrosoft.com', country: 'US', relationship: 'Reseller' }),
  Object.freeze({ name: 'Fabrikam Inc', tenantId: 'b3e5c2d4-7a91-4f0e-8c6d-2e4f9a1b7c35', domain: 'fabrikam.onmicrosoft.com', country: 'US', relationship: 'Reseller' }),
  Object.freeze({ name: '서울테크 주식회사', tenantId: '0d9c8b7a-6e5f-4a3b-9c2d-1e0f9a8b7c6d', domain: 'seoultech.onmicrosoft.com', country: 'KR', relationship: 'Reseller' }),
  Object.freeze({ name: 'Northwind Traders', tenantId: '4a7e9c1b-3d5f-4e6a-8b9c-0d1e2f3a4b5c', domain: 'northwindtraders.onmicrosoft.com', country: 'GB', relationship: 'Reseller' }),
]);

/** @param {string | null | undefined} tenantId */
export function customerByTenantId(tenantId) {
  if (!tenantId) return undefined;
  const id = tenantId.toLowerCase();
  return CUSTOMERS.find((c) => c.tenantId === id) ?? (XSS_CUSTOMER.tenantId === id ? XSS_CUSTOMER : undefined);
}

/** @param {string | null | undefined} domain */
export function customerByDomain(domain) {
  if (!domain) return undefined;
  const d = domain.toLowerCase();
  return CUSTOMERS.find((c) => c.domain === d) ?? (XSS_CUSTOMER.domain === d ? XSS_CUSTOMER : undefined);
}

/** Delegated admin-center link that Partner Center opens for a customer, per UI variant. */
/** @param {ReplicaCustomer} customer @param {'2019' | '2021'} variant */
export function delegatedLink(customer, variant) {
  return variant === '2021'
    ? `https://admin.cloud.microsoft/?delegatedOrg=${customer.domain}`
    : `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${customer.tenantId}&CSDEST=o365admincenter`;
}
