/**
 * A fake session store and browser tab list for the hub's tests: what `storage.session` keeps
 * (JSON copies, as the browser does), shared across Hub instances like the real one survives a
 * stopped service worker; writes counted, and failing on demand (a full store).
 */
import type { BrowserTab, StorePorts } from '../../../lib/background/persist';
import { STATE_ITEM } from '../../../lib/protocol/storage';

export class MemoryStore {
  readonly items = new Map<string, unknown>();
  /** Every write call, and those that carried the state. */
  writes = 0;
  saves = 0;
  /** Set to make writes fail (return the error to throw, or undefined to let this one pass). */
  failWrite: ((items: Record<string, unknown>) => Error | undefined) | undefined;

  get value(): unknown {
    return this.items.get(STATE_ITEM);
  }
  set value(v: unknown) {
    if (v === undefined) this.items.delete(STATE_ITEM);
    else this.items.set(STATE_ITEM, JSON.parse(JSON.stringify(v)));
  }

  /** Bytes the store holds (JSON), as Chrome counts its quota roughly. */
  get bytes(): number {
    let n = 0;
    for (const [k, v] of this.items) n += k.length + JSON.stringify(v).length;
    return n;
  }
}

/** The store ports of a hub over `store`; the browser's tabs from `tabs` (default: the tabs the stored state knows). */
export function storePorts(store: MemoryStore, tabs?: () => BrowserTab[] | Promise<BrowserTab[]>): Pick<StorePorts, 'read' | 'write' | 'remove' | 'tabs'> {
  return {
    read: async () => Object.fromEntries([...store.items].map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as unknown])),
    write: async (items) => {
      const err = store.failWrite?.(items);
      if (err) throw err;
      store.writes++;
      if (STATE_ITEM in items) store.saves++;
      for (const [k, v] of Object.entries(items)) store.items.set(k, JSON.parse(JSON.stringify(v ?? null)));
    },
    remove: async (keys) => {
      for (const k of keys) store.items.delete(k);
    },
    tabs: async () => (tabs ? tabs() : knownTabs(store)),
  };
}

/** The tabs of the stored state, as if nothing happened in the browser while the worker was stopped. */
function knownTabs(store: MemoryStore): BrowserTab[] {
  const state = store.value as { tabs?: Record<string, unknown> } | undefined;
  return Object.keys(state?.tabs ?? {}).map((id) => ({ id: Number(id) }));
}
