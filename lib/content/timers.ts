/** Timers that end with the content script's context (the guide's: a page it left, an updated extension). */
import type { ScriptContext } from './context';


export class Timers {
  private readonly ids = new Set<number>();
  constructor(private readonly ctx: ScriptContext) {}
  later(fn: () => void, ms: number): number {
    const id = window.setTimeout(() => {
      this.ids.delete(id);
      if (!this.ctx.isInvalid) fn();
    }, ms);
    this.ids.add(id);
    return id;
  }
  cancel(id: number): void {
    clearTimeout(id);
    this.ids.delete(id);
  }
  clear(): void {
    for (const id of this.ids) clearTimeout(id);
    this.ids.clear();
  }
}

/**
 * Runs `run` at most once per `gap` ms however often it is asked for, and always after the last
 * ask: the first ask runs at once, later ones within the gap wait for its end and run once,
 * with whatever `run` reads then (the latest state). `now()` runs at once (cancelling a wait).
 */
export class Coalesced {
  private last = -Infinity;
  private timer = 0;
  constructor(private readonly gap: number, private readonly run: () => void, private readonly timers: Pick<Timers, 'later' | 'cancel'>) {}

  /** Asks for a run: now if the last was `gap` ago, else once at the gap's end. */
  soon(): void {
    const wait = this.last + this.gap - performance.now();
    if (!this.timer) this.timer = this.timers.later(() => this.now(), Math.max(0, wait));
  }

  /** Runs at once; a run that was waiting is not needed any more. */
  now(): void {
    this.timers.cancel(this.timer);
    this.timer = 0;
    this.last = performance.now();
    this.run();
  }
}
