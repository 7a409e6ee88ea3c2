/**
 * The start-up plan (lib/background/boot-plan.ts): what the content scripts' small start-up code does on a
 * page, decided by the background from the flow data; and the hub's answer to the start-up code's
 * page report, which carries it.
 */
import { describe, expect, it } from 'vitest';
import { bootPlan } from '../../../lib/background/boot-plan';
import { candidatesOn, FLOW, stepOf } from '../../../lib/flow/flow';
import type { StepId } from '../../../lib/flow/ids';
import { MemoryStore, storePorts } from './fake-store';
import { Hub, type HubPorts } from '../../../lib/background/hub';
import type { ContentView } from '../../../lib/protocol/content-view';
import { LABELS } from '../../../lib/flow/labels';
import { detectPage, documentMatters, portalOf } from '../../../lib/flow/pages';
import { initialState } from '../../../lib/engine/state';
import { DEFAULT_SETTINGS, effectiveSettings } from '../../../lib/settings/settings';
import type { TabView } from '../../../lib/engine/view';

const PC = 'https://partner.microsoft.com';
const CUSTOMER = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';

const view = (over: Partial<TabView & { overlayEnabled: boolean }> = {}): TabView & { overlayEnabled: boolean } => ({
  flowId: 'flow-1', step: 'customers', stepNumber: 2, clickIndex: 0, minimized: false, complete: false, customer: null, warnings: [],
  stopped: null, summary: null, escalation: null, overlayEnabled: true, ...over,
});
const plan = (url: string, over: Partial<TabView & { overlayEnabled: boolean }> = {}) => bootPlan(url, detectPage(url) ?? null, view(over));

describe('the start-up plan', () => {
  it('rings the dashboard’s Customers link by its href, with the guide’s ranking and the label’s spellings', () => {
    const p = plan(`${PC}/dashboard`);
    expect(p).toEqual({
      ring: {
        step: 'customers', clickIndex: 0, last: true, label: 'customers', spellings: LABELS.customers, why: stepOf('customers').why,
        locators: [{ by: 'href', portal: 'partner-center', pattern: expect.stringContaining('customers/list') }],
      },
    });
  });

  it('is idle where the flow has nothing here: no flow, a finished flow, a page of the flow without this step’s target', () => {
    expect(plan(`${PC}/dashboard`, { flowId: null, step: null })).toEqual({ idle: true });
    expect(plan(`${PC}/dashboard`, { step: null, complete: true })).toEqual({ idle: true });
    // Service requests (step 5) has no target on the dashboard.
    expect(plan(`${PC}/dashboard`, { step: 'new-request' })).toEqual({ idle: true });
    expect(plan('https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=x', { step: 'support' })).toEqual({ idle: true });
  });

  it('loads the guide for warnings, a minimized or hidden overlay, the customer grid, labels first, and pages the document decides', () => {
    const warning = { id: 'not-from-dashboard' as const };
    expect(plan(`${PC}/dashboard`, { warnings: [warning] as TabView['warnings'] })).toEqual({ guide: true });
    expect(plan(`${PC}/dashboard`, { minimized: true })).toEqual({ guide: true });
    // With the overlay off the guide still follows the target, to report its click.
    expect(plan(`${PC}/dashboard`, { overlayEnabled: false })).toEqual({ guide: true });
    expect(plan(`${PC}/dashboard/v2/customers/list`, { step: 'select-customer' })).toEqual({ guide: true });
    // A customer's page: the guide reads the customer's name from it.
    expect(documentMatters(`${PC}/dashboard/v2/customers/${CUSTOMER}/servicemanagementpage`)).toBe(true);
    expect(plan(`${PC}/dashboard/v2/customers/${CUSTOMER}/servicemanagementpage`, { step: 'service-requests' })).toEqual({ guide: true });
    expect(documentMatters(`${PC}/dashboard`)).toBe(false);
  });

  it('loads the guide where a locator from the policy or taught by the agent applies to this click here (tried before the hooks); not elsewhere', () => {
    const taught = { source: 'learned' as const, step: 'customers' as const, click: 0, portal: 'partner-center' as const, pages: ['pc-dashboard' as const], locator: { by: 'name' as const, role: 'link' as const, name: 'Clients' } };
    expect(bootPlan(`${PC}/dashboard`, 'pc-dashboard', { ...view(), taught: [taught] })).toEqual({ guide: true });
    // Another page, another click, another step: the start-up code's own plan.
    expect(bootPlan(`${PC}/dashboard`, 'pc-dashboard', { ...view(), taught: [{ ...taught, pages: ['pc-customers-list'] }] })).toHaveProperty('ring');
    expect(bootPlan(`${PC}/dashboard`, 'pc-dashboard', { ...view(), taught: [{ ...taught, click: 1 }] })).toHaveProperty('ring');
    // A page no variant names, where only the taught locator can find the target.
    expect(bootPlan(`${PC}/dashboard/v2/billing`, null, { ...view(), taught: [{ ...taught, pages: [null] }] })).toEqual({ guide: true });
  });

  it('for every step and page of the flow: a ring plan lists exactly the leading hook locators of the candidates, in rank order', () => {
    let rings = 0;
    for (const step of FLOW.steps) {
      for (const url of step.testUrls) {
        const page = detectPage(url) ?? null;
        const p = bootPlan(url, page, view({ step: step.id as StepId }));
        if (!('ring' in p)) continue;
        rings++;
        const all = candidatesOn(step, page ?? undefined, portalOf(new URL(url)), 0).flatMap((c) => c.click.locators);
        // Up to the first the start-up code does not evaluate (labels, the guide's structural kinds).
        const lead = all.slice(0, all.findIndex((l) => l.by !== 'css' && l.by !== 'href') >>> 0);
        expect(p.ring.locators, `${step.id} on ${url}`).toEqual(lead);
        expect(p.ring.locators.length).toBeGreaterThan(0);
      }
    }
    expect(rings).toBeGreaterThan(0);
  });
});

describe('the start-up code takes only what it evaluates as the guide does', () => {
  it('never a label or a structural locator (form-choice, in-view, delegated-link): those leave the page to the guide', () => {
    const views = FLOW.steps.flatMap((step) => step.testUrls.map((url) => ({ step: step.id as StepId, url })));
    for (const { step, url } of views) {
      for (const clickIndex of [0, 1]) {
        const p = bootPlan(url, detectPage(url) ?? null, view({ step, clickIndex }));
        if ('ring' in p) for (const l of p.ring.locators) expect(['css', 'href'], `${step} on ${url}`).toContain(l.by);
      }
    }
    // The request form's topic, the service requests view's menu button: the guide.
    expect(plan('https://admin.microsoft.com/AdminPortal/Home#/support/newservicerequest', { step: 'support-topic' })).toEqual({ guide: true });
    expect(plan(`${PC}/dashboard/v2/support/customers`, { step: 'new-request' })).toEqual({ guide: true });
  });
});

describe('the hub’s answer to a page report', () => {
  const ports = (): HubPorts => {
    const store = new MemoryStore();
    return {
      ...storePorts(store),
      clear: async () => void (store.value = undefined),
      settings: async () => effectiveSettings(DEFAULT_SETTINGS, {}),
      pushView: async () => {},
      setBadge: async () => {},
      learn: async () => undefined,
      askTab: async () => undefined,
      openTab: async () => {},
      log: () => {},
      now: () => 1,
    };
  };
  const sender = (url: string) => ({ tabId: 7, url, frameId: 0, extensionOrigin: 'chrome-extension://x' });

  it('carries the plan when the start-up code reports (no page kind), and detects the page from the URL', async () => {
    const hub = new Hub(ports());
    const v = (await hub.onContentMessage({ kind: 'page', url: `${PC}/dashboard` }, sender(`${PC}/dashboard`))) as ContentView;
    expect(v.step).toBe('customers');
    expect(v.boot).toMatchObject({ ring: { step: 'customers' } });
    expect((await hub.current()).tabs[7]).toMatchObject({ page: 'pc-dashboard' });
  });

  it('does not when the guide reports (with its page kind), and pushes no plan to other tabs', async () => {
    const hub = new Hub(ports());
    const v = (await hub.onContentMessage({ kind: 'page', url: `${PC}/dashboard`, page: 'pc-dashboard' }, sender(`${PC}/dashboard`))) as ContentView;
    expect(v.step).toBe('customers');
    expect(v.boot).toBeUndefined();
    expect(await hub.current()).not.toEqual(initialState());
  });
});
