// Smoke test of the harness and the portal replicas, independent of the overlay: a real Chromium
// with the built extension walks the whole escalation flow by clicking, in the UI variants and the
// languages, and checks the replicas are as hard as test/replica/README.md says (the delegated
// entry's 302, the sign-in pages, slotted labels, late navigation, the Fluent layer, the forms).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  launchExtension,
  screenshot,
  shadowDepth,
  stopServiceWorker,
  CUSTOMERS,
  type LaunchedExtension,
} from './harness';
import { signIn } from './walk.mjs';

const [CONTOSO, FABRIKAM, SEOULTECH] = CUSTOMERS as [(typeof CUSTOMERS)[number], (typeof CUSTOMERS)[number], (typeof CUSTOMERS)[number]];
const PC = 'https://partner.microsoft.com';
const navItem = (page: Page, label: string) => page.locator(`v6_he-task-item[aria-label="${label}"]`);

async function newTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page error] ${page.url()}: ${e.message}`));
  return page;
}

/** Marks the current document; if it is still there after an action, no full reload happened. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { __replicaMark: number }).__replicaMark = 42));
  return async () => page.evaluate(() => (window as unknown as { __replicaMark?: number }).__replicaMark === 42);
}

/** Partner Center from the dashboard to the product menu of the service requests view. */
async function partnerCenterToNewRequest(page: Page, customer = CONTOSO, shots?: string) {
  await navItem(page, 'Customers').click();
  await expect.poll(() => page.url()).toMatch(/\/dashboard\/v2\/customers\/list$/);
  await page.locator(`#cell-displayName-${customer.tenantId} customersvcadmin_he-button`).click();
  await expect.poll(() => page.url()).toMatch(new RegExp(`/dashboard/v2/customers/${customer.tenantId}/adminrelationships$`));
  await navItem(page, 'Service management').click();
  await expect.poll(() => page.url()).toMatch(/\/servicemanagementpage$/);
  if (shots) await screenshot(page, `${shots}-service-management`);
  await page.locator('pc-service-management a[href$="/servicerequests"]').click();
  await expect.poll(() => page.url()).toMatch(/\/servicerequests$/);
  await page.getByRole('button', { name: 'New request' }).click();
  await page.getByRole('menu').waitFor();
  if (shots) await screenshot(page, `${shots}-new-request-menu`);
}

describe('replicas, en-US browser', () => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'en-US' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('loads the extension and knows its id', async () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.serviceWorker.url()).toBe(`chrome-extension://${ext.extensionId}/background.js`);
    expect(await ext.serviceWorker.evaluate(() => typeof chrome.runtime.id)).toBe('string');
  });

  it('walks the 2019 flow: late navigation, slotted labels, the Fluent layer, the 302, four sign-in pages, the area radio group', async () => {
    const page = await newTab(ext.context);
    const entriesBefore = ext.delegatedEntries.length;
    await page.goto(`${PC}/dashboard`);
    // Only the chrome at first: the navigation and the page come 1.5 s late (the default).
    await page.waitForTimeout(400);
    expect(await page.locator('he-shell header').count()).toBe(1);
    expect(await page.locator('v6_he-task-item').count()).toBe(0);
    expect(await page.locator('pc-page').count()).toBe(0);
    await screenshot(page, 'en-2019-00-chrome-only');
    await navItem(page, 'Customers').waitFor({ timeout: 5_000 });
    await expect(page.locator('pc-page h1').textContent()).resolves.toBe('Partner Center dashboard');
    // Navigation items: v6_he-task-item[aria-label], the label slotted from the light DOM into a shadow <a href>.
    const customers = navItem(page, 'Customers');
    expect(await customers.evaluate((el) => (el.shadowRoot!.textContent ?? '').trim())).toBe('');
    expect(await customers.evaluate((el) => el.textContent?.trim())).toContain('Customers');
    await expect(customers.locator('a').getAttribute('href')).resolves.toBe('/dashboard/v2/customers/list');
    expect(await page.getByRole('link', { name: 'Customers', exact: true }).count()).toBeGreaterThanOrEqual(1);
    expect(await page.evaluate(() => document.querySelector('he-shell')?.tagName)).toBe('HE-SHELL');
    // The CSP group's Administer, the Support group's Customer requests.
    await navItem(page, 'Administer').waitFor();
    await navItem(page, 'Customer requests').waitFor();
    await screenshot(page, 'en-2019-01-dashboard');
    const sameDocument = await markDocument(page);

    await customers.click();
    await expect.poll(() => page.url()).toBe(`${PC}/dashboard/v2/customers/list`);
    // placeholder rows first, then the data rows
    await page.locator('tr[role="row"]#row-he-row-0').waitFor({ state: 'attached', timeout: 500 });
    expect(await page.locator(`#row-${CONTOSO.tenantId}`).count()).toBe(0);
    await page.locator(`tr[role="row"]#row-${CONTOSO.tenantId}`).waitFor();
    expect(await page.locator('#row-he-row-0').count()).toBe(0);
    expect(await page.locator('customersvcadmin_he-data-grid tbody tr[role="row"]').count()).toBe(CUSTOMERS.length);
    await expect(page.locator(`#cell-tenantId-${FABRIKAM.tenantId}`).textContent()).resolves.toBe(FABRIKAM.tenantId);
    await expect(page.locator(`#cell-domainName-${FABRIKAM.tenantId}`).textContent()).resolves.toBe(FABRIKAM.domain);
    expect(await page.getByRole('radio', { name: 'Select row' }).count()).toBe(CUSTOMERS.length);
    expect(await shadowDepth(page, `#cell-displayName-${CONTOSO.tenantId}`)).toBeGreaterThanOrEqual(3);
    expect(await shadowDepth(page, 'customersvcadmin_he-button')).toBeGreaterThanOrEqual(3); // its button one root deeper
    expect(await page.evaluate(() => document.querySelector('customersvcadmin_he-data-grid'))).toBeNull();
    await screenshot(page, 'en-2019-03-customers');

    // search replaces the rows in place
    await page.locator('#customer-search-box').fill('fabrikam');
    await expect.poll(() => page.locator('customersvcadmin_he-data-grid tbody tr[role="row"]').count()).toBe(1);
    await page.locator('#customer-search-box').fill('');
    await expect.poll(() => page.locator('customersvcadmin_he-data-grid tbody tr[role="row"]').count()).toBe(CUSTOMERS.length);

    await page.locator(`#cell-displayName-${CONTOSO.tenantId} customersvcadmin_he-button`).click();
    await expect.poll(() => page.url()).toBe(`${PC}/dashboard/v2/customers/${CONTOSO.tenantId}/adminrelationships`);
    await expect(page.locator('pc-customer-header h1').textContent()).resolves.toBe(CONTOSO.name);

    await page.getByRole('link', { name: 'Service management' }).click();
    await expect.poll(() => page.url()).toBe(`${PC}/dashboard/v2/customers/${CONTOSO.tenantId}/servicemanagementpage`);
    await expect(page.locator('#MicrosoftOffice').getAttribute('href')).resolves.toBe(
      `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO.tenantId}&CSDEST=o365admincenter`,
    );
    await expect(page.locator('#MicrosoftOffice').getAttribute('target')).resolves.toBe('_blank');
    await page.getByRole('heading', { name: 'Support tickets' }).waitFor();
    await screenshot(page, 'en-2019-04-service-management');

    await page.locator('pc-service-management a[href$="/servicerequests"]').click();
    await expect.poll(() => page.url()).toBe(`${PC}/dashboard/v2/customers/${CONTOSO.tenantId}/servicerequests`);
    await expect(page.getByRole('heading', { name: 'Service requests' }).textContent()).resolves.toBe('Service requests');
    expect(await sameDocument()).toBe(true); // all of it was pushState routing

    // popstate: back and forward re-render without a reload
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/\/servicemanagementpage$/);
    await page.locator('#MicrosoftOffice').waitFor();
    await page.goForward();
    await expect.poll(() => page.url()).toMatch(/\/servicerequests$/);
    expect(await sameDocument()).toBe(true);

    // New request: a v6_he-button, its label slotted (the shadow root holds no text); he-checkbox beside it.
    const newRequest = page.locator('pc-service-requests v6_he-button');
    expect(await newRequest.evaluate((el) => (el.shadowRoot!.textContent ?? '').trim())).toBe('');
    expect(await page.locator('he-checkbox').evaluate((el) => el.shadowRoot!.querySelector('label')!.textContent)).toBe('');
    await page.getByRole('button', { name: 'New request' }).click();
    // The menu is a Fluent layer in the document's body; its items are buttons (window.open), no href.
    expect(await page.evaluate(() => !!document.querySelector('body > .ms-Layer [role="menu"]'))).toBe(true);
    const items = page.locator('.ms-Layer [role="menuitem"]');
    await expect(items.allTextContents()).resolves.toEqual(['Microsoft Office 365', 'Microsoft Azure']);
    expect(await items.evaluateAll((els) => els.map((e) => `${e.tagName}:${e.getAttribute('href')}`))).toEqual(['BUTTON:null', 'BUTTON:null']);
    await screenshot(page, 'en-2019-05-new-request');

    const popupPromise = ext.context.waitForEvent('page');
    await page.getByRole('menuitem', { name: 'Microsoft Office 365' }).click();
    const admin = await popupPromise;
    await admin.waitForURL((u) => u.hostname === 'login.microsoftonline.com');
    // The entry was answered with a 302 whose sign-in URL names no tenant.
    const entry = ext.delegatedEntries.slice(entriesBefore);
    expect(entry.map((e) => e.answer)).toEqual(['302']);
    expect(entry[0]!.url).toContain(`CTID=${CONTOSO.tenantId}`);
    expect(entry[0]!.location).not.toContain(CONTOSO.tenantId);
    expect(new URL(entry[0]!.location).searchParams.get('redirect_uri')).toBe('https://admin.microsoft.com/landing');
    // Four sign-in pages, each its own URL.
    const urls: string[] = [];
    admin.on('framenavigated', (f) => { if (f === admin.mainFrame()) urls.push(new URL(f.url()).pathname); });
    await admin.getByRole('heading', { name: 'Pick an account' }).waitFor();
    await screenshot(admin, 'en-2019-06-pick-an-account');
    await admin.locator('[data-test-id="agent@partner.onmicrosoft.com"]').click();
    await admin.getByRole('heading', { name: 'Enter password' }).waitFor();
    await expect(admin.locator('#idSIButton9').inputValue()).resolves.toBe('Sign in');
    await admin.locator('#idSIButton9').click();
    await admin.getByRole('heading', { name: 'Approve sign in request' }).waitFor();
    expect(await admin.locator('#idRichContext_DisplaySign').textContent()).toMatch(/^\d{2}$/);
    await screenshot(admin, 'en-2019-07-mfa');
    await admin.getByRole('heading', { name: 'Stay signed in?' }).waitFor({ timeout: 10_000 }); // approved by itself
    await admin.locator('#idSIButton9').click();
    await admin.waitForURL('https://admin.microsoft.com/AdminPortal/Home#/homepage');
    expect(urls).toEqual(['/common/login', '/common/SAS/ProcessAuth', '/kmsi', '/landing', '/AdminPortal/Home']);
    // The admin center knows the tenant from the harness's session, not from its URL.
    await expect(admin.locator('#delegated-tenant').getAttribute('data-replica-tenant-id')).resolves.toBe(CONTOSO.tenantId);
    await expect(admin.locator('#delegated-tenant').textContent()).resolves.toContain(CONTOSO.name);
    await screenshot(admin, 'en-2019-08-admin-home');

    await admin.getByRole('link', { name: 'Support', exact: true }).click();
    await expect.poll(() => admin.url()).toBe('https://admin.microsoft.com/AdminPortal/Home#/support');
    await admin.getByRole('button', { name: 'New service request' }).click();
    await expect.poll(() => admin.url()).toBe('https://admin.microsoft.com/AdminPortal/Home#/support/newservicerequest');
    // The topic group is called otherwise, is the form's first radio group, has no id; Severity comes after it.
    expect(await admin.getByRole('radiogroup', { name: 'Support topic' }).count()).toBe(0);
    expect(await admin.locator('#support-topic').count()).toBe(0);
    const groups = admin.getByRole('radiogroup');
    await expect(groups.first().getAttribute('aria-labelledby')).resolves.toMatch(/^ChoiceGroupLabel\d+$/);
    await expect(admin.getByRole('radiogroup', { name: 'Select the area your problem is in' }).count()).resolves.toBe(1);
    await expect(groups.nth(1).textContent()).resolves.toContain('Severity');
    const sharepoint = admin.getByRole('radio', { name: 'SharePoint' });
    await sharepoint.check();
    expect(await sharepoint.isChecked()).toBe(true);
    await screenshot(admin, 'en-2019-09-topic');

    expect(ext.blockedRequests.filter((r) => !r.url.startsWith('https://portal.azure.com'))).toEqual([]);
    expect(ext.extensionRequests).toEqual([]);
    await admin.close();
    await page.close();
  });

  it('walks the 2021 flow: target=_blank links, the 302 for ?delegatedOrg=, Help & support → the Problem type select', async () => {
    const page = await newTab(ext.context);
    const entriesBefore = ext.delegatedEntries.length;
    await page.goto(`${PC}/dashboard?replica-ui=2021`);
    await partnerCenterToNewRequest(page, FABRIKAM, 'en-2021');
    const items = page.locator('[role="menu"] [role="menuitem"]');
    await expect(items.allTextContents()).resolves.toEqual(['Office 365, Dynamics 365, Enterprise Mobility Suite', 'Azure']);
    await expect(items.first().getAttribute('target')).resolves.toBe('_blank');
    expect(await page.evaluate(() => sessionStorage.getItem('replica-ui'))).toBe('2021');

    const popupPromise = ext.context.waitForEvent('page');
    await page.getByRole('menuitem', { name: 'Office 365, Dynamics 365, Enterprise Mobility Suite' }).click();
    const admin = await popupPromise;
    await admin.waitForURL((u) => u.hostname === 'login.microsoftonline.com');
    const entry = ext.delegatedEntries.slice(entriesBefore);
    expect(entry.map((e) => e.answer)).toEqual(['302']);
    expect(entry[0]!.location).not.toContain(FABRIKAM.domain);
    expect(new URL(entry[0]!.location).searchParams.get('redirect_uri')).toBe('https://admin.cloud.microsoft/landing');
    expect(await signIn(admin)).toEqual(['picker', 'password', 'mfa', 'kmsi']);
    await admin.waitForURL('https://admin.cloud.microsoft/?#/homepage');
    await expect(admin.locator('m365-shell').getAttribute('data-ui')).resolves.toBe('2021');
    expect(await admin.getByRole('link', { name: 'Support', exact: true }).count()).toBe(0);
    await expect(admin.locator('#delegated-tenant').getAttribute('data-replica-domain')).resolves.toBe(FABRIKAM.domain);
    await screenshot(admin, 'en-2021-06-admin-home');

    const help = admin.getByRole('button', { name: 'Help & support' });
    const helpPosition = await help.evaluate((b) => getComputedStyle((b.getRootNode() as ShadowRoot).host).position);
    expect(helpPosition).toBe('fixed');
    await help.click();
    await admin.getByRole('dialog', { name: 'Help & support' }).waitFor();
    expect(await admin.getByPlaceholder('How can we help?').count()).toBe(1);
    await admin.getByRole('button', { name: 'Contact Support' }).click();
    expect(await shadowDepth(admin, '[data-partner]')).toBeGreaterThanOrEqual(4);
    await admin.getByRole('button', { name: 'New Microsoft service request' }).click();
    await expect(admin.getByRole('heading', { name: 'Create a service request' }).count()).resolves.toBe(1);
    // The form's first choice group: a select labelled "Problem type", after a text field; Severity after it.
    const problem = admin.getByRole('combobox', { name: 'Problem type' });
    await problem.selectOption('teams');
    await expect(problem.inputValue()).resolves.toBe('teams');
    await expect(admin.getByRole('radiogroup', { name: 'Severity' }).count()).resolves.toBe(1);
    await screenshot(admin, 'en-2021-07-help-pane-topic');

    await admin.getByRole('button', { name: 'Minimize Button' }).click();
    await expect.poll(() => admin.getByRole('dialog', { name: 'Help & support' }).isVisible()).toBe(false);
    // Show all reveals more of the navigation, Support among it.
    await admin.getByRole('button', { name: 'Show all' }).click();
    await admin.getByRole('link', { name: 'View service requests' }).waitFor();
    await admin.goto('https://admin.cloud.microsoft/?#/servicehealth');
    await expect(admin.getByRole('heading', { name: 'Service health' }).count()).resolves.toBe(1);
    // The tab's session holds: still Fabrikam after a load without any tenant in the URL.
    await expect(admin.locator('#delegated-tenant').getAttribute('data-replica-domain')).resolves.toBe(FABRIKAM.domain);
    await admin.close();
    await page.close();
  });

  it('answers a goto of the DAP entry with a script page (no 302) and serves GDAP, service health, /en-us/ and /en-US/ prefixes, CSP Administer', async () => {
    const page = await newTab(ext.context);
    const entriesBefore = ext.delegatedEntries.length;
    await page.goto(`https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=${SEOULTECH.tenantId}&CSDEST=Support`);
    await page.waitForURL((u) => u.hostname === 'login.microsoftonline.com');
    expect(ext.delegatedEntries.slice(entriesBefore).map((e) => e.answer)).toEqual(['script']);
    expect(page.url()).not.toContain(SEOULTECH.tenantId);
    await signIn(page);
    await page.waitForURL('https://admin.microsoft.com/AdminPortal/Home#/support'); // CSDEST=Support
    await expect(page.locator('#delegated-tenant').getAttribute('data-replica-tenant-id')).resolves.toBe(SEOULTECH.tenantId);

    await page.goto(`${PC}/dashboard/v2/customers/granularadminaccess/list?replica-nav-delay=0`);
    await page.locator(`#gdap-${SEOULTECH.tenantId}`).waitFor();
    await page.goto(`${PC}/dashboard/v2/support/servicehealth`);
    await expect(page.getByRole('heading', { name: 'Service health' }).textContent()).resolves.toBe('Service health');
    await page.goto(`${PC}/dashboard/commerce2/customers/list`);
    await page.locator(`#row-${SEOULTECH.tenantId}`).waitFor();

    // a Korean locale prefix wins over the browser's English; links keep the prefix
    await page.goto(`${PC}/ko-kr/dashboard`);
    await expect(page.locator('pc-page h1').textContent()).resolves.toBe('파트너 센터 대시보드');
    await navItem(page, '고객').click();
    await expect.poll(() => page.url()).toBe(`${PC}/ko-kr/dashboard/v2/customers/list`);
    for (const prefix of ['/en-us', '/en-US']) {
      await page.goto(`${PC}${prefix}/dashboard/home`);
      await expect(page.locator('pc-page h1').textContent()).resolves.toBe('Partner Center dashboard');
      await expect(navItem(page, 'Customers').locator('a').getAttribute('href')).resolves.toBe(`${prefix}/dashboard/v2/customers/list`);
    }

    // CSP → Administer has its own Service requests, with a he-select customer picker
    await navItem(page, 'Administer').click();
    await page.getByRole('link', { name: 'Service requests ›' }).click();
    await expect.poll(() => page.url()).toBe(`${PC}/en-US/dashboard/v2/administer/servicerequests`);
    await page.locator('he-select').waitFor();
    await page.getByRole('button', { name: 'New request' }).waitFor();
    await page.close();
  });

  it('serves today’s doors: Support → Customer requests (search, New request per row) and Partner Center’s own Help + support', async () => {
    const page = await newTab(ext.context);
    await page.goto(`${PC}/dashboard?replica-nav-delay=0`);
    await navItem(page, 'Customer requests').click();
    await expect.poll(() => page.url()).toBe(`${PC}/dashboard/v2/support/customers`);
    await page.getByRole('heading', { name: 'Customer requests' }).waitFor();
    await page.getByRole('searchbox').fill('Fabri');
    await page.locator(`accexp_he-data-grid #row-${FABRIKAM.tenantId}`).waitFor();
    expect(await page.locator('accexp_he-data-grid tbody tr[role="row"]').count()).toBe(1);
    await page.locator(`#row-${FABRIKAM.tenantId}`).getByRole('button', { name: 'New request' }).click();
    await expect(page.locator('.ms-Layer [role="menuitem"]').allTextContents()).resolves.toEqual(['Microsoft Office 365', 'Microsoft Azure']);
    await screenshot(page, 'en-door-customer-requests');
    const popup = ext.context.waitForEvent('page');
    await page.getByRole('menuitem', { name: 'Microsoft Office 365' }).click();
    const admin = await popup;
    await admin.waitForURL((u) => u.hostname === 'login.microsoftonline.com');
    await signIn(admin);
    await expect(admin.locator('#delegated-tenant').getAttribute('data-replica-tenant-id')).resolves.toBe(FABRIKAM.tenantId);
    await admin.close();

    // The wrong door: the ? icon opens Partner Center's own support requests.
    await page.getByRole('button', { name: 'Help + support' }).click();
    await expect.poll(() => page.url()).toBe(`${PC}/dashboard/v2/support/servicerequests`);
    await page.getByRole('heading', { name: 'Help + support' }).waitFor();
    await page.getByRole('button', { name: 'New request' }).click();
    await expect.poll(() => page.url()).toBe(`${PC}/dashboard/v2/support/servicerequests/create?stage=1`);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.url()).toMatch(/\/servicerequests\/create\?stage=2&topicid=[0-9a-f-]{36}$/);
    await screenshot(page, 'en-wrong-door');
    await page.close();
  });

  it('the 2026 admin center: a collapsed nav, Show all, the Support Assistant with the headset → phone or email → Contact me; the partner link only with its knob', async () => {
    const page = await newTab(ext.context);
    await page.goto('https://admin.cloud.microsoft/?replica-ui=2026#/homepage');
    await expect(page.locator('m365-shell').getAttribute('data-ui')).resolves.toBe('2026');
    await expect(page.locator('#own-tenant').textContent()).resolves.toContain('your own tenant');
    expect(await page.getByRole('link', { name: 'Home' }).count()).toBe(0); // collapsed
    await page.getByRole('button', { name: 'Navigation menu' }).click();
    await page.getByRole('link', { name: 'Home' }).waitFor();
    expect(await page.getByRole('link', { name: 'View service requests' }).count()).toBe(0); // behind Show all
    await page.getByRole('button', { name: 'Show all' }).click();
    await page.getByRole('link', { name: 'View service requests' }).click();
    await page.getByRole('heading', { name: 'Service request history' }).waitFor();
    await page.getByRole('button', { name: 'Help & support' }).first().click();
    await page.getByRole('dialog', { name: 'Support Assistant' }).waitFor();
    await page.getByRole('heading', { name: 'How can we help?' }).waitFor();
    const headset = page.getByRole('button', { name: 'Contact support', exact: true });
    expect(((await headset.textContent()) ?? '').trim()).toBe(''); // an icon only
    await headset.click();
    await page.getByRole('radio', { name: 'Email' }).check();
    await page.getByRole('button', { name: 'Contact me' }).waitFor();
    expect(await page.getByRole('button', { name: 'New Microsoft service request' }).count()).toBe(0);
    await screenshot(page, 'en-2026-contact');

    await page.goto('https://admin.cloud.microsoft/?replica-partner-link=1#/homepage');
    await page.getByRole('button', { name: 'Help & support' }).first().click();
    await page.getByRole('button', { name: 'Contact support', exact: true }).click();
    await page.getByRole('button', { name: 'New Microsoft service request' }).click();
    const category = page.getByRole('radiogroup', { name: 'Category' });
    await category.getByRole('radio', { name: 'Microsoft Teams' }).click();
    await expect(category.getByRole('radio', { name: 'Microsoft Teams' }).getAttribute('aria-checked')).resolves.toBe('true');
    await screenshot(page, 'en-2026-partner-category');
    await page.close();
  });

  it('honours the test knobs: missing, scroll, delay, rerender, nav-delay, entry-for, hostile', async () => {
    const base = `${PC}/dashboard/v2/customers/${CONTOSO.tenantId}/account`;
    let page = await newTab(ext.context);
    await page.goto(`${base}?replica-missing=service-management,MicrosoftOffice`);
    await navItem(page, 'Account').waitFor();
    expect(await navItem(page, 'Service management').count()).toBe(0);
    await page.goto(`${PC}/dashboard/v2/customers/${CONTOSO.tenantId}/servicemanagementpage`);
    await page.locator('pc-service-management a[href$="/servicerequests"]').waitFor();
    expect(await page.locator('#MicrosoftOffice').count()).toBe(0); // persisted for the tab
    await page.close();

    page = await newTab(ext.context);
    await page.goto(`${base}?replica-scroll=1`);
    const link = navItem(page, 'Service management');
    await link.waitFor();
    const inView = () =>
      link.evaluate((a) => {
        const scroller = a.closest('nav')!;
        const r = a.getBoundingClientRect();
        const s = scroller.getBoundingClientRect();
        return getComputedStyle(scroller).overflowY === 'auto' && r.top >= s.top && r.bottom <= s.bottom;
      });
    expect(await inView()).toBe(false);
    await link.scrollIntoViewIfNeeded();
    expect(await inView()).toBe(true);
    await page.close();

    page = await newTab(ext.context);
    await page.goto(`${PC}/dashboard/v2/customers/list?replica-delay=2500&replica-nav-delay=0`);
    await navItem(page, 'Customers').waitFor({ timeout: 1_000 }); // the navigation at once
    expect(await page.locator('#customer-search-box').count()).toBe(0);
    await page.locator('#customer-search-box').waitFor({ timeout: 4_000 });
    await page.close();

    page = await newTab(ext.context);
    await page.goto(`${PC}/dashboard/home?replica-nav-delay=3000`);
    await page.waitForTimeout(2_000);
    expect(await page.locator('v6_he-task-item').count()).toBe(0);
    await navItem(page, 'Customers').waitFor({ timeout: 3_000 });
    await page.reload(); // the knob persists: late again after a reload
    await page.waitForTimeout(1_500);
    expect(await page.locator('v6_he-task-item').count()).toBe(0);
    await page.close();

    page = await newTab(ext.context);
    await page.goto(`${PC}/dashboard/home?replica-rerender=800&replica-nav-delay=0`);
    const first = await page.locator('#tile-customers').elementHandle();
    await page.waitForTimeout(1200);
    expect(await first!.evaluate((el) => el.isConnected)).toBe(false);
    const second = await page.locator('#tile-customers').elementHandle();
    expect(await second!.evaluate((el) => el.isConnected)).toBe(true);
    await page.close();

    // entry-for: the Office 365 controls open another customer's entry; hostile: a cancelled click.
    page = await newTab(ext.context);
    await page.goto(`${PC}/dashboard/v2/customers/${CONTOSO.tenantId}/servicemanagementpage?replica-entry-for=${FABRIKAM.domain}&replica-ui=2021`);
    await expect(page.locator('#MicrosoftOffice').getAttribute('href')).resolves.toBe(`https://admin.cloud.microsoft/?delegatedOrg=${FABRIKAM.domain}`);
    await page.goto(`${PC}/dashboard/v2/customers/${CONTOSO.tenantId}/servicerequests?replica-hostile=1&replica-entry-for=`);
    await page.getByRole('button', { name: 'New request' }).click();
    const entriesBefore = ext.delegatedEntries.length;
    const popup = ext.context.waitForEvent('page');
    await page.getByRole('menuitem', { name: 'Office 365, Dynamics 365, Enterprise Mobility Suite' }).click();
    const own = await popup;
    await own.waitForURL('https://admin.cloud.microsoft/?#/homepage');
    await own.locator('#own-tenant').waitFor();
    expect(ext.delegatedEntries.length).toBe(entriesBefore);
    await own.close();
    await page.close();

    // the admin center: 2021 forced on admin.microsoft.com; missing Help & support
    page = await newTab(ext.context);
    await page.goto('https://admin.microsoft.com/AdminPortal/Home?replica-ui=2021#/homepage');
    await page.getByRole('button', { name: 'Help & support' }).waitFor();
    await page.goto('https://admin.microsoft.com/AdminPortal/Home?replica-missing=help-support#/homepage');
    await page.locator('m365-shell').waitFor();
    expect(await page.getByRole('button', { name: 'Help & support' }).count()).toBe(0);
    await page.close();
  });

  it('stops the service worker through CDP', async () => {
    const stopped = await stopServiceWorker(ext.context, ext.extensionId);
    expect(Array.isArray(stopped)).toBe(true);
  });
});

describe('replicas, ko-KR browser', () => {
  let ext: LaunchedExtension;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'ko-KR' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows Korean labels along the 2019 flow', async () => {
    const page = await newTab(ext.context);
    await page.goto(`${PC}/dashboard`);
    expect(await page.evaluate(() => navigator.language)).toBe('ko-KR');
    await navItem(page, '고객').waitFor();
    await expect(page.locator('pc-page h1').textContent()).resolves.toBe('파트너 센터 대시보드');
    await navItem(page, '고객').click();
    await page.locator(`#row-${SEOULTECH.tenantId}`).waitFor();
    await expect(page.locator(`#cell-displayName-${SEOULTECH.tenantId}`).textContent()).resolves.toBe('서울테크 주식회사');
    await page.locator(`#cell-displayName-${SEOULTECH.tenantId} customersvcadmin_he-button`).click();
    await page.getByRole('link', { name: '서비스 관리' }).click();
    await expect.poll(() => page.url()).toMatch(/\/servicemanagementpage$/);
    await page.getByRole('link', { name: '서비스 요청' }).click();
    await expect(page.getByRole('heading', { name: '서비스 요청' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: '새 요청' }).click();
    await screenshot(page, 'ko-2019-02-new-request');
    const popupPromise = ext.context.waitForEvent('page');
    await page.getByRole('menuitem', { name: 'Microsoft Office 365' }).click();
    const admin = await popupPromise;
    await admin.getByRole('heading', { name: '계정 선택' }).waitFor();
    await screenshot(admin, 'ko-2019-03-sign-in');
    await signIn(admin);
    await admin.waitForURL('https://admin.microsoft.com/AdminPortal/Home#/homepage');
    await admin.getByRole('link', { name: '지원', exact: true }).click();
    await admin.getByRole('button', { name: '새 서비스 요청' }).click();
    const group = admin.getByRole('radiogroup', { name: '문제가 있는 영역을 선택하세요' });
    await group.getByRole('radio').first().check();
    expect(await group.getByRole('radio').first().isChecked()).toBe(true);
    await screenshot(admin, 'ko-2019-04-topic');
    await admin.goto('https://admin.microsoft.com/AdminPortal/Home#/servicehealth');
    await expect(admin.getByRole('heading', { name: '서비스 상태' }).count()).resolves.toBe(1);
    await admin.close();
    await page.close();
  });

  it('shows Korean labels in the 2021 Help & support pane; a direct ?delegatedOrg= signs in once, by script', async () => {
    const page = await newTab(ext.context);
    await page.goto(`https://admin.cloud.microsoft/?delegatedOrg=${SEOULTECH.domain}`);
    await page.waitForURL((u) => u.hostname === 'login.microsoftonline.com');
    await signIn(page);
    await page.waitForURL('https://admin.cloud.microsoft/?#/homepage');
    await expect(page.locator('#delegated-tenant').getAttribute('data-replica-domain')).resolves.toBe(SEOULTECH.domain);
    await page.getByRole('button', { name: '도움말 및 지원' }).click();
    await page.getByRole('button', { name: '지원 팀에 문의하기' }).click();
    await page.getByRole('button', { name: '새 Microsoft 서비스 요청' }).click();
    await page.getByRole('combobox', { name: '문제 유형' }).selectOption({ index: 3 });
    await screenshot(page, 'ko-2021-01-help-pane-topic');
    // a second visit in the same tab does not sign in again
    await page.goto(`https://admin.cloud.microsoft/?delegatedOrg=${SEOULTECH.domain}`);
    await page.locator('m365-shell').waitFor();
    expect(new URL(page.url()).hostname).toBe('admin.cloud.microsoft');
    await page.close();
  });
});

// Every page language: Partner Center from the locale prefix, the admin center and sign-in from the
// browser's language (the portal facts in test/replica/README.md, "Languages"; inferred strings are
// marked in test/replica/i18n.js).
const LANGUAGES = [
  { locale: 'ja-JP', prefix: '/ja-jp', pc: ['顧客', 'サービス管理', 'Administer'], admin: ['サポート', 'ヘルプとサポート', 'サポートに問い合わせ'], signIn: 'アカウントを選択する' },
  { locale: 'de-DE', prefix: '/de-DE', pc: ['Kunden', 'Serviceverwaltung', 'Verwalten'], admin: ['Support', 'Hilfe und Support', 'Support kontaktieren'], signIn: 'Konto auswählen' },
  { locale: 'fr-FR', prefix: '/fr-fr', pc: ['Clients', 'Gestion des services', 'Administrer'], admin: ['Support', 'Aide & support technique', 'Contacter le support technique'], signIn: 'Choisir un compte' },
  { locale: 'es-ES', prefix: '/es-es', pc: ['Clientes', 'Administración de servicios', 'Administrar'], admin: ['Soporte', 'Ayuda y soporte técnico', 'Ponerse en contacto con el soporte técnico'], signIn: 'Elegir una cuenta' },
  { locale: 'zh-CN', prefix: '/zh-cn', pc: ['客户', '服务管理', '管理'], admin: ['支持', '帮助和支持', '联系支持人员'], signIn: '选择帐户' },
] as const;

describe('replicas in every page language', () => {
  for (const lang of LANGUAGES) {
    it(`${lang.locale}: Partner Center by its prefix, the admin center and sign-in by the browser's language`, async () => {
      const ext = await launchExtension({ locale: lang.locale });
      try {
        const page = await newTab(ext.context);
        await page.goto(`${PC}${lang.prefix}/dashboard?replica-nav-delay=0`);
        await navItem(page, lang.pc[0]).waitFor();
        await navItem(page, lang.pc[2]).waitFor();
        await page.goto(`${PC}${lang.prefix}/dashboard/v2/customers/${CONTOSO.tenantId}/account`);
        await navItem(page, lang.pc[1]).waitFor();
        await page.goto('https://admin.microsoft.com/AdminPortal/Home#/homepage');
        await page.getByRole('link', { name: lang.admin[0], exact: true }).waitFor();
        await page.goto('https://admin.cloud.microsoft/?#/homepage');
        await page.getByRole('button', { name: lang.admin[1] }).click();
        await page.getByRole('button', { name: lang.admin[2] }).waitFor();
        await screenshot(page, `${lang.locale}-help-pane`);
        await page.goto(`https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO.tenantId}`);
        await page.getByRole('heading', { name: lang.signIn }).waitFor();
        await page.close();
      } finally {
        await ext.close();
      }
    });
  }
});
