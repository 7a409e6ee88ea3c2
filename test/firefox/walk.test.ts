// The guided walk end to end in Firefox ESR with the Firefox build (its content scripts carry the
// guide themselves, its background is an event page): from the Partner Center dashboard to a chosen
// support topic, clicking only what the guide rings: Microsoft Office 365 calls window.open on the
// delegated entry, which the server answers with a real HTTP 302 to a sign-in URL that names no
// tenant, then the four sign-in pages (form POSTs), then the admin center with the customer's
// session. At every click step exactly one element is marked, the ring covers it within 6 px, the
// card names the click as the page labels it without covering it, and the overlay shows no
// warning. Then the sidebar's page shows the finished checklist, and local storage holds nothing
// of the customer.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  launchFirefox, screenshot, expectRingCovers, markedSteps, clickableIn, clickWhenReady, openedBy, signIn, isLogin, visible, until,
  overlayWarnings, checklist, storageOf, realErrors, OVERLAY, CUSTOMERS, type LaunchedFirefox,
} from './harness';
import { labelFor, type LabelId } from '../../lib/flow/labels';
import { STEP_IDS } from '../../lib/flow/ids';

const STEPS: { step: string; label: LabelId; text?: string }[] = [
  { step: 'customers', label: 'customers' },
  { step: 'select-customer', label: 'customerList' },
  { step: 'service-management', label: 'serviceManagement' },
  { step: 'service-requests', label: 'serviceRequests' },
  { step: 'new-request', label: 'newRequest' },
  { step: 'office-365', label: 'office365' },
  { step: 'support', label: 'support' },
  { step: 'new-service-request', label: 'newServiceRequest' },
  // The 2019 form calls its topic group otherwise (test/replica/README.md): the card says it as the page does.
  { step: 'support-topic', label: 'supportTopic', text: 'Select the area your problem is in' },
];

/** Clicks the control of the element marked for `step` (resolved now: a grid may have re-rendered it). */
async function clickMarked(page: Page, step: string): Promise<void> {
  const target = await page.$(`pierce/[data-escalation-guide-target="${step}"]`);
  if (target) await clickWhenReady(await clickableIn(target));
}

/**
 * A click that went nowhere (the page unchanged, the same step still marked after 3 s: the handle's
 * element was replaced by a re-render between its lookup and the click; seen once in a CI run on 2026-12-04) is
 * made once more on the element marked now. A click that did something is never repeated.
 */
async function clickAgainIfIgnored(page: Page, step: string): Promise<void> {
  const url = page.url();
  const moved = async () => page.isClosed() || page.url() !== url || (await markedSteps(page).catch(() => [])).join() !== step;
  for (const until3s = Date.now() + 3_000; Date.now() < until3s; await new Promise((r) => setTimeout(r, 100))) if (await moved()) return;
  await clickMarked(page, step);
}

describe('Firefox: the guided walk through the replicas', () => {
  let ext: LaunchedFirefox;
  let last: Page;
  beforeAll(async () => {
    ext = await launchFirefox({ locale: 'en-US' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('English, 2019 admin center: dashboard → … → Support → New service request → topic', async () => {
    let page = ext.page;
    await page.goto('https://partner.microsoft.com/dashboard');
    let n = 0;
    for (const exp of STEPS) {
      // Exactly one element is marked: this step's (the previous step's mark is gone).
      await until(() => markedSteps(page), (ids) => ids.length === 1 && ids[0] === exp.step, `the guide to mark "${exp.step}" (and only it)`);
      const { target: box, ring } = await expectRingCovers(page, exp.step);
      expect(box.width).toBeGreaterThan(0);
      expect(ring.width).toBeGreaterThan(box.width);
      const card = await until(() => visible(page, OVERLAY.nextStep), (c) => c !== null, 'the card');
      const text = (await card!.evaluate((el) => el.textContent)) ?? '';
      expect(text).toContain(exp.text ?? labelFor(exp.label, 'en'));
      expect(text).toMatch(/Step \d+ of 11/);
      expect(await visible(page, OVERLAY.fallback)).toBeNull();
      // No warning on the way: the tenant came through (the 302 and the sign-in hide it from the page).
      expect(await overlayWarnings(page), `warnings on ${page.url()} at "${exp.step}"`).toEqual([]);
      const cardBox = (await card!.boundingBox())!;
      const overlapX = Math.min(cardBox.x + cardBox.width, box.x + box.width) - Math.max(cardBox.x, box.x);
      const overlapY = Math.min(cardBox.y + cardBox.height, box.y + box.height) - Math.max(cardBox.y, box.y);
      expect(overlapX <= 0 || overlapY <= 0, `card ${JSON.stringify(cardBox)} covers target ${JSON.stringify(box)}`).toBe(true);
      n++;
      await screenshot(page, `firefox-walk-en-2019-${String(n).padStart(2, '0')}-${exp.step}`);

      const opened = await openedBy(ext.browser, () => clickMarked(page, exp.step), exp.step === 'office-365' ? 5_000 : 0);
      if (exp.step !== 'office-365') await clickAgainIfIgnored(page, exp.step);
      if (exp.step === 'office-365') {
        expect(opened, 'Microsoft Office 365 opens the admin center in a new tab').not.toBeNull();
        page = opened!;
        // BeginClientSession → HTTP 302 → the sign-in pages, each its own document.
        await until(async () => isLogin(page), Boolean, 'the sign-in page in the new tab', 15_000);
        const screens = await signIn(page, { onScreen: async (screen) => void (await screenshot(page, `firefox-walk-en-2019-${String(n).padStart(2, '0')}-sign-in-${screen}`)) });
        expect(screens).toEqual(['picker', 'password', 'mfa', 'kmsi']);
        expect(new URL(page.url()).hostname).toBe('admin.microsoft.com');
      }
    }
    // The flow is complete: nothing is ringed any more, no warning.
    await until(() => markedSteps(page), (ids) => ids.length === 0, 'no mark after the topic');
    await until(() => visible(page, OVERLAY.highlight), (h) => h === null, 'no ring after the topic');
    await screenshot(page, `firefox-walk-en-2019-${String(n + 1).padStart(2, '0')}-done`);
    expect(new URL(page.url()).hostname).toBe('admin.microsoft.com');
    expect(await overlayWarnings(page)).toEqual([]);
    // The entry was a real 302 (no script-redirect page), to a sign-in URL without the tenant.
    const entry = ext.requests.filter((r) => /\/Partner\/BeginClientSession\.aspx\?CTID=/i.test(r.url));
    expect(entry.map((r) => [r.resourceType, r.status])).toEqual([['document', 302]]);
    expect(entry[0]!.url).toContain(CUSTOMERS[0]!.tenantId);
    expect(ext.requests.some((r) => r.url.endsWith('/__replica/begin-session.js'))).toBe(false);
    const authorize = ext.requests.filter((r) => r.resourceType === 'document' && /\/oauth2\/v2\.0\/authorize/.test(r.url));
    expect(authorize).toHaveLength(1);
    expect(authorize[0]!.url).not.toContain(CUSTOMERS[0]!.tenantId);
    last = page;
  });

  it('the sidebar\'s page (moz-extension://…/sidepanel.html in a tab) shows the finished checklist', async () => {
    expect(last, 'the walk ran').toBeDefined();
    await last.bringToFront();
    const panel = await ext.openExtensionPage('sidepanel.html');
    const states = await until(() => checklist(panel), (s) => STEP_IDS.every((id) => s[id] === 'done'), 'every step done in the sidebar page');
    expect(Object.keys(states)).toEqual(expect.arrayContaining([...STEP_IDS]));
    expect(await panel.$$('[role="alert"][data-warning]')).toHaveLength(0);
    await screenshot(panel, 'firefox-sidepanel-after-walk');
    await panel.close();
  });

  it('local storage holds only the settings, nothing of the customer; the add-on logged no error', async () => {
    const options = await ext.openExtensionPage('options.html');
    const local = await storageOf(options, 'local');
    expect(Object.keys(local).filter((k) => k !== 'settings')).toEqual([]);
    const text = JSON.stringify(local);
    for (const c of CUSTOMERS) {
      expect(text).not.toContain(c.tenantId);
      expect(text).not.toContain(c.domain);
      expect(text).not.toContain(c.name);
    }
    // The flow itself is in session storage (gone with the browser session).
    const session = JSON.stringify(await storageOf(options, 'session'));
    expect(session).toContain(CUSTOMERS[0]!.tenantId);
    await options.close();
    expect(realErrors(await ext.consoleErrors())).toEqual([]);
  });
});
