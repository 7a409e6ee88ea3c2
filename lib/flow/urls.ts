/**
 * The portal URLs the extension itself opens or links to, each defined once: the Partner Center
 * dashboard (where every escalation starts) and a customer's pages (the way back of the warnings).
 * Pure data and string building; every surface (overlay, side panel, popup, background) reads them.
 */
import { isGuid } from './tenant';

export const PARTNER_CENTER_ORIGIN = 'https://partner.microsoft.com';
/** Where an escalation starts (SPEC.md, step `sign-in`). */
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

/** Partner Center's own service health page. */
export const PARTNER_CENTER_SERVICE_HEALTH = `${PARTNER_CENTER_ORIGIN}/dashboard/v2/support/servicehealth`;
