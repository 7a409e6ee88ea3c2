/**
 * The content scripts' context: what WXT's content-script wrapper hands to `main` (wxt.config.ts
 * gives the wrapper this class in place of WXT's `ContentScriptContext`). It keeps the part of
 * WXT's contract the start-up code and the guide use, and what makes an update safe:
 * - `signal` / `onInvalidated` / `isValid` / `isInvalid`: the context ends when the extension is
 *   updated, reloaded or removed (its `runtime.id` is gone), which a newer copy of the same
 *   content script starting in the page makes it look at;
 * - a newer copy announces itself with the CustomEvent WXT's own copies listen for
 *   (`<extension id>:<entrypoint>:wxt:content-script-started` on `document`, with
 *   `{ contentScriptName, messageId }`), so a copy built with WXT's class stops too. The event
 *   goes through the page's document because an updated or reloaded extension runs in a new
 *   isolated world (Chromium removes an unloaded extension's worlds), where nothing else of the
 *   old copy's can be reached. A page's script can dispatch the same event, so this copy stops on
 *   hearing another's only when it is orphaned: the page cannot turn the guide off.
 * Not kept: WXT's location watcher and timer helpers (nothing here uses them), and its legacy
 * window message for copies built by older WXT versions, which this extension never shipped.
 * `postMessage` is not free: Chromium records where it was called from, which made V8 re-parse
 * the whole content script for its source positions, 1.5 to 2.5 ms of every page load.
 * test/e2e/overlay.test.ts checks both halves: the announcement reaches the page's document, with
 * no window message; a page's announcement changes nothing, and once the extension is reloaded an
 * announcement retires this copy (overlay and mark gone).
 */
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  readonly #abort = new AbortController();
  readonly #id = Math.random().toString(36).slice(2);

  constructor(readonly contentScriptName: string, _options?: unknown) {
    const started = `${browser.runtime.id}:${contentScriptName}:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName, messageId: this.#id } }));
    document.addEventListener(started, (e) => {
      const d = (e as CustomEvent<{ contentScriptName?: unknown; messageId?: unknown } | null>).detail;
      // Another copy, or a page's script: only an orphaned copy (its extension updated or
      // reloaded) stops.
      if (d?.contentScriptName === contentScriptName && d.messageId !== this.#id && browser.runtime?.id == null) this.#end();
    }, { signal: this.#abort.signal });
  }

  /** Aborted when the context ends. */
  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** Whether the context has ended (looks at the extension's id first: an update removes it). */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.#end();
    return this.#abort.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Calls `cb` once when the context ends; returns a function that removes it. */
  onInvalidated(cb: () => void): () => void {
    this.#abort.signal.addEventListener('abort', cb, { once: true });
    return () => this.#abort.signal.removeEventListener('abort', cb);
  }

  #end(): void {
    if (!this.#abort.signal.aborted) this.#abort.abort('Content script context invalidated');
  }
}

/**
 * What the start-up code and the guide may use of their context. WXT types `main`'s argument as
 * its own class; at run time it is the class above, which has only these members of it.
 */
export type ScriptContext = Pick<ContentScriptContext, 'signal' | 'isInvalid' | 'isValid' | 'onInvalidated'>;
