// The 2026 admin center's Support Assistant without the partner's New Microsoft service request
// (issue 20.5; the portal facts in test/replica/README.md): the fallback card says where to go next
// and its way back opens the customer's Service management page in Partner Center
// (lib/flow/urls.ts, wayBackUrl), the request's right door, in Chromium with the built extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, overlay, screenshot, type LaunchedExtension } from './harness';
import { presetKnobs } from './launch.mjs';
import { walkGuide, WalkError } from './walk.mjs';

const PC = 'https://partner.microsoft.com';
let ext: LaunchedExtension;
beforeAll(async () => {
  ext = await launchExtension({ locale: 'en-US' });
  await presetKnobs(ext.context, { 'admin.cloud.microsoft': { 'replica-ui': '2026' } });
});
afterAll(async () => {
  await ext?.close();
});

describe('the 2026 pane without the partner’s request', () => {
  it('the fallback card’s way back opens the customer’s Service management page', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${PC}/dashboard?replica-ui=2021`);
    const { page: admin } = await walkGuide({ context: ext.context, page, timeoutMs: 15_000, stopAfter: 'portal-sign-in' });
    await expect(admin.locator('m365-shell').getAttribute('data-ui')).resolves.toBe('2026');
    const tenantId = await admin.locator('#delegated-tenant').getAttribute('data-replica-tenant-id');
    expect(tenantId).toMatch(/^[0-9a-f-]{36}$/);
    // The guide rings Help & support and the headset, then has nothing to ring on the contact view.
    expect(await walkGuide({ context: ext.context, page: admin, timeoutMs: 8_000 }).catch((e: unknown) => e)).toBeInstanceOf(WalkError);
    const fallback = overlay(admin).fallback;
    await fallback.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await fallback.textContent()).toContain('New Microsoft service request');
    const back = fallback.locator('[data-action="open-partner-center"]');
    expect(await back.textContent()).toBe('Open the customer in Partner Center');
    await screenshot(admin, 'way-back-fallback');
    const [opened] = await Promise.all([ext.context.waitForEvent('page'), back.click()]);
    await opened.waitForLoadState('domcontentloaded');
    // A tab the extension creates may load before the harness's routes apply to it (the real
    // network, refused here): it is loaded again, now through the replicas.
    if (opened.url().startsWith('chrome-error://')) await opened.reload();
    expect(opened.url()).toBe(`${PC}/dashboard/v2/customers/${tenantId}/servicemanagementpage`);
    // The customer's page rings the way on: Service requests.
    await opened.locator('[data-escalation-guide-target]').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    await screenshot(opened, 'way-back-service-management');
  });
});
