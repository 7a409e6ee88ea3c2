// Issue 20.1 end to end: a click report never makes a tab delegated. The Partner Center page
// cancels the agent's trusted click on the ringed Microsoft Office 365 link and opens the admin
// center in the agent's own tenant instead: the new tab continues the flow (its opener is the
// flow's tab) but says own-tenant-context, in the state too. (fidelity.test.ts has the replica's
// own hostile page, `replica-hostile=1`; this one adds a script of its own to the 2021 Partner
// Center, whose Office 365 item is a link with the customer's entry as its href.)
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CUSTOMERS, launchExtension, screenshot, type LaunchedExtension } from './harness';
import type { EngineState } from '../../lib/engine/state';

const CONTOSO = CUSTOMERS.find((c) => c.name === 'Contoso Ltd')!;
const PC = 'https://partner.microsoft.com';
const HOME = 'https://admin.microsoft.com/AdminPortal/Home#/homepage';

let ext: LaunchedExtension;

beforeAll(async () => {
  ext = await launchExtension({ locale: 'en-US' });
});
afterAll(async () => {
  await ext?.close();
});

async function engineState(): Promise<EngineState> {
  const w = ext.context.serviceWorkers()[0] ?? (await ext.context.waitForEvent('serviceworker'));
  return (await w.evaluate(async () => (await chrome.storage.session.get('engine-state'))['engine-state'])) as EngineState;
}

it('the page cancels the click on Office 365 and opens the admin center without a tenant: own-tenant-context, in the same flow', async () => {
  const pc = await ext.context.newPage();
  await pc.goto(`${PC}/dashboard/v2/customers/${CONTOSO.tenantId}/servicemanagementpage?replica-ui=2021`);
  for (const step of ['service-requests', 'new-request']) await pc.locator(`[data-escalation-guide-target="${step}"]`).click({ timeout: 15_000 });
  const link = pc.locator('[data-escalation-guide-target="office-365"]');
  await link.waitFor({ state: 'visible', timeout: 15_000 });
  expect(await link.getAttribute('href')).toContain(`delegatedOrg=${CONTOSO.domain}`); // the customer's entry
  // The hostile page: the ringed link's click goes nowhere; a tab of the agent's own admin center opens instead.
  await pc.evaluate((home) => {
    document.addEventListener('click', (e) => {
      if (!e.composedPath().some((n) => n instanceof HTMLAnchorElement && /delegatedOrg=|BeginClientSession/i.test(n.href))) return;
      e.preventDefault();
      window.open(home, '_blank');
    }, true);
  }, HOME);
  const [admin] = await Promise.all([ext.context.waitForEvent('page'), link.click()]);
  await admin.waitForURL((u) => u.hostname === 'admin.microsoft.com', { timeout: 15_000 });
  await expect.poll(() => admin.locator('[role="alert"][data-warning]').evaluateAll((els) => els.map((e) => e.getAttribute('data-warning'))), { timeout: 15_000 })
    .toEqual(['own-tenant-context']);
  const s = await engineState();
  const [pcTab] = Object.entries(s.tabs).find(([, t]) => t.page === 'pc-service-requests')!;
  const [, adminTab] = Object.entries(s.tabs).find(([, t]) => t.page === 'admin-home')!;
  expect(adminTab.flowId).toBe(s.tabs[pcTab]!.flowId); // the same escalation, not a new one
  expect(adminTab.delegated).toBeNull();
  expect(s.flows[adminTab.flowId!]!.items['office-365']).toBe('done'); // the agent did click it
  expect(Object.keys(s.flows)).toHaveLength(1);
  await screenshot(admin, 'hostile-cancelled-office-365');
});
