/**
 * The dock's module: the overlay's parts beside the ring and card (warnings, the fallback card, the
 * pill: lib/content/overlay/dock.ts) and the completion (the done card, the description's filling:
 * lib/content/completion/, made by the dock). Loaded by the guide the first time a page shows one of them
 * (lib/content/dock-loader.ts): a web-accessible script of its own (wxt.config.ts), evaluated as a
 * module in the content scripts' world, where it leaves its parts for the guide.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { DOCK_MODULE, type DockModule } from '../lib/content/shared';
import { Dock, warningModels } from '../lib/content/overlay/dock';

export default defineUnlistedScript({
  // Firefox bundles it with the guide (lib/content/dock-loader.ts).
  exclude: ['firefox'],
  main() {
    (globalThis as Record<symbol, unknown>)[DOCK_MODULE] = { Dock, warningModels } satisfies DockModule;
  },
});
