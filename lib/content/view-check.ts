/**
 * The content side's check of a view from the background (lib/protocol/content-view.ts): a small
 * hand check, no zod in the content scripts' bundle. A wrong shape is ignored.
 */
import { STEP_IDS } from '../flow/ids';
import type { ContentView } from '../protocol/content-view';

/** A small hand check of a pushed view (no zod here): a wrong shape is ignored. */
export function asView(v: unknown): ContentView | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (o.step !== null && !(STEP_IDS as readonly unknown[]).includes(o.step)) return null;
  if (typeof o.clickIndex !== 'number' || typeof o.stepNumber !== 'number') return null;
  if (!Array.isArray(o.warnings)) o.warnings = [];
  if (o.strings !== undefined && (typeof o.strings !== 'object' || o.strings === null)) delete o.strings;
  return o as unknown as ContentView;
}
