export interface ReplicaCustomer {
  name: string;
  tenantId: string;
  domain: string;
  country: string;
  relationship: string;
}
export const CUSTOMERS: readonly ReplicaCustomer[];
export const XSS_CUSTOMER: Readonly<ReplicaCustomer>;
export function customerByTenantId(tenantId: string | null | undefined): ReplicaCustomer | undefined;
export function customerByDomain(domain: string | null | undefined): ReplicaCustomer | undefined;
export function delegatedLink(customer: ReplicaCustomer, variant: '2019' | '2021'): string;
