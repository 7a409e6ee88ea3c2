/**
 * How the guide gets the dock's module (lib/content/overlay/dock.ts and lib/content/completion/),
 * as the start-up code gets the guide (lib/content/guide-loader.ts). Chromium: a dynamic import of
 * the web-accessible `dock.js` (entrypoints/dock.ts) into the content scripts' world, only on pages
 * that show a warning, the fallback card, the pill or the completion; once per page (one promise).
 * Firefox: bundled (its add-on review takes no module import from a computed URL).
 */
import { browser } from 'wxt/browser';
import { Dock, warningModels } from './overlay/dock';
import { DOCK_MODULE, type DockModule } from './shared';

let loaded: Promise<DockModule> | undefined;

export function loadDock(): Promise<DockModule> {
  if (import.meta.env.FIREFOX) return Promise.resolve({ Dock, warningModels });
  return (loaded ??= import(/* @vite-ignore */ browser.runtime.getURL('/dock.js')).then(() => {
    const m = (globalThis as Record<symbol, unknown>)[DOCK_MODULE] as DockModule | undefined;
    if (!m || typeof m.Dock !== 'function') throw new Error('dock.js did not register its parts');
    return m;
  }, (err: unknown) => {
    loaded = undefined; // a later page event may try again
    throw err;
  }));
}
