/** Reads the agent's settings (local storage) and the IT policy (managed storage), merged. */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, effectiveSettings, type EffectiveSettings, type Settings } from './settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

/** The managed policy; {} where none is set (browsers throw when no managed schema is installed). */
export async function readPolicy(): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed.get()) ?? {};
  } catch {
    return {};
  }
}

export async function readEffectiveSettings(): Promise<EffectiveSettings> {
  return effectiveSettings(await settingsItem.getValue(), await readPolicy());
}
