/**
 * The live page's answers for the page detectors that read the document (lib/flow/pages.ts), over the
 * deep watch's roots: level-1 and level-2 headings, wherever they sit in open shadow roots.
 */
import { LABELS, type LabelId } from '../flow/labels';
import { dependsOnDocument, detectPage, type PageKind, type PageProbe } from '../flow/pages';
import { flatText, labelKey, labelKeys } from './dom/names';
import { matchWithin, type DeepWatch, type FrameChanges } from './dom/deep-watch';
import { HEADING_SELECTOR } from './dom/compile';
import { stripBidiControls } from '../flow/text';


/** Probe answering from the headings present now (one deep scan per probe). */
export function liveProbe(watch: DeepWatch): PageProbe & { headings: string[] } {
  const headings = watch.queryAll(HEADING_SELECTOR).map((h) => labelKey(flatText(h)));
  return {
    headings,
    hasHeading: (label: LabelId) => {
      const keys = labelKeys(label);
      return headings.some((h) => keys.has(h));
    },
  };
}

export function detectLive(url: string, watch: DeepWatch): PageKind | null {
  if (!dependsOnDocument(url)) return detectPage(url) ?? null;
  return detectPage(url, liveProbe(watch)) ?? null;
}

let knownLabels: Set<string> | undefined;
const labelKeysAll = () => (knownLabels ??= new Set(Object.keys(LABELS).flatMap((id) => [...labelKeys(id as LabelId)])));

/**
 * Whether an added heading can change what the detectors say: it reads as one of the portal's
 * labels (a document-reading detector asks for those), or it is a level-1 heading (a customer
 * page's name). Other headings need no re-probe.
 */
export function mayChangePage(h: Element): boolean {
  if (h.localName === 'h1' || h.getAttribute('aria-level') === '1') return true;
  return labelKeysAll().has(labelKey(flatText(h)));
}
/**
 * The customer's name as a customer page shows it: the first level-1 heading that is not one of
 * the portal's own labels, without bidirectional controls (lib/flow/text.ts). Undefined when there
 * is none.
 */
export function customerNameOnPage(watch: DeepWatch): string | undefined {
  const known = labelKeysAll();
  for (const h of watch.queryAll('h1, [role="heading"][aria-level="1"]')) {
    const text = stripBidiControls(flatText(h, 300));
    if (text && text.length <= 300 && !known.has(labelKey(text))) return text;
  }
  return undefined;
}

/** Headings added since the last frame (or whose text changed) that may change what the page is. */
export function headingsMayChangePage(c: FrameChanges): boolean {
  if (!c.added.length && !c.textParents.length) return false;
  // Only headings among the added nodes; a deep re-probe only when one of them can matter.
  const added = matchWithin(c.added, HEADING_SELECTOR);
  for (const p of c.textParents) {
    const h = p.closest(HEADING_SELECTOR);
    if (h) added.push(h);
  }
  return added.some(mayChangePage);
}
