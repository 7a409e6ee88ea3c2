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
