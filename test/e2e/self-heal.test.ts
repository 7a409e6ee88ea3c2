// Issue 25 end to end in Chromium on the replicas: the customer's Service management page with
// "Service requests" renamed and moved (replica-renamed; no built-in locator finds it): the fallback
// card → Show the guide where it is → the agent's click on the renamed control → the step advances,
// and on a fresh walk to that page the renamed control is ringed; a teach on an element that cannot
// be described uniquely is refused and keeps nothing; the options page lists the taught control and
// Forget brings the fallback back; the page report (fallback card and side panel) holds none of the
// replica customers' names, tenant ids, domains or emails. Axe on the teach prompt and the options
// page; screenshots of the fallback, the teach prompt and the ringed renamed control.
// (IT's policy override of the same page, read by Chromium from a real policy file: policy.test.ts.)
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { CUSTOMERS, ROOT, expectRingCovers, launchWarmed, openExtensionPage, overlay, presetKnobs, ringedTarget, screenshot, runningWorker, axeViolations, type LaunchedExtension } from './harness';
import { walkGuide } from './walk.mjs';

const PC = 'https://partner.microsoft.com';
const SHOTS = join(ROOT, 'test-results', 'screenshots', 'self-heal');
/** Service requests renamed and moved; the nav's Administer (the today variant's target) and the old link gone. */
const KNOBS = { 'replica-renamed': 'service-requests', 'replica-missing': 'service-requests,administer' };
const RENAMED = 'pc-action-button button';

let ext: LaunchedExtension;
const sw = (): Promise<Worker> => runningWorker(ext);

const learned = async () => ((await (await sw()).evaluate(async () => (await chrome.storage.local.get('learnedLocators')).learnedLocators)) ?? []) as { step: string; page: string; locator: Record<string, unknown> }[];

/** A new tab walked from the dashboard to the customer's Service management page (the guide's current step: service-requests). */
async function toServiceManagement(name: string): Promise<Page> {
  const page = await ext.context.newPage();
  page.on('pageerror', (e) => console.error(`[page error] ${page.url()}: ${e.message}`));
  await page.goto(`${PC}/dashboard`);
  await walkGuide({ context: ext.context, page, outDir: join(SHOTS, name), timeoutMs: 20_000, stopAfter: 'service-management' });
  await page.waitForURL(/servicemanagementpage/, { timeout: 15_000 });
  await page.locator(RENAMED).waitFor({ timeout: 15_000 });
  return page;
}


/** Every replica customer's name, tenant id (both cases), domain, and an email at that domain. */
const SECRETS = CUSTOMERS.flatMap((c) => [c.name, c.tenantId, c.tenantId.toUpperCase(), c.domain, `admin@${c.domain}`]);
function expectNoCustomerData(text: string): void {
  for (const secret of SECRETS) expect(text.toLowerCase(), `the report holds "${secret}"`).not.toContain(secret.toLowerCase());
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  expect(text).not.toMatch(/@[a-z0-9-]+\.[a-z]/i);
}

describe('issue 25: the agent shows the guide where the control is', () => {
  beforeAll(async () => {
    ext = await launchWarmed({ locale: 'en-US' });
    await presetKnobs(ext.context, { 'partner.microsoft.com': KNOBS });
    // Reading the clipboard back (the portal's and the side panel's copies).
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  }, 60_000);
  afterAll(async () => {
    await ext?.close();
  });

  it('fallback → Show the guide where it is → the agent’s click on the renamed control: the step advances, the click still navigates, and a fresh walk rings the renamed control', async () => {
    const page = await toServiceManagement('teach');
    const fallback = overlay(page).fallback;
    await fallback.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('[data-escalation-guide-target]').count()).toBe(0);
    await screenshot(page, 'fallback', SHOTS);

    await fallback.locator('[data-testid="eg-teach"]').click();
    const prompt = page.locator('[data-testid="eg-teach-prompt"]');
    await prompt.waitFor({ state: 'visible' });
    await expect(prompt.textContent()).resolves.toContain('Click the control for Service requests');
    expect(await axeViolations(page, true)).toEqual([]);
    await screenshot(page, 'teach-prompt', SHOTS);

    // The agent's real click on the renamed control: the page routes on (nothing blocked), the step is done.
    await page.locator(RENAMED).click();
    await page.waitForURL(/\/servicerequests$/, { timeout: 10_000 });
    await ringedTarget(page, 'new-request').waitFor({ timeout: 15_000 });
    const kept = await learned();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ step: 'service-requests', page: 'pc-service-management', locator: { by: 'name', role: 'button', name: 'Support requests' } });
    expectNoCustomerData(JSON.stringify(kept));
    await page.close();

    // A fresh load of that page in a new walk: the renamed control is ringed (the taught locator, tried first).
    const again = await toServiceManagement('ringed');
    await expectRingCovers(again, 'service-requests', { timeout: 10_000 });
    // The marked element is the renamed button itself (its label is slotted from its host's light DOM).
    await expect(ringedTarget(again, 'service-requests').evaluate((el) => `${el.localName}:${(el.getRootNode() as ShadowRoot).host?.textContent}`)).resolves.toBe('button:Support requests');
    expect(await overlay(again).fallback.isVisible()).toBe(false);
    // The card names the control as the page does.
    await expect(overlay(again).nextStep.textContent()).resolves.toContain('Select Support requests');
    await screenshot(again, 'ringed-renamed', SHOTS);
    await again.close();
  }, 120_000);

  it('Not this? on the ring: the fallback card offers teaching instead; a click on something it cannot tell apart (a cell of the tickets table) is refused and keeps nothing; Escape cancels', async () => {
    const page = await toServiceManagement('refused');
    await expectRingCovers(page, 'service-requests', { timeout: 10_000 });
    await overlay(page).nextStep.locator('[data-testid="eg-not-this"]').click();
    const fallback = overlay(page).fallback;
    await fallback.waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('[data-escalation-guide-target]').count()).toBe(0);
    await fallback.locator('[data-testid="eg-teach"]').click();
    const prompt = page.locator('[data-testid="eg-teach-prompt"]');
    await prompt.waitFor({ state: 'visible' });
    await page.locator('pc-service-management td').first().click();
    await expect.poll(() => prompt.getAttribute('data-outcome')).toBe('not-unique');
    await expect(prompt.textContent()).resolves.toContain("can't be told apart");
    await screenshot(page, 'refused', SHOTS);
    expect(await learned()).toHaveLength(1);
    expect(await page.locator('[data-escalation-guide-target]').count()).toBe(0);
    // Escape cancels a teaching: the next click is the page's alone.
    await fallback.locator('[data-testid="eg-teach"]').click();
    await prompt.waitFor({ state: 'visible' });
    await expect(prompt.getAttribute('data-outcome')).resolves.toBeNull();
    await page.keyboard.press('Escape');
    await prompt.waitFor({ state: 'hidden' });
    // A second click on the button cancels too.
    await fallback.locator('[data-testid="eg-teach"]').click();
    await prompt.waitFor({ state: 'visible' });
    await fallback.locator('[data-testid="eg-teach"]').click();
    await prompt.waitFor({ state: 'hidden' });
    await page.locator('pc-service-management td').first().click();
    expect(await learned()).toHaveLength(1);
    // The page moves on while the prompt is up (the app's own routing, no click): the next click teaches nothing.
    await fallback.locator('[data-testid="eg-teach"]').click();
    await prompt.waitFor({ state: 'visible' });
    await page.evaluate(() => history.back());
    await page.waitForURL(/\/adminrelationships/, { timeout: 10_000 });
    // A control the guide could describe (the customer's Account link): still nothing kept for the old page.
    await page.getByRole('link', { name: 'Account', exact: true }).click();
    // Cancelled, not "saved" (whose message would stay up for 6 s); and nothing reaches the store.
    await prompt.waitFor({ state: 'hidden', timeout: 3_000 });
    expect(await prompt.getAttribute('data-outcome')).toBeNull();
    await page.waitForTimeout(1_000);
    expect(await learned()).toHaveLength(1);
    await page.close();
  }, 120_000);

  it('the options page lists the taught control (axe clean) and Forget brings the fallback back; the page report (card and side panel) holds no customer data', async () => {
    const options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    const item = options.locator('[data-learned-step="service-requests"]');
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('Service requests');
    expect(await axeViolations(options)).toEqual([]);
    await screenshot(options, 'options-learned', SHOTS);
    await item.locator('[data-testid="eg-forget"]').click();
    await options.locator('[data-testid="eg-learned-none"]').waitFor();
    expect(await learned()).toEqual([]);

    const page = await toServiceManagement('forgotten');
    const fallback = overlay(page).fallback;
    await fallback.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('[data-escalation-guide-target]').count()).toBe(0);

    // The fallback card's Copy page report.
    await page.bringToFront();
    await fallback.locator('[data-testid="eg-page-report"]').click();
    await expect.poll(() => fallback.locator('.heal-note').textContent()).toContain('Page report copied');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const report = JSON.parse(text) as Record<string, unknown> & { locators: { source: string; shown: number }[]; outline: { name?: string }[] };
    expect(report).toMatchObject({ report: 'escalation-guide-page-report', portal: 'partner-center', page: 'pc-service-management', step: 'service-requests', click: 0, pageLanguage: 'en' });
    expect(String(report.url)).toBe(`${PC}/dashboard/v2/customers/{guid}/servicemanagementpage`);
    expect(report.locators.length).toBeGreaterThan(0);
    expect(report.locators.every((l) => l.source === 'built-in' && l.shown === 0)).toBe(true);
    expect(report.outline.some((o) => o.name === 'Support requests')).toBe(true);
    expectNoCustomerData(text);

    // The same from the side panel, one click away.
    const panel = await openExtensionPage(ext.context, ext.extensionId, 'sidepanel.html');
    await page.bringToFront();
    await panel.bringToFront();
    await panel.locator('[data-testid="eg-page-report"]').click();
    await expect.poll(() => panel.locator('[data-testid="eg-report-status"]').getAttribute('data-status'), { timeout: 10_000 }).toBe('copied');
    const fromPanel = await panel.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(fromPanel)).toMatchObject({ report: 'escalation-guide-page-report', step: 'service-requests' });
    expectNoCustomerData(fromPanel);
    await screenshot(panel, 'side-panel-report', SHOTS);
    await panel.close();
    await options.close();
    await page.close();
  }, 120_000);
});

describe('issue 25 in Korean: the fallback’s actions and the teach prompt', () => {
  beforeAll(async () => {
    ext = await launchWarmed({ locale: 'ko-KR' });
    await presetKnobs(ext.context, { 'partner.microsoft.com': KNOBS });
  }, 60_000);
  afterAll(async () => {
    await ext?.close();
  });

  it('says it in Korean, axe clean; the taught control is the Korean page’s', async () => {
    const page = await toServiceManagement('ko');
    const fallback = overlay(page).fallback;
    await fallback.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(fallback.locator('[data-testid="eg-teach"]').textContent()).resolves.toBe('가이드에 위치 알려 주기');
    await expect(fallback.locator('[data-testid="eg-page-report"]').textContent()).resolves.toBe('페이지 보고서 복사');
    await fallback.locator('[data-testid="eg-teach"]').click();
    const prompt = page.locator('[data-testid="eg-teach-prompt"]');
    await prompt.waitFor({ state: 'visible' });
    await expect(prompt.textContent()).resolves.toContain('서비스 요청 컨트롤을 클릭하세요');
    expect(await axeViolations(page, true)).toEqual([]);
    await screenshot(page, 'teach-prompt-ko', SHOTS);
    await page.locator(RENAMED).click();
    await ringedTarget(page, 'new-request').waitFor({ timeout: 15_000 });
    expect((await learned())[0]).toMatchObject({ locator: { by: 'name', role: 'button', name: '지원 요청' } });
    await page.close();
  }, 120_000);
});
