/**
 * Geometry of the overlay: where the card goes beside the target, whether the target can be seen,
 * and what to listen to so the ring follows it. (Hand-written rather than @floating-ui/dom: its
 * platform code alone is 5 KB gz, a quarter of the content script's 20 KB budget; what the card
 * needs is this: four sides, flip to the first with room, shift along the side, never over the
 * target while any side has room.)
 */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export type Side = 'right' | 'bottom' | 'left' | 'top';

const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(v, Math.max(min, max)));

/**
 * Position of a `w`×`h` card beside `t` in a `vw`×`vh` viewport: right, below, left or above
 * (the first side with room; else the roomiest), aligned with the target's start, shifted to stay
 * `pad` px inside the viewport.
 */
export function placeCard(t: Box, w: number, h: number, vw: number, vh: number, gap = 14, pad = 8): { x: number; y: number; side: Side } {
  const room: Record<Side, number> = {
    right: vw - t.right - gap - pad - w,
    bottom: vh - t.bottom - gap - pad - h,
    left: t.left - gap - pad - w,
    top: t.top - gap - pad - h,
  };
  const order: Side[] = ['right', 'bottom', 'left', 'top'];
  const side = order.find((s) => room[s] >= 0) ?? order.reduce((a, b) => (room[b] > room[a] ? b : a));
  const horizontal = side === 'right' || side === 'left';
  let x = side === 'right' ? t.right + gap : side === 'left' ? t.left - gap - w : t.left;
  let y = side === 'bottom' ? t.bottom + gap : side === 'top' ? t.top - gap - h : t.top;
  if (horizontal) y = clamp(y, pad, vh - h - pad);
  else x = clamp(x, pad, vw - w - pad);
  // No side has room: keep the card on screen, even if it must overlap.
  x = clamp(x, pad, vw - w - pad);
  y = clamp(y, pad, vh - h - pad);
  return { x, y, side };
}

/** The composed parent: through slots and out of shadow roots. */
function up(n: Node): Node | null {
  return (n as Element).assignedSlot ?? n.parentNode;
}

/** The ancestors (through shadow roots and slots) that may clip `el`: scroll containers and the like. */
export function clippingAncestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = up(el), depth = 0; n && depth < 64; n = up(n), depth++) {
    if (n instanceof ShadowRoot) n = n.host;
    if (!(n instanceof Element) || n === document.documentElement || n === document.body) continue;
    const cs = getComputedStyle(n);
    if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') out.push(n);
  }
  return out;
}

/** Whether any part of `r` can be seen: inside the viewport and inside every clipping ancestor. */
export function isInView(r: DOMRect, clippers: readonly Element[]): boolean {
  let { top, left, bottom, right } = r;
  for (const c of clippers) {
    const b = c.getBoundingClientRect();
    top = Math.max(top, b.top);
    left = Math.max(left, b.left);
    bottom = Math.min(bottom, b.bottom);
    right = Math.min(right, b.right);
    if (bottom <= top || right <= left) return false;
  }
  return bottom > 0 && right > 0 && top < innerHeight && left < innerWidth;
}

/**
 * Calls `cb` whenever `target` may have moved or changed size: scrolling anywhere (scroll events
 * stay inside shadow roots, so each shadow root on the way up is listened to as well) and window
 * resizes (`cb(false)`: coalesce to a frame), size changes of the target, of `also` (the card) and
 * of the document (`cb(true)`: from a ResizeObserver, after layout, so reading boxes is free).
 */
export function follow(target: Element, also: Element[], cb: (afterLayout: boolean) => void): () => void {
  const ac = new AbortController();
  const o: AddEventListenerOptions = { passive: true, capture: true, signal: ac.signal };
  const later = () => cb(false);
  addEventListener('scroll', later, o);
  addEventListener('resize', later, o);
  for (let n = up(target); n; n = up(n)) {
    if (n instanceof ShadowRoot) {
      n.addEventListener('scroll', later, o);
      n = n.host;
    }
  }
  const ro = new ResizeObserver(() => cb(true));
  for (const e of [target, ...also, document.documentElement]) ro.observe(e);
  return () => {
    ac.abort();
    ro.disconnect();
  };
}
