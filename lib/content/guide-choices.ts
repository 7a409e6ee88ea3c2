/**
 * The agent's choices on the overlay (minimize, dismiss, Continue anyway): shown at once, sent to
 * the background, and dropped once a view from it confirms them.
 */
import type { WarningId } from '../flow/warnings';
import type { Warning } from '../engine/derive';
import type { ContentMessage } from '../protocol/messages';
import type { ContentView } from '../protocol/content-view';

export class LocalChoices {
  private minimized: boolean | null = null;
  private readonly dismissed = new Set<string>();
  private readonly continued = new Set<string>();

  constructor(private readonly send: (msg: ContentMessage) => Promise<unknown>, private readonly redraw: () => void) {}

  minimize(minimized: boolean): void {
    this.minimized = minimized;
    void this.send({ kind: 'minimize', minimized });
    this.redraw();
  }

  dismiss(warning: WarningId): void {
    this.dismissed.add(warning);
    void this.send({ kind: 'dismiss-warning', warning });
    this.redraw();
  }

  continueAnyway(warning: WarningId): void {
    this.continued.add(warning);
    void this.send({ kind: 'continue-warning', warning });
    this.redraw();
  }

  /** A new view from the background: what it confirms needs no local copy any more. */
  confirm(v: ContentView): void {
    if (this.minimized === v.minimized) this.minimized = null;
    this.dismissed.clear();
    this.continued.clear();
  }

  isMinimized(view: ContentView | null): boolean {
    return this.minimized ?? view?.minimized ?? false;
  }

  /** The view's warnings as the agent's choices leave them, and the path warning that stops the guide. */
  warnings(view: ContentView | null): { warnings: Warning[]; stopped: WarningId | null } {
    const warnings = (view?.warnings ?? []).filter((w) => !this.dismissed.has(w.id)).map((w) => (this.continued.has(w.id) ? { ...w, continued: true as const } : w));
    // A path warning stops the guide (the engine's `stopped`): nothing is marked, the warning's way
    // back is the main action; until the agent continued anyway or dismissed it here.
    const stopped = view?.stopped ?? null;
    return { warnings, stopped: stopped && !this.continued.has(stopped) && !this.dismissed.has(stopped) ? stopped : null };
  }
}
