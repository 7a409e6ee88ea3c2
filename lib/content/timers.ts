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

/** What `coalesced` gives: ask for a run soon, or run now. */
export interface Coalesced {
  /** Asks for a run: in the next task if the last was `gap` ago, else once at the gap's end. */
  soon(): void;
  /** Runs at once; a run that was waiting is not needed any more. */
  now(): void;
}

/**
 * Runs `run` at most once per `gap` ms however often it is asked for, and always after the last
 * ask: the first ask runs in the next task, later ones within the gap wait for its end and run
 * once, with whatever `run` reads then (the latest state).
 */
export function coalesced(gap: number, run: () => void, timers: Pick<Timers, 'later' | 'cancel'>): Coalesced {
  let last = -Infinity;
  let timer = 0;
  const now = () => {
    timers.cancel(timer);
    timer = 0;
    last = performance.now();
    run();
  };
  return {
    soon: () => void (timer ||= timers.later(now, Math.max(0, last + gap - performance.now()))),
    now,
  };
}
