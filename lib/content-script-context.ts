/**
 * The content scripts' context: the part of WXT's `ContentScriptContext` contract they use. It
 * becomes invalid when the extension is reloaded or updated (its runtime id is gone) or when a
 * newer copy of the same content script starts in the page; then `signal` aborts and the
 * `onInvalidated` callbacks run, so an orphaned copy stops listening and removes its overlay.
 *
 * wxt.config.ts gives this class to WXT's content-script wrapper in place of WXT's own, whose
 * constructor also posts a window message (for copies built by older WXT versions, which this
 * extension never shipped) and builds a location watcher it does not use: work on every page load.
 * The newer copy announces itself with the event WXT's context uses, so either implementation
 * stops the other.
 */
import { browser } from 'wxt/browser';

/** What the guide needs of its context (WXT's class has it too). */
export interface GuideContext {
  readonly signal: AbortSignal;
  readonly isValid: boolean;
  readonly isInvalid: boolean;
  /** Calls `cb` on invalidation; returns a function that removes it. */
  onInvalidated(cb: () => void): () => void;
}

export class ContentScriptContext implements GuideContext {
  private readonly controller = new AbortController();
  private readonly id = Math.random().toString(36).slice(2);

  constructor(contentScriptName: string) {
    const started = `${browser.runtime.id}:${contentScriptName}:wxt:content-script-started`;
    const mine = { contentScriptName, messageId: this.id };
    // Stop an older copy first, then listen for a newer one.
    document.dispatchEvent(new CustomEvent(started, { detail: mine }));
    document.addEventListener(
      started,
      (e) => {
        const d = (e as CustomEvent<Partial<typeof mine> | null>).detail;
        if (d?.contentScriptName === contentScriptName && d.messageId !== this.id) this.invalidate();
      },
      { signal: this.signal },
    );
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.invalidate();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  private invalidate(): void {
    this.controller.abort('Content script context invalidated');
  }
}
