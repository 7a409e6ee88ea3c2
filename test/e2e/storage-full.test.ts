// Issue 21.6 end to end: session storage at its quota (filled from the service worker, as the
// report did). The agent's next click cannot be saved: the side panel and the popup say that
// progress is not being kept; once there is room again the notice goes and the store catches up.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { CUSTOMERS, launchExtension, openExtensionPage, screenshot, type LaunchedExtension } from './harness';
import type { EngineState } from '../../lib/engine/state';

const CONTOSO = CUSTOMERS.find((c) => c.name === 'Contoso Ltd')!;
const PC = 'https://partner.microsoft.com';

let ext: LaunchedExtension;

beforeAll(async () => {
  ext = await launchExtension({ locale: 'en-US' });
});
afterAll(async () => {
  await ext?.close();
});

async function sw(): Promise<Worker> {
  return ext.context.serviceWorkers()[0] ?? ext.context.waitForEvent('serviceworker');
}

it('a full session store: the side panel and popup say progress is not kept, until there is room again', async () => {
  const pc = await ext.context.newPage();
  await pc.goto(`${PC}/dashboard/v2/customers/${CONTOSO.tenantId}/servicemanagementpage`);
  await pc.locator('[data-escalation-guide-target="service-requests"]').click();
  await pc.locator('[data-escalation-guide-target="new-request"]').waitFor({ state: 'visible' });

  // Fill the store to its quota: as much filler as it takes (the quota is 10 MB in Chromium).
  const filled = await (await sw()).evaluate(async () => {
    const area = chrome.storage.session;
    let size = 4 * 1024 * 1024;
    let n = 0;
    while (size >= 64) {
      try {
        await area.set({ [`filler-${n}`]: 'x'.repeat(size) });
        n++;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return { n, used: await area.getBytesInUse(null), quota: area.QUOTA_BYTES };
  });
  expect(filled.used).toBeGreaterThan(filled.quota - 1024);

  await pc.locator('[data-escalation-guide-target="new-request"]').click();
  const panel = await openExtensionPage(ext.context, ext.extensionId, 'sidepanel.html');
  const notice = panel.locator('[data-testid="eg-not-kept"][role="status"]');
  await notice.waitFor({ state: 'visible', timeout: 15_000 });
  expect(await notice.innerText()).toMatch(/Progress is not being kept/);
  await screenshot(panel, 'storage-full-side-panel');
  const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
  await popup.locator('[data-testid="eg-not-kept"]').waitFor({ state: 'visible', timeout: 10_000 });
  await screenshot(popup, 'storage-full-popup');
  // The page goes on from the state in memory: the next step is ringed.
  await pc.locator('[data-escalation-guide-target="office-365"]').waitFor({ state: 'visible', timeout: 10_000 });

  // Room again (the filler goes): the next change is written, and the notice goes.
  await (await sw()).evaluate(async (n) => chrome.storage.session.remove(Array.from({ length: n }, (_, i) => `filler-${i}`)), filled.n);
  await pc.locator('[data-escalation-guide-target="office-365"]').hover(); // no change of state by itself
  await pc.reload(); // a page report: a change the background writes
  await notice.waitFor({ state: 'detached', timeout: 15_000 });
  const state = (await (await sw()).evaluate(async () => (await chrome.storage.session.get('engine-state'))['engine-state'])) as EngineState;
  const flow = Object.values(state.flows)[0]!;
  expect(flow.items['new-request']).toBe('done'); // the click made while the store was full is kept now
  for (const p of [popup, panel, pc]) await p.close();
});
