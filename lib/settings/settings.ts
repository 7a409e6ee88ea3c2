/**
 * The agent's settings (local storage: settings only, never customer data) and the IT
 * department's policy (managed storage), merged: a value set by policy wins and is locked.
 */
import { z } from 'zod';

export const SettingsSchema = z.object({
  overlayEnabled: z.boolean().default(true),
  showPreparation: z.boolean().default(true),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** The managed-storage policy (see assets/managed-schema.json). Every field optional. */
export const PolicySchema = z.object({
  overlayEnabled: z.boolean().optional(),
  showPreparation: z.boolean().optional(),
  /** An https link to the company's own escalation guidance, shown in the side panel. */
  companyHelpUrl: z.url({ protocol: /^https$/ }).optional(),
  companyHelpLabel: z.string().trim().min(1).max(80).optional(),
  /** false: the agent cannot dismiss warnings. */
  warningsDismissible: z.boolean().optional(),
});
export type Policy = z.infer<typeof PolicySchema>;

export interface EffectiveSettings extends Settings {
  warningsDismissible: boolean;
  companyHelp: { url: string; label: string | undefined } | null;
  /** Settings the policy fixes: the options page shows them read-only. */
  locked: (keyof Settings)[];
}

/**
 * Merges stored settings with the policy. Invalid input (a hand-edited store, a malformed policy)
 * falls back field by field to the defaults instead of losing the rest.
 */
export function effectiveSettings(local: unknown, policy: unknown): EffectiveSettings {
  const s = parseLenient(SettingsSchema, local, DEFAULT_SETTINGS);
  const p = parseLenient<Policy>(PolicySchema, policy, {});
  const locked: (keyof Settings)[] = [];
  for (const key of ['overlayEnabled', 'showPreparation'] as const) {
    const forced = p[key];
    if (forced !== undefined) {
      s[key] = forced;
      locked.push(key);
    }
  }
  return {
    ...s,
    warningsDismissible: p.warningsDismissible ?? true,
    companyHelp: p.companyHelpUrl ? { url: p.companyHelpUrl, label: p.companyHelpLabel } : null,
    locked,
  };
}

function parseLenient<T extends Record<string, unknown>>(schema: z.ZodObject, input: unknown, fallback: T): T {
  const whole = schema.safeParse(input ?? {});
  if (whole.success) return { ...fallback, ...(whole.data as T) };
  const out: Record<string, unknown> = { ...fallback };
  if (typeof input === 'object' && input !== null) {
    for (const [key, field] of Object.entries(schema.shape)) {
      const r = (field as z.ZodType).safeParse((input as Record<string, unknown>)[key]);
      if (r.success && r.data !== undefined) out[key] = r.data;
    }
  }
  return out as T;
}
