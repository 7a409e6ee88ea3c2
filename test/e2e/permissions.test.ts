// What the built extension shows at install, asked of a real Chromium
// (`chrome.management.getPermissionWarningsByManifest`, which needs no permission): `webRequest`
// and the admin-center host permissions add no warning to what the content scripts already show
// (README, "Permissions and why").
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, openExtensionPage, type LaunchedExtension } from './harness';

let ext: LaunchedExtension;
let page: Page;
const manifest = () => JSON.parse(readFileSync(join(process.env.EG_EXTENSION_DIR ?? '', 'manifest.json'), 'utf8')) as Record<string, unknown> & { permissions: string[]; host_permissions: string[] };
const warnings = (m: unknown): Promise<string[]> =>
  page.evaluate((text) => chrome.management.getPermissionWarningsByManifest(text), JSON.stringify(m));

beforeAll(async () => {
  ext = await launchExtension({ locale: 'en-US' });
  page = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
});
afterAll(async () => {
  await ext?.close();
});

it('the install warnings are those of the content scripts alone: webRequest and the admin-center hosts add none', async () => {
  const built = manifest();
  expect(built.permissions).toContain('webRequest');
  const signInOnly = built.host_permissions.filter((h) => h.includes('login.microsoftonline'));
  expect(signInOnly.length).toBeLessThan(built.host_permissions.length);
  const without = { ...built, permissions: built.permissions.filter((p) => p !== 'webRequest'), host_permissions: signInOnly };
  const shown = await warnings(built);
  expect(shown).toEqual(await warnings(without));
  expect(shown).toEqual(['Read and change your data on a number of websites']);
});
