// Conventions as tests (the flow-data side is in test/unit/flow-data.test.ts): every step that has
// a click target names replica pages ("test URLs") where the flow data's own locators find it, and
// every UI variant of the step is found on at least one of them. Only the first click of a
// variant is checked here; the second click of two-click variants is found in test/e2e/walk.test.ts.
// A click that names `regions` (lib/flow/schema.ts) has its target inside one of them.
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FLOW } from '../../lib/flow/flow';
import type { StepId } from '../../lib/flow/ids';
import { launchExtension, type LaunchedExtension } from './harness';
import type { LocateResult } from './fixtures/locate';

/** What the agent has done on the page before the target can be there (a menu opened, a pane shown). */
const BEFORE: Partial<Record<StepId, (page: Page) => Promise<void>>> = {
  'new-request': (page) => searchDoor(page),
  'office-365': async (page) => {
    await searchDoor(page);
    await page.getByRole('button', { name: 'New request' }).first().click();
  },
  'new-service-request': async (page) => {
    if (new URL(page.url()).hostname === 'admin.cloud.microsoft') {
      await page.getByRole('button', { name: 'Help & support' }).first().click();
    }
  },
};

/** On Support > Customer requests, the agent searches the customer first (the rows come then). */
async function searchDoor(page: Page): Promise<void> {
  if (!new URL(page.url()).pathname.includes('/support/customers')) return;
  await page.getByRole('searchbox').fill('Contoso');
  await page.locator('tr[id^="row-"][role="row"]').first().waitFor();
}

let ext: LaunchedExtension;
let locator = '';

beforeAll(async () => {
  const out = await build({
    entryPoints: [new URL('./fixtures/locate.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    // As in the extension's build (lib/flow/test-data.ts): the page script carries no test-only data.
    define: { 'import.meta.env.MODE': '"production"' },
  });
  locator = out.outputFiles[0]!.text;
  ext = await launchExtension();
});
afterAll(async () => ext?.close());

async function locateOn(url: string, step: StepId): Promise<LocateResult> {
  const page = await ext.context.newPage();
  try {
    await page.goto(url);
    await page.waitForLoadState('load');
    await page.waitForTimeout(1_200); // the replicas render late on purpose (placeholder rows ~700 ms)
    await BEFORE[step]?.(page);
    await page.waitForTimeout(300);
    await page.addScriptTag({ content: locator });
    return await page.evaluate((id) => (globalThis as unknown as { __egLocate(s: string): LocateResult }).__egLocate(id), step);
  } finally {
    await page.close();
  }
}

describe('every step with a target is found on its replica test URLs', () => {
  for (const step of FLOW.steps.filter((s) => s.variants.length > 0)) {
    it(step.id, async () => {
      const foundVariants = new Set<string>();
      for (const url of step.testUrls) {
        const r = await locateOn(url, step.id);
        const found = r.variants.filter((v) => v.found).map((v) => v.variant);
        expect(found, `${step.id}: no variant's target found on ${url} (page ${r.page}; tried ${JSON.stringify(r.variants)})`).not.toEqual([]);
        for (const v of found) foundVariants.add(v);
        // A click naming its regions (where the watch narrows to while the page churns) has its
        // target inside one of them.
        for (const v of r.variants.filter((x) => x.found && x.inRegions === false)) {
          expect.fail(`${step.id}: variant ${v.variant}'s target on ${url} is outside its regions (${JSON.stringify(step.variants.find((x) => x.id === v.variant)?.clicks[0]?.regions)})`);
        }
      }
      for (const v of step.variants) {
        expect(foundVariants.has(v.id), `${step.id}: variant ${v.id} is found on none of its test URLs ${step.testUrls.join(', ')}`).toBe(true);
      }
    });
  }
});
