/**
 * Reads and writes the agent's settings (local storage `local:settings`) and merges them with the
 * IT department's policy (managed storage) through `effectiveSettings`. Settings only: customer
 * data never goes to local storage.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { effectiveSettings, learnedLocatorsOf, SettingsSchema, type EffectiveSettings, type Settings } from './settings';
import type { LearnedLocator } from '../flow/schema';

export const SETTINGS_KEY = 'local:settings' as const;
/** The agent's taught locators (local storage: portal labels and hooks, never customer data). */
export const LEARNED_KEY = 'local:learnedLocators' as const;
/** Taught locators kept at most (the oldest go first). */
const MAX_LEARNED = 100;

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
  const [local, policy, learned] = await Promise.all([storage.getItem<unknown>(SETTINGS_KEY), readPolicy(), storage.getItem<unknown>(LEARNED_KEY)]);
  return effectiveSettings(local, policy, learned);
}

/** Calls `cb` with the settings now and on every change of either area. Returns the unwatch. */
export function watchEffectiveSettings(cb: (s: EffectiveSettings) => void): () => void {
  let alive = true;
  const emit = () => void getEffectiveSettings().then((s) => alive && cb(s));
  const unwatchSettings = storage.watch<unknown>(SETTINGS_KEY, emit);
  const unwatchLearned = storage.watch<unknown>(LEARNED_KEY, emit);
  const unwatch = () => (unwatchSettings(), unwatchLearned());
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

/**
 * Keeps a taught locator: it replaces one taught before for the same step, click, portal and page
 * (the agent corrected it).
 */
export async function addLearned(entry: LearnedLocator): Promise<void> {
  const same = (l: LearnedLocator) => l.step === entry.step && l.click === entry.click && l.portal === entry.portal && l.page === entry.page;
  const kept = learnedLocatorsOf(await storage.getItem<unknown>(LEARNED_KEY)).filter((l) => !same(l));
  await storage.setItem<LearnedLocator[]>(LEARNED_KEY, [...kept, entry].slice(-MAX_LEARNED));
}

/** Forgets one taught locator (the options page's Forget). */
export async function forgetLearned(id: string): Promise<void> {
  const all = learnedLocatorsOf(await storage.getItem<unknown>(LEARNED_KEY));
  await storage.setItem<LearnedLocator[]>(LEARNED_KEY, all.filter((l) => l.id !== id));
}

/** Reset all data: the settings and the taught locators go. */
export async function clearLocalData(): Promise<void> {
  await storage.removeItems([SETTINGS_KEY, LEARNED_KEY]);
}
