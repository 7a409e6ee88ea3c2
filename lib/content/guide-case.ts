/**
 * The guide's part in the case around the flow: the completion (lib/content/completion/), loaded
 * the first time a page needs it (the flow completed here, or the agent asked to fill in the
 * description at the support topic) and handed the overlay, the view's case and the agent's
 * clicks; and the likely cause of a missing target, told to the background for the side panel.
 */
import { stepOf } from '../flow/flow';
import type { StepId } from '../flow/ids';
import type { ContentView } from '../protocol/content-view';
import type { ContentMessage } from '../protocol/messages';
import { loadCompletion } from './completion-loader';
import type { Overlay } from './overlay/overlay';
import { t } from './overlay-text';
import type { Completion } from './shared';

export class GuideCase {
  private loaded: Promise<Completion | null> | null = null;
  private done = false;
  /** The step whose missing target (with a likely cause) the background was told of. */
  private missingSent: StepId | null = null;

  constructor(
    private readonly overlay: () => Overlay,
    private readonly send: (msg: ContentMessage) => Promise<unknown>,
    private readonly minimize: () => void,
    private readonly isInvalid: () => boolean,
  ) {}

  /** After each drawing: the done card (`done`: shown), and the step whose target is missing (fallback). */
  drawn(view: ContentView | null, done: boolean, missing: StepId | null): void {
    this.show(view, done);
    this.missing(missing);
  }

  /**
   * The fallback card shows (or not) for the step's target: where the flow data names a likely
   * cause (`Step.likelyCause`), the side panel says it too.
   */
  private missing(step: StepId | null): void {
    const missing = step && stepOf(step).likelyCause ? step : null;
    if (missing === this.missingSent) return;
    const was = this.missingSent;
    this.missingSent = missing;
    void this.send({ kind: 'target-missing', step: (missing ?? was)!, missing: !!missing });
  }

  /** The done card where the flow completed on this page (hidden while the guide is minimized). */
  private show(view: ContentView | null, here: boolean): void {
    const done = !!view && here;
    if (!done && !this.done) return;
    this.done = done;
    void this.get().then((c) => c?.setDone(done && view ? { summary: view.summary, customer: view.customer, caseNumber: view.escalation?.caseNumber ?? null } : null));
  }

  /** The agent's click on Fill in the description. */
  fill(summary: string | null): void {
    void this.get().then((c) => c?.fill(summary));
  }

  destroy(): void {
    void this.loaded?.then((c) => c?.destroy());
  }

  private get(): Promise<Completion | null> {
    return (this.loaded ??= loadCompletion().then(
      (start) => {
        if (this.isInvalid()) return null;
        const o = this.overlay();
        return start({ shadow: o.shadow, dock: o.dock, host: o.host, t, send: this.send, minimize: this.minimize });
      },
      (err: unknown) => {
        console.error(`[Escalation Guide] the completion could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      },
    ));
  }
}
