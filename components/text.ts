/**
 * The catalogue (assets/locales, WXT i18n module) for keys built at run time, and the agent's
 * language. Every UI string goes through here or through `i18n.t` directly.
 */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { ItemId } from '../lib/flow/ids';
import type { ItemState } from '../lib/surfaces/surface-model';

type Key = Parameters<typeof i18n.t>[0];

/** A catalogue text by a key built at run time (checked by test/unit/i18n.test.ts). */
export function tr(key: string, subs?: (string | number)[]): string {
  const t = i18n.t as unknown as (k: string, s?: string[]) => string;
  return t(key as Key, subs?.map(String));
}

/** A part of a sentence: text, or an inserted name or id to be isolated (`<bdi>`). */
export type TextPart = string | { isolate: string };

/**
 * A catalogue text with names or ids inserted, as parts: the inserted ones are rendered in `<bdi>`
 * (Isolated, components/Isolated.tsx), so that a name in any direction, or with its own
 * bidirectional controls, cannot reorder the sentence around it.
 */
export function trParts(key: string, subs: readonly string[]): TextPart[] {
  const marks = subs.map((_, i) => String.fromCharCode(0xe101 + i));
  const out: TextPart[] = [];
  for (const piece of tr(key, marks).split(/([\uE101-\uE109])/)) {
    const i = piece.length === 1 ? piece.charCodeAt(0) - 0xe101 : -1;
    if (i >= 0 && i < subs.length) out.push({ isolate: subs[i]! });
    else if (piece) out.push(piece);
  }
  return out;
}

export const camel = (id: string): string => id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** The title of a checklist item in the agent's language. */
export const itemTitle = (id: ItemId): string => tr(`step.${camel(id)}`);
export const stateText = (s: ItemState): string => tr(`ui.state.${s}`);

/** The extension's UI language (the browser's), e.g. `ko`. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

export { i18n };
