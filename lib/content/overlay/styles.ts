/**
 * The overlay's stylesheets, written as CSS (overlay.css, dock.css) and imported as text, which
 * the build minifies: they live in the overlay's own shadow root (the page's CSS cannot reach
 * them and they never reach the page; the `:host` rules, important, also beat the page's rules
 * for the host element). Fluent 2: Segoe UI / system stack, 4–8 px radii, subtle shadows; light
 * and dark follow the browser; forced colors use system colours; no motion under reduced motion.
 */
import overlayCss from './overlay.css?inline';
import dockCss from './dock.css?inline';

/** Space between the target's box and the ring, px (overlay.ts places the ring with it). */
export const RING_PAD = 4;

/** The ring and the card: what the start-up code draws. */
export const OVERLAY_CSS: string = overlayCss;

/**
 * The dock and its parts (warnings, the pill, the fallback card's line), added to the shadow root
 * beside OVERLAY_CSS when the guide first shows one of them (dock.ts): the start-up code, which
 * never shows them (its dock stays an empty block), does not carry or parse these rules.
 */
export const DOCK_CSS: string = dockCss;
