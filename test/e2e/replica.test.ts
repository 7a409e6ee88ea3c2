// Smoke test of the harness and the portal replicas, independent of the overlay: a real Chromium
// with the built extension walks the whole escalation flow by clicking, in both UI variants and
// in English and Korean.
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

const [CONTOSO, FABRIKAM, SEOULTECH] = CUSTOMERS as [(typeof CUSTOMERS)[number], (typeof CUSTOMERS)[number], (typeof CUSTOMERS)[number]];
const LOGIN_2019 =
  'https://login.microsoftonline.com/common/oauth2/authorize?client_id=00000006-0000-0ff1-ce00-000000000000&redirect_uri=' +
  encodeURIComponent('https://admin.microsoft.com/AdminPortal/Home#/homepage');

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
  await page.locator('pc-nav a#nav-customers').click();
  await expect.poll(() => page.url()).toMatch(/\/dashboard\/v2\/customers\/list$/);
  await page.locator(`#cell-displayName-${customer.tenantId} customersvcadmin_he-button`).click();
  await expect.poll(() => page.url()).toMatch(new RegExp(`/dashboard/v2/customers/${customer.tenantId}/adminrelationships$`));
  await page.locator('#customer-nav-service-management').click();
  await expect.poll(() => page.url()).toMatch(/\/servicemanagementpage$/);
  if (shots) await screenshot(page, `${shots}-service-management`);
  await page.locator('a#service-requests').click();
  await expect.poll(() => page.url()).toMatch(/\/servicerequests$/);
  await page.locator('#new-request').click();
  await expect(page.locator('[role="menu"]').isVisible()).resolves.toBe(true);
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

  it('walks the 2019 flow: Partner Center → sign-in → admin center Support → topic', async () => {
    const page = await newTab(ext.context);
    await page.goto('https://partner.microsoft.com/dashboard');
    await expect(page.locator('pc-page h1').textContent()).resolves.toBe('Partner Center dashboard');
    await screenshot(page, 'en-2019-01-dashboard');
    const sameDocument = await markDocument(page);

    await page.locator('pc-nav a#nav-customers').click();
    await expect.poll(() => page.url()).toBe('https://partner.microsoft.com/dashboard/v2/customers/list');
    // placeholder rows first, then the data rows
    await page.locator('tr[role="row"]#row-he-row-0').waitFor({ state: 'attached', timeout: 500 });
    expect(await page.locator(`#row-${CONTOSO.tenantId}`).count()).toBe(0);
    await screenshot(page, 'en-2019-02-customers-loading');
    await page.locator(`tr[role="row"]#row-${CONTOSO.tenantId}`).waitFor();
    expect(await page.locator('#row-he-row-0').count()).toBe(0);
    expect(await page.locator('customersvcadmin_he-data-grid tbody tr[role="row"]').count()).toBe(CUSTOMERS.length);
    await expect(page.locator(`#cell-tenantId-${FABRIKAM.tenantId}`).textContent()).resolves.toBe(FABRIKAM.tenantId);
    await expect(page.locator(`#cell-domainName-${FABRIKAM.tenantId}`).textContent()).resolves.toBe(FABRIKAM.domain);
    expect(await page.getByRole('radio', { name: 'Select row' }).count()).toBe(CUSTOMERS.length);
    // the customer name control sits inside at least three shadow roots
    expect(await shadowDepth(page, `#cell-displayName-${CONTOSO.tenantId}`)).toBeGreaterThanOrEqual(3);
    expect(await shadowDepth(page, 'button[part="control"]')).toBeGreaterThanOrEqual(4);
    expect(await page.evaluate(() => document.querySelector('customersvcadmin_he-data-grid'))).toBeNull();
    await screenshot(page, 'en-2019-03-customers');

    // search replaces the rows in place
    await page.locator('#customer-search-box').fill('fabrikam');
    await expect.poll(() => page.locator('customersvcadmin_he-data-grid tbody tr[role="row"]').count()).toBe(1);
    await expect(page.locator(`#row-${FABRIKAM.tenantId}`).count()).resolves.toBe(1);
    await page.locator('#customer-search-box').fill('');
    await expect.poll(() => page.locator('customersvcadmin_he-data-grid tbody tr[role="row"]').count()).toBe(CUSTOMERS.length);

    await page.locator(`#cell-displayName-${CONTOSO.tenantId} customersvcadmin_he-button`).click();
    await expect.poll(() => page.url()).toBe(`https://partner.microsoft.com/dashboard/v2/customers/${CONTOSO.tenantId}/adminrelationships`);
    await expect(page.locator('#customer-name').textContent()).resolves.toBe(CONTOSO.name);

    await page.getByRole('link', { name: 'Service management' }).click();
    await expect.poll(() => page.url()).toBe(`https://partner.microsoft.com/dashboard/v2/customers/${CONTOSO.tenantId}/servicemanagementpage`);
    await expect(page.locator('#MicrosoftOffice').getAttribute('href')).resolves.toBe(
      `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO.tenantId}&CSDEST=o365admincenter`,
    );
    await expect(page.locator('#MicrosoftOffice').getAttribute('target')).resolves.toBe('_blank');
    await screenshot(page, 'en-2019-04-service-management');

    await page.locator('a#service-requests').click();
    await expect.poll(() => page.url()).toBe(`https://partner.microsoft.com/dashboard/v2/customers/${CONTOSO.tenantId}/servicerequests`);
    await expect(page.getByRole('heading', { name: 'Service requests' }).textContent()).resolves.toBe('Service requests');
    expect(await shadowDepth(page, '#service-requests-heading')).toBeGreaterThanOrEqual(3);
    expect(await sameDocument()).toBe(true); // all of it was pushState routing

    // popstate: back and forward re-render without a reload
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/\/servicemanagementpage$/);
    await page.locator('#MicrosoftOffice').waitFor();
    await page.goForward();
    await expect.poll(() => page.url()).toMatch(/\/servicerequests$/);
    expect(await sameDocument()).toBe(true);

    await page.getByRole('button', { name: 'New request' }).click();
    const items = page.locator('[role="menu"] [role="menuitem"]');
    await expect(items.allTextContents()).resolves.toEqual(['Microsoft Office 365', 'Microsoft Azure']);
    await screenshot(page, 'en-2019-05-new-request');

    const popupPromise = ext.context.waitForEvent('page');
    await page.getByRole('menuitem', { name: 'Microsoft Office 365' }).click();
    const admin = await popupPromise;
    await admin.waitForURL((u) => u.hostname === 'login.microsoftonline.com');
    expect(admin.url()).toBe(LOGIN_2019);
    await admin.locator('#idSIButton9').waitFor();
    await expect(admin.locator('#idSIButton9').inputValue()).resolves.toBe('Sign in');
    await screenshot(admin, 'en-2019-06-sign-in');
    await admin.locator('#idSIButton9').click();
    await admin.waitForURL('https://admin.microsoft.com/AdminPortal/Home#/homepage');
    await expect(admin.locator('#delegated-tenant').getAttribute('data-tenant-id')).resolves.toBe(CONTOSO.tenantId);
    await screenshot(admin, 'en-2019-07-admin-home');

    await admin.getByRole('link', { name: 'Support' }).click();
    await expect.poll(() => admin.url()).toBe('https://admin.microsoft.com/AdminPortal/Home#/support');
    await expect(admin.getByRole('heading', { name: 'Support' }).textContent()).resolves.toBe('Support');
    await admin.getByRole('button', { name: 'New service request' }).click();
    await expect.poll(() => admin.url()).toBe('https://admin.microsoft.com/AdminPortal/Home#/support/newservicerequest');
    const group = admin.getByRole('radiogroup', { name: 'Support topic' });
    await group.waitFor();
    const sharepoint = group.getByRole('radio', { name: 'SharePoint' });
    await expect(sharepoint.getAttribute('aria-checked')).resolves.toBe('false');
    await sharepoint.click();
    await expect(sharepoint.getAttribute('aria-checked')).resolves.toBe('true');
    expect(await admin.locator('[role="radio"][aria-checked="true"]').count()).toBe(1);
    await screenshot(admin, 'en-2019-08-topic');

    expect(ext.blockedRequests.filter((r) => !r.url.startsWith('https://portal.azure.com'))).toEqual([]);
    expect(ext.extensionRequests).toEqual([]);
    await admin.close();
    await page.close();
  });

  it('walks the 2021 flow: Office 365, Dynamics 365, EMS → admin.cloud.microsoft → Help & support', async () => {
    const page = await newTab(ext.context);
    await page.goto('https://partner.microsoft.com/dashboard?replica-ui=2021');
    await partnerCenterToNewRequest(page, FABRIKAM, 'en-2021');
    const items = page.locator('[role="menu"] [role="menuitem"]');
    await expect(items.allTextContents()).resolves.toEqual(['Office 365, Dynamics 365, Enterprise Mobility Suite', 'Azure']);
    // the knob persisted through client-side navigation (sessionStorage)
    expect(await page.evaluate(() => sessionStorage.getItem('replica-ui'))).toBe('2021');

    const popupPromise = ext.context.waitForEvent('page');
    await page.getByRole('menuitem', { name: 'Office 365, Dynamics 365, Enterprise Mobility Suite' }).click();
    const admin = await popupPromise;
    await admin.waitForURL((u) => u.hostname === 'login.microsoftonline.com');
    expect(new URL(admin.url()).searchParams.get('redirect_uri')).toBe(
      `https://admin.cloud.microsoft/?delegatedOrg=${FABRIKAM.domain}#/homepage`,
    );
    await admin.locator('#idSIButton9').click();
    await admin.waitForURL(`https://admin.cloud.microsoft/?delegatedOrg=${FABRIKAM.domain}#/homepage`);
    await expect(admin.locator('m365-shell').getAttribute('data-ui')).resolves.toBe('2021');
    expect(await admin.getByRole('link', { name: 'Support', exact: true }).count()).toBe(0);
    await expect(admin.locator('#delegated-tenant').getAttribute('data-domain')).resolves.toBe(FABRIKAM.domain);
    await screenshot(admin, 'en-2021-06-admin-home');

    const help = admin.getByRole('button', { name: 'Help & support' });
    const helpPosition = await help.evaluate((b) => getComputedStyle((b.getRootNode() as ShadowRoot).host).position);
    expect(helpPosition).toBe('fixed');
    await help.click();
    await admin.getByRole('dialog', { name: 'Help & support' }).waitFor();
    expect(await admin.getByPlaceholder('How can we help?').count()).toBe(1);
    expect(await shadowDepth(admin, '#contact-support')).toBeGreaterThanOrEqual(4);
    await admin.getByRole('button', { name: 'Contact Support' }).click();
    await admin.getByRole('button', { name: 'New Microsoft service request' }).click();
    await expect(admin.getByRole('heading', { name: 'Create a service request' }).count()).resolves.toBe(1);
    const group = admin.getByRole('radiogroup', { name: 'Support topic' });
    await group.getByRole('radio', { name: 'Microsoft Teams' }).click();
    await expect(group.getByRole('radio', { name: 'Microsoft Teams' }).getAttribute('aria-checked')).resolves.toBe('true');
    await screenshot(admin, 'en-2021-07-help-pane-topic');

    await admin.getByRole('button', { name: 'Minimize Button' }).click();
    await expect.poll(() => admin.getByRole('dialog', { name: 'Help & support' }).isVisible()).toBe(false);
    await admin.goto(`https://admin.cloud.microsoft/?delegatedOrg=${FABRIKAM.domain}#/servicehealth`);
    await expect(admin.getByRole('heading', { name: 'Service health' }).count()).resolves.toBe(1);
    await admin.close();
    await page.close();
  });

  it('serves the DAP entry on admin.microsoft.com, GDAP list, service health and locale-prefixed paths', async () => {
    const page = await newTab(ext.context);
    await page.goto(`https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=${SEOULTECH.tenantId}&CSDEST=o365admincenter`);
    await page.waitForURL((u) => u.hostname === 'login.microsoftonline.com');
    expect(page.url()).toBe(LOGIN_2019);

    await page.goto('https://partner.microsoft.com/dashboard/v2/customers/granularadminaccess/list');
    await page.locator(`#gdap-${SEOULTECH.tenantId}`).waitFor();
    await page.goto('https://partner.microsoft.com/dashboard/v2/support/servicehealth');
    await expect(page.getByRole('heading', { name: 'Service health' }).textContent()).resolves.toBe('Service health');
    await page.goto('https://partner.microsoft.com/dashboard/commerce2/customers/list');
    await page.locator(`#row-${SEOULTECH.tenantId}`).waitFor();

    // a Korean locale prefix wins over the browser's English; links keep the prefix
    await page.goto('https://partner.microsoft.com/ko-kr/dashboard');
    await expect(page.locator('pc-page h1').textContent()).resolves.toBe('파트너 센터 대시보드');
    await page.getByRole('link', { name: '고객', exact: true }).click();
    await expect.poll(() => page.url()).toBe('https://partner.microsoft.com/ko-kr/dashboard/v2/customers/list');
    await page.goto('https://partner.microsoft.com/en-us/dashboard/home');
    await expect(page.locator('pc-page h1').textContent()).resolves.toBe('Partner Center dashboard');

    // Administer in CSP has its own Service requests
    await page.locator('#nav-administer').click();
    await page.locator('#administer-service-requests').click();
    await expect.poll(() => page.url()).toBe('https://partner.microsoft.com/en-us/dashboard/v2/administer/servicerequests');
    await page.getByRole('button', { name: 'New request' }).waitFor();
    await page.close();
  });

  it('honours the test knobs: missing, scroll, delay, rerender', async () => {
    const base = `https://partner.microsoft.com/dashboard/v2/customers/${CONTOSO.tenantId}/account`;
    let page = await newTab(ext.context);
    await page.goto(`${base}?replica-missing=service-management,MicrosoftOffice`);
    await page.locator('#customer-nav-account').waitFor();
    expect(await page.locator('#customer-nav-service-management').count()).toBe(0);
    await page.goto(`https://partner.microsoft.com/dashboard/v2/customers/${CONTOSO.tenantId}/servicemanagementpage`);
    await page.locator('a#service-requests').waitFor();
    expect(await page.locator('#MicrosoftOffice').count()).toBe(0); // persisted for the tab
    await page.close();

    page = await newTab(ext.context);
    await page.goto(`${base}?replica-scroll=1`);
    const link = page.locator('#customer-nav-service-management');
    await link.waitFor();
    const inView = () =>
      link.evaluate((a) => {
        const scroller = a.closest('nav')!;
        const r = a.getBoundingClientRect();
        const s = scroller.getBoundingClientRect();
        return getComputedStyle(scroller).overflowY === 'auto' && r.top >= s.top && r.bottom <= s.bottom;
      });
    expect(await inView()).toBe(false);
    await screenshot(page, 'en-knob-scroll');
    await link.scrollIntoViewIfNeeded();
    expect(await inView()).toBe(true);
    await page.close();

    page = await newTab(ext.context);
    await page.goto('https://partner.microsoft.com/dashboard/v2/customers/list?replica-delay=1500');
    await page.waitForTimeout(500);
    expect(await page.locator('#customer-search-box').count()).toBe(0);
    await page.locator('#customer-search-box').waitFor({ timeout: 3000 });
    await page.close();

    page = await newTab(ext.context);
    await page.goto('https://partner.microsoft.com/dashboard/home?replica-rerender=800');
    const first = await page.locator('#tile-customers').elementHandle();
    await page.waitForTimeout(1200);
    expect(await first!.evaluate((el) => el.isConnected)).toBe(false);
    const second = await page.locator('#tile-customers').elementHandle();
    expect(await second!.evaluate((el) => el.isConnected)).toBe(true);
    // same structure after a client-side navigation too (knob persisted)
    await page.locator('#nav-customers').click();
    const heading = await page.locator('pc-page h1').elementHandle(); // rendered synchronously by the router
    await page.waitForTimeout(1200);
    expect(await heading!.evaluate((el) => el.isConnected)).toBe(false);
    expect(await page.locator(`#row-${CONTOSO.tenantId}`).count()).toBe(1);
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
    await page.goto('https://partner.microsoft.com/dashboard');
    expect(await page.evaluate(() => navigator.language)).toBe('ko-KR');
    await expect(page.locator('pc-page h1').textContent()).resolves.toBe('파트너 센터 대시보드');
    await page.getByRole('link', { name: '고객', exact: true }).click();
    await page.locator(`#row-${SEOULTECH.tenantId}`).waitFor();
    await expect(page.locator(`#cell-displayName-${SEOULTECH.tenantId}`).textContent()).resolves.toBe('서울테크 주식회사');
    await screenshot(page, 'ko-2019-01-customers');
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
    await admin.locator('#idSIButton9').waitFor();
    await expect(admin.locator('#idSIButton9').inputValue()).resolves.toBe('로그인');
    await screenshot(admin, 'ko-2019-03-sign-in');
    await admin.locator('#idSIButton9').click();
    await admin.waitForURL('https://admin.microsoft.com/AdminPortal/Home#/homepage');
    await admin.getByRole('link', { name: '지원', exact: true }).click();
    await admin.getByRole('button', { name: '새 서비스 요청' }).click();
    const group = admin.getByRole('radiogroup', { name: '지원 항목' });
    await group.getByRole('radio').first().click();
    await expect(group.getByRole('radio').first().getAttribute('aria-checked')).resolves.toBe('true');
    await screenshot(admin, 'ko-2019-04-topic');
    await admin.goto('https://admin.microsoft.com/AdminPortal/Home#/servicehealth');
    await expect(admin.getByRole('heading', { name: '서비스 상태' }).count()).resolves.toBe(1);
    await admin.close();
    await page.close();
  });

  it('shows Korean labels in the 2021 Help & support pane', async () => {
    const page = await newTab(ext.context);
    await page.goto(`https://admin.cloud.microsoft/?delegatedOrg=${SEOULTECH.domain}`);
    await page.waitForURL((u) => u.hostname === 'login.microsoftonline.com');
    await page.locator('#idSIButton9').click();
    await page.waitForURL(`https://admin.cloud.microsoft/?delegatedOrg=${SEOULTECH.domain}#/homepage`);
    await page.getByRole('button', { name: '도움말 및 지원' }).click();
    await page.getByRole('button', { name: '지원 팀에 문의' }).click();
    await page.getByRole('button', { name: '새 Microsoft 서비스 요청' }).click();
    await page.getByRole('radiogroup', { name: '지원 항목' }).getByRole('radio').nth(2).click();
    await screenshot(page, 'ko-2021-01-help-pane-topic');
    // a second visit without a hash in the same tab does not sign in again
    await page.goto(`https://admin.cloud.microsoft/?delegatedOrg=${SEOULTECH.domain}`);
    await page.locator('m365-shell').waitFor();
    expect(new URL(page.url()).hostname).toBe('admin.cloud.microsoft');
    await page.close();
  });
});
