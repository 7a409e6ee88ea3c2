/**
 * Text read from the portals' pages, made safe to keep and to show: bidirectional controls a page
 * may put in a customer's name (an override U+202E reverses whatever follows it, tenant id
 * included, in every sentence the name is inserted into) and the isolates the surfaces wrap
 * inserted names in. Pure; the content scripts (names read from the page), the engine (names it
 * receives) and the surfaces (names they insert) use the same rules.
 */

/** Embeddings, overrides and isolates (U+202A-202E, U+2066-2069): never needed in a name. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Left-to-right and right-to-left marks at either end of a name (there they order nothing of it). */
const EDGE_MARKS = /^[\u200E\u200F\s]+|[\u200E\u200F\s]+$/g;
/** Runs of marks inside a name: one does what several do. */
const MARK_RUNS = /([\u200E\u200F])[\u200E\u200F]+/g;

/**
 * A name as read from a page without its bidirectional controls: embeddings, overrides and
 * isolates go; left-to-right / right-to-left marks go at the ends and runs of them shrink to one
 * (a mark between a name's words can be needed to order its neutral characters; inside an
 * isolate it cannot reorder the sentence around it). Whitespace is folded and trimmed.
 */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(MARK_RUNS, '$1').replace(/\s+/g, ' ').replace(EDGE_MARKS, '');
}

/** First-strong isolate (U+2068) and pop directional isolate (U+2069). */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * A name or id inserted into plain text (the case summary), isolated: whatever direction it runs
 * in, the text around it keeps its own order.
 */
export function isolate(text: string): string {
  return `${FSI}${stripBidiControls(text)}${PDI}`;
}
