/**
 * Locators compiled for the live page: a selector that finds a locator's candidates and a check
 * each must pass (lib/flow/schema.ts, LocatorSchema), and whether a candidate is shown. Shared by
 * the start-up code (lib/content/boot.ts) and the guide's target tracker. Pure DOM.
 */
import type { Locator } from '../../flow/schema';
import { hasName } from './names';

const HTML_NS = 'http://www.w3.org/1999/xhtml';


const ROLE_SELECTORS: Record<string, string> = {
  link: '[role="link"], a[href]:not([role]), area[href]:not([role])',
  button: '[role="button"], button:not([role]), input:is([type="button"],[type="submit"],[type="reset"]):not([role]), summary:not([role])',
  menuitem: '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]',
  tab: '[role="tab"]',
  option: '[role="option"], option:not([role])',
  radiogroup: '[role="radiogroup"]',
  listbox: '[role="listbox"], select:not([role])',
  grid: '[role="grid"], [role="treegrid"]',
  table: '[role="table"], table:not([role])',
  heading: '[role="heading"], :is(h1,h2,h3,h4,h5,h6):not([role])',
};

/** A locator compiled: a selector that finds its candidates, and a check each must pass. */
export interface CompiledLocator {
  selector: string;
  accepts(el: Element): boolean;
}

/**
 * An `href` locator's candidates (also the start-up code's, lib/content/boot.ts): elements with an href,
 * but not `link` or `base` (the head's; never shown, never clicked), which would each cost a URL
 * parse in the check below.
 */
export const HREF_SELECTOR = '[href]:not(link, base)';

/** An `href` locator's check (also the start-up code's, lib/content/boot.ts): the resolved href matches `pattern`, any case. */
export function hrefMatcher(pattern: string): (el: Element) => boolean {
  const re = new RegExp(pattern, 'i');
  return (el) => {
    // Links resolve their own href natively; other elements with an href attribute by URL. (Told
    // apart by local name, not `instanceof`: see flatText.)
    if ((el.localName === 'a' || el.localName === 'area') && el.namespaceURI === HTML_NS) {
      const href = (el as HTMLAnchorElement).href;
      return !!href && re.test(href);
    }
    const raw = el.getAttribute('href');
    if (!raw) return false;
    try {
      return re.test(new URL(raw, el.baseURI).href);
    } catch {
      return false;
    }
  };
}

export function compileLocator(loc: Locator): CompiledLocator {
  switch (loc.by) {
    case 'css':
      return { selector: loc.selector, accepts: () => true };
    case 'href':
      return { selector: HREF_SELECTOR, accepts: hrefMatcher(loc.pattern) };
    case 'label':
      return {
        selector: loc.roles.map((r) => ROLE_SELECTORS[r] ?? `[role="${r}"]`).join(', '),
        accepts: (el) => hasName(el, loc.label),
      };
  }
}

/** Rendered with a box (not display:none, not hidden by visibility or content-visibility). */
export function isShown(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (check && !check.call(el, { visibilityProperty: true, contentVisibilityAuto: true })) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

