/**
 * Enterprise policy: the managed-storage schema an IT department configures
 * (assets/managed-schema.json), and the extension obeying managed values over the agent's own,
 * read from (WXT's fake) browser.storage.managed by the background (lib/settings/store.ts, as entrypoints/background.ts uses it) and
 * the extension's pages (lib/settings/store.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { MemoryStore, storePorts } from '../background/fake-store';
import { Hub, type HubPorts } from '../../../lib/background/hub';
import type { Sender } from '../../../lib/background/senders';
import type { ContentView } from '../../../lib/protocol/content-view';
import { DEFAULT_SETTINGS, effectiveSettings, PolicySchema, SettingsSchema } from '../../../lib/settings/settings';
import { addLearned, clearLocalData, forgetLearned, getEffectiveSettings, updateSettings, watchEffectiveSettings } from '../../../lib/settings/store';

interface ManagedSchema {
  type: string;
  properties: Record<string, { type: string; title?: string; description?: string }>;
}
const MANAGED_SCHEMA = JSON.parse(readFileSync(fileURLToPath(new URL('../../../assets/managed-schema.json', import.meta.url)), 'utf8')) as ManagedSchema;

/** What IT typically sets: overlay off, preparation forced on, a company link, warnings that stay. */
const POLICY = {
  overlayEnabled: false,
  showPreparation: true,
  companyHelpUrl: 'https://intranet.contoso.com/support/escalations',
  companyHelpLabel: 'Contoso escalation guide',
  warningsDismissible: false,
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the managed-storage schema (assets/managed-schema.json)', () => {
  it('has exactly the fields of lib/settings/settings.ts PolicySchema, with the same types', () => {
    const fromZod = z.toJSONSchema(PolicySchema) as { properties: Record<string, { type?: string }> };
    expect(MANAGED_SCHEMA.type).toBe('object');
    expect(Object.keys(MANAGED_SCHEMA.properties).sort()).toEqual(Object.keys(PolicySchema.shape).sort());
    for (const [key, prop] of Object.entries(MANAGED_SCHEMA.properties)) {
      expect(prop.type, key).toBe(fromZod.properties[key]?.type);
    }
  });

  it('covers every setting the agent has, so IT can fix each of them', () => {
    for (const key of Object.keys(SettingsSchema.shape)) expect(MANAGED_SCHEMA.properties).toHaveProperty(key);
  });

  it('uses only what Chrome\'s managed_schema accepts, and tells IT what each field does', () => {
    const allowed = new Set(['type', 'title', 'description', 'items']);
    for (const [key, prop] of Object.entries(MANAGED_SCHEMA.properties)) {
      expect(['boolean', 'string', 'array']).toContain(prop.type);
      for (const attr of Object.keys(prop)) expect(allowed, `${key}.${attr}`).toContain(attr);
      expect(prop.title, key).toBeTruthy();
      expect(prop.description, key).toBeTruthy();
    }
  });

  it('accepts the README\'s example policy as a whole', () => {
    expect(PolicySchema.safeParse(POLICY).success).toBe(true);
  });
});

describe('effectiveSettings: policy over the agent\'s own', () => {
  it('without a policy, the agent\'s settings apply and nothing is locked', () => {
    const s = effectiveSettings({ overlayEnabled: false, showPreparation: false }, {});
    expect(s).toMatchObject({ overlayEnabled: false, showPreparation: false, warningsDismissible: true, companyHelp: null, locked: [] });
  });

  it('a managed value wins over the agent\'s and is locked; unset ones stay the agent\'s', () => {
    const s = effectiveSettings({ overlayEnabled: true, showPreparation: false }, { overlayEnabled: false });
    expect(s.overlayEnabled).toBe(false);
    expect(s.showPreparation).toBe(false);
    expect(s.locked).toEqual(['overlayEnabled']);
  });

  it('carries the company help link and the no-dismiss rule', () => {
    const s = effectiveSettings(DEFAULT_SETTINGS, POLICY);
    expect(s.companyHelp).toEqual({ url: POLICY.companyHelpUrl, label: POLICY.companyHelpLabel });
    expect(s.warningsDismissible).toBe(false);
    expect([...s.locked].sort()).toEqual(['overlayEnabled', 'showPreparation']);
  });

  it('ignores a malformed managed value field by field, keeping the rest of the policy', () => {
    const s = effectiveSettings(DEFAULT_SETTINGS, { ...POLICY, companyHelpUrl: 'http://intranet.contoso.com/', overlayEnabled: 'no' });
    expect(s.companyHelp).toBeNull(); // https only
    expect(s.overlayEnabled).toBe(true); // not a boolean: the agent's (default) value, not locked
    expect(s.locked).toEqual(['showPreparation']);
    expect(s.warningsDismissible).toBe(false);
    expect(effectiveSettings(DEFAULT_SETTINGS, { companyHelpUrl: 'javascript:alert(1)' }).companyHelp).toBeNull();
  });
});

describe('reading managed storage (fake browser)', () => {
  beforeEach(async () => {
    // The agent turned everything on and may dismiss warnings; IT says otherwise.
    await fakeBrowser.storage.local.set({ settings: { overlayEnabled: true, showPreparation: false } });
    await fakeBrowser.storage.managed.set(POLICY);
  });

  it('the background (lib/settings/store.ts, as entrypoints/background.ts uses it) obeys the managed values', async () => {
    const s = await getEffectiveSettings();
    expect(s).toMatchObject({ overlayEnabled: false, showPreparation: true, warningsDismissible: false });
    expect(s.companyHelp?.url).toBe(POLICY.companyHelpUrl);
    expect([...s.locked].sort()).toEqual(['overlayEnabled', 'showPreparation']);
  });

  it('the side panel, popup and options (lib/settings/store.ts) obey them too', async () => {
    const s = await getEffectiveSettings();
    expect(s).toMatchObject({ overlayEnabled: false, showPreparation: true, warningsDismissible: false });
    expect([...s.locked].sort()).toEqual(['overlayEnabled', 'showPreparation']);
  });

  it('the agent changing a locked setting changes nothing', async () => {
    await updateSettings({ overlayEnabled: true });
    expect((await getEffectiveSettings()).overlayEnabled).toBe(false);
    expect((await getEffectiveSettings()).overlayEnabled).toBe(false);
  });

  it('a policy removed by IT gives the agent\'s own settings back', async () => {
    await fakeBrowser.storage.managed.clear();
    const s = await getEffectiveSettings();
    expect(s).toMatchObject({ overlayEnabled: true, showPreparation: false, warningsDismissible: true, companyHelp: null, locked: [] });
  });

  it('the pages follow a policy change while open', async () => {
    const seen: boolean[] = [];
    const unwatch = watchEffectiveSettings((s) => seen.push(s.overlayEnabled));
    await vi.waitFor(() => expect(seen.length).toBeGreaterThanOrEqual(1));
    await fakeBrowser.storage.managed.set({ overlayEnabled: true });
    await vi.waitFor(() => expect(seen.at(-1)).toBe(true));
    unwatch();
    expect(seen[0]).toBe(false);
  });

  it('without managed storage (no policy, or a browser that throws), the agent\'s settings apply', async () => {
    const managed = fakeBrowser.storage.managed;
    const get = managed.get.bind(managed);
    managed.get = (() => Promise.reject(new Error('Managed storage manifest not found'))) as typeof managed.get;
    try {
      expect(await getEffectiveSettings()).toMatchObject({ overlayEnabled: true, showPreparation: false, locked: [] });
      expect(await getEffectiveSettings()).toMatchObject({ overlayEnabled: true, showPreparation: false, locked: [] });
    } finally {
      managed.get = get;
    }
  });
});

describe('the background hub under the policy', () => {
  const TAB = 7;
  const sender: Sender = { tabId: TAB, url: 'https://partner.microsoft.com/dashboard', frameId: 0, extensionOrigin: 'chrome-extension://test' };

  function hub(): { hub: Hub; pushed: ContentView[] } {
    const pushed: ContentView[] = [];
    const store = new MemoryStore();
    const ports: HubPorts = {
      ...storePorts(store),
      clear: async () => void (store.value = undefined),
      settings: getEffectiveSettings,
      pushView: async (_tab, view) => void pushed.push(view),
      setBadge: async () => undefined,
      learn: async () => undefined,
      askTab: async () => undefined,
      openTab: async () => undefined,
      log: () => undefined,
      now: () => 1_700_000_000_000,
    };
    return { hub: new Hub(ports), pushed };
  }

  it('tells the overlay it is off and warnings cannot be dismissed', async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    const view = (await hub().hub.onContentMessage({ kind: 'get-view' }, sender)) as ContentView;
    expect(view.overlayEnabled).toBe(false);
    expect(view.warningsDismissible).toBe(false);
  });

  it('refuses to dismiss a warning when the policy says so, and allows it otherwise', async () => {
    await fakeBrowser.storage.managed.set({ warningsDismissible: false });
    const h = hub().hub;
    expect(await h.onContentMessage({ kind: 'dismiss-warning', warning: 'not-from-dashboard' }, sender)).toMatchObject({ ok: false });
    await fakeBrowser.storage.managed.set({ warningsDismissible: true });
    expect(await h.onContentMessage({ kind: 'dismiss-warning', warning: 'not-from-dashboard' }, sender)).toMatchObject({ ok: true });
  });

  it('with the agent\'s overlay off and no policy, the overlay is off; IT can switch it back on', async () => {
    await fakeBrowser.storage.local.set({ settings: { overlayEnabled: false, showPreparation: true } });
    const h = hub().hub;
    expect(((await h.onContentMessage({ kind: 'get-view' }, sender)) as ContentView).overlayEnabled).toBe(false);
    await fakeBrowser.storage.managed.set({ overlayEnabled: true });
    expect(((await h.onContentMessage({ kind: 'get-view' }, sender)) as ContentView).overlayEnabled).toBe(true);
  });
});

describe('locatorOverrides and taught locators', () => {
  const fix = { step: 'service-requests', portal: 'partner-center', pages: ['pc-service-management'], locator: { by: 'name', role: 'button', name: 'Support requests' } };
  const taught = { id: 'a1', step: 'service-requests', click: 0, portal: 'partner-center', page: 'pc-service-management', locator: { by: 'css', selector: '#SupportRequests' }, learnedAt: 1 };

  it('a malformed entry is ignored on its own, with a line that names it; the rest applies, policy before taught', () => {
    const s = effectiveSettings({}, { locatorOverrides: [fix, { ...fix, step: 'no-such-step' }, { ...fix, locator: { by: 'xpath', path: '//a' } }, 'junk'], overlayEnabled: false }, [taught, { junk: true }]);
    expect(s.taught.map((x) => [x.source, x.locator.by])).toEqual([['policy', 'name'], ['learned', 'css']]);
    expect(s.taught[0]).toMatchObject({ click: 0, pages: ['pc-service-management'] });
    expect(s.taught[1]).toMatchObject({ pages: ['pc-service-management'] });
    expect(s.policyProblems).toHaveLength(3);
    expect(s.policyProblems[0]).toMatch(/^locatorOverrides\[1\]: step/);
    expect(s.policyProblems[1]).toMatch(/^locatorOverrides\[2\]: locator/);
    expect(s.overlayEnabled).toBe(false);
    expect(s.learned).toEqual([taught]);
  });

  it('a policy whose locatorOverrides is not a list says so and keeps the rest', () => {
    const s = effectiveSettings({}, { locatorOverrides: { step: 'x' }, warningsDismissible: false });
    expect(s.policyProblems).toEqual(['locatorOverrides: not a list']);
    expect(s.warningsDismissible).toBe(false);
  });

  it('the README’s example fixes a renamed "Service requests"', () => {
    const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
    const block = /```json\n(\{\n  "ExtensionSettings"[\s\S]*?)```/.exec(readme)?.[1];
    const policy = Object.values(JSON.parse(block!)['3rdparty'].extensions)[0] as Record<string, unknown>;
    const s = effectiveSettings({}, policy);
    expect(s.policyProblems).toEqual([]);
    expect(s.taught).toContainEqual(expect.objectContaining({ source: 'policy', step: 'service-requests', locator: expect.objectContaining({ by: 'name' }) }));
  });
});

describe('the taught locators’ store (local storage)', () => {
  const entry = (id: string, page: 'pc-service-management' | 'pc-customer', name: string) =>
    ({ id, step: 'service-requests', click: 0, portal: 'partner-center', page, locator: { by: 'name', role: 'button', name }, learnedAt: 1 }) as const;

  it('a second teach for the same step, click, portal and page replaces the first; Forget and Reset all data remove them', async () => {
    await updateSettings({ overlayEnabled: false });
    await addLearned(entry('a', 'pc-service-management', 'Support requests'));
    await addLearned(entry('b', 'pc-customer', 'Requests'));
    await addLearned(entry('c', 'pc-service-management', 'Tickets'));
    expect((await getEffectiveSettings()).learned.map((l) => l.id)).toEqual(['b', 'c']);
    await forgetLearned('b');
    expect((await getEffectiveSettings()).taught.map((t) => t.locator)).toEqual([{ by: 'name', role: 'button', name: 'Tickets' }]);
    await clearLocalData();
    const after = await getEffectiveSettings();
    expect(after.learned).toEqual([]);
    expect(after.overlayEnabled).toBe(true);
  });
});

