/**
 * How the guide gets the completion (lib/content/completion/): as the start-up code gets the guide
 * (lib/content/guide-loader.ts). Chromium: a dynamic import of the web-accessible `completion.js`
 * (entrypoints/completion.ts) into the content scripts' world, only on pages where a flow reaches
 * the support topic; Firefox: bundled (its add-on review takes no module import from a computed URL).
 */
import { browser } from 'wxt/browser';
import { startCompletion } from './completion/completion';
import { COMPLETION_START, type CompletionLoader, type CompletionStart } from './shared';

export const loadCompletion: CompletionLoader = () => {
  if (import.meta.env.FIREFOX) return Promise.resolve(startCompletion);
  return import(/* @vite-ignore */ browser.runtime.getURL('/completion.js')).then(() => {
    const start = (globalThis as Record<symbol, unknown>)[COMPLETION_START] as CompletionStart | undefined;
    if (typeof start !== 'function') throw new Error('completion.js did not register its start function');
    return start;
  });
};
