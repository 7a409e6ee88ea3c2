/**
 * What the start-up code (lib/content/dom/quick-find.ts) and the guide's locators
 * (lib/content/dom/compile.ts) both check: where a link leads (only `https:` on the portal's own
 * hosts counts), and whether a candidate is shown. Pure DOM.
 */

import { pathOnHosts } from '../../flow/hosts';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * An `href` locator's candidates (also the start-up code's): elements with an href, but not
 * `link` or `base` (the head's; never shown, never clicked), which would each cost a check below.
 */
export const HREF_SELECTOR = '[href]:not(link, base)';

/**
 * Where an element with an href leads, resolved (`https://host/path?query#hash`), or undefined.
 * Links resolve their own href natively (no URL parse); other elements with an href attribute by
 * URL. (Told apart by local name, not `instanceof`: see lib/content/dom/names.ts, flatText.)
 */
export function linkHref(el: Element): string | undefined {
  if ((el.localName === 'a' || el.localName === 'area') && el.namespaceURI === HTML_NS) return (el as HTMLAnchorElement).href || undefined;
  const raw = el.getAttribute('href');
  if (!raw) return undefined;
  try {
    return new URL(raw, el.baseURI).href;
  } catch {
    return undefined;
  }
}

/**
 * An `href` locator's check (also the start-up code's): the element leads to `https:` on one of
 * `hosts`, and its path, query and hash (`/dashboard/v2/customers/list`, `/AdminPortal/Home#/support`)
 * match `pattern`, any case. A decoy `https://evil.example/dashboard/v2/customers/list` or
 * `javascript:…//dashboard/v2/customers/list` matches nothing.
 */
export function hrefMatcher(pattern: string, hosts: readonly string[]): (el: Element) => boolean {
  const re = new RegExp(pattern, 'i');
  return (el) => {
    const href = linkHref(el);
    const rest = href && pathOnHosts(href, hosts);
    return !!rest && re.test(rest);
  };
}

/** Rendered with a box (not display:none, not hidden by visibility or content-visibility). */
export function isShown(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (check && !check.call(el, { visibilityProperty: true, contentVisibilityAuto: true })) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}
