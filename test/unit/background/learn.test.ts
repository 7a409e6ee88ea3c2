/**
 * The background's side of self-healing (issue 25): a taught locator from a content script is
 * validated (the flow schema's locator form) and kept for the sender's own portal, never for
 * select-customer (any customer is the right one) or from a sign-in page; the tab's view carries
 * the policy's and the taught locators of its step, policy first; the side panel's page report is
 * asked of the tab (again while its start-up code loads the guide) and answered, or said missing.
 */
import { describe, expect, it } from 'vitest';
import { Hub, type HubPorts } from '../../../lib/background/hub';
import type { LearnedLocator } from '../../../lib/flow/schema';
import type { Sender } from '../../../lib/background/senders';
import type { ContentView } from '../../../lib/protocol/content-view';
import { effectiveSettings, DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { MemoryStore, storePorts } from './fake-store';

const PC = 'https://partner.microsoft.com';
const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const SM = `${PC}/dashboard/v2/customers/6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10/servicemanagementpage`;
const LOCATOR = { by: 'name', role: 'button', name: 'Support requests' };

function setup(answers: unknown[] = []) {
  const learned: LearnedLocator[] = [];
  const asked: number[] = [];
  let policy: unknown = {};
  const ports: HubPorts = {
    ...storePorts(new MemoryStore(), () => []),
    clear: async () => undefined,
    settings: async () => effectiveSettings(DEFAULT_SETTINGS, policy, learned),
    pushView: async () => undefined,
    setBadge: async () => undefined,
    learn: async (e) => void learned.push(e),
    askTab: async (tabId) => (asked.push(tabId), answers.shift()),
    openTab: async () => undefined,
    log: () => undefined,
    now: () => 5_000,
  };
  const hub = new Hub(ports);
  const from = (url: string): Sender => ({ tabId: 7, url, frameId: 0, extensionOrigin: EXT });
  return { hub, learned, asked, from, setPolicy: (p: unknown) => (policy = p), panel: { tabId: undefined, url: `${EXT}/sidepanel.html`, extensionOrigin: EXT } as Sender };
}

describe('taught locators in the background', () => {
  it('keeps a valid one for the sender’s portal and page; drops select-customer, sign-in pages and malformed locators', async () => {
    const t = setup();
    const learn = (url: string, over: Record<string, unknown> = {}) => t.hub.onContentMessage({ kind: 'learn-locator', step: 'service-requests', click: 0, page: 'pc-service-management', locator: LOCATOR, ...over }, t.from(url));
    await expect(learn(SM)).resolves.toEqual({ ok: true });
    expect(t.learned).toEqual([expect.objectContaining({ step: 'service-requests', portal: 'partner-center', page: 'pc-service-management', locator: LOCATOR, learnedAt: 5_000 })]);
    await expect(learn(`${PC}/dashboard/v2/customers/list`, { step: 'select-customer', page: 'pc-customers-list' })).resolves.toMatchObject({ ok: false });
    await expect(learn('https://login.microsoftonline.com/common/login')).resolves.toMatchObject({ ok: false });
    await expect(learn(SM, { locator: { by: 'xpath', path: '//button' } })).resolves.toMatchObject({ ok: false });
    await expect(learn(SM, { locator: { by: 'name', role: 'button', name: '' } })).resolves.toMatchObject({ ok: false });
    expect(t.learned).toHaveLength(1);
  });

  it('the tab’s view carries its step’s locators, the policy’s before the taught ones', async () => {
    const t = setup();
    t.setPolicy({ locatorOverrides: [{ step: 'service-requests', portal: 'partner-center', locator: { by: 'css', selector: '#SupportRequests' } }, { step: 'support', portal: 'admin-center', locator: { by: 'css', selector: '#Help' } }] });
    await t.hub.onContentMessage({ kind: 'learn-locator', step: 'service-requests', click: 0, page: 'pc-service-management', locator: LOCATOR }, t.from(SM));
    await t.hub.onContentMessage({ kind: 'page', url: `${PC}/dashboard` }, t.from(`${PC}/dashboard`));
    await t.hub.onContentMessage({ kind: 'clicked', step: 'customers', clickIndex: 0, last: true }, t.from(`${PC}/dashboard`));
    await t.hub.onContentMessage({ kind: 'clicked', step: 'select-customer', clickIndex: 0, last: true, customer: { tenantId: '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10' } }, t.from(`${PC}/dashboard/v2/customers/list`));
    const view = (await t.hub.onContentMessage({ kind: 'page', url: SM, page: 'pc-service-management' }, t.from(SM))) as ContentView;
    expect(view.step).toBe('service-requests');
    expect(view.taught?.map((x) => [x.source, x.locator.by])).toEqual([['policy', 'css'], ['learned', 'name']]);
  });

  it('asks the tab for its page report until it answers; says so when no tab can', async () => {
    const t = setup([undefined, '{"report":"escalation-guide-page-report"}']);
    await t.hub.onContentMessage({ kind: 'page', url: SM }, t.from(SM));
    await expect(t.hub.onSurfaceMessage({ kind: 'page-report', tabId: 7 }, t.panel)).resolves.toEqual({ ok: true, report: '{"report":"escalation-guide-page-report"}' });
    expect(t.asked).toEqual([7, 7]);
    await expect(t.hub.onSurfaceMessage({ kind: 'page-report', tabId: 99 }, t.panel)).resolves.toEqual({ ok: false, error: 'no-portal-page' });
  });
});
