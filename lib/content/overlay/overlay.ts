/**
 * The guided overlay, plain DOM in an open shadow root (Preact would cost a fifth of the content
 * script's size budget for five elements): the ring around the target, the card beside it, and
 * the dock where the guide shows the pill it minimizes to, the fallback card and the warnings
 * (their parts are in dock.ts, which only the guide carries). The first draw (ring and card) is on
 * the content scripts' start-up path, so the parts are built once and then refilled.
 *
 * It never touches the page's elements or styles. Its host sits in the top layer (a manual
 * popover) where the browser supports it, so no z-index, transform or sticky header of the page
 * can cover it or become its containing block; everything is `pointer-events: none` except its
 * own buttons.
 */
import { follow, placeCard, type Box, type Follower } from './place';
import { OVERLAY_CSS, RING_PAD } from './styles';

/** Text parts of a sentence with the page's label in it: before, label, after. */
export interface LabelledText {
  before: string;
  label: string;
  after: string;
  /** Language of the label (the page's), for the `lang` attribute. */
  labelLang: string;
}

export interface CardModel {
  /** "Step 3 of 11" */
  step: string;
  click: LabelledText;
  why: string;
  minimizeLabel: string;
  /** An action of the step beside the click (Fill in the description, at the support topic): its label and test id. */
  action?: { label: string; testId: string };
  /** "Not this?": the agent says the ring is on the wrong control and shows the right one (lib/content/heal/). */
  notThis?: string | undefined;
}

export interface OverlayEvents {
  /** The card's minimize button. */
  minimize(minimized: boolean): void;
  /** The card's action (`CardModel.action`), on the agent's own click. */
  cardAction?(): void;
  /** The card's "Not this?" (`CardModel.notThis`), on the agent's own click. */
  notThis?(): void;
  /**
   * The ringed target left the page or lost its box (seen after layout, by the observers that
   * place the ring). The start-up code hands over to the guide then; without it, the ring stays
   * where it was last placed and the guide's own watch finds the replacement.
   */
  lost?(): void;
}

/** A new element of the overlay, with its class, appended to `parent`. */
export function part<K extends keyof HTMLElementTagNameMap>(parent: Node, tag: K, className = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  parent.appendChild(e);
  return e;
}

/**
 * Sets a node's text only when it differs: a redraw with the same texts changes nothing (no
 * re-announcement in a live region, no relayout).
 */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

export function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * A card (the next step's, or the fallback's): a head with "Step n of 11" and the minimize
 * button, the sentence with the page's label, one line below (why / where). Built once and then
 * only refilled.
 */
export class CardView {
  readonly el: HTMLElement;
  private readonly step: HTMLElement;
  private readonly minimize: HTMLButtonElement;
  private readonly before: HTMLElement;
  private readonly label: HTMLElement;
  private readonly after: HTMLElement;
  private readonly note: HTMLElement;
  /** The action button, made the first time a model has one (`CardModel.action`). */
  private action: HTMLButtonElement | null = null;
  private notThis: HTMLButtonElement | null = null;

  constructor(className: string, testId: string, noteClass: string, onMinimize: () => void, minimizeTestId?: string) {
    const el = (this.el = document.createElement('section'));
    el.className = className;
    el.hidden = true;
    el.setAttribute('data-testid', testId);
    el.setAttribute('aria-live', 'polite');
    const head = part(el, 'div', 'head');
    this.step = part(head, 'span', 'step');
    // The icon (a dash) is drawn by the stylesheet: no SVG to build.
    this.minimize = part(head, 'button', 'icon minimize');
    this.minimize.type = 'button';
    if (minimizeTestId) this.minimize.setAttribute('data-testid', minimizeTestId);
    onUserClick(this.minimize, onMinimize);
    const click = part(el, 'p', 'click');
    // Spans, not text nodes: a `Text` would be one more interface to set up on the start-up path.
    this.before = part(click, 'span');
    this.label = part(click, 'strong');
    this.after = part(click, 'span');
    this.note = part(el, 'p', noteClass);
  }

  fill(step: string, click: LabelledText, note: string, minimizeLabel: string): void {
    setText(this.step, step);
    setAttr(this.minimize, 'aria-label', minimizeLabel);
    setAttr(this.minimize, 'title', minimizeLabel);
    setText(this.before, click.before);
    setText(this.label, click.label);
    setAttr(this.label, 'lang', click.labelLang);
    setText(this.after, click.after);
    setText(this.note, note);
  }

  /** Shows the card's "Not this?" (undefined: none); `act` runs on the agent's own click. */
  setNotThis(label: string | undefined, act: () => void): void {
    if (label && !this.notThis) {
      const b = (this.notThis = part(this.el, 'button', 'quiet'));
      b.type = 'button';
      b.setAttribute('data-testid', 'eg-not-this');
      onUserClick(b, act);
    }
    if (!this.notThis) return;
    this.notThis.hidden = !label;
    if (label) setText(this.notThis, label);
  }

  /** Shows the card's action (null: none); `act` runs on the agent's own click. */
  setAction(action: { label: string; testId: string } | null | undefined, act: () => void): void {
    if (action && !this.action) {
      const b = (this.action = part(part(this.el, 'div', 'acts'), 'button', 'act'));
      b.type = 'button';
      onUserClick(b, act);
    }
    if (!this.action) return;
    (this.action.parentElement as HTMLElement).hidden = !action;
    if (action) {
      setText(this.action, action.label);
      setAttr(this.action, 'data-testid', action.testId);
    }
  }
}

export class Overlay {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  private readonly root: HTMLElement;
  private readonly ring: HTMLElement;
  private readonly card: CardView;
  /** Where the guide's pill, fallback card and warnings go (dock.ts); empty until then. */
  readonly dock: HTMLElement;
  private target: Element | null = null;
  private follower: Follower | null = null;
  /** Whether any part of the target can be seen (IntersectionObserver: viewport and clipping ancestors). */
  private visible = true;
  /** The ring's corners are read once per target, in the first placement (after layout). */
  private radiusRead = false;
  private placed = false;
  private placedWaiters: (() => void)[] = [];
  private frame = 0;
  private pulseFrame = 0;
  private pulseTimer = 0;
  private cardShown = false;
  private destroyed = false;

  constructor(private events: OverlayEvents, lang: string) {
    // The host's own styles (position, top layer, no pointer events) are `:host` rules of the
    // overlay's stylesheet: important declarations inside a shadow tree beat the page's.
    this.host = document.createElement('escalation-guide-overlay');
    this.host.setAttribute('data-escalation-guide', '');
    this.shadow = this.host.attachShadow({ mode: 'open' });
    // Built apart; the first mount() puts them in the shadow root (see there).
    this.root = document.createElement('div');
    this.root.className = 'eg';
    this.root.lang = lang;
    this.ring = part(this.root, 'div', 'ring');
    this.ring.hidden = true;
    this.ring.setAttribute('data-testid', 'eg-highlight');
    this.card = new CardView('card', 'eg-next-step', 'why', () => this.events.minimize(true), 'eg-minimize');
    this.root.appendChild(this.card.el);
    this.dock = part(this.root, 'div', 'dock');
  }

  /** Puts the host in the page (again, if the page removed it) and in the top layer. */
  mount(): void {
    if (this.destroyed) return;
    if (!this.host.isConnected) (document.documentElement ?? document.body).append(this.host);
    // The top layer where the browser has it (asked of the host: reading `HTMLElement` at load
    // would cost the content scripts' world that interface's set-up before anything is drawn).
    if (typeof this.host.showPopover === 'function') {
      if (!this.host.hasAttribute('popover')) this.host.setAttribute('popover', 'manual');
      try {
        // Nothing happens when it is shown already (older engines threw: caught below).
        this.host.showPopover();
      } catch {
        /* shown already (older engines), not in a document yet, or the page made it inert: the fixed fallback still draws */
      }
    }
    // The parts go in after showPopover(): it brings the page's style up to date at once (to look
    // for an element to focus), and with an empty shadow root that covers the host alone, not the
    // overlay's stylesheet and parts (those are styled with the page's next frame).
    if (this.root.parentNode !== this.shadow) {
      const style = document.createElement('style');
      style.textContent = OVERLAY_CSS;
      // First: the dock's stylesheet (dock.ts) may be there already, and builds on this one.
      this.shadow.prepend(style, this.root);
    }
  }

  destroy(): void {
    this.destroyed = true;
    this.setTarget(null, false);
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.pulseFrame);
    clearTimeout(this.pulseTimer);
    this.host.remove();
  }

  /** Rings `target` (null: no ring) and keeps the ring and card on it; `pulse` on a new step's target. */
  setTarget(target: Element | null, pulse: boolean): void {
    if (target !== this.target) {
      this.follower?.stop();
      this.follower = null;
      this.target = target;
      this.placed = false;
      this.radiusRead = false;
      this.visible = true;
      // Nothing is measured here: the observers' first callbacks (after the next layout) place
      // the ring; until then it stays hidden rather than drawn at the previous target.
      this.ring.style.visibility = 'hidden';
      if (target) {
        this.follower = follow(target, [this.card.el, this.dock], (r, afterLayout, visible) => {
          if (visible !== undefined) this.visible = visible;
          if (afterLayout) this.update(r);
          else this.reposition();
        });
      }
    }
    if (this.ring.hidden !== !target) this.ring.hidden = !target;
    if (target && pulse) {
      // Restart the pulse without a forced style/layout flush: off now, on again next frame.
      clearTimeout(this.pulseTimer);
      cancelAnimationFrame(this.pulseFrame);
      // (Class names set whole: no `classList`, one interface fewer on the start-up path.)
      const on = () => {
        this.ring.className = 'ring pulse';
        this.pulseTimer = window.setTimeout(() => (this.ring.className = 'ring'), 1500);
      };
      if (this.ring.className !== 'ring') {
        this.ring.className = 'ring';
        this.pulseFrame = requestAnimationFrame(on);
      } else on();
    }
    this.syncCard();
  }

  /** Calls `fn` once the ring has been placed on the current target (now, if it has). */
  whenPlaced(fn: () => void): void {
    if (this.placed || !this.target) fn();
    else this.placedWaiters.push(fn);
  }

  get ringedElement(): Element | null {
    return this.target;
  }

  setCard(model: CardModel | null): void {
    this.cardShown = !!model;
    if (model) this.card.fill(model.step, model.click, model.why, model.minimizeLabel);
    this.card.setAction(model?.action, () => this.events.cardAction?.());
    this.card.setNotThis(model?.notThis, () => this.events.notThis?.());
    this.syncCard();
  }

  /** Who hears the card's buttons from now on (the guide, when it takes over the start-up code's overlay). */
  setEvents(events: OverlayEvents): void {
    this.events = events;
  }

  /**
   * Places ring and card again at the next frame (scroll, resize). DOM mutations need no call:
   * size changes come through a ResizeObserver, moves through an IntersectionObserver (place.ts).
   */
  reposition(): void {
    if (!this.frame && this.target) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.update();
      });
    }
  }

  private syncCard(): void {
    const hidden = !(this.cardShown && this.target);
    if (this.card.el.hidden !== hidden) this.card.el.hidden = hidden;
  }

  /**
   * Places the ring on the target and the card beside it (never over it). Reads every box first,
   * then writes: called from a ResizeObserver or IntersectionObserver (layout is clean then; the
   * latter hands over the target's box), it forces no extra layout.
   */
  private update(box0: Box | null = null): void {
    const target = this.target;
    if (!target?.isConnected) {
      this.dock.className = 'dock';
      if (target) this.events.lost?.();
      return;
    }
    // The page removed the overlay (its card and dock lost their boxes): put it back.
    if (!this.host.isConnected) this.mount();
    // Every read comes before the first write: a read after a write would lay out again.
    const r = box0 ?? target.getBoundingClientRect();
    // No box at all (display: none, a collapsed ancestor): lost, as a removed target is.
    if (r.right === r.left && r.bottom === r.top && this.events.lost) return this.events.lost();
    const visible = this.visible;
    // The ring takes the target's corners (a pill-shaped button gets a pill-shaped ring).
    const radius = this.radiusRead ? null : parseFloat(getComputedStyle(target).borderTopLeftRadius) || 0;
    const d = this.dock.getBoundingClientRect();
    const card = this.card.el;
    const cardSize = card.hidden ? null : [card.offsetWidth, card.offsetHeight] as const;
    this.follower?.placedAt(r);
    const box = { left: r.left - RING_PAD, top: r.top - RING_PAD, right: r.right + RING_PAD, bottom: r.bottom + RING_PAD };
    const rs = this.ring.style;
    if (radius !== null) {
      this.radiusRead = true;
      rs.borderRadius = `${Math.min(Math.max(radius + RING_PAD, 6), 999)}px`;
    }
    rs.transform = `translate(${box.left}px, ${box.top}px)`;
    rs.width = `${box.right - box.left}px`;
    rs.height = `${box.bottom - box.top}px`;
    // Scrolled out of its container or the viewport: no ring floating over other content.
    rs.visibility = visible ? '' : 'hidden';
    // The dock (warnings, pill, fallback, the done card) moves to the left when it would sit on the
    // target (a pane down the right side holds the rest of the form too).
    const dockClass = d.height > 0 && box.right > innerWidth - 16 - d.width && box.bottom > 64 && box.top < 64 + d.height ? 'dock left' : 'dock';
    if (this.dock.className !== dockClass) this.dock.className = dockClass;
    if (cardSize) {
      const p = placeCard(box, cardSize[0], cardSize[1], innerWidth, innerHeight);
      card.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px)`;
      setAttr(card, 'data-side', p.side);
    }
    if (!this.placed) {
      this.placed = true;
      for (const fn of this.placedWaiters.splice(0)) fn();
    }
  }
}

/**
 * Runs `act` for the agent's own clicks only (mouse, or Enter/Space on the focused button). The
 * overlay's shadow root is open, so a page script can reach its buttons: its synthetic clicks
 * (`isTrusted` false) must not minimize the guide or dismiss a warning.
 */
export function onUserClick(el: HTMLElement, act: () => void): void {
  el.addEventListener('click', (e) => {
    if (e.isTrusted) act();
  });
}
