/**
 * The guided overlay, plain DOM in an open shadow root (Preact would cost a fifth of the content
 * script's size budget for five elements): the ring around the target, the card beside it, the
 * pill it minimizes to, the fallback card, and the warnings.
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
}

export interface FallbackModel {
  step: string;
  title: LabelledText;
  where: string;
  minimizeLabel: string;
}

export interface PillModel {
  text: string;
  restoreLabel: string;
}

export interface WarningModel {
  id: string;
  title: string;
  body: string;
  action: string;
  dismiss: string | null;
}

export interface OverlayEvents {
  minimize(minimized: boolean): void;
  warningAction(id: string): void;
  dismissWarning(id: string): void;
}

type Attrs = Record<string, string | null | undefined>;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) e.setAttribute(k, v);
  for (const c of children) if (c != null) e.append(c);
  return e;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS(SVG_NS, 'path');
  p.setAttribute('d', path);
  p.setAttribute('fill', 'currentColor');
  svg.append(p);
  return svg;
}
const MINIMIZE_PATH = 'M3 8.5h10a.5.5 0 0 0 0-1H3a.5.5 0 0 0 0 1z';

function labelled(t: LabelledText, cls: string): HTMLElement {
  const p = el('p', { class: cls });
  if (t.before) p.append(t.before);
  p.append(el('strong', { lang: t.labelLang }, t.label));
  if (t.after) p.append(t.after);
  return p;
}

const supportsPopover = typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;

export class Overlay {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  private readonly root: HTMLElement;
  private readonly ring: HTMLElement;
  private readonly card: HTMLElement;
  private readonly dock: HTMLElement;
  private readonly warningsBox: HTMLElement;
  private readonly fallback: HTMLElement;
  private readonly pill: HTMLButtonElement;
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

  constructor(private readonly events: OverlayEvents, lang: string) {
    this.host = document.createElement('escalation-guide-overlay');
    this.host.setAttribute('data-escalation-guide', '');
    const s = this.host.style;
    for (const [k, v] of [
      ['all', 'initial'], ['position', 'fixed'], ['inset', '0 auto auto 0'], ['width', '0'], ['height', '0'], ['margin', '0'],
      ['padding', '0'], ['border', '0'], ['background', 'transparent'], ['overflow', 'visible'], ['display', 'block'],
      ['pointer-events', 'none'], ['z-index', '2147483647'], ['contain', 'none'], ['transform', 'none'],
    ] as const) s.setProperty(k, v, 'important');
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.ring = el('div', { class: 'ring', 'data-testid': 'eg-highlight', hidden: '' });
    this.card = el('section', { class: 'card', 'data-testid': 'eg-next-step', 'aria-live': 'polite', hidden: '' });
    this.warningsBox = el('div', { class: 'warnings', style: 'display:contents' });
    this.fallback = el('section', { class: 'card fallback', 'data-testid': 'eg-fallback', 'aria-live': 'polite', hidden: '' });
    this.pill = el('button', { class: 'pill', type: 'button', 'data-testid': 'eg-pill', hidden: '' });
    onUserClick(this.pill, () => this.events.minimize(false));
    this.dock = el('div', { class: 'dock' }, this.warningsBox, this.fallback, this.pill);
    this.root = el('div', { class: 'eg', lang }, this.ring, this.card, this.dock);
    this.shadow.append(style, this.root);
  }

  /** Puts the host in the page (again, if the page removed it) and in the top layer. */
  mount(): void {
    if (this.destroyed) return;
    if (!this.host.isConnected) (document.documentElement ?? document.body).append(this.host);
    if (supportsPopover) {
      if (!this.host.hasAttribute('popover')) this.host.setAttribute('popover', 'manual');
      try {
        if (!this.host.matches(':popover-open')) this.host.showPopover();
      } catch {
        /* not in a document yet, or the page made it inert: the fixed fallback still draws */
      }
    }
  }

  /** Brings the overlay above top-layer elements the page opened after it (dialogs, popovers). */
  raise(): void {
    if (!supportsPopover || !this.host.isConnected) return;
    try {
      this.host.hidePopover();
      this.host.showPopover();
    } catch {
      /* ignore */
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
        this.follower = follow(target, [this.card, this.dock], (r, afterLayout, visible) => {
          if (visible !== undefined) this.visible = visible;
          if (afterLayout) this.update(r);
          else this.reposition();
        });
      }
    }
    this.ring.hidden = !target;
    if (target && pulse) {
      // Restart the pulse without a forced style/layout flush: off now, on again next frame.
      clearTimeout(this.pulseTimer);
      cancelAnimationFrame(this.pulseFrame);
      const on = () => {
        this.ring.classList.add('pulse');
        this.pulseTimer = window.setTimeout(() => this.ring.classList.remove('pulse'), 1500);
      };
      if (this.ring.classList.contains('pulse')) {
        this.ring.classList.remove('pulse');
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
    if (model) {
      const min = el('button', { class: 'icon', type: 'button', 'aria-label': model.minimizeLabel, title: model.minimizeLabel, 'data-testid': 'eg-minimize' }, icon(MINIMIZE_PATH));
      onUserClick(min, () => this.events.minimize(true));
      this.card.replaceChildren(
        el('div', { class: 'head' }, el('span', { class: 'step' }, model.step), min),
        labelled(model.click, 'click'),
        el('p', { class: 'why' }, model.why),
      );
    }
    this.syncCard();
  }

  setFallback(model: FallbackModel | null): void {
    this.fallback.hidden = !model;
    if (!model) return;
    const min = el('button', { class: 'icon', type: 'button', 'aria-label': model.minimizeLabel, title: model.minimizeLabel }, icon(MINIMIZE_PATH));
    onUserClick(min, () => this.events.minimize(true));
    this.fallback.replaceChildren(
      el('div', { class: 'head' }, el('span', { class: 'step' }, model.step), min),
      labelled(model.title, 'click'),
      el('p', { class: 'where' }, model.where),
    );
  }

  setPill(model: PillModel | null): void {
    this.pill.hidden = !model;
    if (!model) return;
    this.pill.setAttribute('aria-label', `${model.text}. ${model.restoreLabel}`);
    this.pill.title = model.restoreLabel;
    this.pill.replaceChildren(el('span', { class: 'dot', 'aria-hidden': 'true' }), el('span', {}, model.text));
  }

  setWarnings(list: readonly WarningModel[]): void {
    this.warningsBox.replaceChildren(
      ...list.map((w) => {
        const action = el('button', { class: 'btn primary', type: 'button', 'data-action': 'open-partner-center' }, w.action);
        onUserClick(action, () => this.events.warningAction(w.id));
        const actions = el('div', { class: 'actions' }, action);
        if (w.dismiss) {
          const d = el('button', { class: 'btn', type: 'button', 'data-action': 'dismiss' }, w.dismiss);
          onUserClick(d, () => this.events.dismissWarning(w.id));
          actions.append(d);
        }
        return el('div', { class: 'warning', role: 'alert', 'data-warning': w.id },
          el('p', { class: 'title' }, w.title), el('p', { class: 'body' }, w.body), actions);
      }),
    );
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
    if (this.card.hidden !== hidden) this.card.hidden = hidden;
  }

  /**
   * Places the ring on the target and the card beside it (never over it). Reads every box first,
   * then writes: called from a ResizeObserver or IntersectionObserver (layout is clean then; the
   * latter hands over the target's box), it forces no extra layout.
   */
  private update(box0: Box | null = null): void {
    const target = this.target;
    if (!target?.isConnected) {
      this.dock.classList.remove('low');
      return;
    }
    // The page removed the overlay (its card and dock lost their boxes): put it back.
    if (!this.host.isConnected) this.mount();
    const r = box0 ?? target.getBoundingClientRect();
    const visible = this.visible;
    if (!this.radiusRead) {
      this.radiusRead = true;
      // The ring takes the target's corners (a pill-shaped button gets a pill-shaped ring).
      const radius = parseFloat(getComputedStyle(target).borderTopLeftRadius) || 0;
      this.ring.style.borderRadius = `${Math.min(Math.max(radius + RING_PAD, 6), 999)}px`;
    }
    const d = this.dock.getBoundingClientRect();
    const cardSize = this.card.hidden ? null : [this.card.offsetWidth, this.card.offsetHeight] as const;
    this.follower?.placedAt(r);
    const box = { left: r.left - RING_PAD, top: r.top - RING_PAD, right: r.right + RING_PAD, bottom: r.bottom + RING_PAD };
    const rs = this.ring.style;
    rs.transform = `translate(${box.left}px, ${box.top}px)`;
    rs.width = `${box.right - box.left}px`;
    rs.height = `${box.bottom - box.top}px`;
    // Scrolled out of its container or the viewport: no ring floating over other content.
    rs.visibility = visible ? '' : 'hidden';
    // The dock (warnings, pill, fallback) moves to the bottom when it would sit on the target.
    this.dock.classList.toggle('low', d.height > 0 && box.right > innerWidth - 16 - d.width && box.bottom > 64 && box.top < 64 + d.height);
    if (cardSize) {
      const p = placeCard(box, cardSize[0], cardSize[1], innerWidth, innerHeight);
      this.card.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px)`;
      this.card.dataset.side = p.side;
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
function onUserClick(el: HTMLElement, act: () => void): void {
  el.addEventListener('click', (e) => {
    if (e.isTrusted) act();
  });
}
