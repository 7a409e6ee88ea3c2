/**
 * The portal URLs the extension itself opens or links to, each defined once: the Partner Center
 * dashboard (where every escalation starts) and a customer's pages (the way back of the warnings,
 * its admin relationships).
 * Pure data and string building; every surface (overlay, side panel, popup, background) reads them.
 */
import { isGuid } from './tenant';

export const PARTNER_CENTER_ORIGIN = 'https://partner.microsoft.com';
/** Where an escalation starts (step `sign-in` of lib/flow/flow.ts). */
export const PARTNER_CENTER_DASHBOARD = `${PARTNER_CENTER_ORIGIN}/dashboard`;

/** A page of one customer in Partner Center (`account`, `servicemanagementpage`, ...). */
export function customerPageUrl(tenantId: string, page: string): string {
  return `${PARTNER_CENTER_ORIGIN}/dashboard/v2/customers/${tenantId.toLowerCase()}/${page}`;
}

/**
 * The way back to a customer: its Service management page, where its service requests are opened
 * (steps `service-management` onwards); the dashboard when no tenant id is known.
 */
export function wayBackUrl(tenantId: string | undefined | null): string {
  return tenantId && isGuid(tenantId) ? customerPageUrl(tenantId, 'servicemanagementpage') : PARTNER_CENTER_DASHBOARD;
}

/**
 * A customer's Admin relationships page (GDAP: the roles the partner holds for it; the portal facts
 * in test/replica/README.md), the link of the `admin-relationship` preparation item; undefined when
 * no tenant id is known.
 */
export function adminRelationshipsUrl(tenantId: string | undefined | null): string | undefined {
  return tenantId && isGuid(tenantId) ? customerPageUrl(tenantId, 'adminrelationships') : undefined;
}

/** Partner Center's own service health page. */
export const PARTNER_CENTER_SERVICE_HEALTH = `${PARTNER_CENTER_ORIGIN}/dashboard/v2/support/servicehealth`;
