/**
 * What the background keeps in session storage, and how: the engine state (written at most once
 * per burst of changes), a journal of the browser's tab events that the state could not rebuild
 * (written as they arrive, so that a worker stopped before its next write loses none of them), and
 * a flag the side panel and popup read when the store is full and progress is not being kept.
 * After a restart the state is loaded, the journals of stopped workers are replayed, and the tabs
 * the browser still has are reconciled with it (one event, one pass).
 */
import { withoutIdleFlow } from '../engine/apply';
import { reduce } from '../engine/reduce';
import { EngineStateSchema, initialState, type EngineEventInput, type EngineState } from '../engine/state';
import { JOURNAL_PREFIX, STATE_ITEM, UNSAVED_ITEM } from '../protocol/storage';
import { salvage } from './salvage';

/** A tab as `tabs.query` gives it (URLs only for the hosts the extension holds). */
export interface BrowserTab {
  id?: number | undefined;
  openerTabId?: number | undefined;
  url?: string | undefined;
  pendingUrl?: string | undefined;
}

export interface StorePorts {
  /** Every item of session storage (`storage.session.get(null)`). */
  read(): Promise<Record<string, unknown>>;
  /** Writes these items in one storage call (all or none of them). */
  write(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** The browser's open tabs. */
  tabs(): Promise<BrowserTab[]>;
  log(message: string): void;
  now(): number;
}

/** How long changes may wait for the end of a burst before they are written anyway (a frame). */
const FRAME_MS = 16;

/** Session storage is full (Chrome: "Session storage quota bytes exceeded"; Firefox: QuotaExceededError). */
export function isQuotaError(err: unknown): boolean {
  const name = err instanceof Error ? err.name : '';
  return name === 'QuotaExceededError' || /quota/i.test(err instanceof Error ? err.message : String(err));
}

export class SessionStore {
  /** This worker's journal: browser events not yet in a written state. */
  private readonly journalKey: string;
  private journal: { event: EngineEventInput; applied: boolean }[] = [];
  private journalQueued = false;
  /** Journals of stopped workers, replayed: emptied by the next write of the state, removed after it. */
  private replayed: string[] = [];
  /** Whether the store holds the current progress (false: the flag is set); undefined until loaded. */
  private kept: boolean | undefined;
  private dirtySince: number | undefined;

  constructor(private readonly ports: StorePorts, instance: string) {
    this.journalKey = `${JOURNAL_PREFIX}${instance}`;
  }

  /** The state changed: it is written at the end of the burst, or within a frame. */
  markDirty(): void {
    this.dirtySince ??= performance.now();
  }

  /** Whether changes have waited a frame already (then they are written even if more events wait). */
  get overdue(): boolean {
    return this.dirtySince !== undefined && performance.now() - this.dirtySince >= FRAME_MS;
  }

  /**
   * The stored state after a restart: validated (a damaged one salvaged), the journals of stopped
   * workers replayed, then reconciled with the browser's tabs. `changed`: it differs from what is stored.
   */
  async load(): Promise<EngineState> {
    const items = await this.ports.read();
    const stored = items[STATE_ITEM];
    let state = stored === undefined || stored === null ? initialState() : this.parse(stored);
    const before = state;
    this.kept = items[UNSAVED_ITEM] == null;
    this.replayed = Object.keys(items).filter((k) => k.startsWith(JOURNAL_PREFIX) && k !== this.journalKey).sort();
    for (const key of this.replayed) {
      const events = items[key];
      if (!Array.isArray(events)) continue;
      for (const event of events) state = this.apply(state, event);
    }
    try {
      const tabs = await this.ports.tabs();
      const listed = tabs.flatMap((t) => (typeof t.id === 'number' && t.id >= 0 ? [{ tabId: t.id, ...(t.openerTabId === undefined ? {} : { openerTabId: t.openerTabId }), ...pick(t.pendingUrl || t.url) }] : []));
      state = this.apply(state, { type: 'tabs-listed', tabs: listed, at: this.ports.now() });
    } catch (err) {
      this.ports.log(`open tabs unknown (${String(err)}); the state is taken as stored`);
    }
    if (state !== before || this.replayed.length) this.markDirty();
    return state;
  }

  private parse(stored: unknown): EngineState {
    const parsed = EngineStateSchema.safeParse(stored);
    return parsed.success ? parsed.data : salvage(stored, (m) => this.ports.log(m));
  }

  private apply(state: EngineState, event: unknown): EngineState {
    try {
      return reduce(state, event);
    } catch (err) {
      this.ports.log(err instanceof Error ? err.message : String(err));
      return state;
    }
  }

  /** Keeps a browser event in this worker's journal until a written state includes it. */
  journalEvent(event: EngineEventInput): void {
    this.journal.push({ event, applied: false });
    if (this.journalQueued) return;
    this.journalQueued = true;
    // Once per task: the write is issued before the task ends (a stopped worker still had it sent).
    queueMicrotask(() => {
      this.journalQueued = false;
      const pending = this.journal.filter((j) => !j.applied).map((j) => j.event);
      if (pending.length) this.ports.write({ [this.journalKey]: pending }).catch((err: unknown) => this.ports.log(`journal not saved: ${String(err)}`));
    });
  }

  /** The event is in the state now (in memory; the next write keeps it). */
  applied(event: unknown): void {
    for (const j of this.journal) if (j.event === event) j.applied = true;
  }

  /**
   * Writes what changed since the last write: the state, this worker's journal, the replayed
   * journals emptied. On a full store, drops the least recently used flows no tab shows and tries
   * again; if even that fails, sets the flag that says progress is not being kept. Returns the
   * state as kept (without the flows dropped). Never throws.
   */
  async flush(state: EngineState): Promise<EngineState> {
    const dirty = this.dirtySince !== undefined;
    const pending = this.journal.filter((j) => !j.applied);
    const items: Record<string, unknown> = {};
    if (dirty) items[STATE_ITEM] = state;
    if (pending.length !== this.journal.length) items[this.journalKey] = pending.map((j) => j.event);
    for (const key of this.replayed) items[key] = [];
    if (Object.keys(items).length === 0) return state;
    const replayed = this.replayed;
    this.dirtySince = undefined;
    this.journal = pending;
    this.replayed = [];
    let kept = state;
    for (;;) {
      try {
        await this.ports.write(dirty && this.kept !== true ? { ...items, [UNSAVED_ITEM]: null } : items);
        if (dirty) this.kept = true;
        break;
      } catch (err) {
        const smaller = dirty && isQuotaError(err) ? withoutIdleFlow(kept) : undefined;
        if (!smaller) {
          this.ports.log(`state not saved: ${String(err)}`);
          this.markDirty(); // tried again with the next change
          this.replayed = [...replayed, ...this.replayed];
          if (dirty && isQuotaError(err)) await this.notKept();
          return kept;
        }
        this.ports.log(`session storage full: dropped ${Object.keys(kept.flows).length - Object.keys(smaller.flows).length} flow no tab shows`);
        kept = smaller;
        items[STATE_ITEM] = kept;
      }
    }
    if (replayed.length) await this.ports.remove(replayed).catch((err: unknown) => this.ports.log(`old journals not removed: ${String(err)}`));
    return kept;
  }

  /** Tells the side panel and popup that progress is not being kept (the stored state is stale). */
  private async notKept(): Promise<void> {
    if (this.kept === false) return;
    const flag = { [UNSAVED_ITEM]: { since: this.ports.now() } };
    try {
      await this.ports.write(flag);
    } catch {
      // Not even the flag fits: the stale state goes, so that no surface shows it as current.
      try {
        await this.ports.remove([STATE_ITEM]);
        await this.ports.write(flag);
      } catch (err) {
        this.ports.log(`cannot tell the surfaces that progress is not kept: ${String(err)}`);
      }
    }
    this.kept = false;
  }

  /** Reset: everything this store wrote goes (the caller clears the state itself). */
  async forgetAll(): Promise<void> {
    this.journal = [];
    this.dirtySince = undefined;
    const items = await this.ports.read().catch(() => ({}) as Record<string, unknown>);
    const keys = Object.keys(items).filter((k) => k.startsWith(JOURNAL_PREFIX) || k === UNSAVED_ITEM);
    this.replayed = [];
    this.kept = true;
    if (keys.length) await this.ports.remove(keys);
  }
}

/** A tab's URL for `tabs-listed`, when the browser gave one. */
function pick(url: string | undefined): { url?: string } {
  return url && url.length <= 4096 ? { url } : {};
}
