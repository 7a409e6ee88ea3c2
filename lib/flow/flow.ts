/**
 * The escalation flow as data (ids in lib/flow/ids.ts): the preparation items and the eleven steps,
 * where each step happens, what to click in each UI variant (locale-independent hooks first, then
 * labels), and what completes it. Code interprets this module; adding a language or a UI variant
 * is an edit here (and in labels.ts and the replica fixtures), not in logic.
 * Validated by FlowSchema (lib/flow/schema.ts) in test/unit/flow-data.test.ts and by the background at start-up.
 */
import type { Click, Flow, FlowInput, Step } from './schema';
import { portalOfPage, type ContentPortal, type PageKind } from './pages';
import type { StepId, VariantId } from './ids';
import { TESTS } from './test-data';


const PC_PAGES: PageKind[] = [
  'pc-dashboard', 'pc-customers-list', 'pc-gdap-list', 'pc-customer', 'pc-admin-relationships', 'pc-service-management',
  'pc-service-requests', 'pc-service-health', 'pc-customer-requests', 'pc-own-support',
];
/** A page of one customer (its landing page in the customer list is its Admin relationships). */
const CUSTOMER_PAGES: PageKind[] = ['pc-customer', 'pc-admin-relationships'];
/** Admin-center pages that show the agent arrived (service health is a side trip: it completes no step). */
const ADMIN_PAGES: PageKind[] = ['admin-home', 'admin-support'];
const CONTOSO = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';
const PC = 'https://partner.microsoft.com';
/** Navigation bars (the portals' left menus; Fluent UI's Nav renders a <nav role="navigation">). */
const NAVIGATION = 'nav, [role="navigation"]';
/** A locale prefix of Partner Center's paths (`/en-us`, `/en-US`, `/zh-hans`), in an href pattern. */
const LOCALE = '(?:/[a-z]{2}(?:-[a-z]{2,4})?)?';
/** A control that opens a menu (Fluent v8 `aria-haspopup="true"`, v9 and ARIA `"menu"`). */
const MENU_BUTTON = ':is(button, [role="button"], a[href]):is([aria-haspopup="menu"], [aria-haspopup="true"])';
/** The admin center's request form: a form with a description field (the Contact me view has none). */
const REQUEST_FORM = { form: 'form, [role="form"]', has: 'textarea' };

/**
 * Microsoft Office 365 among the New request menu's items or the Service management page's
 * services: its id there, the delegated entry for the customer (the admin center's own
 * destinations, not SharePoint's or another workload's), its label (a product name, the same in
 * every language) for the 2019 menu's buttons, which open the entry by script and carry no href.
 */
const OFFICE_365: FlowInput['steps'][number]['variants'][number]['clicks'][number]['locators'] = [
  { by: 'css', selector: '#MicrosoftOffice' },
  { by: 'delegated-link', destinations: ['o365admincenter', 'support', 'servicestatus'], prefer: 'office365' },
  { by: 'label', label: 'office365', roles: ['menuitem', 'option', 'link', 'button'] },
];

const raw: FlowInput = {
  preparation: [
    { id: 'check-service-health', completedByPages: ['pc-service-health', 'admin-service-health'] },
    { id: 'triage', completedByPages: [] },
    // GDAP: the Service support administrator role lets the partner file for the customer (the
    // portal facts in test/replica/README.md).
    { id: 'admin-relationship', completedByPages: ['pc-admin-relationships'], perCustomer: true, link: 'admin-relationships' },
  ],
  steps: [
    {
      id: 'sign-in',
      label: 'dashboard',
      why: 'why.signIn',
      where: 'where.signIn',
      variants: [],
      completion: { pages: PC_PAGES, click: false },
      testUrls: TESTS ? [`${PC}/dashboard`] : [],
    },
    {
      id: 'customers',
      label: 'customers',
      why: 'why.customers',
      where: 'where.customers',
      variants: [
        {
          id: '2019',
          portal: 'partner-center',
          clicks: [
            {
              label: 'customers',
              regions: NAVIGATION,
              locators: [
                { by: 'href', portal: 'partner-center', pattern: `^${LOCALE}/(?:dashboard/(?:v2|commerce2)|pcv)/customers/list/?(?:[?#]|$)` },
                { by: 'label', label: 'customers', roles: ['link', 'menuitem', 'tab', 'button'] },
              ],
            },
          ],
        },
      ],
      completion: { pages: ['pc-customers-list', 'pc-gdap-list'], click: true },
      testUrls: TESTS ? [`${PC}/dashboard`, `${PC}/ko-kr/dashboard/home`] : [],
    },
    {
      id: 'select-customer',
      label: 'customerList',
      why: 'why.selectCustomer',
      where: 'where.selectCustomer',
      variants: [
        {
          id: '2019',
          pages: ['pc-customers-list'],
          clicks: [
            {
              label: 'customerList',
              locators: [
                { by: 'css', selector: 'customersvcadmin_he-data-grid' },
                { by: 'css', selector: '[role="grid"], table:has(tr[id^="row-"])' },
              ],
              clickWithin: '[id^="cell-displayName-"], customersvcadmin_he-button, a[href*="/customers/"]',
              picksCustomer: 'list',
            },
          ],
        },
      ],
      completion: { pages: [...CUSTOMER_PAGES, 'pc-service-management'], click: false },
      testUrls: TESTS ? [`${PC}/dashboard/v2/customers/list`] : [],
    },
    {
      id: 'service-management',
      label: 'serviceManagement',
      why: 'why.serviceManagement',
      where: 'where.serviceManagement',
      variants: [
        {
          id: '2019',
          pages: [...CUSTOMER_PAGES, 'pc-service-requests'],
          clicks: [
            {
              label: 'serviceManagement',
              regions: NAVIGATION,
              locators: [
                { by: 'href', portal: 'partner-center', pattern: `^${LOCALE}/(?:dashboard/(?:v2|commerce2)|pcv)/customers/[0-9a-f-]{36}/servicemanagementpage/?(?:[?#]|$)` },
                { by: 'label', label: 'serviceManagement', roles: ['link', 'tab', 'menuitem', 'button'] },
              ],
            },
          ],
        },
      ],
      completion: { pages: ['pc-service-management'], click: true },
      testUrls: TESTS ? [`${PC}/dashboard/v2/customers/${CONTOSO}/adminrelationships`] : [],
    },
    {
      id: 'service-requests',
      label: 'serviceRequests',
      why: 'why.serviceRequests',
      where: 'where.serviceRequests',
      variants: [
        {
          id: '2019',
          pages: ['pc-service-management', ...CUSTOMER_PAGES],
          clicks: [
            {
              label: 'serviceRequests',
              locators: [
                { by: 'href', portal: 'partner-center', pattern: `^${LOCALE}/(?:dashboard/(?:v2|commerce2)|pcv)/customers/[0-9a-f-]{36}/servicerequests?/?(?:[?#]|$)` },
                { by: 'label', label: 'serviceRequests', roles: ['link', 'tab', 'menuitem', 'button'] },
              ],
            },
          ],
        },
        {
          // Today: "Administer" in the navigation's CSP group (its URL is not public: by its label).
          id: 'today',
          portal: 'partner-center',
          clicks: [
            {
              label: 'administerInCsp',
              regions: NAVIGATION,
              locators: [{ by: 'label', label: 'administerInCsp', roles: ['link', 'menuitem', 'button'] }],
            },
          ],
        },
      ],
      // Support → Customer requests is another way there: it shows a customer's requests and New request.
      completion: { pages: ['pc-service-requests', 'pc-customer-requests'], click: true },
      testUrls: TESTS ? [`${PC}/dashboard/v2/customers/${CONTOSO}/servicemanagementpage`] : [],
    },
    {
      id: 'new-request',
      label: 'newRequest',
      why: 'why.newRequest',
      where: 'where.newRequest',
      variants: [
        {
          id: '2019',
          pages: ['pc-service-requests'],
          clicks: [
            {
              label: 'newRequest',
              locators: [
                // The menu button of the view headed "Service requests", whatever it is called.
                { by: 'in-view', heading: 'serviceRequests', selector: MENU_BUTTON, prefer: 'newRequest' },
                { by: 'label', label: 'newRequest', roles: ['button', 'menuitem', 'link'] },
              ],
            },
          ],
        },
        {
          // Support → Customer requests: search the customer, then New request in its row.
          id: 'today',
          pages: ['pc-customer-requests'],
          clicks: [
            {
              label: 'newRequest',
              picksCustomer: 'row',
              where: 'where.newRequestDoor',
              locators: [
                { by: 'in-view', heading: 'customerRequests', selector: MENU_BUTTON, prefer: 'newRequest' },
                { by: 'label', label: 'newRequest', roles: ['button', 'menuitem', 'link'] },
              ],
            },
          ],
        },
      ],
      completion: { pages: [], click: true },
      testUrls: TESTS ? [`${PC}/dashboard/v2/customers/${CONTOSO}/servicerequests`, `${PC}/dashboard/v2/support/customers`] : [],
    },
    {
      id: 'office-365',
      label: 'office365',
      why: 'why.office365',
      where: 'where.office365',
      variants: [
        {
          id: '2019',
          pages: ['pc-service-requests', 'pc-service-management'],
          clicks: [
            {
              label: 'office365',
              locators: OFFICE_365,
            },
          ],
        },
        {
          // Support → Customer requests: the New request menu of the customer's row.
          id: 'today',
          pages: ['pc-customer-requests'],
          clicks: [{ label: 'office365', locators: OFFICE_365 }],
        },
      ],
      completion: { pages: [], click: false, delegatedLink: true },
      likelyCause: 'admin-relationship',
      testUrls: TESTS ? [`${PC}/dashboard/v2/customers/${CONTOSO}/servicerequests`, `${PC}/dashboard/v2/support/customers`] : [],
    },
    {
      id: 'portal-sign-in',
      label: 'signIn',
      why: 'why.portalSignIn',
      where: 'where.portalSignIn',
      variants: [],
      completion: { pages: ADMIN_PAGES, click: false },
      testUrls: TESTS ? ['https://login.microsoftonline.com/common/oauth2/authorize'] : [],
    },
    {
      id: 'support',
      label: 'support',
      why: 'why.support',
      where: 'where.support',
      variants: [
        {
          id: '2019',
          portal: 'admin-center',
          clicks: [
            {
              label: 'support',
              regions: NAVIGATION,
              locators: [
                { by: 'href', portal: 'admin-center', pattern: '^[^#]*#/support/?$' },
                { by: 'label', label: 'support', roles: ['link', 'menuitem', 'button'] },
              ],
            },
          ],
        },
        {
          id: '2021',
          portal: 'admin-center',
          clicks: [
            {
              label: 'helpAndSupport',
              locators: [{ by: 'label', label: 'helpAndSupport', roles: ['button', 'link', 'menuitem'] }],
            },
          ],
        },
      ],
      completion: { pages: ['admin-support'], click: true },
      testUrls: TESTS ? ['https://admin.microsoft.com/AdminPortal/Home#/homepage', 'https://admin.cloud.microsoft/?#/homepage'] : [],
    },
    {
      id: 'new-service-request',
      label: 'newServiceRequest',
      why: 'why.newServiceRequest',
      where: 'where.newServiceRequest',
      variants: [
        {
          id: '2019',
          pages: ['admin-support'],
          clicks: [
            {
              label: 'newServiceRequest',
              locators: [
                { by: 'href', portal: 'admin-center', pattern: '^[^#]*#/support/newservicerequest/?$' },
                { by: 'label', label: 'newServiceRequest', roles: ['button', 'link', 'menuitem'] },
              ],
            },
          ],
        },
        {
          id: '2021',
          portal: 'admin-center',
          clicks: [
            {
              label: 'contactSupport',
              locators: [{ by: 'label', label: 'contactSupport', roles: ['button', 'link', 'tab'] }],
            },
            {
              // Missing in a delegated 2026 pane (Contact support offers phone or email only): the
              // fallback card sends the agent back to the customer's request in Partner Center.
              label: 'newMicrosoftServiceRequest',
              where: 'where.noPartnerRequest',
              wayBack: true,
              locators: [{ by: 'label', label: 'newMicrosoftServiceRequest', roles: ['button', 'link'] }],
            },
          ],
        },
      ],
      completion: { pages: [], click: true },
      testUrls: TESTS ? ['https://admin.microsoft.com/AdminPortal/Home#/support', 'https://admin.cloud.microsoft/?#/homepage'] : [],
    },
    {
      id: 'support-topic',
      label: 'supportTopic',
      why: 'why.supportTopic',
      where: 'where.supportTopic',
      variants: [
        {
          id: '2019',
          portal: 'admin-center',
          clicks: [
            {
              label: 'supportTopic',
              locators: [
                // The request form's first choice group, whatever the form calls it.
                { by: 'form-choice', ...REQUEST_FORM, prefer: 'supportTopic' },
                { by: 'label', label: 'supportTopic', roles: ['radiogroup', 'listbox', 'combobox'] },
              ],
              clickWithin: '[role="radio"], [role="option"], input[type="radio"], label',
            },
          ],
        },
      ],
      completion: { pages: [], click: true },
      testUrls: TESTS ? ['https://admin.microsoft.com/AdminPortal/Home#/support/newservicerequest'] : [],
    },
  ],
};

/**
 * The flow. Typed here; validated against FlowSchema by test/unit/flow-data.test.ts and by the
 * background at start-up (lib/flow/schema.ts), so a malformed edit fails the tests naming the field.
 */
export const FLOW: Flow = raw;

export function stepOf(id: StepId): Step {
  const s = FLOW.steps.find((x) => x.id === id);
  if (!s) throw new Error(`Unknown step "${id}"`);
  return s;
}

export interface Candidate {
  variant: VariantId;
  click: Click;
  /** This is the variant's last click: making it completes the step. */
  last: boolean;
  /** Its locator is the policy's or the agent's (lib/flow/taught.ts), not the flow data's. */
  taught?: 'policy' | 'learned';
}

/** The clicks that may be the step's target on this page (of this portal), at click `index`. */
export function candidatesOn(step: Step, page: PageKind | undefined, portal: string | undefined, index: number): Candidate[] {
  const out: Candidate[] = [];
  for (const v of step.variants) {
    const here = (page !== undefined && v.pages?.includes(page)) || (portal !== undefined && v.portal === portal);
    const click = v.clicks[index];
    if (here && click) out.push({ variant: v.id, click, last: index === v.clicks.length - 1 });
  }
  return out;
}

/** The steps whose every variant happens on `portal` (its pages, or portal-wide). */
export function stepsOfPortal(portal: ContentPortal): StepId[] {
  const onPortal = (v: Step['variants'][number]) => v.portal === portal || (!!v.pages && v.pages.every((p) => portalOfPage(p) === portal));
  return FLOW.steps.filter((st) => st.variants.length > 0 && st.variants.every(onPortal)).map((st) => st.id);
}

/** Whether a click of this step picks the customer (`Click.picksCustomer`). */
export const picksCustomer = (id: StepId): boolean => stepOf(id).variants.some((v) => v.clicks.some((c) => c.picksCustomer));

/** The UI text keys a step's overlay may show: its why and where, and its clicks' own where. */
export function textKeysOf(id: StepId): string[] {
  const step = stepOf(id);
  const own = step.variants.flatMap((v) => v.clicks.flatMap((c) => (c.where ? [c.where] : [])));
  return [...new Set([step.why, step.where, ...own])];
}
