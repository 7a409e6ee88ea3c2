/**
 * Page detectors: one pure function per page kind of the portals (their URLs: the portal facts in
 * test/replica/README.md), each followed by the real URL shapes it must match. Where the URL cannot
 * tell (Partner Center's service requests view has no known URL) a detector also reads the
 * document, through a small probe the content script implements over the live page and tests
 * implement with plain data.
 */
import { BEGIN_CLIENT_SESSION, GUID, customerTenantFromUrl } from './tenant';
import { ADMIN_CENTER_HOSTS, PARTNER_CENTER_HOSTS, SIGN_IN_HOSTS } from './hosts';
import { TESTS } from './test-data';
import type { LabelId } from './labels';

export const PORTALS = ['partner-center', 'admin-center', 'sign-in'] as const;
export type Portal = (typeof PORTALS)[number];
/** The portals with content scripts (no script runs on the sign-in pages). */
export const CONTENT_PORTALS = ['partner-center', 'admin-center'] as const;
export type ContentPortal = (typeof CONTENT_PORTALS)[number];

export const PAGE_KINDS = [
  'pc-dashboard',
  'pc-customers-list',
  'pc-gdap-list',
  'pc-customer',
  'pc-admin-relationships',
  'pc-service-management',
  'pc-service-requests',
  'pc-service-health',
  'pc-own-support',
  'pc-customer-requests',
  'delegated-entry',
  'sign-in',
  'admin-home',
  'admin-support',
  'admin-service-health',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** What a detector may ask of the document. */
export interface PageProbe {
  /** A level-1 or level-2 heading of the page reads as one of the label's spellings. */
  hasHeading(label: LabelId): boolean;
}
/** The probe of a page whose document says nothing (not rendered yet, or not read). */
export const BLANK_PAGE: PageProbe = { hasHeading: () => false };

export interface PageExample {
  url: string;
  /** Headings the page shows, for detectors that read the document. */
  headings?: LabelId[];
}

export interface PageDetector {
  kind: PageKind;
  portal: Portal;
  /** Needs the document as well as the URL. */
  readsDocument: boolean;
  detect(url: URL, probe: PageProbe): boolean;
  /** The real URL shapes it must match (the detector matrix test runs them against every detector). */
  examples: readonly PageExample[];
}

export function portalOf(url: URL): Portal | undefined {
  const host = url.hostname.toLowerCase();
  if ((PARTNER_CENTER_HOSTS as readonly string[]).includes(host)) return 'partner-center';
  if ((ADMIN_CENTER_HOSTS as readonly string[]).includes(host)) return 'admin-center';
  if ((SIGN_IN_HOSTS as readonly string[]).includes(host)) return 'sign-in';
  return undefined;
}

const LOCALE = '(?:/[a-z]{2}(?:-[a-z]{2,4})?)?'; // `/en-us`, `/ko-kr`, `/zh-hans` (inferred)
const TENANT = GUID.source;
const pc = (pattern: string) => new RegExp(`^${LOCALE}${pattern}/?$`, 'i');

const PC_DASHBOARD = pc('/dashboard(?:/home)?');
const PC_CUSTOMERS_LIST = pc('(?:/dashboard/(?:v2|commerce2)/customers/list|/pcv/customers(?:/list)?)');
const PC_GDAP_LIST = pc('/dashboard/(?:v2|commerce2)/customers/granularadminaccess/list');
const PC_SERVICE_MANAGEMENT = pc(`(?:/dashboard/(?:v2|commerce2)|/pcv)/customers/${TENANT}/servicemanagementpage`);
const PC_CUSTOMER = pc(`(?:/dashboard/(?:v2|commerce2)|/pcv)/customers/${TENANT}(?:/[\\w-]+)*`);
/**
 * A customer's admin relationships (GDAP), and one of them (`/<relationshipId>`): the portal facts
 * in test/replica/README.md.
 */
const PC_ADMIN_RELATIONSHIPS = pc(`(?:/dashboard/(?:v2|commerce2)|/pcv)/customers/${TENANT}/adminrelationships(?:/[\\w-]+)?`);
/**
 * Partner Center's own Help + support (its requests are about Partner Center itself, the wrong
 * door for a customer's problem): never a customer's service requests view, whatever it is headed.
 */
const PC_OWN_SUPPORT = pc('/dashboard/(?:v2|commerce2)/support/servicerequests(?:/[\\w-]+)*');
/** Support → Customer requests (in test/replica/README.md): a right door to a customer's request. */
const PC_CUSTOMER_REQUESTS = pc('/dashboard/(?:v2|commerce2)/support/customers(?:/[\\w-]+)*');
const PC_SERVICE_HEALTH = new RegExp(`^${LOCALE}(?:/dashboard|/pcv)(?:/[\\w-]+)*/servicehealth(?:/[\\w-]*)*$`, 'i');

const isPartnerCenter = (u: URL) => portalOf(u) === 'partner-center';
const isAdminCenter = (u: URL) => portalOf(u) === 'admin-center';
const path = (u: URL) => u.pathname.replace(/\/+$/, '') || '/';

/** The admin center's hash route, lower-cased, without its query: `#/Support?x=1` → `/support`. */
export function adminRoute(u: URL): string {
  const hash = u.hash.replace(/^#!?/, '');
  const route = hash.split('?')[0] ?? '';
  return route.toLowerCase().replace(/\/+$/, '');
}
const ADMIN_SHELL = /^\/(?:adminportal(?:\/home)?)?$/i; // `/`, `/AdminPortal`, `/adminportal/home`
const isAdminShell = (u: URL) => isAdminCenter(u) && ADMIN_SHELL.test(path(u));

/** A page of one customer, except pages with detectors of their own. */
function isCustomerPage(u: URL): boolean {
  const p = path(u);
  return isPartnerCenter(u) && PC_CUSTOMER.test(p) && !PC_SERVICE_MANAGEMENT.test(p) && !PC_ADMIN_RELATIONSHIPS.test(p);
}

/** Partner Center pages where the service requests view may render (its URL is not public). */
function mayShowServiceRequests(u: URL): boolean {
  const p = path(u);
  if (!isPartnerCenter(u) || !/^(?:\/[a-z]{2}(?:-[a-z]{2,4})?)?\/(?:dashboard|pcv)\//i.test(`${p}/`)) return false;
  return ![PC_DASHBOARD, PC_CUSTOMERS_LIST, PC_GDAP_LIST, PC_SERVICE_MANAGEMENT, PC_SERVICE_HEALTH, PC_ADMIN_RELATIONSHIPS, PC_CUSTOMER_REQUESTS, PC_OWN_SUPPORT].some((r) => r.test(p));
}

const CONTOSO = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';

export const DETECTORS: readonly PageDetector[] = [
  {
    kind: 'pc-dashboard',
    portal: 'partner-center',
    readsDocument: false,
    detect: (u) => isPartnerCenter(u) && PC_DASHBOARD.test(path(u)),
    examples: TESTS ? [
      { url: 'https://partner.microsoft.com/dashboard' },
      { url: 'https://partner.microsoft.com/dashboard/' },
      { url: 'https://partner.microsoft.com/dashboard/home' },
      { url: 'https://partner.microsoft.com/en-us/dashboard/home' },
      { url: 'https://partner.microsoft.com/ko-kr/dashboard' },
      { url: 'https://partner.microsoft.com/de-DE/dashboard/home?ref=nav' },
      { url: 'https://partner.microsoft.com/en-US/dashboard/home' },
    ] : [],
  },
  {
    kind: 'pc-customers-list',
    portal: 'partner-center',
    readsDocument: false,
    detect: (u) => isPartnerCenter(u) && PC_CUSTOMERS_LIST.test(path(u)),
    examples: TESTS ? [
      { url: 'https://partner.microsoft.com/dashboard/v2/customers/list' },
      { url: 'https://partner.microsoft.com/dashboard/commerce2/customers/list' },
      { url: 'https://partner.microsoft.com/ja-jp/dashboard/v2/customers/list?filter=active' },
      { url: 'https://partner.microsoft.com/en-us/pcv/customers/list' },
      { url: 'https://partner.microsoft.com/en-us/pcv/customers' },
      { url: 'https://partner.microsoft.com/en-US/dashboard/v2/customers/list' },
    ] : [],
  },
  {
    kind: 'pc-gdap-list',
    portal: 'partner-center',
    readsDocument: false,
    detect: (u) => isPartnerCenter(u) && PC_GDAP_LIST.test(path(u)),
    examples: TESTS ? [
      { url: 'https://partner.microsoft.com/dashboard/v2/customers/granularadminaccess/list' },
      { url: 'https://partner.microsoft.com/ko-kr/dashboard/v2/customers/granularadminaccess/list' },
    ] : [],
  },
  {
    kind: 'pc-customer',
    portal: 'partner-center',
    readsDocument: true,
    detect: (u, probe) => isCustomerPage(u) && !probe.hasHeading('serviceRequests'),
    examples: TESTS ? [
      { url: `https://partner.microsoft.com/dashboard/v2/customers/${CONTOSO}/account` },
      { url: `https://partner.microsoft.com/en-us/dashboard/v2/customers/${CONTOSO.toUpperCase()}/subscriptions` },
      { url: `https://partner.microsoft.com/dashboard/commerce2/customers/${CONTOSO}/account` },
      { url: `https://partner.microsoft.com/en-us/pcv/customers/${CONTOSO}/account` },
      { url: `https://partner.microsoft.com/dashboard/v2/customers/${CONTOSO}` },
      { url: `https://partner.microsoft.com/en-US/dashboard/v2/customers/${CONTOSO}/users` },
    ] : [],
  },
  {
    kind: 'pc-admin-relationships',
    portal: 'partner-center',
    readsDocument: false,
    detect: (u) => isPartnerCenter(u) && PC_ADMIN_RELATIONSHIPS.test(path(u)),
    examples: TESTS ? [
      { url: `https://partner.microsoft.com/dashboard/v2/customers/${CONTOSO}/adminrelationships` },
      { url: `https://partner.microsoft.com/en-US/dashboard/v2/customers/${CONTOSO}/adminrelationships` },
      { url: `https://partner.microsoft.com/en-US/dashboard/v2/customers/${CONTOSO.toUpperCase()}/adminrelationships/` },
      { url: `https://partner.microsoft.com/ko-kr/dashboard/v2/customers/${CONTOSO}/adminrelationships/8d4f0c3a-51e2-4c8b-9f07-6a1d2e3b4c5d-${CONTOSO}` },
      { url: `https://partner.microsoft.com/dashboard/commerce2/customers/${CONTOSO}/adminrelationships?view=active` },
    ] : [],
  },
  {
    kind: 'pc-service-management',
    portal: 'partner-center',
    readsDocument: false,
    detect: (u) => isPartnerCenter(u) && PC_SERVICE_MANAGEMENT.test(path(u)),
    examples: TESTS ? [
      { url: `https://partner.microsoft.com/dashboard/v2/customers/${CONTOSO}/servicemanagementpage` },
      { url: `https://partner.microsoft.com/ko-kr/dashboard/v2/customers/${CONTOSO}/servicemanagementpage` },
      { url: `https://partner.microsoft.com/en-us/pcv/customers/${CONTOSO}/servicemanagementpage` },
      { url: `https://partner.microsoft.com/en-US/dashboard/v2/customers/${CONTOSO}/servicemanagementpage` },
    ] : [],
  },
  {
    kind: 'pc-service-requests',
    portal: 'partner-center',
    readsDocument: true,
    // No public URL: a Partner Center page (not one with a known URL of its own) headed "Service requests".
    detect: (u, probe) => mayShowServiceRequests(u) && probe.hasHeading('serviceRequests'),
    examples: TESTS ? [
      { url: `https://partner.microsoft.com/dashboard/v2/customers/${CONTOSO}/servicerequests`, headings: ['serviceRequests'] },
      { url: `https://partner.microsoft.com/en-us/pcv/customers/${CONTOSO}/account`, headings: ['serviceRequests'] },
      { url: `https://partner.microsoft.com/en-US/dashboard/v2/customers/${CONTOSO}/servicerequests`, headings: ['serviceRequests'] },
      { url: 'https://partner.microsoft.com/de-DE/dashboard/v2/administer/servicerequests', headings: ['serviceRequests'] },
    ] : [],
  },
  {
    kind: 'pc-service-health',
    portal: 'partner-center',
    readsDocument: false,
    // Inferred: the public docs name the page ("Service health") but not its URL.
    detect: (u) => isPartnerCenter(u) && PC_SERVICE_HEALTH.test(path(u)),
    examples: TESTS ? [
      { url: 'https://partner.microsoft.com/dashboard/v2/support/servicehealth' },
      { url: 'https://partner.microsoft.com/en-us/dashboard/support/servicehealth' },
      { url: 'https://partner.microsoft.com/en-us/pcv/servicehealth' },
      { url: 'https://partner.microsoft.com/en-US/dashboard/v2/support/servicehealth' },
    ] : [],
  },
  {
    kind: 'pc-customer-requests',
    portal: 'partner-center',
    readsDocument: false,
    detect: (u) => isPartnerCenter(u) && PC_CUSTOMER_REQUESTS.test(path(u)),
    examples: TESTS ? [
      { url: 'https://partner.microsoft.com/dashboard/v2/support/customers' },
      { url: 'https://partner.microsoft.com/dashboard/v2/support/customers/list' },
      { url: 'https://partner.microsoft.com/en-US/dashboard/v2/support/customers/search?q=contoso' },
      { url: 'https://partner.microsoft.com/ko-kr/dashboard/v2/support/customers/' },
    ] : [],
  },
  {
    kind: 'pc-own-support',
    portal: 'partner-center',
    readsDocument: false,
    detect: (u) => isPartnerCenter(u) && PC_OWN_SUPPORT.test(path(u)),
    examples: TESTS ? [
      { url: 'https://partner.microsoft.com/dashboard/v2/support/servicerequests' },
      { url: 'https://partner.microsoft.com/dashboard/v2/support/servicerequests/create?stage=1' },
      { url: 'https://partner.microsoft.com/dashboard/v2/support/servicerequests/create?stage=2&topicid=3c1b5d2e-8f4a-4e6b-9c7d-1a2b3c4d5e6f' },
      { url: 'https://partner.microsoft.com/en-US/dashboard/v2/support/servicerequests/' },
      { url: 'https://partner.microsoft.com/ko-kr/dashboard/v2/support/servicerequests/2612030040001234' },
    ] : [],
  },
  {
    kind: 'delegated-entry',
    portal: 'admin-center',
    readsDocument: false,
    detect: (u) => isAdminCenter(u) && BEGIN_CLIENT_SESSION.test(path(u)),
    examples: TESTS ? [
      { url: `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO}&CSDEST=Support` },
      { url: `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO}&CSDEST=o365admincenter` },
      { url: `https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO}&CSDEST=ServiceStatus` },
      { url: `https://portal.office365.us/partner/beginclientsession.aspx?ctid=${CONTOSO}` },
    ] : [],
  },
  {
    kind: 'sign-in',
    portal: 'sign-in',
    readsDocument: false,
    detect: (u) => portalOf(u) === 'sign-in',
    examples: TESTS ? [
      { url: 'https://login.microsoftonline.com/common/oauth2/authorize?client_id=00000006-0000-0ff1-ce00-000000000000' },
      { url: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize' },
      { url: 'https://login.microsoftonline.us/common/login' },
    ] : [],
  },
  {
    kind: 'admin-home',
    portal: 'admin-center',
    readsDocument: false,
    detect: (u) => isAdminShell(u) && ['', '/', '/homepage'].includes(adminRoute(u)),
    examples: TESTS ? [
      { url: 'https://admin.microsoft.com/AdminPortal/Home#/homepage' },
      { url: 'https://admin.microsoft.com/Adminportal/Home?source=applauncher#/homepage' },
      { url: 'https://admin.microsoft.com/' },
      { url: `https://admin.microsoft.com/?delegatedOrg=contoso.onmicrosoft.com` },
      { url: `https://admin.microsoft.com/?tenantId=${CONTOSO}#/homepage` },
      { url: 'https://portal.office.com/adminportal/home#/homepage' },
      { url: 'https://admin.cloud.microsoft/?#/homepage' },
      { url: 'https://admin.cloud.microsoft/?delegatedOrg=contoso.onmicrosoft.com#/homepage' },
      { url: 'https://portal.office365.us/adminportal/home#/homepage' },
      { url: 'https://portal.apps.mil/adminportal/home#/homepage' },
    ] : [],
  },
  {
    kind: 'admin-support',
    portal: 'admin-center',
    readsDocument: false,
    detect: (u) => isAdminShell(u) && /^\/support(?:\/|$)/.test(adminRoute(u)),
    examples: TESTS ? [
      { url: 'https://admin.microsoft.com/AdminPortal/Home#/support' },
      { url: 'https://admin.microsoft.com/adminportal/home?#/support' },
      { url: 'https://admin.microsoft.com/Adminportal/Home#/Support/newservicerequest' },
      { url: 'https://portal.office.com/adminportal/home#/support' },
      { url: 'https://admin.cloud.microsoft/?#/support' },
      { url: 'https://portal.office365.us/adminportal/home#/support' },
      { url: 'https://portal.apps.mil/adminportal/home#/support/requests' },
    ] : [],
  },
  {
    kind: 'admin-service-health',
    portal: 'admin-center',
    readsDocument: false,
    detect: (u) => isAdminShell(u) && /^\/servicehealth(?:\/|$)/.test(adminRoute(u)),
    examples: TESTS ? [
      { url: 'https://admin.microsoft.com/AdminPortal/Home#/servicehealth' },
      { url: 'https://admin.microsoft.com/Adminportal/Home#/ServiceHealth' },
      { url: 'https://admin.cloud.microsoft/?#/servicehealth/history' },
      { url: 'https://portal.office365.us/adminportal/home#/servicehealth' },
    ] : [],
  },
];

/** The kind of page a URL (and, where needed, its document) shows; undefined for any other page. */
export function detectPage(url: string | URL, probe: PageProbe = BLANK_PAGE): PageKind | undefined {
  let u: URL;
  try {
    u = url instanceof URL ? url : new URL(url);
  } catch {
    return undefined;
  }
  // The detectors exclude each other (the matrix test holds them to it), so order does not matter.
  for (const d of DETECTORS) if (d.detect(u, probe)) return d.kind;
  return undefined;
}

/** Whether this URL's page kind can depend on the document (so headings appearing matter). */
export function dependsOnDocument(url: string): boolean {
  return detectPage(url, { hasHeading: () => true }) !== detectPage(url, { hasHeading: () => false });
}

/**
 * Whether the live document matters for this URL: it can change what the page is (headings) or
 * whose it is (a customer page's name). The guide watches such pages' headings (lib/content/guide.ts),
 * and the start-up code leaves them to it (lib/background/boot-plan.ts).
 */
export function documentMatters(url: string): boolean {
  return dependsOnDocument(url) || !!customerTenantFromUrl(url);
}

export function detectorOf(kind: PageKind): PageDetector {
  const d = DETECTORS.find((x) => x.kind === kind);
  if (!d) throw new Error(`No detector for page kind "${kind}"`);
  return d;
}

export function portalOfPage(kind: PageKind): Portal {
  return detectorOf(kind).portal;
}
