// Issue 21.3 end to end: the service worker stopped (CDP) 30, 50 and 80 ms after the agent's click
// on Microsoft Office 365, while the browser reports the new tab, its delegated entry's request and
// redirect, and the sign-in page. In every run the admin center tab must continue the flow of the
// Partner Center tab (no lost flow, no new flow that never passed Partner Center). Every other run
// the worker is stopped already when the agent clicks (as after its idle time): the click's report
// wakes it and the stop hits it while it starts. Chromium then sometimes delivers the entry's
// request only to that worker, which cannot keep anything any more (its storage calls do not land):
// the tab's tenant is unknown, and the tab must then say own-tenant-context, never pass as the
// customer's (seen in 2 of 36 such runs, never in a run where the worker was running). The replicas
// answer the delegated entry with an HTTP 302 to sign-in, as the real server does (the portal facts
// in test/replica/README.md), and the 2019 Office 365 item is a button that calls window.open; the
// sign-in takes four pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CUSTOMERS, launchExtension, screenshot, stopServiceWorker, type LaunchedExtension } from './harness';
import { signIn } from './walk.mjs';
import type { EngineState, FlowState } from '../../lib/engine/state';

const CONTOSO = CUSTOMERS.find((c) => c.name === 'Contoso Ltd')!;
const PC = 'https://partner.microsoft.com';
const DELAYS = [30, 50, 80];
const RUNS_PER_DELAY = 6;

let ext: LaunchedExtension;

async function engineState(): Promise<EngineState> {
  const prefix = `chrome-extension://${ext.extensionId}/`;
  for (let attempt = 0; ; attempt++) {
    // A stopped worker is woken by the evaluation's CDP target; a new one may take a moment to be listed.
    const w = ext.context.serviceWorkers().find((x) => x.url().startsWith(prefix))
      ?? (await ext.context.waitForEvent('serviceworker', { timeout: 5_000 }).catch(() => undefined));
    try {
      if (w) return (await w.evaluate(async () => (await chrome.storage.session.get('engine-state'))['engine-state'])) as EngineState;
    } catch (err) {
      if (attempt > 20) throw err; // the worker went away while asked: ask the next one
    }
  }
}

async function tabIds(): Promise<number[]> {
  const state = await engineState();
  return Object.keys(state.tabs).map(Number);
}

async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await get().catch(() => last);
    if (last !== undefined && ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)?.slice(0, 2_000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const flowOf = (s: EngineState, tab: number): FlowState | undefined => {
  const id = s.tabs[tab]?.flowId;
  return id ? s.flows[id] : undefined;
};

describe('the service worker stopped right after the click on the delegated link', () => {
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'en-US' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it(`${DELAYS.length * RUNS_PER_DELAY} runs, stopped ${DELAYS.join(' / ')} ms after the click: no flow lost; the customer's tenant, or own-tenant-context where no live worker heard of it`, async () => {
    const lost: string[] = [];
    const unknownTenant: string[] = [];
    for (let run = 0; run < DELAYS.length * RUNS_PER_DELAY; run++) {
      const delay = DELAYS[run % DELAYS.length]!;
      const pc = await ext.context.newPage();
      await pc.goto(`${PC}/dashboard/v2/customers/${CONTOSO.tenantId}/servicemanagementpage`);
      // Clicking what the guide rings, as the agent would.
      for (const step of ['service-requests', 'new-request']) {
        await pc.locator(`[data-escalation-guide-target="${step}"]`).click({ timeout: 15_000 });
      }
      await pc.locator('[data-escalation-guide-target="office-365"]').waitFor({ state: 'visible', timeout: 15_000 });
      const pcTab = await until(async () => {
        const s = await engineState();
        // The one Partner Center tab (those of earlier runs are closed), its flow at Office 365.
        return Object.entries(s.tabs).find(([id, t]) => t.page === 'pc-service-requests' && flowOf(s, Number(id))?.items['new-request'] === 'done')?.[0];
      }, (id) => id !== undefined, 'the flow at Office 365');
      const flowsBefore = Object.keys((await engineState()).flows);
      const known = new Set(await tabIds());

      // Every other run, the worker is stopped already (idle): the click's report wakes it, and the
      // new tab's events arrive while it starts.
      if (run % 2 === 1) await stopServiceWorker(ext.context, ext.extensionId);
      const opened = ext.context.waitForEvent('page');
      await pc.locator('[data-escalation-guide-target="office-365"]').click();
      await new Promise((r) => setTimeout(r, delay));
      await stopServiceWorker(ext.context, ext.extensionId);
      const admin: Page = await opened;
      await admin.waitForURL(/login\.microsoftonline\.com/, { timeout: 15_000 });
      await signIn(admin);
      await admin.waitForURL(/AdminPortal\/Home#\/homepage/, { timeout: 15_000 });

      const s = await until(engineState, (st) => Object.entries(st.tabs).some(([id, t]) => !known.has(Number(id)) && t.portal === 'admin-center' && t.page === 'admin-home'), 'the admin center tab in the state');
      const [adminTab] = Object.entries(s.tabs).find(([id, t]) => !known.has(Number(id)) && t.page === 'admin-home')!;
      const flow = flowOf(s, Number(adminTab));
      const problems: string[] = [];
      if (flow?.id !== s.tabs[pcTab!]!.flowId) problems.push(`a flow of its own (${flow?.id}, not ${s.tabs[pcTab!]!.flowId})`);
      if (Object.keys(s.flows).some((id) => !flowsBefore.includes(id))) problems.push('a new flow');
      if (!flow?.passedPartnerCenter || flow.items['portal-sign-in'] !== 'done') problems.push(`steps ${JSON.stringify(flow?.items)}`);
      const delegated = s.tabs[adminTab]!.delegated;
      const expected = delegated === null && run % 2 === 1 ? ['own-tenant-context'] : [];
      if (delegated === null && run % 2 === 1) unknownTenant.push(`run ${run} (${delay} ms)`);
      else if (delegated?.value !== CONTOSO.tenantId) problems.push(`acts for ${JSON.stringify(delegated)}`);
      else if (flow?.items['office-365'] !== 'done') problems.push(`office-365 ${flow?.items['office-365']}`);
      const warnings = await until(
        () => admin.locator('[role="alert"][data-warning]').evaluateAll((els) => els.map((e) => e.getAttribute('data-warning'))),
        (w) => w.length === expected.length, `the overlay's warnings to be ${JSON.stringify(expected)}`, 5_000,
      ).catch(async () => admin.locator('[role="alert"][data-warning]').evaluateAll((els) => els.map((e) => e.getAttribute('data-warning'))));
      if (JSON.stringify(warnings) !== JSON.stringify(expected)) problems.push(`warnings ${JSON.stringify(warnings)}, expected ${JSON.stringify(expected)}`);
      if (problems.length) {
        lost.push(`run ${run} (${delay} ms): ${problems.join('; ')}`);
        await screenshot(admin, `worker-stop-lost-${run}`);
      }
      if (run === 0) await screenshot(admin, 'worker-stop-admin-center');
      await admin.close();
      await pc.close();
    }
    if (unknownTenant.length) console.info(`tenant not delivered to a live worker (own-tenant-context shown): ${unknownTenant.join(', ')}`);
    expect(lost).toEqual([]);
    expect(unknownTenant.length).toBeLessThan(DELAYS.length * RUNS_PER_DELAY / 4);
  }, 600_000);
});
