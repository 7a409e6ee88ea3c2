/**
 * The deep locator: finds a step's click target in the live page, inside open shadow roots at any
 * depth, and keeps finding it as the page renders late, re-renders, or routes on the client.
 *
 * Pure DOM (no extension APIs), so it runs the same in a content script and in a test page.
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
 * - Candidates that exist but are hidden (a closed menu) are watched with a ResizeObserver, which
 *   fires when they get a box, instead of polling.
 */
import { LABELS, allSpellings, normalizeLabel, type LabelId } from '../../flow/labels';
import type { Click, Locator } from '../../flow/flow';

// ---- Text and names -------------------------------------------------------------------------

/** Longest text read from an element: labels are short, a longer text cannot be one. */
const MAX_TEXT = 160;

/**
 * Code units whose kind is known without Unicode's tables, as [first, last, kind] ranges (kind 1:
 * a letter or digit, 0: not one), for text already in NFKC (which turns ª ² ³ µ ¹ º ¼ ½ ¾ into
 * letters and digits elsewhere, so nothing left in U+00A0–U+00BF is one). Covers the portals'
 * scripts and the symbols around labels: punctuation, arrows, shapes (▾), dingbats, CJK
 * punctuation, icon fonts' private-use characters. test/unit/overlay-geometry.test.ts checks every
 * range against \p{L} and \p{N}.
 */
const KNOWN_KINDS = [
  0x00, 0x2f, 0, 0x30, 0x39, 1, 0x3a, 0x40, 0, 0x41, 0x5a, 1, 0x5b, 0x60, 0, 0x61, 0x7a, 1, 0x7b, 0xbf, 0,
  0xc0, 0xd6, 1, 0xd7, 0xd7, 0, 0xd8, 0xf6, 1, 0xf7, 0xf7, 0, 0xf8, 0x24f, 1,
  0x2000, 0x206f, 0, 0x2190, 0x23ff, 0, 0x2500, 0x2775, 0, 0x2794, 0x27bf, 0,
  0x3000, 0x3004, 0, 0x3008, 0x3020, 0, 0x3041, 0x3096, 1, 0x30a1, 0x30fa, 1, 0x30fb, 0x30fb, 0, 0x30fc, 0x30ff, 1,
  0x4e00, 0x9ffc, 1, 0xac00, 0xd7a3, 1, 0xe000, 0xf8ff, 0, 0xfe00, 0xfe0f, 0,
];

/** 1: a letter or digit, 0: not one, -1: not known without Unicode's tables. */
export function knownKind(code: number): 0 | 1 | -1 {
  for (let i = 0; i < KNOWN_KINDS.length && code >= KNOWN_KINDS[i]!; i += 3) {
    if (code <= KNOWN_KINDS[i + 1]!) return KNOWN_KINDS[i + 2] as 0 | 1;
  }
  return -1;
}

/**
 * Leading and trailing characters that are no letter or digit in any script, for the text the
 * table above cannot decide. Built from a string when first needed: a Unicode-property
 * expression costs milliseconds to compile on every fresh page (its literal even to parse).
 */
let edgeSymbols: RegExp | undefined;

/** The form every comparison uses: normalized, without leading/trailing symbols ("+ New request ▾"). */
export function labelKey(text: string): string {
  const s = normalizeLabel(text);
  let start = 0;
  let end = s.length;
  let kind: 0 | 1 | -1 = 0;
  while (start < end && (kind = knownKind(s.charCodeAt(start))) === 0) start++;
  while (kind !== -1 && end > start && (kind = knownKind(s.charCodeAt(end - 1))) === 0) end--;
  if (kind !== -1) return s.slice(start, end);
  edgeSymbols ??= new RegExp('^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$', 'gu');
  return s.replace(edgeSymbols, '');
}

const keyCache = new Map<LabelId, Set<string>>();
/** Every spelling of a label, in every page language, as label keys. */
export function labelKeys(id: LabelId): Set<string> {
  let set = keyCache.get(id);
  if (!set) {
    set = new Set([...allSpellings(id)].map(labelKey));
    keyCache.set(id, set);
  }
  return set;
}

/** Elements whose content is no text a person reads. */
const SKIP_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Elements whose text stands apart from their neighbours' (a space is put between). */
const BLOCK_TAGS = new Set(['br', 'p', 'div', 'li', 'td', 'th', 'tr']);

/**
 * The text a person sees in an element, through shadow roots and slots (the composed tree),
 * leaving out `aria-hidden` parts (icons). Stops once longer than MAX_TEXT. Elements are told
 * apart by their local name, not `instanceof`: each interface an isolated world first touches
 * costs it its set-up.
 */
export function flatText(node: Node, max = MAX_TEXT): string {
  let out = '';
  const walk = (n: Node): void => {
    if (out.length > max) return;
    if (n.nodeType === Node.TEXT_NODE) {
      out += (n as Text).data;
      return;
    }
    if (n.nodeType !== Node.ELEMENT_NODE && n.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    if (n.nodeType === Node.ELEMENT_NODE) {
      const el = n as Element;
      const tag = el.localName;
      if (SKIP_TAGS.has(tag) || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return;
      if (tag === 'input') {
        const input = el as HTMLInputElement;
        if (input.type === 'button' || input.type === 'submit' || input.type === 'reset') out += ` ${input.value} `;
        return;
      }
      if (el.shadowRoot) {
        walk(el.shadowRoot);
        return;
      }
      if (tag === 'slot') {
        const assigned = (el as HTMLSlotElement).assignedNodes({ flatten: true });
        if (assigned.length) {
          for (const a of assigned) walk(a);
          return;
        }
      }
      if (BLOCK_TAGS.has(tag)) out += ' ';
    }
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(node);
  return out;
}

function byIdNear(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

/** The names an element goes by: aria-labelledby, aria-label, its text, its legend, its title. */
export function namesOf(el: Element): string[] {
  const names: string[] = [];
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const text = by.split(/\s+/).map((id) => byIdNear(el, id)).filter((x): x is Element => !!x).map((x) => flatText(x)).join(' ');
    if (text.trim()) names.push(text);
  }
  const label = el.getAttribute('aria-label');
  if (label) names.push(label);
  if (el.localName === 'fieldset') {
    const legend = el.querySelector(':scope > legend');
    if (legend) names.push(flatText(legend));
  } else {
    names.push(flatText(el));
  }
  const title = el.getAttribute('title');
  if (title) names.push(title);
  return names;
}

/**
 * The spelling of `label` this element shows ("Office 365, Dynamics 365, Enterprise Mobility Suite"
 * rather than the first spelling), or undefined when its name is none of them.
 */
export function shownSpelling(el: Element, label: LabelId): string | undefined {
  const names = new Set(namesOf(el).filter((n) => n.length <= MAX_TEXT).map(labelKey));
  // Spellings are normalized lazily and remembered: the first one usually matches.
  for (const list of Object.values(LABELS[label]) as readonly (readonly string[])[]) {
    for (const s of list) {
      let key = spellingKeys.get(s);
      if (key === undefined) spellingKeys.set(s, (key = labelKey(s)));
      if (names.has(key)) return s;
    }
  }
  return undefined;
}

const spellingKeys = new Map<string, string>();

export function hasName(el: Element, label: LabelId): boolean {
  const keys = labelKeys(label);
  return namesOf(el).some((n) => n.length <= MAX_TEXT && keys.has(labelKey(n)));
}

// ---- Locators as selectors + checks -----------------------------------------------------------

const ROLE_SELECTORS: Record<string, string> = {
  link: '[role="link"], a[href]:not([role]), area[href]:not([role])',
  button: '[role="button"], button:not([role]), input:is([type="button"],[type="submit"],[type="reset"]):not([role]), summary:not([role])',
  menuitem: '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]',
  tab: '[role="tab"]',
  option: '[role="option"], option:not([role])',
  radiogroup: '[role="radiogroup"]',
  listbox: '[role="listbox"], select:not([role])',
  grid: '[role="grid"], [role="treegrid"]',
  table: '[role="table"], table:not([role])',
  heading: '[role="heading"], :is(h1,h2,h3,h4,h5,h6):not([role])',
};

/** A locator compiled: a selector that finds its candidates, and a check each must pass. */
export interface CompiledLocator {
  selector: string;
  accepts(el: Element): boolean;
}

/**
 * An `href` locator's candidates (also the start-up code's, lib/content/boot.ts): elements with an href,
 * but not `link` or `base` (the head's; never shown, never clicked), which would each cost a URL
 * parse in the check below.
 */
export const HREF_SELECTOR = '[href]:not(link, base)';

/** An `href` locator's check (also the start-up code's, lib/content/boot.ts): the resolved href matches `pattern`, any case. */
export function hrefMatcher(pattern: string): (el: Element) => boolean {
  const re = new RegExp(pattern, 'i');
  return (el) => {
    // Links resolve their own href natively; other elements with an href attribute by URL. (Told
    // apart by local name, not `instanceof`: see flatText.)
    if ((el.localName === 'a' || el.localName === 'area') && el.namespaceURI === HTML_NS) {
      const href = (el as HTMLAnchorElement).href;
      return !!href && re.test(href);
    }
    const raw = el.getAttribute('href');
    if (!raw) return false;
    try {
      return re.test(new URL(raw, el.baseURI).href);
    } catch {
      return false;
    }
  };
}

export function compileLocator(loc: Locator): CompiledLocator {
  switch (loc.by) {
    case 'css':
      return { selector: loc.selector, accepts: () => true };
    case 'href':
      return { selector: HREF_SELECTOR, accepts: hrefMatcher(loc.pattern) };
    case 'label':
      return {
        selector: loc.roles.map((r) => ROLE_SELECTORS[r] ?? `[role="${r}"]`).join(', '),
        accepts: (el) => hasName(el, loc.label),
      };
  }
}

/** Rendered with a box (not display:none, not hidden by visibility or content-visibility). */
export function isShown(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (check && !check.call(el, { visibilityProperty: true, contentVisibilityAuto: true })) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

// ---- Deep watch ---------------------------------------------------------------------------------

export type Root = Document | ShadowRoot;

const MAX_UNDEFINED = 256;
const UNDEFINED_TTL_MS = 5000;
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
   * Custom elements seen before their definition, with when they were seen: their shadow root may
   * come with the definition. Kept a few seconds and at most a few hundred (frameworks' own
   * components carry hyphenated names and are never defined), so a batch's work stays bounded.
   */
  private undefinedHosts = new Map<Element, number>();
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
        this.undefinedHosts.set(el, performance.now());
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
    if (this.undefinedHosts.size) {
      const stale = performance.now() - UNDEFINED_TTL_MS;
      for (const [el, seen] of this.undefinedHosts) {
        if (el.shadowRoot) {
          this.undefinedHosts.delete(el);
          if (!el.isConnected) continue;
          added.push(el);
          for (const sr of this.discover(el)) added.push(sr);
        } else if (seen < stale || !el.isConnected || el.matches(':defined')) this.undefinedHosts.delete(el);
      }
    }
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

// ---- Target tracking ----------------------------------------------------------------------------

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
  /** Rank: index of (option, locator); lower is better. */
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
        o.click.locators.forEach((l, locator) => this.compiled.push({ option, locator, c: compileLocator(l) })),
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
      if (k.c.accepts(el)) out.push({ el, click: opt.click, data: opt.data, rank: k.option * 100 + k.locator });
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

