/**
 * The guide (lib/content/guide.ts), loaded by the content scripts' start-up code (lib/content/boot.ts)
 * when the page needs it: a web-accessible script of its own (wxt.config.ts), evaluated as a module
 * in the content scripts' world, where it leaves its start function for the start-up code.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { GUIDE_START } from '../lib/content/shared';
import { startGuide } from '../lib/content/guide';

export default defineUnlistedScript({
  // Firefox bundles the guide with the start-up code (lib/content/guide-loader.ts).
  exclude: ['firefox'],
  main() {
    (globalThis as Record<symbol, unknown>)[GUIDE_START] = startGuide;
  },
});
