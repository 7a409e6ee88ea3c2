/**
 * The completion (lib/content/completion/completion.ts: the done card, the description's filling),
 * loaded by the guide where a flow reaches the support topic (lib/content/completion-loader.ts): a
 * web-accessible script of its own (wxt.config.ts), evaluated as a module in the content scripts'
 * world, where it leaves its start function for the guide.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { COMPLETION_START } from '../lib/content/shared';
import { startCompletion } from '../lib/content/completion/completion';

export default defineUnlistedScript({
  // Firefox bundles it with the guide (lib/content/completion-loader.ts).
  exclude: ['firefox'],
  main() {
    (globalThis as Record<symbol, unknown>)[COMPLETION_START] = startCompletion;
  },
});
