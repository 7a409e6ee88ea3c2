// Security and privacy in a real Chromium with the built extension (issue #7), during one full walk
// through the replicas in which the selected customer's name is an HTML and script payload
// (replica knob `replica-customers=xss`, test/replica/customers.js):
// - the extension itself makes no network request;
// - the name shows as literal text in the side panel, the popup and the overlay (no element
//   injected, window.__pwned never set in any page);
// - afterwards local and sync storage hold settings only; the customer lives in session storage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CUSTOMERS, delegatedLink, launchExtension, openExtensionPage, type LaunchedExtension } from './harness';
import { walkGuide, signIn } from './walk.mjs';
import { XSS_CUSTOMER } from '../replica/customers.js';
import { SettingsSchema } from '../../lib/settings/settings';

const PAYLOAD = XSS_CUSTOMER.name;
const CONTOSO = CUSTOMERS[0]!;
const LOGIN_HOSTS = ['login.microsoftonline.com', 'login.microsoftonline.us'];

/** What the payload would leave behind if any surface parsed it as HTML (searched through open shadow roots). */
async function injected(page: Page): Promise<{ pwned: unknown; elements: string[] }> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('img[src="x"], img[onerror], script'))) {
        if (el.tagName === 'SCRIPT' && !(el.textContent ?? '').includes('__pwned')) continue;
        found.push(el.outerHTML.slice(0, 120));
      }
      for (const el of Array.from(root.querySelectorAll('*'))) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return { pwned: (window as unknown as { __pwned?: unknown }).__pwned, elements: found };
  });
}

/** All text of a page, including open shadow roots. */
async function deepText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (root: Document | ShadowRoot | Element) => {
      for (const node of Array.from(root.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
        else if (node instanceof Element) {
          if (node.shadowRoot) walk(node.shadowRoot);
          walk(node);
        }
      }
    };
    walk(document);
    return parts.join(' ');
  });
}

/** Storage of the extension as its own pages see it. */
async function storageOf(page: Page) {
  return page.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    sync: await chrome.storage.sync.get(null),
    session: await chrome.storage.session.get(null),
    webStorage: window.localStorage.length + window.sessionStorage.length,
    databases: (await indexedDB.databases()).map((d) => d.name),
  }));
}

describe('security and privacy: a full walk with an HTML/script payload as the customer name', () => {
  let ext: LaunchedExtension;
  let pc: Page;
  let walked: Awaited<ReturnType<typeof walkGuide>>;

  beforeAll(async () => {
    ext = await launchExtension({ locale: 'en-US' });
    pc = ext.page;
    await pc.goto('https://partner.microsoft.com/dashboard?replica-customers=xss');
    walked = await walkGuide({ context: ext.context, page: pc });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('walks the whole flow with the payload customer selected', async () => {
    expect(walked.completed).toBe(true);
    expect(walked.steps.map((s) => s.stepId)).toContain('select-customer');
    expect(walked.steps.at(-1)?.stepId).toBe('support-topic');
    const side = await openExtensionPage(ext.context, ext.extensionId, 'sidepanel.html');
    const { session } = await storageOf(side);
    expect(JSON.stringify(session)).toContain(XSS_CUSTOMER.tenantId);
    await side.close();
  });

  it('the side panel shows the name as text, and nothing from it runs', async () => {
    const side = await openExtensionPage(ext.context, ext.extensionId, 'sidepanel.html');
    await expect.poll(() => deepText(side), { timeout: 5_000 }).toContain(PAYLOAD);
    expect(await injected(side)).toEqual({ pwned: undefined, elements: [] });
    await side.close();
  });

  it('the popup shows no element from it and nothing from it runs', async () => {
    const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await popup.locator('[data-step-id="support-topic"]').first().waitFor({ timeout: 5_000 });
    expect(await injected(popup)).toEqual({ pwned: undefined, elements: [] });
    // Where the popup shows the customer, it is the literal text.
    const text = await deepText(popup);
    if (text.includes('onerror')) expect(text).toContain(PAYLOAD);
    await popup.close();
  });

  it('the overlay names the customer as text (customer-mismatch warning on another customer\'s admin center)', async () => {
    // From the payload customer's Partner Center tab, open Contoso's delegated admin center.
    await pc.bringToFront();
    const [admin] = await Promise.all([
      ext.context.waitForEvent('page'),
      pc.evaluate((url) => void window.open(url, '_blank'), delegatedLink(CONTOSO, '2019')),
    ]);
    await admin.waitForLoadState('domcontentloaded');
    await admin.waitForURL((u) => LOGIN_HOSTS.includes(u.hostname) || /admin|portal/.test(u.hostname), { timeout: 10_000 });
    if (LOGIN_HOSTS.includes(new URL(admin.url()).hostname)) await signIn(admin);
    const warning = admin.locator('[role="alert"][data-warning="customer-mismatch"]').first();
    await warning.waitFor({ timeout: 10_000 });
    expect(await warning.textContent()).toContain(PAYLOAD);
    expect(await injected(admin)).toEqual({ pwned: undefined, elements: [] });
    // And the side panel, following that tab, shows the same warning as text.
    const side = await openExtensionPage(ext.context, ext.extensionId, 'sidepanel.html');
    await expect.poll(() => deepText(side), { timeout: 5_000 }).toContain(PAYLOAD);
    expect(await injected(side)).toEqual({ pwned: undefined, elements: [] });
    await side.close();
  });

  it('no page of the walk ran the payload', async () => {
    for (const page of ext.context.pages()) {
      if (page.isClosed() || !/^https:/.test(page.url())) continue;
      expect(await injected(page), page.url()).toEqual({ pwned: undefined, elements: [] });
    }
  });

  it('the extension itself made no network request during the walk', () => {
    expect(ext.extensionRequests).toEqual([]);
    // Nothing left the replicas either (a content script's request would show up here).
    expect(ext.blockedRequests).toEqual([]);
  });

  it('after the flow, local and sync storage hold settings only; the customer is in session storage', async () => {
    // The agent also changes a setting (the popup's overlay switch, off and on again).
    const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    const toggle = popup.locator('[data-testid="eg-overlay-toggle"]');
    await expect.poll(() => toggle.isEnabled(), { timeout: 5_000 }).toBe(true);
    await toggle.click();
    await toggle.click();
    const store = await storageOf(popup);
    await popup.close();

    expect(Object.keys(store.sync)).toEqual([]);
    expect(Object.keys(store.local).filter((k) => k !== 'settings')).toEqual([]);
    expect(SettingsSchema.strict().safeParse(store.local.settings).success).toBe(true);
    const persistent = JSON.stringify([store.local, store.sync]);
    for (const secret of [XSS_CUSTOMER.tenantId, XSS_CUSTOMER.domain, 'onerror', CONTOSO.tenantId]) expect(persistent).not.toContain(secret);
    expect(store.webStorage).toBe(0);
    expect(store.databases).toEqual([]);
    // Flows, customer names and tenant ids live in session storage (gone when the browser closes).
    expect(JSON.stringify(store.session)).toContain(XSS_CUSTOMER.tenantId);
  });
});
