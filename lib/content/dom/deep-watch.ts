/**
 * The deep watch: the open shadow roots of a document at any depth, and their mutations coalesced
 * per task, so the page renders late, re-renders or routes on the client without the guide
 * polling.
 *
 * How it waits, and why it stays cheap:
 * - `DeepWatch` keeps the set of open shadow roots it has seen. One MutationObserver watches the
 *   document and each of those roots (`childList` + `subtree`; a subtree observer stops at shadow
 *   boundaries, hence one observation per root). The callback only queues the added nodes (and
 *   only while the target is being looked for) and posts one task that handles every batch
 *   queued until then; never an animation frame (that makes the browser render between the
 *   page's own tasks).
 * - Per task, work is proportional to the added nodes: their subtrees are walked for new shadow
 *   roots, and matched against the selectors of the step being looked for. Nothing document-wide.
 * - A full deep scan (every known root, `querySelectorAll`) happens only when asked: at start,
 *   after a navigation, when the step changes.
 */


export type Root = Document | ShadowRoot;

const MAX_UNDEFINED = 256;
/** A page delivering this many mutation batches within this long churns (`DeepWatch.onBusy`). */
const BUSY_BATCHES = 20;
const BUSY_WINDOW_MS = 1000;

/** `inner` is `outer` or inside it, across shadow boundaries (the composed tree). */
export function composedContains(outer: Node, inner: Node): boolean {
  for (let n: Node | null = inner; n; ) {
    if (outer.contains(n)) return true;
    const root = n.getRootNode();
    n = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

export interface FrameChanges {
  /** Elements added since the last frame (connected ones), and roots discovered in them. */
  added: (Element | ShadowRoot)[];
  /** Parents of text nodes added since the last frame. */
  textParents: Element[];
  /** Some node was removed since the last frame. */
  removed: boolean;
}

/**
 * Watches a document and every open shadow root inside it, coalescing changes per task.
 *
 * Lazy: the document is observed from the start (a URL change shows in its mutations where no
 * navigation event tells), but not walked for shadow roots until `start()` (or the first
 * `queryAll`), so a content script on a page with nothing to ring pays next to nothing. Mutation records are coalesced with one
 * task (a MessageChannel message), never an animation frame: asking for a frame after every batch
 * would make the browser render (style, layout) between the page's own tasks. Added nodes are
 * queued only while some listener wants them (`wantsAdded`); otherwise a batch costs a loop over
 * its records (removals are still reported). While the page churns, the watch can be narrowed to
 * the regions where the awaited target can appear (`narrow`, `onBusy`), or suspended altogether
 * (`suspend`) while the target is there.
 */
export class DeepWatch {
  readonly roots = new Set<Root>();
  private readonly mo: MutationObserver;
  private pendingAdded: Node[] = [];
  private pendingRemoved = false;
  private queued = false;
  private started = false;
  private readonly channel: MessageChannel | null = typeof MessageChannel === 'function' ? new MessageChannel() : null;
  /**
   * Custom elements seen before their definition: their shadow root may come with the definition
   * (a navigation whose code loads many seconds after the shell), with no mutation this watch
   * observes. At most a few hundred (frameworks' own components carry hyphenated names and are
   * never defined), so a batch's work stays bounded. Each is looked at again at every batch and
   * when its box changes (`upgrades`: rendering its shadow content resizes it), without polling.
   */
  private readonly undefinedHosts = new Set<Element>();
  private readonly upgrades = new ResizeObserver((entries) => {
    if (!this.stopped && this.wantsAdded()) this.emit(this.upgraded(entries.map((e) => e.target)), [], false);
  });
  private listeners = new Set<(c: FrameChanges) => void>();
  private stopped = false;
  /**
   * Whether added nodes matter now (default: always). While it says no, added subtrees are not
   * queued or walked; `start`/`rescan` catch up on shadow roots added meanwhile.
   */
  wantsAdded: () => boolean = () => true;
  /** Shadow roots may have been added while nobody looked: the next full scan re-discovers. */
  private stale = false;
  /** Not observing at all (`suspend`): nothing needs mutations while the target is there. */
  private suspended = false;
  /** Called for every batch of records, synchronously (cheap checks only: `isConnected`, the URL). */
  onBatch: ((removed: boolean) => void) | null = null;
  /**
   * Called once the document delivers BUSY_BATCHES batches within BUSY_WINDOW_MS while watched
   * whole: the page churns, and every batch costs it (see `narrow`).
   */
  onBusy: (() => void) | null = null;
  private busyFrom = 0;
  private busyCount = 0;
  /**
   * The regions watched instead of the whole document (`narrow`), or null: the whole document.
   * Shadow roots inside a region are watched with it; others are not.
   */
  private scope: Element[] | null = null;

  constructor(private readonly doc: Document = document) {
    this.mo = new MutationObserver((records) => this.onRecords(records));
    if (this.channel) this.channel.port1.onmessage = () => this.run();
    this.register(doc);
  }

  /** Whether the document has been walked for its open shadow roots (`start`). */
  get walked(): boolean {
    return this.started;
  }

  /** Matches of `selector` in the document itself (no shadow roots, no walk). */
  queryDocument(selector: string): Iterable<Element> {
    return this.doc.querySelectorAll(selector);
  }

  /** Observes the document and discovers its open shadow roots (one walk of the document). */
  start(): void {
    if (this.stopped) return;
    if (!this.started) {
      this.started = true;
      this.discover(this.doc.documentElement ?? this.doc);
      this.stale = false;
    } else if (this.stale) {
      // While suspended or narrowed, roots may keep coming unseen: every full scan walks again.
      this.stale = this.suspended || this.scope !== null;
      this.discover(this.doc.documentElement ?? this.doc);
    }
  }

  /**
   * Stops observing mutations altogether: even a callback that returns at once costs the page a
   * record per mutation and a switch into the content script's world per batch (the bench's
   * 10,000-node page: 20-30 % more main-thread time). The caller follows its target with
   * observers instead (a ResizeObserver fires when the target leaves the document).
   */
  suspend(): void {
    if (this.suspended || this.stopped) return;
    this.suspended = true;
    this.mo.disconnect();
    this.queued = false;
    this.pendingAdded = [];
    this.pendingRemoved = false;
    this.stale = true;
  }

  /** Observes again after `suspend` (the next full scan re-discovers shadow roots). */
  resume(): void {
    if (!this.suspended || this.stopped) return;
    this.suspended = false;
    this.observeScope();
  }

  /**
   * Watches only these regions (and the open shadow roots inside them) instead of the whole
   * document. A subtree observer on the document costs the page a record per mutation and a
   * switch into the content script's world per batch, even with a callback that returns at once
   * (the bench's 10,000-node page, churning: 30-45 % more main-thread time); one on a navigation
   * bar costs nothing while the page churns elsewhere. Changes outside the regions go unseen
   * until `widen`, after which a full scan catches up (shadow roots are re-discovered).
   */
  narrow(regions: readonly Element[]): void {
    if (this.stopped) return;
    // A region inside another (a <nav> in a navigation host's shadow root) is watched with it.
    const outer = regions.filter((r) => r.isConnected && !regions.some((o) => o !== r && composedContains(o, r)));
    if (!outer.length) return;
    this.scope = outer;
    this.stale = true;
    this.observeScope();
  }

  /** Watches the whole document again (after `narrow`); the caller runs a full scan. */
  widen(): void {
    if (!this.scope) return;
    this.scope = null;
    this.observeScope();
  }

  get narrowed(): boolean {
    return this.scope !== null;
  }

  /** (Re)observes what the state asks for: nothing, the regions and their roots, or every root. */
  private observeScope(): void {
    const records = this.mo.takeRecords();
    this.mo.disconnect();
    if (!this.suspended && !this.stopped) {
      if (this.scope) for (const r of this.scope) this.mo.observe(r, { childList: true, subtree: true });
      for (const r of this.roots) {
        if (r !== this.doc && !(r as ShadowRoot).host.isConnected) this.roots.delete(r);
        else if (this.inScope(r)) this.mo.observe(r, { childList: true, subtree: true });
      }
    }
    this.busyCount = 0;
    if (records.length && !this.suspended) this.onRecords(records);
  }

  /** Whether mutations in this root are watched in the current scope. */
  private inScope(root: Root): boolean {
    if (!this.scope) return true;
    if (root === this.doc) return false;
    return this.scope.some((region) => composedContains(region, (root as ShadowRoot).host));
  }

  /** Calls `fn` once per task in which something was added or removed. */
  onFrame(fn: (c: FrameChanges) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  stop(): void {
    this.stopped = true;
    this.scope = null;
    this.mo.disconnect();
    this.queued = false;
    this.channel?.port1.close();
    this.listeners.clear();
    this.roots.clear();
    this.undefinedHosts.clear();
    this.upgrades.disconnect();
    this.pendingAdded = [];
  }

  /** Every element matching `selector` in every live root (a full deep scan: start, navigation, step change). */
  queryAll(selector: string): Element[] {
    this.start();
    const out: Element[] = [];
    for (const root of this.liveRoots()) for (const el of root.querySelectorAll(selector)) out.push(el);
    return out;
  }

  /** The live roots, dropping those whose host left the document. */
  liveRoots(): Root[] {
    const live: Root[] = [];
    let dropped = 0;
    for (const r of this.roots) {
      if (r === this.doc || (r as ShadowRoot).host?.isConnected) live.push(r);
      else {
        this.roots.delete(r);
        dropped++;
      }
    }
    // A MutationObserver cannot unobserve one target: re-observe the live roots when many went away.
    if (dropped > 32 && !this.suspended) this.observeScope();
    return live;
  }

  /** Processes queued mutations now instead of in the coalescing task (tests, and a click that needs fresh state). */
  flush(): void {
    this.queued = false;
    const records = this.mo.takeRecords();
    if (records.length) this.queue(records);
    this.deliver();
  }

  private register(root: Root): boolean {
    if (this.roots.has(root)) return false;
    this.roots.add(root);
    if (!this.suspended && this.inScope(root)) this.mo.observe(root, { childList: true, subtree: true });
    return true;
  }

  /** Registers the open shadow roots in `node`'s subtree (and theirs); returns the new ones. */
  private discover(node: Node, found: ShadowRoot[] = []): ShadowRoot[] {
    const visit = (el: Element) => {
      const sr = el.shadowRoot;
      if (sr) {
        if (this.register(sr)) found.push(sr);
        this.discover(sr, found);
      } else if (el.localName.includes('-') && this.undefinedHosts.size < MAX_UNDEFINED && !el.matches(':defined')) {
        this.undefinedHosts.add(el);
        this.upgrades.observe(el);
      }
    };
    if (node.nodeType === Node.ELEMENT_NODE) visit(node as Element);
    const walker = this.doc.createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) visit(n as Element);
    return found;
  }

  private onRecords(records: MutationRecord[]): void {
    if (this.stopped) return;
    if (!this.scope && this.onBusy) {
      const now = performance.now();
      if (now - this.busyFrom > BUSY_WINDOW_MS) {
        this.busyFrom = now;
        this.busyCount = 0;
      }
      if (++this.busyCount === BUSY_BATCHES) this.onBusy();
    }
    let removed = false;
    for (const r of records) if (r.removedNodes.length) removed = true;
    this.onBatch?.(removed);
    if (!this.wantsAdded()) {
      // Nothing looks for added nodes now: a later full scan must look for new shadow roots again.
      this.stale = true;
      return;
    }
    this.queue(records);
    this.schedule();
  }

  private schedule(): void {
    if (this.queued) return;
    this.queued = true;
    if (this.channel) this.channel.port2.postMessage(0);
    else setTimeout(() => this.run(), 0);
  }

  private run(): void {
    if (!this.queued) return;
    this.queued = false;
    this.deliver();
  }

  private queue(records: MutationRecord[]): void {
    for (const r of records) {
      for (const n of r.addedNodes) this.pendingAdded.push(n);
      if (r.removedNodes.length) this.pendingRemoved = true;
    }
  }

  private deliver(): void {
    if (this.stopped) return;
    const nodes = this.pendingAdded;
    const removed = this.pendingRemoved;
    this.pendingAdded = [];
    this.pendingRemoved = false;
    const added: (Element | ShadowRoot)[] = [];
    const textParents: Element[] = [];
    const seen = new Set<Node>();
    for (const n of nodes) {
      if (seen.has(n) || !n.isConnected) continue;
      seen.add(n);
      if (n.nodeType === Node.ELEMENT_NODE) {
        added.push(n as Element);
        for (const sr of this.discover(n)) added.push(sr);
      } else if (n.nodeType === Node.TEXT_NODE && n.parentElement) {
        textParents.push(n.parentElement);
      }
    }
    // Hosts defined since they were added: their shadow roots are new to us.
    if (this.undefinedHosts.size) added.push(...this.upgraded(this.undefinedHosts));
    this.emit(added, textParents, removed);
  }

  /** Of these hosts seen undefined, those that have a shadow root now, with the roots found in them. */
  private upgraded(hosts: Iterable<Element>): (Element | ShadowRoot)[] {
    const added: (Element | ShadowRoot)[] = [];
    for (const el of [...hosts]) {
      if (!this.undefinedHosts.has(el)) continue;
      const done = !!el.shadowRoot || !el.isConnected || el.matches(':defined');
      if (el.shadowRoot && el.isConnected) added.push(el, ...this.discover(el));
      if (done) {
        this.undefinedHosts.delete(el);
        this.upgrades.unobserve(el);
      }
    }
    return added;
  }

  private emit(added: (Element | ShadowRoot)[], textParents: Element[], removed: boolean): void {
    if (!added.length && !textParents.length && !removed) return;
    const changes: FrameChanges = { added, textParents, removed };
    for (const fn of [...this.listeners]) fn(changes);
  }
}

/** Elements matching a selector within added nodes (the node itself and its light subtree). */
export function matchWithin(added: readonly (Element | ShadowRoot)[], selector: string): Element[] {
  const out: Element[] = [];
  for (const a of added) {
    if (a instanceof Element && a.matches(selector)) out.push(a);
    for (const el of a.querySelectorAll(selector)) out.push(el);
  }
  return out;
}

