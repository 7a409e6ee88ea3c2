// The watch narrowed to the target's regions while the page churns (lib/content/dom/locator.ts, TargetTracker;
// `regions` in lib/flow/flow.ts). On the replica's Billing page with the Customers link left out of the
// navigation (replica-missing=customers), a script churns the main content (about 100 mutation
// batches a second) while the guide looks for Customers, whose regions are the navigation bars.
// What must hold: a target appearing in the navigation is ringed at once; one appearing elsewhere
// is not seen while the watch is narrowed (the trade-off, asserted so a change of it shows) but is
// at the agent's next key press or pointer press, or 5 s later; a navigation bar replaced as a
// whole is noticed. On a calm page the whole document is watched. (Billing is a page whose kind
// can depend on its headings: the watch stays whole for its first 3 s whatever the churn.)
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, screenshot, expectRingCovers, overlay, type LaunchedExtension } from './harness';

const PC = 'https://partner.microsoft.com';
const BILLING = `${PC}/dashboard/v2/billing?replica-missing=customers`;

let ext: LaunchedExtension;
beforeAll(async () => {
  ext = await launchExtension({ locale: 'en-US' });
});
afterAll(async () => {
  await ext?.close();
});

/** The Billing page with no Customers link, the guide at step Customers (started on the dashboard). */
async function openBilling(): Promise<Page> {
  const page = await ext.context.newPage();
  page.on('pageerror', (e) => console.error(`[page error] ${page.url()}: ${e.message}`));
  await page.goto(`${PC}/dashboard`);
  await expectRingCovers(page, 'customers', { timeout: 15_000 });
  await page.goto(BILLING);
  // The page's kind depends on its headings (lib/content/page-probe.ts): the watch stays whole for its
  // first 3 s, until the fallback card shows.
  await overlay(page).fallback.waitFor({ state: 'visible', timeout: 5_000 });
  return page;
}

/** Mutates a 200-row table in the main content every 10 ms until the page goes. */
async function churn(page: Page): Promise<void> {
  await page.evaluate(() => {
    const main = document.querySelector('he-shell')!.shadowRoot!.querySelector('#main-content')!;
    const table = document.createElement('table');
    const row = (i: number) => {
      const tr = document.createElement('tr');
      for (const text of [`Invoice ${i}`, 'Open']) tr.append(Object.assign(document.createElement('td'), { textContent: text }));
      return tr;
    };
    let next = 0;
    for (; next < 200; next++) table.append(row(next));
    main.append(table);
    setInterval(() => {
      table.insertBefore(row(next++), table.children[next % 150] ?? null);
      table.lastElementChild!.remove();
      (table.children[next % 100]!.lastChild as HTMLElement).textContent = next % 2 ? 'Open' : 'Paid';
    }, 10);
  });
}

/**
 * The Billing page churning, its churn seen (the watch narrowed to the navigation), and, with
 * `where`, a Customers link added there; returns when the link was added.
 */
async function churningBilling(where?: 'nav' | 'main'): Promise<{ page: Page; addedAt: number }> {
  const page = await openBilling();
  await churn(page);
  await page.waitForTimeout(800);
  if (where) await addCustomersLink(page, where);
  return { page, addedAt: Date.now() };
}

/** A Customers link (the step's href hook) appended to `where`: the navigation or the main content. */
function addCustomersLink(page: Page, where: 'nav' | 'main'): Promise<void> {
  return page.evaluate((w) => {
    const shell = document.querySelector('he-shell')!.shadowRoot!;
    const parent = w === 'nav' ? shell.querySelector('nav.side')! : shell.querySelector('#main-content')!;
    const a = document.createElement('a');
    a.href = '/dashboard/v2/customers/list';
    a.id = 'late-customers';
    a.textContent = 'Customers';
    a.style.cssText = 'display: block; padding: 8px 16px;';
    parent.prepend(a);
  }, where);
}

const marked = (page: Page) =>
  page.evaluate(() => {
    const shell = document.querySelector('he-shell')!.shadowRoot!;
    const a = shell.querySelector('#late-customers');
    return a?.getAttribute('data-escalation-guide-target') ?? null;
  });

describe('watch narrowed to the target\u2019s regions while the page churns', () => {
  it('rings a target added to the navigation at once', async () => {
    const { page } = await churningBilling('nav');
    await expect.poll(() => marked(page), { timeout: 1_000, interval: 50 }).toBe('customers');
    await expectRingCovers(page, 'customers');
    await screenshot(page, 'watch-scope-nav');
    await page.close();
  });

  it('misses a target added outside the navigation until the agent presses a key', async () => {
    const { page } = await churningBilling('main');
    await page.waitForTimeout(1_000);
    expect(await marked(page)).toBeNull(); // narrowed: the main content is not watched
    await page.keyboard.press('Shift');
    await expect.poll(() => marked(page), { timeout: 1_000, interval: 50 }).toBe('customers');
    await expectRingCovers(page, 'customers');
    await page.close();
  });

  it('finds a target added outside the navigation by itself, 5 s after narrowing', async () => {
    const { page, addedAt: added } = await churningBilling('main');
    await page.waitForTimeout(1_000);
    expect(await marked(page)).toBeNull();
    await expect.poll(() => marked(page), { timeout: 7_000, interval: 100 }).toBe('customers');
    expect(Date.now() - added).toBeGreaterThan(3_000); // the watch widened on its own, not at once
    await page.close();
  });

  it('widens when the navigation is replaced as a whole (a region left the document)', async () => {
    const { page } = await churningBilling('main');
    await page.waitForTimeout(500);
    expect(await marked(page)).toBeNull(); // narrowed to the navigation
    // The app re-renders its navigation: a new element, without a Customers link.
    await page.evaluate(() => {
      const old = document.querySelector('he-shell')!.shadowRoot!.querySelector('nav.side')!;
      const nav = document.createElement('nav');
      nav.setAttribute('aria-label', 'Partner Center');
      nav.style.cssText = 'width: 228px; height: 400px;';
      old.replaceWith(nav);
    });
    // The old region's removal widens the watch; the full scan that follows finds the link.
    await expect.poll(() => marked(page), { timeout: 1_000, interval: 50 }).toBe('customers');
    await page.close();
  });

  it('watches the whole document on a calm page: a target added outside the navigation is ringed at once', async () => {
    const page = await openBilling();
    await page.waitForTimeout(800);
    await addCustomersLink(page, 'main');
    await expect.poll(() => marked(page), { timeout: 1_000, interval: 50 }).toBe('customers');
    await page.close();
  });
});
