/**
 * The start-up code's search for the current step's target (lib/content/boot.ts): its
 * locale-independent locators only, with the guide's first-scan ranking, so both pick the same
 * element (test/unit/content/same-pick.test.ts holds them to it for every locator kind).
 */
import type { QuickLocator } from '../../protocol/boot-plan';
import { HOSTS_OF } from '../../flow/hosts';
import { HREF_SELECTOR, hrefMatcher, isShown } from './locators';

/**
 * The target as the guide's first scan finds it: the locators in rank order; for each, every open
 * shadow root's matches in the order the guide's deep watch queries them (the document, then
 * shadow roots depth-first in tree order); the first shown match of the first locator that has one.
 * The first locator's search walks the shadow roots only as far as its first shown match (a real
 * page's target is usually found long before the walk would end); the later locators, tried only
 * when the walk found nothing and so went through every root, reuse its list.
 */
export function quickFind(locators: readonly QuickLocator[]): Element | null {
  const [first, ...rest] = locators.map(inRootOf);
  if (!first) return null;
  const roots: ShadowRoot[] = [];
  const hit = search(document, first, roots);
  if (hit) return hit;
  for (const inRoot of rest) {
    for (const root of [document, ...roots]) {
      const found = inRoot(root);
      if (found) return found;
    }
  }
  return null;
}

/** A locator's first shown match in one root (its light tree). */
function inRootOf(l: QuickLocator): (root: Document | ShadowRoot) => Element | null {
  const selector = l.by === 'css' ? l.selector : HREF_SELECTOR;
  const accepts = l.by === 'css' ? () => true : hrefMatcher(l.pattern, HOSTS_OF[l.portal]);
  return (root) => {
    for (const el of root.querySelectorAll(selector)) if (accepts(el) && isShown(el)) return el;
    return null;
  };
}

/**
 * `inRoot`'s first hit in `node`, else in the shadow roots under it, depth-first in tree order;
 * every root passed on the way is added to `roots`. `querySelectorAll('*')`, not a TreeWalker: the
 * same hosts in the same order, without two more interfaces (TreeWalker, NodeFilter) to set up in
 * the content scripts' world. (Leaving out the elements that cannot be hosts by a selector was
 * slower: matching a long `:not()` list costs more than the wrappers it saves.)
 */
function search(node: Document | ShadowRoot, inRoot: (root: Document | ShadowRoot) => Element | null, roots: ShadowRoot[]): Element | null {
  const hit = inRoot(node);
  if (hit) return hit;
  // The document's hosts are in its body: the head's elements (scripts, styles, links, metas)
  // are not wrapped for this world.
  for (const el of (node === document && document.body || node).querySelectorAll('*')) {
    const sr = el.shadowRoot;
    if (!sr) continue;
    roots.push(sr);
    const found = search(sr, inRoot, roots);
    if (found) return found;
  }
  return null;
}
