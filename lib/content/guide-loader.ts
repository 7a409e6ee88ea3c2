/**
 * How the content scripts' entrypoints hand the start-up code (lib/content/boot.ts) the guide
 * (lib/content/guide.ts), so that the start-up code never imports it:
 * - Chromium (Chrome, Edge): a dynamic import of the web-accessible `guide.js` (entrypoints/guide.ts)
 *   into the content scripts' world, at a per-session URL (`use_dynamic_url`). Only pages that need
 *   the guide compile its code, and from the browser's code cache after the first time.
 * - Firefox: the guide is bundled with the start-up code, since its add-on review does not take a
 *   module import from a computed URL (addons-linter UNSAFE_VAR_ASSIGNMENT). The build constant
 *   removes the other branch (and, in Chromium's build, the bundled guide) from each build.
 */
import { browser } from 'wxt/browser';
import { startGuide } from './guide';
import { GUIDE_START, type GuideLoader, type GuideStart } from './shared';

export const loadGuide: GuideLoader = () => {
  if (import.meta.env.FIREFOX) return Promise.resolve(startGuide);
  return import(/* @vite-ignore */ browser.runtime.getURL('/guide.js')).then(() => {
    const start = (globalThis as Record<symbol, unknown>)[GUIDE_START] as GuideStart | undefined;
    if (typeof start !== 'function') throw new Error('guide.js did not register its start function');
    return start;
  });
};
