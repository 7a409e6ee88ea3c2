/**
 * The agent's settings (local storage: settings only, never customer data) and the IT
 * department's policy (managed storage), merged: a value set by policy wins and is locked.
 */
import { z } from 'zod';
import { LearnedLocatorSchema, LocatorOverrideSchema, type LearnedLocator } from '../flow/schema';
import type { TaughtLocator } from '../flow/taught';

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
  /** Locators for steps whose target the built-in ones miss (each entry checked on its own: `locatorOverridesOf`). */
  locatorOverrides: z.array(z.unknown()).optional(),
});
export type Policy = z.infer<typeof PolicySchema>;

export interface EffectiveSettings extends Settings {
  warningsDismissible: boolean;
  companyHelp: { url: string; label: string | undefined } | null;
  /** Settings the policy fixes: the options page shows them read-only. */
  locked: (keyof Settings)[];
  /** The policy's locators, then the agent's taught ones: tried before the built-in locators, in this order. */
  taught: TaughtLocator[];
  /** The agent's taught locators as stored (the options page lists them). */
  learned: LearnedLocator[];
  /** The policy's entries that were ignored, one line each (the options page shows them). */
  policyProblems: string[];
}

/**
 * Merges stored settings with the policy. Invalid input (a hand-edited store, a malformed policy)
 * falls back field by field to the defaults instead of losing the rest.
 */
export function effectiveSettings(local: unknown, policy: unknown, learnedInput?: unknown): EffectiveSettings {
  const s = parseLenient(SettingsSchema, local, DEFAULT_SETTINGS);
  const p = parseLenient<Policy>(PolicySchema, policy, {});
  // Read from the policy as given: a value that is not a list is reported, not dropped unseen.
  const overrides = locatorOverridesOf((policy as { locatorOverrides?: unknown } | null | undefined)?.locatorOverrides);
  const learned = learnedLocatorsOf(learnedInput);
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
    taught: [
      ...overrides.valid.map((o): TaughtLocator => ({ source: 'policy', step: o.step, click: o.click, portal: o.portal, pages: o.pages, locator: o.locator })),
      ...learned.map((l): TaughtLocator => ({ source: 'learned', step: l.step, click: l.click, portal: l.portal, pages: [l.page], locator: l.locator })),
    ],
    learned,
    policyProblems: overrides.problems,
  };
}

/** The policy's `locatorOverrides`, each entry validated on its own: a malformed one is left out with a line saying why. */
export function locatorOverridesOf(input: unknown): { valid: z.infer<typeof LocatorOverrideSchema>[]; problems: string[] } {
  const valid: z.infer<typeof LocatorOverrideSchema>[] = [];
  const problems: string[] = [];
  if (input === undefined) return { valid, problems };
  if (!Array.isArray(input)) return { valid, problems: ['locatorOverrides: not a list'] };
  input.forEach((entry, i) => {
    const r = LocatorOverrideSchema.safeParse(entry);
    if (r.success) valid.push(r.data);
    else problems.push(`locatorOverrides[${i}]: ${r.error.issues.map((x) => `${x.path.join('.') || 'entry'}: ${x.message}`).join('; ')}`);
  });
  return { valid, problems };
}

/** The stored taught locators, each entry validated on its own (a damaged one is dropped, the rest kept), newest last. */
export function learnedLocatorsOf(input: unknown): LearnedLocator[] {
  if (!Array.isArray(input)) return [];
  return input.flatMap((e) => {
    const r = LearnedLocatorSchema.safeParse(e);
    return r.success ? [r.data] : [];
  });
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
