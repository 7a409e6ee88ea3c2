// The content scripts' start-up code (lib/content/boot.ts) and the guide loaded only where a page needs
// it (guide.js, a web-accessible module): which scripts of the extension the page's renderer
// parses, seen through the DevTools protocol (Debugger.scriptParsed covers the content scripts'
// world), on the replicas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CUSTOMERS, expectRingCovers, launchWarmed, screenshot, type LaunchedExtension } from './harness';

const PC = 'https://partner.microsoft.com';
const CONTOSO = CUSTOMERS[0]!;

let ext: LaunchedExtension;
beforeAll(async () => {
  ext = await launchWarmed({ locale: 'en-US' });
});
afterAll(async () => {
  await ext?.close();
});

/** Opens `url` in a new tab and records the paths of the extension's scripts its renderer parses. */
async function openWatching(url: string): Promise<{ page: Page; parsed: () => string[] }> {
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  const urls: string[] = [];
  cdp.on('Debugger.scriptParsed', (e: { url: string }) => {
    if (e.url.startsWith('chrome-extension://')) urls.push(new URL(e.url).pathname);
  });
  await cdp.send('Debugger.enable');
  // The start-up code's own ring is about a target that is there when the page loads: Partner
  // Center's navigation comes without the replicas' default delay here (late navigation, with the
  // guide, in test/e2e/late-navigation.test.ts and fidelity.test.ts).
  const u = new URL(url);
  if (u.hostname === 'partner.microsoft.com' && !u.searchParams.has('replica-nav-delay')) u.searchParams.set('replica-nav-delay', '0');
  await page.goto(u.href);
  return { page, parsed: () => [...urls] };
}

const marked = (page: Page) => page.locator('[data-escalation-guide-target]');

describe('start-up code and guide on demand', () => {
  it('rings the dashboard’s Customers link without loading the guide; a re-render of the link loads it, and the ring follows', async () => {
    const { page, parsed } = await openWatching(`${PC}/dashboard`);
    await expectRingCovers(page, 'customers');
    await screenshot(page, 'boot-dashboard-ring');
    expect(parsed()).toContain('/content-scripts/partner-center.js');
    await page.waitForTimeout(500);
    expect(parsed()).not.toContain('/guide.js');
    // The page re-renders its navigation link (a fresh, identical node): the start-up code hands
    // over to the guide, which finds the new link.
    await marked(page).first().evaluate((el) => el.replaceWith(el.cloneNode(true)));
    await expect.poll(parsed, { timeout: 5_000 }).toContain('/guide.js');
    await expectRingCovers(page, 'customers');
    expect(await marked(page).count()).toBe(1);
    await page.close();
  });

  it('hands over to the guide when the ringed link loses its box (hidden by the page), and the guide rings a shown one', async () => {
    const { page, parsed } = await openWatching(`${PC}/dashboard`);
    await expectRingCovers(page, 'customers');
    await page.waitForTimeout(300);
    expect(parsed()).not.toContain('/guide.js');
    await marked(page).first().evaluate((el) => ((el as HTMLElement).style.display = 'none'));
    await expect.poll(parsed, { timeout: 5_000 }).toContain('/guide.js');
    // The ring moves to the other Customers link on the page, the one still shown.
    await expectRingCovers(page, 'customers');
    expect(await marked(page).count()).toBe(1);
    expect(await marked(page).first().isVisible()).toBe(true);
    await page.close();
  });

  it('follows a ringed link that turns inline (always 0 × 0 to a ResizeObserver) without the guide, and hands over at its removal', async () => {
    const { page, parsed } = await openWatching(`${PC}/dashboard`);
    await expectRingCovers(page, 'customers');
    await marked(page).first().evaluate((el) => ((el as HTMLElement).style.display = 'inline'));
    await page.waitForTimeout(500);
    await expectRingCovers(page, 'customers');
    expect(parsed()).not.toContain('/guide.js');
    await marked(page).first().evaluate((el) => el.remove());
    await expect.poll(parsed, { timeout: 5_000 }).toContain('/guide.js');
    await expectRingCovers(page, 'customers');
    expect(await marked(page).count()).toBe(1);
    await page.close();
  });

  it('loads nothing more on a Partner Center page with nothing to ring', async () => {
    const { page, parsed } = await openWatching(`${PC}/dashboard`);
    await expectRingCovers(page, 'customers');
    await marked(page).first().click();
    await expectRingCovers(page, 'select-customer');
    // The flow now waits for a customer in the list: nothing for the guide on service health (a
    // page the URL alone tells; pages it does not, the guide watches for their headings).
    const before = parsed().length;
    await page.goto(`${PC}/dashboard/v2/support/servicehealth`);
    await expect.poll(() => parsed().slice(before)).toContain('/content-scripts/partner-center.js');
    await page.waitForTimeout(1_500);
    expect(parsed().slice(before)).not.toContain('/guide.js');
    expect(await marked(page).count()).toBe(0);
    await page.close();
  });

  it('loads the guide at once on a customer’s page (its name is read from the document)', async () => {
    const { page, parsed } = await openWatching(`${PC}/dashboard/v2/customers/${CONTOSO.tenantId}/servicemanagementpage`);
    await expect.poll(parsed, { timeout: 5_000 }).toContain('/guide.js');
    await page.close();
  });

  it('a click on the ringed link is counted by the start-up code, and the guide carries on on the next page', async () => {
    const { page, parsed } = await openWatching(`${PC}/dashboard`);
    await expectRingCovers(page, 'customers');
    expect(parsed()).not.toContain('/guide.js');
    await marked(page).first().click();
    await expectRingCovers(page, 'select-customer');
    expect(await marked(page).count()).toBe(1);
    await page.close();
  });
});
