/**
 * WXT's `ContentScriptContext` without its legacy window message. wxt.config.ts gives this class
 * to WXT's content-script wrapper in place of WXT's own.
 *
 * When a content script starts, WXT's context tells older copies of it in the same page (orphaned
 * by an update or reload of the extension) to stop: it dispatches a CustomEvent on `document`,
 * the only signal WXT's own copies listen for, and also posts a window message for copies built by
 * older WXT versions, which this extension never shipped. `postMessage` is not free: Chromium
 * records where it was called from, which makes V8 re-parse the calling functions and the
 * whole content script for their source positions, 1.5 to 2.5 ms of main thread at every page load
 * (DevTools trace; README, Performance). Everything else, the CustomEvent included, stays WXT's.
 * test/e2e/overlay.test.ts checks both halves: the announcement reaches the page's document, and an
 * announcement by a newer copy retires this one (overlay and mark gone).
 */
import { ContentScriptContext as WxtContentScriptContext } from 'wxt/utils/content-script-context';

/** WXT's private fields that its announcement carries (same names as in its `stopOldScripts`). */
interface Announced {
  readonly contentScriptName: string;
  readonly id: string;
}

/** `<extension id>:<entrypoint>:wxt:content-script-started`, as WXT's listener expects it. */
const STARTED = (WxtContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;

export class ContentScriptContext extends WxtContentScriptContext {
  /** Called by WXT's constructor, before it listens for newer copies. */
  override stopOldScripts(): void {
    const self = this as unknown as Announced;
    document.dispatchEvent(new CustomEvent(STARTED, { detail: { contentScriptName: self.contentScriptName, messageId: self.id } }));
  }
}
