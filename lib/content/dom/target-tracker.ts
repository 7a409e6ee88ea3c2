/**
 * The target tracker: follows the target of one step in the live page (lib/content/dom/deep-watch.ts
 * says what changed), including candidates that exist but are hidden (a closed menu), which are
 * watched with a ResizeObserver, firing when they get a box, instead of polling.
 */
import type { Click } from '../../flow/schema';
import { isShown } from './locators';
import { compileLocator, type CompiledLocator } from './compile';
import { matchWithin, type DeepWatch, type FrameChanges } from './deep-watch';


/** How long the watch stays narrowed before it widens (and re-measures the page's churn). */
const REWIDEN_MS = 5000;
/** After a busy page showed none of the regions, how long before looking for them again. */
const NO_REGIONS_BACKOFF_MS = 5000;

/** What the tracker looks for: the clicks that may be the step's target here, best first. */
export interface TargetSpec<T> {
  options: readonly { click: Click; data: T }[];
}

export interface Found<T> {
  el: Element;
  click: Click;
  data: T;
  /** Rank: index of (option, locator), plus the locator's own score (its `prefer` label); lower is better. */
  rank: number;
}

/**
 * Follows the target of one step: finds it by a full scan when started, then only looks at added
 * nodes; when it is removed (a re-render), takes its replacement from the nodes added in the same
 * or a recent frame, or waits for it; when it is hidden, waits for a candidate to get a box.
 *
 * While the target is missing and the page churns, it narrows the watch to the regions the flow
 * data says the target appears in (`Click.regions`, when every option names them) and widens it
 * again, with a full scan, on the agent's input (`onInput`), when a region leaves the document,
 * on a new spec, and REWIDEN_MS later (the page may have calmed down).
 */
export class TargetTracker<T> {
  private current: Found<T> | null = null;
  private compiled: { option: number; locator: number; c: CompiledLocator }[] = [];
  private spec: TargetSpec<T> | null = null;
  /** Matches that appeared while the current target was still there: a re-render's replacement. */
  private spares: Found<T>[] = [];
  private readonly ro: ResizeObserver;
  private hidden = new Map<Element, Found<T>>();
  private unsubscribe: () => void;
  private rescanTimer = 0;
  /** Fires when the current target leaves the document (its box goes to 0 × 0), mutations unobserved. */
  private readonly currentRo = new ResizeObserver(() => this.checkConnected());
  private observed: Element | null = null;

  /** The selector of the regions every option's target appears in, or null (anywhere). */
  private regions: string | null = null;
  /** Fires when a watched region's box changes, including when it leaves the document. */
  private readonly regionRo = new ResizeObserver((entries) => {
    if (entries.some((e) => !e.target.isConnected)) this.widen(true);
  });
  private rewidenTimer = 0;
  private noRegionsUntil = 0;
  /** Whether the watch may be narrowed now (the content script says no while headings matter). */
  canNarrow: () => boolean = () => true;

  constructor(
    private readonly watch: DeepWatch,
    private readonly onChange: (found: Found<T> | null, reason: 'found' | 'replaced' | 'lost') => void,
  ) {
    this.ro = new ResizeObserver((entries) => this.onResize(entries));
    this.unsubscribe = watch.onFrame((c) => this.onFrame(c));
    watch.onBusy = () => this.narrow();
  }

  /** Every change of target goes out through here; a target found needs no narrowed watch. */
  private changed(found: Found<T> | null, reason: 'found' | 'replaced' | 'lost'): void {
    if (found) this.widen(false);
    this.onChange(found, reason);
  }

  /** The page churns while the target is missing: watch only the regions it can appear in. */
  private narrow(): void {
    if (!this.regions || this.watch.narrowed || this.current || !this.canNarrow() || performance.now() < this.noRegionsUntil) return;
    const regions = this.watch.queryAll(this.regions);
    if (!regions.length) {
      this.noRegionsUntil = performance.now() + NO_REGIONS_BACKOFF_MS;
      return;
    }
    this.watch.narrow(regions);
    if (!this.watch.narrowed) return;
    for (const r of regions) this.regionRo.observe(r);
    this.rewidenTimer = window.setTimeout(() => {
      this.rewidenTimer = 0;
      this.widen(true);
    }, REWIDEN_MS);
  }

  /**
   * Watches the whole document again; with `rescan`, a full scan catches up on what was added
   * outside the regions meanwhile.
   */
  private widen(rescan: boolean): void {
    if (!this.watch.narrowed) return;
    clearTimeout(this.rewidenTimer);
    this.rewidenTimer = 0;
    this.regionRo.disconnect();
    this.watch.widen();
    if (!rescan || !this.spec || this.current) return;
    const next = this.scan();
    if (next) {
      this.current = next;
      this.changed(next, 'found');
    }
  }

  /** The agent pressed or typed: what they open (a menu, a pane) may hold the target anywhere. */
  onInput(): void {
    this.widen(true);
  }

  get target(): Found<T> | null {
    return this.current;
  }

  /**
   * Whether added nodes matter: only while looking. While the target is found and connected, a
   * mutation batch costs one `isConnected` check (`checkConnected`); when the target goes, one
   * full scan finds its replacement.
   */
  wantsAdded(): boolean {
    return !!this.spec && !this.current?.el.isConnected;
  }

  /** Keeps the ResizeObserver on the current target (call after every change of target). */
  observeCurrent(): void {
    const el = this.current?.el ?? null;
    if (el === this.observed) return;
    this.currentRo.disconnect();
    this.observed = el;
    if (el) this.currentRo.observe(el);
  }

  /** After a removal: the target left the document? Then rescan once, in a task of its own. */
  checkConnected(): void {
    if (!this.current || this.current.el.isConnected || this.rescanTimer) return;
    this.rescanTimer = window.setTimeout(() => {
      this.rescanTimer = 0;
      const cur = this.current;
      if (!this.spec || !cur || cur.el.isConnected) return;
      this.current = null;
      const next = this.scan();
      if (next) {
        this.current = next;
        this.changed(next, 'replaced');
      } else this.changed(null, 'lost');
    }, 0);
  }

  /**
   * Full deep scan for the spec's candidates: the best shown one (hidden ones are watched).
   * Locators are compiled best rank first, so the scan stops at the first locator with a shown
   * match (a locale-independent hook found spares the label comparisons over every link).
   */
  private scan(): Found<T> | null {
    // Before the first walk for shadow roots (at start-up): a shown match of the best locator in
    // the document itself spares the walk. The same answer as the full scan below: the document is
    // the first root it queries, and of equal ranks the first found wins. The walk happens at the
    // next full scan (a lost target, a new step or page, narrowing).
    const first = this.compiled[0];
    if (first && !this.watch.walked) {
      const best = this.best(this.matches(first, this.watch.queryDocument(first.c.selector)));
      if (best) return best;
    }
    for (const k of this.compiled) {
      const best = this.best(this.matches(k, this.watch.queryAll(k.c.selector)));
      if (best) return best;
    }
    return null;
  }

  /** Starts looking for a new spec (null: stop looking). Runs a full deep scan. */
  set(spec: TargetSpec<T> | null): void {
    this.widen(false);
    this.spec = spec;
    this.regions = spec?.options.length && spec.options.every((o) => o.click.regions)
      ? [...new Set(spec.options.map((o) => o.click.regions!))].join(', ')
      : null;
    this.noRegionsUntil = 0;
    this.compiled = [];
    this.spares = [];
    this.clearHidden();
    const had = this.current;
    this.current = null;
    if (spec) {
      spec.options.forEach((o, option) =>
        o.click.locators.forEach((l, locator) => this.compiled.push({ option, locator, c: compileLocator(l, this.watch) })),
      );
      const best = this.scan();
      if (best) {
        this.current = best;
        this.changed(best, 'found');
        return;
      }
    }
    if (had) this.changed(null, 'lost');
  }

  /** Re-checks the current target (it was hidden or its box vanished): lost if no longer shown. */
  recheck(): void {
    const cur = this.current;
    if (!cur || (cur.el.isConnected && isShown(cur.el))) return;
    this.current = null;
    if (cur.el.isConnected) this.watchHidden(cur);
    const next = this.takeSpare();
    if (next) {
      this.current = next;
      this.changed(next, 'replaced');
    } else this.changed(null, 'lost');
  }

  stop(): void {
    this.widen(false);
    this.unsubscribe();
    clearTimeout(this.rescanTimer);
    this.ro.disconnect();
    this.currentRo.disconnect();
    this.observed = null;
    this.hidden.clear();
    this.spec = null;
    this.current = null;
    this.spares = [];
  }

  private matches(k: { option: number; locator: number; c: CompiledLocator }, els: Iterable<Element>): Found<T>[] {
    const out: Found<T>[] = [];
    const opt = this.spec!.options[k.option]!;
    for (const el of els) {
      if (k.c.accepts(el)) out.push({ el, click: opt.click, data: opt.data, rank: k.option * 100 + k.locator + (k.c.score?.(el) ?? 0) });
    }
    return out;
  }

  /** The best shown candidate; hidden ones are watched until they get a box. */
  private best(list: Found<T>[]): Found<T> | null {
    let best: Found<T> | null = null;
    for (const f of list) {
      if (!isShown(f.el)) {
        this.watchHidden(f);
        continue;
      }
      if (!best || f.rank < best.rank) best = f;
    }
    return best;
  }

  private watchHidden(f: Found<T>): void {
    if (this.hidden.has(f.el) || this.hidden.size >= 50) return;
    this.hidden.set(f.el, f);
    this.ro.observe(f.el);
  }

  private clearHidden(): void {
    for (const el of this.hidden.keys()) this.ro.unobserve(el);
    this.hidden.clear();
  }

  private onResize(entries: ResizeObserverEntry[]): void {
    if (!this.spec) return;
    const shown: Found<T>[] = [];
    for (const e of entries) {
      const f = this.hidden.get(e.target);
      if (!f) continue;
      if (!e.target.isConnected) {
        this.ro.unobserve(e.target);
        this.hidden.delete(e.target);
      } else if (isShown(e.target)) {
        this.ro.unobserve(e.target);
        this.hidden.delete(e.target);
        shown.push(f);
      }
    }
    if (shown.length) this.consider(shown);
  }

  private onFrame(c: FrameChanges): void {
    if (!this.spec) return;
    const found: Found<T>[] = [];
    if (c.added.length) {
      for (const k of this.compiled) found.push(...this.matches(k, matchWithin(c.added, k.c.selector)));
    }
    // Text arriving in an element can complete its name ("New request" rendered into an empty button).
    for (const p of c.textParents) {
      for (const k of this.compiled) {
        const el = p.closest(k.c.selector);
        if (el) found.push(...this.matches(k, [el]));
      }
    }
    if (c.removed && this.current && !this.current.el.isConnected) {
      this.current = null;
      const next = this.best(found.filter((f) => f.el.isConnected)) ?? this.takeSpare();
      if (next) {
        this.current = next;
        this.spares = [];
        this.changed(next, 'replaced');
      } else this.changed(null, 'lost');
      return;
    }
    if (found.length) this.consider(found);
  }

  private consider(found: Found<T>[]): void {
    const live = found.filter((f) => f.el.isConnected);
    if (!this.current) {
      const best = this.best(live);
      if (best) {
        this.current = best;
        this.spares = [];
        this.changed(best, 'found');
      }
      return;
    }
    // A better-ranked target appeared (a locale-independent hook after a label match): switch.
    const better = this.best(live.filter((f) => f.rank < this.current!.rank && f.el !== this.current!.el));
    if (better) {
      this.current = better;
      this.changed(better, 'replaced');
      return;
    }
    for (const f of live) if (f.el !== this.current.el && !this.spares.some((s) => s.el === f.el)) this.spares.push(f);
    if (this.spares.length > 20) this.spares.splice(0, this.spares.length - 20);
  }

  private takeSpare(): Found<T> | null {
    const live = this.spares.filter((s) => s.el.isConnected);
    this.spares = [];
    return this.best(live);
  }
}


