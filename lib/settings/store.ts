/**
 * Reads and writes the agent's settings (local storage `local:settings`) and merges them with the
 * IT department's policy (managed storage) through `effectiveSettings`. Settings only: customer
 * data never goes to local storage.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { effectiveSettings, SettingsSchema, type EffectiveSettings, type Settings } from './settings';

export const SETTINGS_KEY = 'local:settings' as const;

/** The managed policy; empty where none is set (the API throws where no schema is declared). */
export async function readPolicy(): Promise<unknown> {
  try {
    const managed = (browser.storage as { managed?: { get(): Promise<unknown> } }).managed;
    return managed ? ((await managed.get()) ?? {}) : {};
  } catch {
    return {};
  }
}

export async function getEffectiveSettings(): Promise<EffectiveSettings> {
  const [local, policy] = await Promise.all([storage.getItem<unknown>(SETTINGS_KEY), readPolicy()]);
  return effectiveSettings(local, policy);
}

/** Calls `cb` with the settings now and on every change of either area. Returns the unwatch. */
export function watchEffectiveSettings(cb: (s: EffectiveSettings) => void): () => void {
  let alive = true;
  const emit = () => void getEffectiveSettings().then((s) => alive && cb(s));
  const unwatch = storage.watch<unknown>(SETTINGS_KEY, emit);
  const onChanged = (_changes: unknown, area: string) => {
    if (area === 'managed') emit();
  };
  browser.storage.onChanged.addListener(onChanged);
  emit();
  return () => {
    alive = false;
    unwatch();
    browser.storage.onChanged.removeListener(onChanged);
  };
}

/** Stores a change to the agent's own settings (a key the policy locks is stored but has no effect). */
export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  const current = SettingsSchema.safeParse((await storage.getItem<unknown>(SETTINGS_KEY)) ?? {});
  const base = current.success ? current.data : SettingsSchema.parse({});
  await storage.setItem<Settings>(SETTINGS_KEY, { ...base, ...patch });
}
