import { describe, expect, it } from 'vitest';
import { compareTenant, customerTenantFromUrl, delegatedTenantFromUrl } from '../../../lib/flow/tenant';

const T = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';

describe('tenant parsing', () => {
  it('reads the customer tenant id from Partner Center paths', () => {
    expect(customerTenantFromUrl(`https://partner.microsoft.com/dashboard/v2/customers/${T}/adminrelationships`)).toBe(T);
    expect(customerTenantFromUrl(`https://partner.microsoft.com/ko-kr/dashboard/v2/customers/${T.toUpperCase()}/servicemanagementpage`)).toBe(T);
    expect(customerTenantFromUrl(`https://partner.microsoft.com/dashboard/v2/customers/${T}`)).toBe(T);
    expect(customerTenantFromUrl('https://partner.microsoft.com/dashboard/v2/customers/granularadminaccess/list')).toBeUndefined();
    expect(customerTenantFromUrl(`https://admin.microsoft.com/customers/${T}/`)).toBeUndefined();
    expect(customerTenantFromUrl('::')).toBeUndefined();
  });

  it('reads the delegated tenant from the three link forms', () => {
    expect(delegatedTenantFromUrl(`https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${T}&CSDEST=Support`)).toEqual({ kind: 'tenant-id', value: T });
    expect(delegatedTenantFromUrl(`https://portal.office.com/partner/beginclientsession.aspx?ctid=${T.toUpperCase()}`)).toEqual({ kind: 'tenant-id', value: T });
    expect(delegatedTenantFromUrl(`https://admin.microsoft.com/?tenantId=${T}#/homepage`)).toEqual({ kind: 'tenant-id', value: T });
    expect(delegatedTenantFromUrl(`https://admin.microsoft.com/AdminPortal/Home#/homepage?tenantId=${T}`)).toEqual({ kind: 'tenant-id', value: T });
    expect(delegatedTenantFromUrl('https://admin.cloud.microsoft/?delegatedOrg=Contoso.onmicrosoft.com')).toEqual({ kind: 'domain', value: 'contoso.onmicrosoft.com' });
    expect(delegatedTenantFromUrl('https://admin.microsoft.com/AdminPortal/Home#/homepage')).toBeUndefined();
    expect(delegatedTenantFromUrl('https://admin.microsoft.com/?delegatedOrg=<script>')).toBeUndefined();
    expect(delegatedTenantFromUrl('https://admin.microsoft.com/?CTID=not-a-guid')).toBeUndefined();
  });

  it('reads tenants only from the portals’ own https origins (a decoy link names no customer)', () => {
    for (const url of [
      `https://evil.example/dashboard/v2/customers/${T}/servicemanagementpage`,
      `http://partner.microsoft.com/dashboard/v2/customers/${T}/account`,
      `https://partner.microsoft.com.evil.example/dashboard/v2/customers/${T}/account`,
      `javascript:void(0)//partner.microsoft.com/dashboard/v2/customers/${T}/account`,
      `https://partner.microsoft.com:444/dashboard/v2/customers/${T}/account`,
    ]) expect(customerTenantFromUrl(url), url).toBeUndefined();
    for (const url of [
      `https://evil.example/Partner/BeginClientSession.aspx?CTID=${T}`,
      `http://portal.office.com/Partner/BeginClientSession.aspx?CTID=${T}`,
      `javascript:void(0)//admin.microsoft.com/?tenantId=${T}`,
      'https://admin.microsoft.com.evil.example/?delegatedOrg=contoso.onmicrosoft.com',
      'https://agent@admin.cloud.microsoft/?delegatedOrg=contoso.onmicrosoft.com',
      `https://partner.microsoft.com/?tenantId=${T}`,
    ]) expect(delegatedTenantFromUrl(url), url).toBeUndefined();
    // The admin center's hosts in any case, and the sign-in hosts a delegated link may go through.
    expect(delegatedTenantFromUrl(`https://PORTAL.office365.us/partner/beginclientsession.aspx?ctid=${T}`)).toEqual({ kind: 'tenant-id', value: T });
    expect(delegatedTenantFromUrl(`https://login.microsoftonline.com/common/oauth2/authorize?tenantId=${T}`)).toEqual({ kind: 'tenant-id', value: T });
  });

  it('compares only comparable ids: never a false alarm', () => {
    const customer = { tenantId: T, domain: 'contoso.onmicrosoft.com' };
    expect(compareTenant(customer, { kind: 'tenant-id', value: T })).toBe('same');
    expect(compareTenant(customer, { kind: 'tenant-id', value: 'b3e5c2d4-7a91-4f0e-8c6d-2e4f9a1b7c35' })).toBe('different');
    expect(compareTenant(customer, { kind: 'domain', value: 'fabrikam.onmicrosoft.com' })).toBe('different');
    expect(compareTenant({ tenantId: T }, { kind: 'domain', value: 'fabrikam.onmicrosoft.com' })).toBe('unknown');
    expect(compareTenant(undefined, { kind: 'tenant-id', value: T })).toBe('unknown');
  });
});
