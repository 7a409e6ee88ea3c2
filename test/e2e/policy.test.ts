// The IT policy as IT sets it (issue 25, 3 and 5): a real policy file that Chromium reads at launch
// (/etc/chromium/policies/managed, `3rdparty` → `extensions` → the id), so Chromium's own
// validation against assets/managed-schema.json is part of the test. Every policy field: the
// overlay and preparation switches locked, the company link, warnings that cannot be dismissed,
// and `locatorOverrides` fixing a renamed "Service requests" (the entry with an unknown step is
// ignored on its own, with a line in the options page). The policy applies to a copy of the build
// at a path of its own (its own extension id), so no other test's browser sees it.
// Not root (no policy directory to write): fake managed storage in the service worker instead,
// which proves the extension's side but not Chromium's validation (said in the output).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { E2E_EXTENSION_DIR, ROOT, expectRingCovers, launchExtension, openExtensionPage, overlay, presetKnobs, ringedTarget, screenshot, runningWorker, type LaunchedExtension } from './harness';
import { walkGuide } from './walk.mjs';

const PC = 'https://partner.microsoft.com';
const SHOTS = join(ROOT, 'test-results', 'screenshots', 'policy');
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'escalation-guide-e2e.json');
const EXTENSION_COPY = join(ROOT, 'test-results', 'e2e-policy-extension', 'chrome-mv3');
const REAL = process.getuid?.() === 0;

/** What an IT department sets: everything, with the README's fix for a renamed "Service requests". */
const POLICY = {
  overlayEnabled: true,
  showPreparation: false,
  companyHelpUrl: 'https://intranet.contoso.example/support/escalations',
  companyHelpLabel: 'Contoso escalation guide',
  warningsDismissible: false,
  locatorOverrides: [
    { step: 'service-requests', portal: 'partner-center', pages: ['pc-service-management'], locator: { by: 'name', role: 'button', name: 'Support requests' } },
    { step: 'no-such-step', portal: 'partner-center', locator: { by: 'css', selector: '#SupportRequests' } },
  ],
};

/** Chromium's id of an unpacked extension: the SHA-256 of its absolute path, its first 32 hex digits written with a–p. */
function unpackedId(path: string): string {
  const hex = createHash('sha256').update(resolve(path)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

let ext: LaunchedExtension;
const sw = (): Promise<Worker> => runningWorker(ext);

describe(`the IT policy, ${REAL ? 'from a real policy file read by Chromium' : 'in fake managed storage (not root)'}`, () => {
  beforeAll(async () => {
    rmSync(EXTENSION_COPY, { recursive: true, force: true });
    cpSync(process.env.EG_EXTENSION_DIR || E2E_EXTENSION_DIR, EXTENSION_COPY, { recursive: true });
    const id = unpackedId(EXTENSION_COPY);
    if (REAL) {
      mkdirSync(POLICY_DIR, { recursive: true });
      writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [id]: POLICY } } }, null, 2));
    } else {
      console.warn('[policy.test] not root: the policy goes into fake managed storage; Chromium\'s validation is not tested');
    }
    ext = await launchExtension({ extensionPath: EXTENSION_COPY });
    expect(ext.extensionId).toBe(id);
    if (!REAL) {
      await (await sw()).evaluate(async (policy) => {
        (chrome.storage.managed as unknown as { get: () => Promise<unknown> }).get = async () => policy;
        await chrome.storage.local.set({ 'policy-test-nudge': Date.now() }); // a storage change: the background reads the settings again
      }, POLICY);
    }
    await presetKnobs(ext.context, { 'partner.microsoft.com': { 'replica-renamed': 'service-requests', 'replica-missing': 'service-requests,administer' } });
  }, 120_000);
  afterAll(async () => {
    await ext?.close();
    if (REAL) rmSync(POLICY_FILE, { force: true });
  });

  it('Chromium hands the extension every field, validated against the managed schema', async () => {
    const managed = await (await sw()).evaluate(() => chrome.storage.managed.get());
    expect(managed).toEqual(POLICY);
  });

  it('the options page: the switches locked as set, the override counted and the malformed entry named', async () => {
    const options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    await options.locator('[data-loaded="true"]').waitFor();
    const overlaySwitch = options.locator('[data-setting="overlayEnabled"]');
    const prep = options.locator('[data-setting="showPreparation"]');
    await expect.poll(() => overlaySwitch.isDisabled()).toBe(true);
    expect(await overlaySwitch.isChecked()).toBe(true);
    expect(await prep.isDisabled()).toBe(true);
    expect(await prep.isChecked()).toBe(false);
    const section = options.locator('[data-testid="eg-policy-locators"]');
    await expect(section.textContent()).resolves.toContain('1 from your organization');
    await expect(options.locator('[data-testid="eg-policy-problem"]').textContent()).resolves.toMatch(/locatorOverrides\[1\]: step/);
    await screenshot(options, 'options', SHOTS);
    await options.close();
  });

  it('the override rings the renamed "Service requests" at once; the side panel has the company link and no preparation items; warnings cannot be dismissed', async () => {
    const page: Page = await ext.context.newPage();
    await page.goto(`${PC}/dashboard`);
    await walkGuide({ context: ext.context, page, outDir: join(SHOTS, 'walk'), timeoutMs: 20_000, stopAfter: 'service-management' });
    await page.waitForURL(/servicemanagementpage/, { timeout: 15_000 });
    await expectRingCovers(page, 'service-requests', { timeout: 10_000 });
    await expect(ringedTarget(page, 'service-requests').evaluate((el) => (el.getRootNode() as ShadowRoot).host?.localName)).resolves.toBe('pc-action-button');
    await expect(overlay(page).nextStep.textContent()).resolves.toContain('Select Support requests');
    await screenshot(page, 'override-ringed', SHOTS);

    const panel = await openExtensionPage(ext.context, ext.extensionId, 'sidepanel.html');
    await panel.locator('[data-help="company"]').waitFor();
    await expect(panel.locator('[data-help="company"]').textContent()).resolves.toContain('Contoso escalation guide');
    expect(await panel.locator('[data-step-id="check-service-health"]').count()).toBe(0);
    await panel.close();

    // The admin center's support page opened by hand (not from the dashboard): its warning stays.
    const opened = ext.context.waitForEvent('page');
    await (await sw()).evaluate(async (u) => void (await chrome.tabs.create({ url: u, active: true })), 'https://admin.microsoft.com/AdminPortal/Home#/support');
    const admin = await opened;
    const warning = overlay(admin).warning('not-from-dashboard');
    await warning.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await warning.locator('[data-action="dismiss"]').count()).toBe(0);
    await admin.close();
    await page.close();
  }, 120_000);
});

// The policy file must not outlive the run (a crashed run leaves it for the next one to replace).
if (REAL && existsSync(POLICY_FILE)) rmSync(POLICY_FILE, { force: true });
