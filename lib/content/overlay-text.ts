/**
 * The overlay's texts, shared by the start-up code (lib/content/boot.ts) and the guide
 * (lib/content/guide.ts): from the view's `strings` (resolved by the background, lib/background/hub.ts; their
 * substitutions are U+E001…U+E009), so the page never pays for loading the message catalog;
 * the catalog itself (browser.i18n, `overlay.step` → `overlay_step` as WXT names the messages)
 * only for a key the view lacks. Not WXT's i18n module: its set-up would run on every page load.
 */
import { browser } from 'wxt/browser';
import type { LabelledText } from './overlay/overlay';
import type { TextParts } from './overlay/dock';

let strings: Record<string, string> | undefined;

/** The strings of the latest view (a view without them keeps the previous ones). */
export function useStrings(next: Record<string, string> | undefined): void {
  if (next) strings = next;
}

export function t(key: string, subs?: (string | number)[]): string {
  const s = strings?.[key];
  if (s === undefined) return (browser.i18n.getMessage as (name: string, subs?: string[]) => string)(key.replaceAll('.', '_'), subs?.map(String));
  return s.replace(/[\uE001-\uE009]/g, (m) => String(subs?.[m.charCodeAt(0) - 0xe001] ?? ''));
}

const MARK = '\uE000';
/** A sentence with the page's label in it, split around the label. */
export function withLabel(key: string, label: string, labelLang: string, subs: (string | number)[] = []): LabelledText {
  const [before = '', after = ''] = t(key, [MARK, ...subs]).split(MARK);
  return { before, label, after, labelLang };
}

/**
 * A sentence with names or ids inserted, as parts: the inserted ones to be isolated where drawn
 * (lib/content/overlay/dock.ts), so that a name cannot reorder the sentence around it. The
 * substitutions are marked with private-use code points (U+E101…) no catalogue text holds.
 */
export function tParts(key: string, subs: readonly string[]): TextParts {
  return t(key, subs.map((_, i) => String.fromCharCode(0xe101 + i)))
    .split(/([\uE101-\uE109])/)
    .filter(Boolean)
    .map((p) => subs[p.charCodeAt(0) - 0xe101] !== undefined && p.length === 1 ? { isolate: subs[p.charCodeAt(0) - 0xe101]! } : p);
}
