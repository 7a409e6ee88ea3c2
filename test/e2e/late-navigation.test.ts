// Partner Center's navigation rendering many seconds after the shell (issue 20.4; automation notes
// wait 8-15 s: the portal facts in test/replica/README.md), in Chromium with the built extension:
// the fallback may show after 3 s, and the ring comes as soon as the navigation renders, here a
// custom element whose definition (and with it its shadow root and its link) arrives 10 s after it
// was added, with no other change in the page: the guide sees it by the box its rendering gives it,
// without polling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMERS, expectRingCovers, launchWarmed, overlay, screenshot, type LaunchedExtension } from './harness';

const CONTOSO = CUSTOMERS[0]!;
const PC = 'https://partner.microsoft.com';

let ext: LaunchedExtension;
beforeAll(async () => {
  ext = await launchWarmed({ locale: 'en-US' });
});
afterAll(async () => {
  await ext?.close();
});

describe('a navigation defined 10 s late', () => {
  it('shows the fallback after 3 s, then rings the late link as soon as it renders', async () => {
    const page = await ext.context.newPage();
    page.on('pageerror', (e) => console.error(`[page error] ${page.url()}: ${e.message}`));
    // The customer's own Service management link is missing from the replica's navigation.
    await page.goto(`${PC}/dashboard/v2/customers/${CONTOSO.tenantId}/adminrelationships?replica-missing=service-management`);
    await page.locator('pc-customer-nav, [data-key]').first().waitFor({ state: 'attached' }).catch(() => undefined);
    // The page adds a navigation element whose definition comes later (its code still loading).
    const href = `/dashboard/v2/customers/${CONTOSO.tenantId}/servicemanagementpage`;
    await page.evaluate(() => {
      const late = document.createElement('x-late-task-item');
      late.append('Service management');
      document.body.append(late);
    });
    const fallback = overlay(page).fallback;
    await fallback.waitFor({ state: 'visible', timeout: 6_000 });
    expect(await page.locator('[data-escalation-guide-target="service-management"]').count()).toBe(0);
    await screenshot(page, 'late-nav-fallback');
    await page.waitForTimeout(6_000); // the navigation's code takes its time (10 s after the shell in all)
    await page.evaluate((link) => {
      customElements.define('x-late-task-item', class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML =
            `<style>:host{display:block;width:220px}a{display:block;padding:8px 16px}</style><a href="${link}"><slot></slot></a>`;
        }
      });
    }, href);
    const defined = Date.now();
    await expectRingCovers(page, 'service-management', { timeout: 3_000 });
    expect(Date.now() - defined).toBeLessThan(3_000);
    expect(await page.locator('[data-escalation-guide-target="service-management"]').evaluate((a) => (a as HTMLAnchorElement).href))
      .toBe(`${PC}${href}`);
    await expect.poll(() => fallback.isVisible()).toBe(false);
    await screenshot(page, 'late-nav-ringed');
    await page.close();
  });
});
