/**
 * The content scripts' context: what WXT's content-script wrapper hands to `main` (wxt.config.ts
 * gives the wrapper this class in place of WXT's `ContentScriptContext`). It keeps the part of
 * WXT's contract the start-up code and the guide use, and what makes an update safe:
 * - `signal` / `onInvalidated` / `isValid` / `isInvalid`: the context ends when the extension is
 *   updated, reloaded or removed (its `runtime.id` is gone), or when a newer copy of the same
 *   content script starts in the page;
 * - a newer copy announces itself with the CustomEvent WXT's own copies listen for
 *   (`<extension id>:<entrypoint>:wxt:content-script-started` on `document`, with
 *   `{ contentScriptName, messageId }`), so a copy built with WXT's class stops too, and this one
 *   stops when it hears another copy's.
 * Not kept: WXT's location watcher and timer helpers (nothing here uses them), and its legacy
 * window message for copies built by older WXT versions, which this extension never shipped.
 * `postMessage` is not free: Chromium records where it was called from, which made V8 re-parse
 * the whole content script for its source positions, 1.5 to 2.5 ms of every page load.
 * test/e2e/overlay.test.ts checks both halves: the announcement reaches the page's document, with
 * no window message, and an announcement by a newer copy retires this one (overlay and mark gone).
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
      if (d?.contentScriptName === contentScriptName && d.messageId !== this.#id) this.#end();
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
