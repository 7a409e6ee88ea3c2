/** Bringing the target into view, without reading layout on the page's main thread. */

function reducedMotion(): boolean {
  return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Scrolls the element into view when part of it is hidden by the viewport's edge or by a scroll
 * container, and it is small enough to fit (a big list is left where the agent has it). Read from
 * an IntersectionObserver (after layout, clipping included): no forced layout or style.
 */
export function scrollIntoViewIfPartlyHidden(el: Element): void {
  const io = new IntersectionObserver(([e]) => {
    io.disconnect();
    if (!e || !el.isConnected) return;
    const r = e.boundingClientRect;
    if (r.height > innerHeight / 2 || r.width > innerWidth / 2 || e.intersectionRatio >= 1) return;
    el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
  });
  io.observe(el);
}
