// Issue 24 end to end in Chromium on the replicas: a path warning stops the guide (no mark, the way
// back instead, in the overlay, the side panel and the popup) until Continue anyway; the
// admin-relationship item done by the customer's Admin relationships page, and named as the likely
// cause when Microsoft 365 is missing; wrong-door on Partner Center's own create-a-request page
// (not on the Customer requests door, not without a flow); Fill in the description in the 2019
// form and the 2021+ pane, into forms that keep their value as React does, with the question
// before typed text is replaced; the completion card and the session's escalations with a case
// number (markup stays text). Axe on every new surface; screenshots in English and Korean.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page, Worker } from 'playwright-core';
import { CUSTOMERS, ROOT, expectRingCovers, launchWarmed, openExtensionPage, overlay, ringedTarget, screenshot, runningWorker, axeViolations, type LaunchedExtension } from './harness';
import type { EngineState } from '../../lib/engine/state';
import { warningsFor } from '../../lib/engine/derive';

const CONTOSO = CUSTOMERS[0]!;
const PC = 'https://partner.microsoft.com';
const CUSTOMER = `${PC}/dashboard/v2/customers/${CONTOSO.tenantId}`;
const SUPPORT = 'https://admin.microsoft.com/AdminPortal/Home#/support';
const FORM_2019 = 'https://admin.microsoft.com/AdminPortal/Home#/support/newservicerequest';
const SHOTS = join(ROOT, 'test-results', 'screenshots', 'right-door');
const XSS = '<img src=x onerror="window.__egPwned=1">';

let ext: LaunchedExtension;
const sw = (): Promise<Worker> => runningWorker(ext);

async function engineState(): Promise<EngineState> {
  return ((await (await sw()).evaluate(async () => (await chrome.storage.session.get('engine-state'))['engine-state'])) ?? { tabs: {}, flows: {} }) as EngineState;
}

/**
 * A tab the agent opens by hand (no opener), made the active tab; with the tab id the extension
 * knows it by. Returns once the background has seen its page (a tab sent to the background at once,
 * by the side panel opened as a tab, may not report before it is shown again).
 */
async function openByHand(url: string): Promise<{ page: Page; tabId: number }> {
  const opened = ext.context.waitForEvent('page');
  const tabId = await (await sw()).evaluate(async (u) => (await chrome.tabs.create({ url: u, active: true })).id!, url);
  const page = await opened;
  page.on('pageerror', (e) => console.error(`[page error] ${page.url()}: ${e.message}`));
  await page.waitForLoadState();
  await expect.poll(async () => (await engineState())?.tabs?.[tabId]?.flowId ?? null, { timeout: 20_000, message: `the page of tab ${tabId} seen` }).not.toBeNull();
  return { page, tabId };
}

/** The side panel as a tab (it shows the most recently active flow), sized like the panel. */
async function sidePanel(): Promise<Page> {
  const panel = await openExtensionPage(ext.context, ext.extensionId, 'sidepanel.html');
  await panel.setViewportSize({ width: 400, height: 1100 });
  panel.on('pageerror', (e) => console.error(`[page error] side panel: ${e.message}`));
  return panel;
}
async function popupPage(): Promise<Page> {
  const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
  await popup.setViewportSize({ width: 340, height: 700 });
  return popup;
}
const itemState = (page: Page, id: string) => page.locator(`[data-step-id="${id}"]`).first().getAttribute('data-state');


/** No page element carries the guide's mark, and no next-step card shows, for `ms` (polled: it must never appear). */
async function expectNoMark(page: Page, ms = 1_500): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    expect(await page.locator('[data-escalation-guide-target]').count(), 'a page element is marked').toBe(0);
    expect(await overlay(page).nextStep.isVisible(), 'the next-step card shows').toBe(false);
    await page.waitForTimeout(150);
  }
}

/** Fills the side panel's case summary and saves it (Copy summary also keeps it with the escalation). */
async function saveCase(panel: Page, severity: 'a' | 'b' | 'c', symptoms = 'Mail to all mailboxes bounces with 550 5.7.1 since 09:00'): Promise<string> {
  await panel.bringToFront();
  await panel.locator('#eg-case-category').selectOption('unavailable');
  await panel.locator('#eg-case-workload').selectOption('exchange');
  await panel.locator(`#eg-case-severity-${severity}`).check();
  await panel.locator('#eg-case-symptoms').fill(symptoms);
  await panel.locator('#eg-case-impact').fill('40 users <b>cannot</b> send mail');
  await panel.locator('#eg-case-started').fill('2026-12-03T09:00');
  await panel.locator('[data-testid="eg-case-copy"]').click();
  const out = panel.locator('[data-testid="eg-case-output"]');
  await out.waitFor();
  return out.inputValue();
}

/** The request form's description (the replica's text area) and the form's own state of it. */
function requestForm(page: Page) {
  const host = page.locator('m365-request-form');
  return {
    field: host.locator('textarea'),
    state: () => host.getAttribute('data-replica-description'),
    submits: () => host.getAttribute('data-replica-submits'),
  };
}

/** Chooses Continue anyway for a warning in the overlay. */
async function continueAnyway(page: Page, id: string): Promise<Locator> {
  const w = overlay(page).warning(id);
  await w.waitFor({ state: 'visible', timeout: 15_000 });
  await w.locator('[data-action="continue"]').click();
  await expect.poll(() => w.locator('[data-action="continue"]').count()).toBe(0);
  return w;
}

describe('issue 24, en-US', () => {
  beforeAll(async () => {
    ext = await launchWarmed({ locale: 'en-US' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('a path warning stops the guide: no mark on the admin center’s support page while not-from-dashboard stands; the way back in every surface; the ring back after Continue anyway', async () => {
    const { page, tabId } = await openByHand(SUPPORT);
    await overlay(page).warning('not-from-dashboard').waitFor({ state: 'visible', timeout: 15_000 });
    await overlay(page).warning('own-tenant-context').waitFor({ state: 'visible' });
    // The target is there to ring; the guide does not.
    await page.getByRole('button', { name: 'New service request' }).waitFor();
    await expectNoMark(page);
    await expect(overlay(page).fallback.isVisible()).resolves.toBe(false);
    await expect(overlay(page).warning('not-from-dashboard').locator('.note').textContent()).resolves.toContain('The guide stops here');
    await screenshot(page, 'stopped-admin-support', SHOTS);

    // The side panel and popup: the next click is the way back (not "Step 10, Select New service request").
    const panel = await sidePanel();
    const next = panel.locator('[data-testid="eg-next"]');
    await expect.poll(() => next.getAttribute('data-stopped-by')).toBe('not-from-dashboard');
    await expect(next.locator('[data-action="way-back"]').getAttribute('href')).resolves.toBe(`${PC}/dashboard`);
    await expect(panel.locator('[data-next-step]').count()).resolves.toBe(0);
    await screenshot(panel, 'stopped-sidepanel', SHOTS);
    expect(await axeViolations(panel)).toEqual([]);
    const popup = await popupPage();
    await expect.poll(() => popup.locator('[data-testid="eg-next"]').getAttribute('data-stopped-by')).toBe('not-from-dashboard');
    await screenshot(popup, 'stopped-popup', SHOTS);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();

    // Continue anyway in the overlay for not-from-dashboard: own-tenant-context still stops it.
    await page.bringToFront();
    expect(await axeViolations(page, true)).toEqual([]);
    const w = await continueAnyway(page, 'not-from-dashboard');
    await expect(w.locator('.note').textContent()).resolves.toContain('continue anyway');
    await expectNoMark(page, 800);
    // ... and in the side panel for own-tenant-context: the ring comes back.
    await panel.bringToFront();
    await expect.poll(() => next.getAttribute('data-stopped-by')).toBe('own-tenant-context');
    await panel.locator('[role="alert"][data-warning="own-tenant-context"] [data-action="continue"]').click();
    await expect.poll(() => panel.locator('[data-next-step="new-service-request"]').count()).toBe(1);
    await page.bringToFront();
    await expectRingCovers(page, 'new-service-request', { timeout: 10_000 });
    // The warnings still show (continued, not dismissed), and the tab remembers the choice.
    await expect(overlay(page).warning('not-from-dashboard').isVisible()).resolves.toBe(true);
    await screenshot(page, 'continued-admin-support', SHOTS);
    const s = await engineState();
    expect(s.tabs[tabId]?.continued?.sort()).toEqual(['not-from-dashboard', 'own-tenant-context']);
    await page.reload();
    await expectRingCovers(page, 'new-service-request', { timeout: 10_000 });
    await panel.close();
    await page.close();
  });

  it('the relationship item is done by opening the customer’s Admin relationships page (its link in the checklist)', async () => {
    const { page } = await openByHand(`${CUSTOMER}/account?replica-nav-delay=0`);
    const panel = await sidePanel();
    await expect.poll(() => itemState(panel, 'admin-relationship')).toBe('todo');
    const link = panel.locator('[data-prep-link="admin-relationship"]');
    await expect(link.getAttribute('href')).resolves.toBe(`${CUSTOMER}/adminrelationships`);
    await screenshot(panel, 'relationship-todo', SHOTS);
    const opened = ext.context.waitForEvent('page');
    await link.click();
    const rel = await opened;
    await rel.waitForURL(`${CUSTOMER}/adminrelationships`);
    await expect.poll(() => itemState(panel, 'admin-relationship'), { timeout: 10_000 }).toBe('done');
    await screenshot(panel, 'relationship-done', SHOTS);
    await rel.close();
    await panel.close();
    await page.close();
  });

  it('Microsoft 365 missing on the Service management page: the fallback card and the side panel name the likely cause and open the Admin relationships', async () => {
    const { page } = await openByHand(`${CUSTOMER}/servicerequests?replica-nav-delay=0&replica-missing=MicrosoftOffice,office-365`);
    // New request (the menu has no Microsoft Office 365 here either), then back to Service management.
    await expectRingCovers(page, 'new-request', { timeout: 15_000 });
    await ringedTarget(page, 'new-request').click();
    await page.locator('pc-customer-nav v6_he-task-item[aria-label="Service management"]').click();
    await page.waitForURL(`${CUSTOMER}/servicemanagementpage`);
    const fallback = overlay(page).fallback;
    await fallback.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(fallback.locator('.cause').textContent()).resolves.toContain('Service support administrator');
    await screenshot(page, 'likely-cause-fallback', SHOTS);
    const panel = await sidePanel();
    const cause = panel.locator('[data-testid="eg-likely-cause"]');
    await cause.waitFor({ timeout: 10_000 });
    await expect(cause.locator('[data-action="open-admin-relationships"]').getAttribute('href')).resolves.toBe(`${CUSTOMER}/adminrelationships`);
    await screenshot(panel, 'likely-cause-sidepanel', SHOTS);
    expect(await axeViolations(panel)).toEqual([]);
    await page.bringToFront();
    const opened = ext.context.waitForEvent('page');
    await fallback.locator('[data-testid="eg-open-cause"]').click();
    const rel = await opened;
    await rel.waitForURL(`${CUSTOMER}/adminrelationships`);
    await expect.poll(() => itemState(panel, 'admin-relationship'), { timeout: 10_000 }).toBe('done');
    await rel.close();
    await panel.close();
    await page.close();
  });

  it('wrong-door on Partner Center’s own create-a-request page during a flow; not on the Customer requests door; not without a flow', async () => {
    const { page, tabId } = await openByHand(`${CUSTOMER}/servicemanagementpage?replica-nav-delay=0`);
    await expectRingCovers(page, 'service-requests', { timeout: 15_000 });
    // The agent takes the ? icon: Partner Center's own Help + support.
    await page.getByRole('button', { name: 'Help + support' }).click();
    const wrong = overlay(page).warning('wrong-door');
    await wrong.waitFor({ state: 'visible', timeout: 10_000 });
    await page.getByRole('button', { name: 'New request' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/\/support\/servicerequests\/create\?stage=2&topicid=/);
    await wrong.waitFor({ state: 'visible' });
    await expect(wrong.textContent()).resolves.toContain(`not for ${CONTOSO.name}`);
    await expectNoMark(page);
    await screenshot(page, 'wrong-door', SHOTS);
    expect(await axeViolations(page, true)).toEqual([]);
    const panel = await sidePanel();
    await expect.poll(() => panel.locator('[role="alert"][data-warning="wrong-door"]').count()).toBe(1);
    const back = panel.locator('[data-testid="eg-next"][data-stopped-by="wrong-door"] [data-action="way-back"]');
    await expect(back.getAttribute('href')).resolves.toBe(`${CUSTOMER}/servicemanagementpage`);
    await screenshot(panel, 'wrong-door-sidepanel', SHOTS);
    await panel.close();
    // The overlay's way back: the customer's Service management page, in the flow.
    await page.bringToFront();
    const opened = ext.context.waitForEvent('page');
    await wrong.locator('[data-action="open-partner-center"]').click();
    const sm = await opened;
    await sm.waitForURL(`${CUSTOMER}/servicemanagementpage`);
    await sm.close();

    // Support → Customer requests: a right door.
    await page.goto(`${PC}/dashboard/v2/support/customers`);
    await page.getByRole('heading', { name: 'Customer requests' }).waitFor();
    await expect.poll(async () => (await engineState()).tabs[tabId]?.url).toBe(`${PC}/dashboard/v2/support/customers`);
    expect(warningsFor(await engineState(), tabId).map((w) => w.id)).toEqual([]);
    await expect(overlay(page).warning('wrong-door').count()).resolves.toBe(0);
    await page.close();

    // Without a flow: the create page opened by hand in a fresh tab.
    const fresh = await openByHand(`${PC}/dashboard/v2/support/servicerequests/create?stage=2&topicid=3c1b5d2e-8f4a-4e6b-9c7d-1a2b3c4d5e6f`);
    await expect.poll(async () => (await engineState()).tabs[fresh.tabId]?.page, { timeout: 10_000 }).toBe('pc-own-support');
    expect(warningsFor(await engineState(), fresh.tabId)).toEqual([]);
    await expect(overlay(fresh.page).warning('wrong-door').count()).resolves.toBe(0);
    await fresh.page.close();
  });

  it('2019 form: Fill in the description on the agent’s click (the form’s own state hears it, nothing submitted), asking before typed text is replaced; then the completion card and the session list with a case number', async () => {
    const { page } = await openByHand(SUPPORT);
    await continueAnyway(page, 'not-from-dashboard');
    await continueAnyway(page, 'own-tenant-context');
    await expectRingCovers(page, 'new-service-request', { timeout: 10_000 });
    await ringedTarget(page, 'new-service-request').click();
    await page.waitForURL(FORM_2019);
    await expectRingCovers(page, 'support-topic', { timeout: 10_000 });
    const fill = overlay(page).nextStep.locator('[data-testid="eg-fill-description"]');
    await fill.waitFor({ state: 'visible' });
    const form = requestForm(page);

    // No case saved yet: the card says where to write it.
    await fill.click();
    const status = page.locator('[data-testid="eg-fill-status"]');
    await expect.poll(() => status.textContent()).toContain('side panel');
    await expect(form.field.inputValue()).resolves.toBe('');

    const panel = await sidePanel();
    const summary = await saveCase(panel, 'b');
    expect(summary).toContain(`Severity: B – Moderate`);
    expect(summary).toContain('Workload: Exchange Online (mail)');

    await page.bringToFront();
    await fill.click();
    await expect.poll(() => form.field.inputValue()).toBe(summary);
    await expect.poll(() => form.state()).toBe(summary);
    await expect(status.textContent()).resolves.toContain('submit the request yourself');
    await screenshot(page, 'filled-2019', SHOTS);

    // Text the agent typed: asked first; kept on "Keep my text", replaced on "Replace my text".
    await form.field.fill('My own notes from the call');
    await fill.click();
    const confirm = page.locator('[data-testid="eg-fill-confirm"]');
    await confirm.waitFor({ state: 'visible' });
    await expect(form.field.inputValue()).resolves.toBe('My own notes from the call');
    await screenshot(page, 'fill-confirm', SHOTS);
    expect(await axeViolations(page, true)).toEqual([]);
    await confirm.locator('[data-action="keep"]').click();
    await expect.poll(() => confirm.count()).toBe(0);
    await expect(form.field.inputValue()).resolves.toBe('My own notes from the call');
    await fill.click();
    await confirm.locator('[data-action="replace"]').click();
    await expect.poll(() => form.state()).toBe(summary);
    // A second fill over the guide's own text needs no question.
    await fill.click();
    await expect(confirm.count()).resolves.toBe(0);
    await expect(form.submits()).resolves.toBe('0');

    // The topic: the flow is complete, the done card shows.
    await page.locator('m365-request-form input[id$="-exchange"]').click();
    const done = page.locator('[data-testid="eg-done"]');
    await done.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(done.locator('.lines').textContent()).resolves.toContain('Problem reported by the customer');
    await expect(done.locator('[data-testid="eg-fill-description"]').count()).resolves.toBe(1);
    await screenshot(page, 'done', SHOTS);
    expect(await axeViolations(page, true)).toEqual([]);
    // The case number: a bad one gets a clear message, a good one (markup included) is kept as text.
    const caseNumber = done.locator('[data-testid="eg-case-number"]');
    await caseNumber.fill('x'.repeat(65));
    await caseNumber.press('Enter');
    await expect.poll(() => done.locator('#eg-case-number-status').textContent()).toContain('1 to 64 characters');
    await caseNumber.fill(XSS);
    await caseNumber.press('Enter');
    await expect.poll(() => done.locator('#eg-case-number-status').textContent()).toBe('Case number saved.');
    await expect(form.submits()).resolves.toBe('0');

    // The side panel's list of this session's escalations.
    await panel.bringToFront();
    const list = panel.locator('[data-testid="eg-escalations"]');
    const row = list.locator('[data-escalation-id]');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => row.locator('[data-field="case-number"]').textContent()).toBe(XSS);
    await expect(row.locator('img').count()).resolves.toBe(0);
    await expect(row.locator('[data-field="severity"]').textContent()).resolves.toBe('B – Moderate');
    await expect(row.locator('[data-field="workload"]').textContent()).resolves.toBe('Exchange Online (mail)');
    await expect(panel.evaluate(() => (window as unknown as { __egPwned?: number }).__egPwned)).resolves.toBeUndefined();
    await expect(page.evaluate(() => (window as unknown as { __egPwned?: number }).__egPwned)).resolves.toBeUndefined();
    // Copy as CSV: the agent's ticket system gets the row, the case number as text.
    // (Read back on the portal's page: Chromium grants the clipboard to web origins only.)
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://admin.microsoft.com' });
    await panel.locator('[data-testid="eg-escalations-copy-csv"]').click();
    await expect.poll(() => panel.locator('[data-testid="eg-escalations-status"]').textContent()).toBe('Copied.');
    await page.bringToFront();
    const csv = await page.evaluate(() => navigator.clipboard.readText());
    await panel.bringToFront();
    expect(csv.split('\r\n')[0]).toBe('Completed,Customer,Tenant ID,Workload,Severity,Case number');
    expect(csv).toContain(`Exchange Online (mail),B – Moderate,"<img src=x onerror=""window.__egPwned=1"">"`);
    await panel.locator('[data-testid="eg-escalations"]').scrollIntoViewIfNeeded();
    await screenshot(panel, 'escalations', SHOTS);
    expect(await axeViolations(panel)).toEqual([]);
    await panel.close();

    // Start a new escalation: the Partner Center dashboard in a new tab, a flow of its own.
    await page.bringToFront();
    const opened = ext.context.waitForEvent('page');
    await done.locator('[data-action="new-escalation"]').click();
    const dash = await opened;
    await dash.waitForURL(`${PC}/dashboard`);
    await expectRingCovers(dash, 'customers', { timeout: 15_000 });
    await dash.close();
    await page.close();
  });

  it('2021+ pane: Fill in the description at the support topic writes the summary into the pane’s form', async () => {
    const { page } = await openByHand('https://admin.cloud.microsoft/?#/homepage');
    await continueAnyway(page, 'not-from-dashboard');
    await continueAnyway(page, 'own-tenant-context');
    for (const step of ['support', 'new-service-request', 'new-service-request'] as const) {
      await expectRingCovers(page, step, { timeout: 10_000 });
      await ringedTarget(page, step).first().click();
    }
    await expectRingCovers(page, 'support-topic', { timeout: 10_000 });
    const panel = await sidePanel();
    const summary = await saveCase(panel, 'a', 'Teams meetings drop every participant after one minute');
    await panel.close();
    await page.bringToFront();
    const form = requestForm(page);
    await overlay(page).nextStep.locator('[data-testid="eg-fill-description"]').click();
    await expect.poll(() => form.state()).toBe(summary);
    // Not the one-line "Briefly describe your issue" field.
    await expect(page.locator('m365-request-form input[type="text"]').inputValue()).resolves.toBe('');
    await expect(form.submits()).resolves.toBe('0');
    await screenshot(page, 'filled-2021-pane', SHOTS);
    await page.close();
  });
});

describe('issue 24, ko-KR', () => {
  const saved = process.env.LANGUAGE;
  beforeAll(async () => {
    // Chromium on Linux takes its UI language (and chrome.i18n's) from LANGUAGE (surfaces.test.ts).
    process.env.LANGUAGE = 'ko';
    ext = await launchWarmed({ locale: 'ko-KR' });
  });
  afterAll(async () => {
    await ext?.close();
    if (saved === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = saved;
  });

  it('the stopped guide, Continue anyway and the done card read in Korean', async () => {
    const { page } = await openByHand(SUPPORT);
    const w = overlay(page).warning('not-from-dashboard');
    await w.waitFor({ state: 'visible', timeout: 15_000 });
    await expect(w.locator('[data-action="continue"]').textContent()).resolves.toBe('그래도 계속');
    await screenshot(page, 'ko-stopped', SHOTS);
    const panel = await sidePanel();
    await expect.poll(() => panel.locator('[data-testid="eg-next"] .eg-next-title').textContent()).toBe('먼저 돌아가세요');
    await screenshot(panel, 'ko-stopped-sidepanel', SHOTS);
    await page.bringToFront();
    await continueAnyway(page, 'not-from-dashboard');
    await continueAnyway(page, 'own-tenant-context');
    await expectRingCovers(page, 'new-service-request', { timeout: 10_000 });
    await ringedTarget(page, 'new-service-request').click();
    await expectRingCovers(page, 'support-topic', { timeout: 10_000 });
    await expect(overlay(page).nextStep.locator('[data-testid="eg-fill-description"]').textContent()).resolves.toBe('설명 채우기');
    await page.locator('m365-request-form input[type="radio"]').first().check({ force: true });
    const done = page.locator('[data-testid="eg-done"]');
    await done.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(done.locator('.title').textContent()).resolves.toBe('에스컬레이션 완료');
    await screenshot(page, 'ko-done', SHOTS);
    await panel.bringToFront();
    await expect.poll(() => panel.locator('[data-testid="eg-escalations"] [data-escalation-id]').count()).toBe(1);
    await screenshot(panel, 'ko-escalations', SHOTS);
    expect(await axeViolations(panel)).toEqual([]);
    await panel.close();
    await page.close();
  });
});
