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

const moved = (a: Box, b: Box) =>
  Math.abs(a.left - b.left) > 0.5 || Math.abs(a.top - b.top) > 0.5 || Math.abs(a.right - b.right) > 0.5 || Math.abs(a.bottom - b.bottom) > 0.5;

export interface Follower {
  /** The target's box as last placed: watch for it to move away from there (a layout shift). */
  placedAt(r: Box): void;
  stop(): void;
}

/**
 * Calls `cb` whenever `target` may have moved, changed size or visibility, without reading layout
 * on its own:
 * - scrolling anywhere (scroll events stay inside shadow roots, so each shadow root on the way up
 *   is listened to as well) and window resizes: `cb(null)`, to coalesce to a frame;
 * - size changes of the target, of `also` (the card, the dock) and of the document: `cb(null,
 *   true)` from a ResizeObserver, after layout, so reading boxes there is free;
 * - visibility (the viewport's edge, a scroll container's clip): an IntersectionObserver;
 * - moves with no resize (content inserted above it): a second IntersectionObserver whose root
 *   is shrunk to the box the target was last placed at, so any move changes the intersection.
 * IntersectionObserver entries carry the target's box, measured after layout: `cb(entry box, ...)`.
 */
export function follow(target: Element, also: Element[], cb: (r: DOMRectReadOnly | null, afterLayout: boolean, visible?: boolean) => void): Follower {
  const ac = new AbortController();
  const o: AddEventListenerOptions = { passive: true, capture: true, signal: ac.signal };
  const later = () => cb(null, false);
  addEventListener('scroll', later, o);
  addEventListener('resize', later, o);
  for (let n = up(target); n; n = up(n)) {
    // A shadow root (a document fragment with a host; not `instanceof`, whose first use costs an
    // isolated world the interface's set-up).
    if (n.nodeType === 11 && (n as ShadowRoot).host) {
      n.addEventListener('scroll', later, o);
      n = (n as ShadowRoot).host;
    }
  }
  const ro = new ResizeObserver(() => cb(null, true));
  for (const e of [target, ...also, document.documentElement]) ro.observe(e);
  let shift: IntersectionObserver | null = null;
  let armed: Box | null = null;
  /** What the last entry of `seen` said (the overlay takes a new target as visible until told). */
  let visible = true;
  const seen = new IntersectionObserver((entries) => {
    const e = entries[entries.length - 1]!;
    const box = e.boundingClientRect;
    // Its first entry usually comes right after the ResizeObserver's placement: nothing new then.
    if (armed && e.isIntersecting === visible && !moved(box, armed)) return;
    visible = e.isIntersecting;
    cb(box, true, visible);
  });
  seen.observe(target);

  const arm = (r: Box, threshold: number) => {
    shift?.disconnect();
    armed = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    if (r.right - r.left <= 0 || r.bottom - r.top <= 0) return;
    const vw = document.documentElement.clientWidth || innerWidth;
    const vh = document.documentElement.clientHeight || innerHeight;
    const m = [-Math.floor(r.top), -Math.floor(vw - r.right), -Math.floor(vh - r.bottom), -Math.floor(r.left)];
    let first = true;
    try {
      shift = new IntersectionObserver(([e]) => {
        if (!e || !armed) return;
        const box = e.boundingClientRect;
        if (moved(box, armed)) return cb(box, true);
        // Not moved; the root's rounding left a ratio short of 1: watch for a change from it.
        if (first && e.intersectionRatio > 0 && Math.abs(e.intersectionRatio - threshold) > 1e-3) arm(armed, e.intersectionRatio);
        first = false;
      }, { rootMargin: m.map((x) => `${x}px`).join(' '), threshold: Math.max(0, Math.min(1, threshold)) || 1 });
      shift.observe(target);
    } catch {
      shift = null; // a root margin the browser refuses: scroll, resize and size changes still follow
    }
  };
  return {
    placedAt(r) {
      if (!armed || moved(r, armed)) arm(r, 1);
    },
    stop() {
      ac.abort();
      ro.disconnect();
      seen.disconnect();
      shift?.disconnect();
      armed = null;
    },
  };
}
