// What is Firefox's own in the add-on, end to end in Firefox ESR: the build's shape (an event page,
// the sidebar, nothing web-accessible, no sidePanel), the sidebar opened by the popup's button and by
// the keyboard shortcut (browser.sidebarAction), the event page unloaded mid-flow (forced as
// about:debugging does, and by Firefox's own idle timer) with the flow going on, a warning, the
// options page, and `npm start -- --browser firefox`'s own walk (walkGuideFirefox) through the
// delegated entry's real HTTP 302 and the four sign-in pages.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  launchFirefox, screenshot, expectRingCovers, markedSteps, clickableIn, clickWhenReady, openedBy, signIn, isLogin, visible,
  until, overlayWarnings, checklist, storageOf, realErrors, walkGuideFirefox, OVERLAY, CUSTOMERS, delegatedLink, type LaunchedFirefox,
} from './harness';
import { STEP_IDS } from '../../lib/flow/ids';
import { STATE_ITEM } from '../../lib/protocol/storage';

const DASHBOARD = 'https://partner.microsoft.com/dashboard';
const SUPPORT_DIRECT = 'https://admin.microsoft.com/AdminPortal/Home#/support';
/** Firefox's id of the add-on's sidebar (SidebarController.currentID). */
const SIDEBAR_ID = 'escalation-guide-partner-center_extensions-sidebar-action';

/** Waits for the guide to mark `step` (only it), then clicks it as the agent would; returns the tab it opened, if any. */
async function clickRinged(ext: LaunchedFirefox, page: Page, step: string): Promise<Page | null> {
  await until(() => markedSteps(page), (ids) => ids.length === 1 && ids[0] === step, `the guide to mark "${step}"`);
  await expectRingCovers(page, step);
  const target = (await page.$(`pierce/[data-escalation-guide-target="${step}"]`))!;
  const control = await clickableIn(target);
  return openedBy(ext.browser, () => clickWhenReady(control), step === 'office-365' ? 5_000 : 0);
}

describe('Firefox: the add-on as Firefox runs it', () => {
  let ext: LaunchedFirefox;
  beforeAll(async () => {
    ext = await launchFirefox({ locale: 'en-US' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('is built for Firefox: an event page, the sidebar, no sidePanel, nothing web-accessible', async () => {
    const options = await ext.openExtensionPage('options.html');
    const shape = await options.evaluate(() => {
      const b = (globalThis as unknown as { browser: { runtime: { getManifest(): Record<string, any> } } & Record<string, unknown> }).browser;
      const m = b.runtime.getManifest();
      return {
        background: m.background, sidebar: m.sidebar_action?.default_panel, permissions: m.permissions,
        war: m.web_accessible_resources ?? null, sidePanelApi: typeof b.sidePanel, sidebarApi: typeof b.sidebarAction,
        command: m.commands?.['open-side-panel']?.description,
      };
    });
    await options.close();
    // Firefox gives the manifest's paths as full moz-extension:// URLs.
    expect(shape.background).toMatchObject({ scripts: [`${ext.extensionOrigin}/background.js`] });
    expect(shape.background.service_worker ?? null).toBeNull();
    expect(shape.sidebar).toMatch(/^(moz-extension:\/\/[^/]+\/)?sidepanel\.html$/);
    expect(shape.permissions).toEqual(['storage', 'webRequest']);
    expect(shape.war).toBeNull();
    expect(shape.sidePanelApi).toBe('undefined');
    expect(shape.sidebarApi).toBe('object');
    // Firefox calls it the sidebar, also in Manage Extension Shortcuts.
    expect(shape.command).toBe('Open the Escalation Guide sidebar');
    // Firefox treats it as an event page: it can be unloaded (a persistent one cannot).
    expect(await ext.terminateBackground()).toBe('stopped');
  });

  it('not-from-dashboard: the admin center opened directly warns in the page and in the sidebar\'s page', async () => {
    const page = await ext.browser.newPage();
    await page.goto(SUPPORT_DIRECT);
    await until(() => overlayWarnings(page), (w) => w.includes('not-from-dashboard'), 'the overlay\'s not-from-dashboard warning');
    await screenshot(page, 'firefox-warning-not-from-dashboard');
    const panel = await ext.openExtensionPage('sidepanel.html');
    const warning = await until(() => panel.$('[role="alert"][data-warning="not-from-dashboard"]'), (w) => w !== null, 'the warning in the sidebar\'s page');
    // The warning offers the way back: the Partner Center dashboard.
    expect(await warning!.$eval('a', (a) => a.getAttribute('href'))).toBe(DASHBOARD);
    await screenshot(panel, 'firefox-sidepanel-warning');
    // It clears when its cause is gone: the tab goes to the Partner Center dashboard.
    await page.bringToFront();
    await page.goto(DASHBOARD);
    await until(() => panel.$$('[role="alert"][data-warning="not-from-dashboard"]'), (w) => w.length === 0, 'the warning to clear');
    await panel.close();
    await page.close();
  });

  it('the popup\'s button opens the sidebar (browser.sidebarAction)', async () => {
    await ext.hideSidebar();
    expect(await ext.sidebarOpen()).toBe('');
    const popup = await ext.openExtensionPage('popup.html');
    const button = await popup.waitForSelector('[data-testid="eg-open-side-panel"]', { visible: true });
    // Firefox's word for it: the sidebar.
    expect(await button!.evaluate((el) => el.textContent?.trim())).toBe('Open sidebar');
    expect(await popup.evaluate(() => document.body.innerText)).not.toMatch(/side panel/i);
    await screenshot(popup, 'firefox-popup');
    await button!.click();
    await until(() => ext.sidebarOpen(), (id) => id === SIDEBAR_ID, 'the add-on\'s sidebar to open');
    await popup.close();
    await ext.hideSidebar();
  });

  it('Alt+Shift+E opens the sidebar, also when Firefox had unloaded the event page', async () => {
    await ext.hideSidebar();
    expect(await ext.terminateBackground()).toBe('stopped');
    await ext.pressShortcut('Alt+Shift+E');
    await until(() => ext.sidebarOpen(), (id) => id === SIDEBAR_ID, 'the sidebar to open from the shortcut');
    expect(await ext.backgroundState()).toBe('running');
    await ext.hideSidebar();
  });

  it('options: the overlay switch turns the ring off and on in an open portal tab', async () => {
    const page = await ext.browser.newPage();
    await page.goto(DASHBOARD);
    await until(() => visible(page, OVERLAY.highlight), (h) => h !== null, 'the ring on the dashboard');
    const options = await ext.openExtensionPage('options.html');
    await options.waitForSelector('[data-loaded="true"]');
    await screenshot(options, 'firefox-options');
    const optionsText = await options.evaluate(() => document.body.innerText);
    expect(optionsText).toContain('Turn off if you only want the checklist in the sidebar and popup.');
    expect(optionsText).toContain('Open the sidebar with Alt+Shift+E.');
    expect(optionsText).not.toMatch(/side panel/i);
    const overlaySwitch = (await options.$('[data-setting="overlayEnabled"]'))!;
    expect(await overlaySwitch.evaluate((el) => (el as HTMLInputElement).checked)).toBe(true);
    await overlaySwitch.click();
    await until(() => storageOf(options, 'local'), (l) => (l.settings as { overlayEnabled?: boolean } | undefined)?.overlayEnabled === false, 'overlayEnabled false in local storage');
    await until(() => visible(page, OVERLAY.highlight), (h) => h === null, 'the ring to go');
    await overlaySwitch.click();
    await until(() => visible(page, OVERLAY.highlight), (h) => h !== null, 'the ring to come back');
    await options.close();
    await page.close();
    expect(realErrors(await ext.consoleErrors())).toEqual([]);
  });
});

describe('Firefox: the event page unloaded mid-flow', () => {
  let ext: LaunchedFirefox;
  beforeAll(async () => {
    ext = await launchFirefox({ locale: 'en-US' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('unloaded at four points, also with the Office 365 menu open and between its click\'s new tab and the 302, the flow goes on to the topic with no warning', async () => {
    const UNLOAD_AFTER = new Set(['customers', 'support']);
    let page = ext.page;
    await page.goto(DASHBOARD);
    for (const step of ['customers', 'select-customer', 'service-management', 'service-requests', 'new-request', 'office-365', 'support', 'new-service-request', 'support-topic']) {
      if (isLogin(page)) await signIn(page);
      if (step === 'office-365') {
        // The agent reads the open menu long enough for Firefox to unload the idle event page; the
        // click wakes it (the click's report, the new tab, the entry's request arrive as it starts).
        await until(() => markedSteps(page), (ids) => ids.length === 1 && ids[0] === step, `the guide to mark "${step}"`);
        expect(await ext.terminateBackground(), 'the event page unloaded with the menu open').toBe('stopped');
        // The new tab's request to the delegated entry waits at the server: the event page is
        // unloaded again before the 302 (and the sign-in pages after it) come back.
        const entry = ext.holdRequest((u) => /\/Partner\/BeginClientSession\.aspx\?/i.test(u));
        const opened = await clickRinged(ext, page, step);
        expect(opened, 'Microsoft Office 365 opens the admin center in a new tab').not.toBeNull();
        page = opened!;
        expect(await entry.reached).toContain(CUSTOMERS[0]!.tenantId);
        expect(await ext.terminateBackground(), 'the event page unloaded between the entry\'s request and its 302').toBe('stopped');
        entry.release();
        await until(async () => isLogin(page), Boolean, 'the sign-in page in the new tab', 15_000);
        continue;
      }
      await until(() => markedSteps(page), (ids) => ids.length === 1 && ids[0] === step, `the guide to mark "${step}"`);
      expect(await overlayWarnings(page), `warnings on ${page.url()} at "${step}"`).toEqual([]);
      const opened = await clickRinged(ext, page, step);
      if (opened) page = opened;
      if (UNLOAD_AFTER.has(step)) expect(await ext.terminateBackground(), `the event page unloaded after "${step}"`).toBe('stopped');
    }
    await until(() => markedSteps(page), (ids) => ids.length === 0, 'no mark after the topic');
    expect(await overlayWarnings(page)).toEqual([]);
    const panel = await ext.openExtensionPage('sidepanel.html');
    await until(() => checklist(panel), (s) => STEP_IDS.every((id) => s[id] === 'done'), 'every step done after the unloads');
    await panel.close();
  });

  it('stopped, it is woken by the delegated entry\'s request itself (webRequest is a persistent listener of Firefox\'s event page): the tab acts for the customer', async () => {
    // The customer's Service management page in a tab of its own, then the delegated entry in the
    // same tab (as a pasted or bookmarked link would): no click and no new tab wake the event page;
    // the 302 hides the tenant from every URL the tab commits, so only webRequest can carry it.
    const customer = CUSTOMERS[1]!;
    const page = await ext.browser.newPage();
    await page.goto(`https://partner.microsoft.com/dashboard/v2/customers/${customer.tenantId}/servicemanagementpage`);
    await until(() => markedSteps(page), (ids) => ids.length === 1, 'a ringed step on Service management');
    expect(await ext.terminateBackground()).toBe('stopped');
    await page.goto(delegatedLink(customer, '2019'));
    await until(async () => isLogin(page), Boolean, 'the sign-in page');
    expect(await ext.backgroundState(), 'Firefox woke the event page for the request').toBe('running');
    await signIn(page);
    await until(() => markedSteps(page), (ids) => ids.length === 1 && ids[0] === 'support', 'the guide to mark "support" in the admin center');
    expect(await overlayWarnings(page)).toEqual([]);
    const options = await ext.openExtensionPage('options.html');
    const { tabs } = (await storageOf(options, 'session'))[STATE_ITEM] as { tabs: Record<string, { portal?: string; delegated?: { value: string } | null }> };
    expect(Object.values(tabs).filter((t) => t.portal === 'admin-center').map((t) => t.delegated?.value)).toContain(customer.tenantId);
    await options.close();
    await page.close();
  });
});

describe('Firefox unloads the idle event page itself', () => {
  let ext: LaunchedFirefox;
  beforeAll(async () => {
    ext = await launchFirefox({ locale: 'en-US', backgroundIdleMs: 1_000 });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('after 1 s idle (extensions.background.idle.timeout) the event page is gone; the next click wakes it and the flow goes on', async () => {
    const page = ext.page;
    await page.goto(DASHBOARD);
    await until(() => markedSteps(page), (ids) => ids[0] === 'customers', 'the first step');
    await until(() => ext.backgroundState(), (s) => s === 'stopped', 'Firefox to unload the idle event page', 20_000);
    await clickRinged(ext, page, 'customers');
    await until(() => markedSteps(page), (ids) => ids.length === 1 && ids[0] === 'select-customer', 'the next step after the wake-up');
    await until(() => ext.backgroundState(), (s) => s === 'stopped', 'the event page to be unloaded again', 20_000);
    const panel = await ext.openExtensionPage('sidepanel.html');
    const states = await until(() => checklist(panel), (s) => s.customers === 'done' && s['select-customer'] === 'current', 'the checklist from session storage');
    expect(states['sign-in']).toBe('done');
    await panel.close();
  });
});

describe('Firefox: the walk `npm start -- --browser firefox` takes (walkGuideFirefox)', () => {
  let ext: LaunchedFirefox;
  beforeAll(async () => {
    ext = await launchFirefox({ locale: 'en-US' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('the tab the page opened goes BeginClientSession → 302 → the four sign-in pages → admin center, and the walk reaches the topic', async () => {
    await ext.page.goto(DASHBOARD);
    const { steps, page } = await walkGuideFirefox({ browser: ext.browser, page: ext.page });
    expect(steps.map((s) => s.stepId)).toEqual(STEP_IDS.filter((id) => id !== 'sign-in'));
    expect(steps.find((s) => s.stepId === 'portal-sign-in')?.screens).toEqual(['picker', 'password', 'mfa', 'kmsi']);
    const entry = ext.requests.filter((r) => /\/Partner\/BeginClientSession\.aspx\?CTID=/i.test(r.url));
    expect(entry.map((r) => [r.resourceType, r.status])).toEqual([['document', 302]]);
    expect(entry[0]!.url).toContain(CUSTOMERS[0]!.tenantId);
    expect(ext.requests.some((r) => r.url.endsWith('/__replica/begin-session.js'))).toBe(false);
    expect(await overlayWarnings(page)).toEqual([]);
    const local = await storageOf(await ext.openExtensionPage('options.html'), 'local');
    expect(JSON.stringify(local)).not.toContain(CUSTOMERS[0]!.tenantId);
  });
});
