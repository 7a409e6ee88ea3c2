// The side panel, popup and options page (issue #5) in a real Chromium with the built extension:
// sidepanel.html and popup.html open as tabs beside a flow in progress on the replicas and follow
// each click; triage, service health and the case summary; the popup opens the real side panel;
// axe-core finds no serious or critical violation; screenshots in English and Korean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { CUSTOMERS, ROOT, launchExtension, openExtensionPage, type LaunchedExtension } from './harness';
import { signIn } from './walk.mjs';
import { EngineStateSchema } from '../../lib/engine/state';
import { surfaceView } from '../../lib/engine/view';

const CONTOSO = CUSTOMERS[0]!;
const SEOULTECH = CUSTOMERS[2]!;
const STEPS = [
  'sign-in', 'customers', 'select-customer', 'service-management', 'service-requests', 'new-request',
  'office-365', 'portal-sign-in', 'support', 'new-service-request', 'support-topic',
] as const;
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const SHOTS = join(ROOT, 'test-results', 'screenshots');

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

const stateOf = (page: Page, id: string) => page.locator(`[data-step-id="${id}"]`).first().getAttribute('data-state');

/** Waits until every listed item shows the given state (and the current one is aria-current). */
async function expectStates(page: Page, states: Record<string, string>, timeout = 5_000): Promise<void> {
  for (const [id, state] of Object.entries(states)) {
    await expect.poll(() => stateOf(page, id), { timeout, message: `${id} on ${page.url()}` }).toBe(state);
    if (state === 'current') await expect(page.locator(`[data-step-id="${id}"]`).getAttribute('aria-current')).resolves.toBe('step');
  }
  await expect(page.locator('[aria-current="step"]').count()).resolves.toBeLessThanOrEqual(1);
}

/** Axe on an extension page (evaluated through the DevTools protocol: the page's CSP forbids injected script tags). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/**
 * Records, in an extension page, when session storage changed and when the DOM first showed an item
 * in a state: the surface's own delay between a state change and its display.
 */
async function armLatency(page: Page, id: string, state: string): Promise<void> {
  await page.evaluate(
    ([id, state]) => {
      const w = window as unknown as { __eg?: { changes: number[]; shown?: number; obs?: MutationObserver } };
      if (!w.__eg) {
        w.__eg = { changes: [] };
        chrome.storage.session.onChanged.addListener(() => w.__eg!.changes.push(performance.now()));
      }
      w.__eg.shown = undefined;
      w.__eg.obs?.disconnect();
      const sel = `[data-step-id="${id}"][data-state="${state}"]`;
      const obs = new MutationObserver(() => {
        if (w.__eg!.shown === undefined && document.querySelector(sel)) w.__eg!.shown = performance.now();
      });
      obs.observe(document.body, { subtree: true, childList: true, attributes: true });
      w.__eg.obs = obs;
    },
    [id, state],
  );
}
async function latency(page: Page): Promise<number> {
  await expect.poll(() => page.evaluate(() => (window as unknown as { __eg: { shown?: number } }).__eg.shown !== undefined)).toBe(true);
  return page.evaluate(() => {
    const eg = (window as unknown as { __eg: { changes: number[]; shown: number } }).__eg;
    const before = eg.changes.filter((t) => t <= eg.shown);
    return eg.shown - (before.at(-1) ?? eg.shown);
  });
}

/**
 * The surface shows exactly what lib/engine/view.ts derives from the stored engine state for its window's
 * active tab (polls until it does: the surface may lag the state by a few ms).
 */
async function expectMirrors(ext: LaunchedExtension, page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const raw = (await ext.serviceWorker.evaluate(() => chrome.storage.session.get('engine-state')))['engine-state'];
      const parsed = EngineStateSchema.safeParse(raw);
      if (!parsed.success) return `no valid state: ${JSON.stringify(raw)?.slice(0, 200)}`;
      const activeTabId = await page.evaluate(async () => (await chrome.tabs.query({ active: true, currentWindow: true }))[0]?.id);
      const view = surfaceView(parsed.data, activeTabId);
      const want = STEPS.map((id) => `${id}:${view.items?.[id] ?? 'todo'}`).join(' ');
      const shown = (await page.locator('[data-step-id]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-step-id')}:${e.getAttribute('data-state')}`)))
        .filter((x) => STEPS.some((id) => x.startsWith(`${id}:`)))
        .join(' ');
      return shown === want ? 'ok' : `shown ${shown}\nwant  ${want}`;
    }, { timeout: 5_000 })
    .toBe('ok');
}

/**
 * A tab the agent opens by hand (no opener: Playwright's newPage gives new tabs the previous one as
 * opener, which would make them join its flow), made the active tab of the window.
 */
async function openByHand(ext: LaunchedExtension, url: string): Promise<Page> {
  const opened = ext.context.waitForEvent('page');
  await ext.serviceWorker.evaluate((u) => chrome.tabs.create({ url: u, active: true }), url);
  const page = await opened;
  await page.waitForLoadState();
  return page;
}

async function sidePanelContexts(ext: LaunchedExtension): Promise<number> {
  return ext.serviceWorker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length);
}

describe('surfaces, en-US browser', () => {
  let ext: LaunchedExtension;
  let pc: Page;
  let panel: Page;
  let popup: Page;

  beforeAll(async () => {
    ext = await launchExtension({ locale: 'en-US' });
    pc = await ext.context.newPage();
    await pc.goto('https://partner.microsoft.com/dashboard');
    panel = await openExtensionPage(ext.context, ext.extensionId, 'sidepanel.html');
    await panel.setViewportSize({ width: 400, height: 900 });
    popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await popup.setViewportSize({ width: 340, height: 620 });
    for (const p of [panel, popup]) p.on('pageerror', (e) => console.error(`[page error] ${p.url()}: ${e.message}`));
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('lists the preparation items and the eleven steps, the popup the eleven with progress', async () => {
    await expectStates(panel, { 'sign-in': 'done', customers: 'current', 'check-service-health': 'todo', triage: 'todo' });
    expect(await panel.locator('[data-step-id]').count()).toBe(14);
    expect(await panel.locator('[data-step-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id')))).toEqual([
      'check-service-health', 'triage', 'admin-relationship', ...STEPS,
    ]);
    await expectStates(popup, { 'sign-in': 'done', customers: 'current' });
    expect(await popup.locator('[data-step-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id')))).toEqual([...STEPS]);
    await expect(popup.getByTestId('eg-progress').textContent()).resolves.toBe('1 of 11');
    await expect(panel.locator('[data-next-step="customers"]').textContent()).resolves.toContain('Customers');
  });

  it('follows each click on the portal within 200 ms of the state change, without reopening', async () => {
    const delays: number[] = [];
    const step = async (action: () => Promise<void>, id: string, state: string) => {
      await armLatency(panel, id, state);
      await armLatency(popup, id, state);
      await action();
      await expectStates(panel, { [id]: state });
      await expectStates(popup, { [id]: state });
      delays.push(await latency(panel), await latency(popup));
    };
    await step(() => pc.locator('v6_he-task-item[aria-label="Customers"]').click(), 'select-customer', 'current');
    await expectStates(panel, { customers: 'done' });
    await step(() => pc.locator(`#cell-displayName-${CONTOSO.tenantId} customersvcadmin_he-button`).click(), 'service-management', 'current');
    await expectStates(panel, { 'select-customer': 'done' });
    await expect(panel.locator('[data-field="tenant-id"]').textContent()).resolves.toBe(CONTOSO.tenantId);
    await shot(panel, 'en-sidepanel-customer');
    await step(() => pc.getByRole('link', { name: 'Service management' }).click(), 'service-requests', 'current');
    await step(() => pc.locator('pc-service-management a[href$="/servicerequests"]').click(), 'new-request', 'current');
    await expect(popup.getByTestId('eg-progress').textContent()).resolves.toBe('5 of 11');
    await expect(panel.locator('[data-next-step="new-request"]').textContent()).resolves.toContain('New request');
    await shot(panel, 'en-sidepanel-new-request');
    await shot(popup, 'en-popup-new-request');
    expect(Math.max(...delays)).toBeLessThan(200);
  });

  it('triage: "none of these" explains the partner solves it and leaves the flow open; a category completes it', async () => {
    await panel.bringToFront();
    await panel.locator('[data-category="in-house"]').check();
    await expect(panel.getByTestId('eg-in-house').textContent()).resolves.toMatch(/check service health/i);
    await expectStates(panel, { triage: 'todo', 'new-request': 'current' });
    await panel.locator('[data-category="bug"]').check();
    await expectStates(panel, { triage: 'done', 'new-request': 'current' });
    await expect(panel.getByTestId('eg-in-house').count()).resolves.toBe(0);
  });

  it('service health: links for Partner Center and the customer\'s admin center; visiting one completes the item', async () => {
    const admin = panel.locator('[data-health="admin-center"]');
    await expect(admin.getAttribute('href')).resolves.toBe(
      `https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO.tenantId}&CSDEST=ServiceStatus`,
    );
    const opened = ext.context.waitForEvent('page');
    await panel.locator('[data-health="partner-center"]').click();
    const health = await opened;
    await health.waitForURL('https://partner.microsoft.com/dashboard/v2/support/servicehealth');
    await expectStates(panel, { 'check-service-health': 'done' });
    await health.close();
    // back on the portal tab: its flow, with the item ticked by the visit
    await pc.bringToFront();
    await expectStates(panel, { 'check-service-health': 'done', 'service-requests': 'done', 'new-request': 'current' });
  });

  it('follows the admin center through the delegated link, sign-in and Support', async () => {
    await pc.bringToFront();
    await pc.getByRole('button', { name: 'New request' }).click();
    const opened = ext.context.waitForEvent('page');
    await pc.getByRole('menuitem', { name: 'Microsoft Office 365' }).click();
    const admin = await opened;
    await admin.waitForURL((u) => u.hostname === 'login.microsoftonline.com');
    await expectMirrors(ext, panel);
    await expectMirrors(ext, popup);
    await signIn(admin);
    await admin.waitForURL('https://admin.microsoft.com/AdminPortal/Home#/homepage');
    await expectStates(panel, { 'portal-sign-in': 'done', support: 'current' });
    await expect.poll(() => stateOf(panel, 'office-365')).toMatch(/^(done|skipped)$/);
    await expectMirrors(ext, panel);
    await admin.getByRole('link', { name: 'Support' }).click();
    await expectStates(panel, { support: 'done', 'new-service-request': 'current' });
    await expectStates(popup, { support: 'done', 'new-service-request': 'current' });
    await expectMirrors(ext, panel);
    await expectMirrors(ext, popup);
    await expect.poll(() => popup.getByTestId('eg-progress').textContent()).toBe('9 of 11');
    await shot(panel, 'en-sidepanel-support');
    await shot(popup, 'en-popup-support');
    await admin.close();
    await pc.bringToFront();
  });

  it('case summary: validates, then copies a text with the customer, tenant id, workload, severity and service-health status', async () => {
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://partner.microsoft.com' });
    await panel.bringToFront();
    const form = panel.getByTestId('eg-case-summary');
    await form.getByTestId('eg-case-copy').click();
    await expect(form.getByTestId('eg-case-errors').isVisible()).resolves.toBe(true);
    await expect(form.locator('[name="symptoms"]').getAttribute('aria-invalid')).resolves.toBe('true');
    // The first field at fault has the focus: the workload (the category comes from the triage).
    await expect(panel.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('workload');
    await expect(form.locator('[name="category"]').inputValue()).resolves.toBe('bug');
    await form.locator('[name="workload"]').selectOption('exchange');
    await form.locator('#eg-case-severity-b').check();
    await form.locator('[name="symptoms"]').fill('Outlook on the web shows a blank page for all users since this morning.');
    await form.locator('[name="impact"]').fill('240 users cannot read mail; sales is blocked.');
    await form.locator('[name="started"]').fill('2026-11-24T08:30');
    await form.locator('[name="tried"]').fill('Cleared caches, tried other browsers, checked licences and service health.');
    await form.getByTestId('eg-case-copy').click();
    await expect(form.getByTestId('eg-case-status').textContent()).resolves.toContain('Copied');
    await pc.bringToFront();
    const copied = await pc.evaluate(() => navigator.clipboard.readText());
    await panel.bringToFront();
    // Inserted names and ids are isolated (U+2068 … U+2069).
    expect(copied).toContain(`Tenant ID: \u2068${CONTOSO.tenantId}\u2069`);
    expect(copied).toMatch(/^Customer: .+/m);
    const name = await panel.locator('[data-field="name"]').textContent();
    if (name === CONTOSO.name) expect(copied).toContain(`Customer: \u2068${CONTOSO.name}\u2069`);
    expect(copied).toContain('Service health: checked before filing');
    expect(copied).toContain('Category: Bug or irregularity');
    expect(copied).toContain('Workload: Exchange Online (mail)');
    expect(copied).toContain('Severity: B – Moderate');
    expect(copied).toContain('240 users cannot read mail');
    expect(copied).toMatch(/Started: 2026-11-24 08:30 \(UTC[+-]\d\d:\d\d\)/);
    await expect(form.getByTestId('eg-case-output').inputValue()).resolves.toBe(copied);
    await shot(panel, 'en-sidepanel-case-summary');
  });

  it('is operable by keyboard: Tab reaches the controls with a visible focus ring', async () => {
    await panel.bringToFront();
    await panel.evaluate(() => window.scrollTo(0, 0));
    await panel.locator('body').click({ position: { x: 1, y: 1 } });
    const seen: { tag: string; outline: string }[] = [];
    for (let i = 0; i < 12; i++) {
      await panel.keyboard.press('Tab');
      seen.push(
        await panel.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const s = getComputedStyle(el);
          return { tag: el.tagName.toLowerCase(), outline: `${s.outlineStyle} ${s.outlineWidth}|${s.boxShadow}|${s.borderBottomWidth}` };
        }),
      );
    }
    expect(seen.some((s) => s.tag === 'input')).toBe(true);
    expect(seen.some((s) => s.tag === 'a')).toBe(true);
    for (const s of seen.filter((x) => x.tag === 'a' || x.tag === 'button')) expect(s.outline).toMatch(/^solid 2px/);
    // a radio of the triage, chosen with the keyboard
    await panel.locator('[data-category="bug"]').focus();
    await panel.keyboard.press('ArrowDown');
    await expect.poll(() => panel.locator('[data-category="network"]').isChecked()).toBe(true);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('data-category'))).toBe('network');
    await panel.keyboard.press('ArrowUp');
    await expect.poll(() => panel.locator('[data-category="bug"]').isChecked()).toBe(true);
    await expectStates(panel, { triage: 'done' });
  });

  it('axe-core: no serious or critical violation on the side panel, popup and options page', async () => {
    expect(await axeViolations(panel)).toEqual([]);
    expect(await axeViolations(popup)).toEqual([]);
    const options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    await options.locator('[data-loaded="true"]').waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });

  it('dark theme (prefers-color-scheme): no serious or critical violation either', async () => {
    for (const p of [panel, popup]) await p.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(panel)).toEqual([]);
    expect(await axeViolations(popup)).toEqual([]);
    await shot(panel, 'en-sidepanel-dark');
    await shot(popup, 'en-popup-dark');
    for (const p of [panel, popup]) await p.emulateMedia({ colorScheme: 'light' });
  });

  it('the popup opens the side panel (a user gesture in the popup)', async () => {
    expect(await sidePanelContexts(ext)).toBe(0);
    await popup.bringToFront();
    await popup.getByTestId('eg-open-side-panel').click();
    await expect.poll(() => sidePanelContexts(ext), { timeout: 5_000 }).toBe(1);
  });

  it('the keyboard shortcut is declared for the side panel', async () => {
    const commands = await ext.serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'open-side-panel')).toMatchObject({ shortcut: 'Alt+Shift+E' });
  });

  it('start over clears the checklist and picks up at the pages of the flow', async () => {
    await panel.bringToFront();
    await panel.getByTestId('eg-start-over').click();
    await expectStates(panel, { 'check-service-health': 'todo', triage: 'todo' });
    await expect(panel.locator('[data-category]:checked').count()).resolves.toBe(0);
  });

  it('shows a warning with the way back when the admin center was not reached from the dashboard', async () => {
    const stray = await openByHand(ext, 'https://admin.microsoft.com/AdminPortal/Home#/support');
    const warning = panel.locator('[role="alert"][data-warning="not-from-dashboard"]');
    await warning.waitFor({ timeout: 5_000 });
    await expect(warning.locator('a').getAttribute('href')).resolves.toBe('https://partner.microsoft.com/dashboard');
    await expect(panel.locator('[role="alert"][data-warning="own-tenant-context"]').count()).resolves.toBe(1);
    await shot(panel, 'en-sidepanel-warning', false);
    expect(await axeViolations(panel)).toEqual([]);
    await stray.close();
    await pc.bringToFront();
  });

  it('axe-core: no serious or critical violation in the overlay on a portal page', async () => {
    await pc.bringToFront();
    await pc.locator('[data-testid="eg-next-step"]').waitFor({ timeout: 5_000 });
    if (!(await pc.evaluate(() => 'axe' in window))) await pc.evaluate(AXE);
    const { violations, passed } = await pc.evaluate(async () => {
      type Rule = { id: string; impact: string; nodes: { target: unknown }[] };
      const axe = (window as unknown as { axe: { run(ctx: object, o: object): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
      // only the overlay (its open shadow root): the replica page itself is not ours to judge
      const r = await axe.run({ include: [{ fromShadowDom: ['escalation-guide-overlay', '*'] }] }, {});
      return {
        violations: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`),
        passed: r.passes.flatMap((p) => p.nodes).length,
      };
    });
    expect(violations).toEqual([]);
    expect(passed).toBeGreaterThan(0); // axe did look inside the shadow root
  });

  it('options: overlay and preparation switches, reset all data', async () => {
    const options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    await options.setViewportSize({ width: 900, height: 760 });
    await options.locator('[data-loaded="true"]').waitFor();
    await shot(options, 'en-options');
    await options.locator('[data-setting="showPreparation"]').click();
    await expect.poll(() => panel.locator('[data-step-id]').count()).toBe(11);
    await expect(panel.locator('[data-step-id="triage"]').count()).resolves.toBe(0);
    await options.locator('[data-setting="overlayEnabled"]').click();
    // The popup follows through storage and the background: wait for it, as for the other way.
    await expect.poll(() => popup.getByTestId('eg-overlay-toggle').isChecked()).toBe(false);
    await popup.getByTestId('eg-overlay-toggle').click();
    await expect.poll(() => options.locator('[data-setting="overlayEnabled"]').isChecked()).toBe(true);
    const stored = await ext.serviceWorker.evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(stored)).not.toContain(CONTOSO.tenantId);
    await options.getByTestId('eg-reset-all').click();
    await options.getByTestId('eg-reset-all').click();
    await expect.poll(() => options.getByTestId('eg-reset-status').textContent()).toBe('All data was reset.');
    await expect.poll(() => panel.locator('[data-step-id]').count()).toBe(14);
    await expect.poll(() => options.locator('[data-setting="showPreparation"]').isChecked()).toBe(true);
    await options.close();
  });
});

describe('surfaces, ko-KR browser', () => {
  let ext: LaunchedExtension;
  const saved = process.env.LANGUAGE;
  beforeAll(async () => {
    // Chromium on Linux takes its UI language (and chrome.i18n's) from LANGUAGE, not from --lang;
    // the browser inherits this process's environment. Needs the ko locale (Debian: chromium-l10n).
    process.env.LANGUAGE = 'ko';
    ext = await launchExtension({ locale: 'ko-KR' });
  });
  afterAll(async () => {
    await ext?.close();
    if (saved === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = saved;
  });

  it('shows every surface in Korean, following the flow, with no serious axe violation', async () => {
    const pc = await ext.context.newPage();
    await pc.goto('https://partner.microsoft.com/ko-kr/dashboard');
    const panel = await openExtensionPage(ext.context, ext.extensionId, 'sidepanel.html');
    await panel.setViewportSize({ width: 400, height: 900 });
    const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await popup.setViewportSize({ width: 340, height: 620 });
    await expectStates(panel, { 'sign-in': 'done', customers: 'current' });
    await expect(panel.locator('html').getAttribute('lang')).resolves.toMatch(/^ko/);
    const title = await panel.locator('.eg-title').textContent();
    if (title !== '에스컬레이션 가이드') {
      throw new Error(
        `the extension UI is not in Korean ("${title}"): Chromium needs its Korean locale (Debian: apt-get install chromium-l10n) and LANGUAGE=ko`,
      );
    }
    await expect(panel.locator('[data-next-step="customers"] .eg-chip').textContent()).resolves.toBe('고객');
    await expect(popup.getByTestId('eg-progress').textContent()).resolves.toBe('11단계 중 1단계');
    await pc.getByRole('link', { name: '고객', exact: true }).click();
    await expectStates(panel, { customers: 'done', 'select-customer': 'current' });
    await pc.locator(`#cell-displayName-${SEOULTECH.tenantId} customersvcadmin_he-button`).click();
    await expectStates(panel, { 'select-customer': 'done', 'service-management': 'current' });
    await expectStates(popup, { 'service-management': 'current' });
    await panel.bringToFront();
    await panel.locator('[data-category="in-house"]').check();
    await expect(panel.getByTestId('eg-in-house').textContent()).resolves.toContain('관리자 권한');
    await panel.locator('[data-category="regional"]').check();
    await expectStates(panel, { triage: 'done' });
    await shot(panel, 'ko-sidepanel');
    await shot(panel, 'ko-sidepanel-top', false);
    await shot(popup, 'ko-popup');
    expect(await axeViolations(panel)).toEqual([]);
    expect(await axeViolations(popup)).toEqual([]);

    await openByHand(ext, 'https://admin.microsoft.com/AdminPortal/Home#/support');
    await panel.locator('[role="alert"][data-warning="not-from-dashboard"]').waitFor({ timeout: 5_000 });
    await expect(panel.locator('[role="alert"][data-warning="not-from-dashboard"]').textContent()).resolves.toContain('파트너 센터 대시보드');
    await shot(panel, 'ko-sidepanel-warning', false);

    const options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    await options.setViewportSize({ width: 900, height: 760 });
    await options.locator('[data-loaded="true"]').waitFor();
    await expect(options.locator('h1').textContent()).resolves.toBe('에스컬레이션 가이드 설정');
    await shot(options, 'ko-options');
    expect(await axeViolations(options)).toEqual([]);
  });
});
