/**
 * The guide's locators compiled for the live page (lib/flow/schema.ts, LocatorSchema): for each,
 * a selector that finds its candidates, a check each must pass, and a score that ranks them (the
 * `prefer` label's). Targets are found by what they are first (a hook, where a link leads, the
 * request form's first choice group, the menu button of the view a heading names), labels second.
 * Pure DOM; the start-up code evaluates `css` and `href` itself (lib/content/dom/quick-find.ts).
 */
import type { Locator } from '../../flow/schema';
import type { LabelId } from '../../flow/labels';
import { HOSTS_OF } from '../../flow/hosts';
import { delegatedTenantFromUrl } from '../../flow/tenant';
import { HREF_SELECTOR, hrefMatcher, linkHref } from './locators';
import { flatText, hasName, labelKey, labelKeys, namesOf } from './names';
import { composedContains } from './deep-watch';

const ROLE_SELECTORS: Record<string, string> = {
  link: '[role="link"], a[href]:not([role]), area[href]:not([role])',
  button: '[role="button"], button:not([role]), input:is([type="button"],[type="submit"],[type="reset"]):not([role]), summary:not([role])',
  menuitem: '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]',
  tab: '[role="tab"]',
  option: '[role="option"], option:not([role])',
  radio: '[role="radio"], input[type="radio"]:not([role])',
  checkbox: '[role="checkbox"], input[type="checkbox"]:not([role])',
  treeitem: '[role="treeitem"]',
  radiogroup: '[role="radiogroup"]',
  listbox: '[role="listbox"], select:not([role])',
  combobox: '[role="combobox"]',
  grid: '[role="grid"], [role="treegrid"]',
  table: '[role="table"], table:not([role])',
  heading: '[role="heading"], :is(h1,h2,h3,h4,h5,h6):not([role])',
};

/**
 * A choice group, whatever the form builds it from: a `<select>`, a radio group (Fluent's
 * ChoiceGroup, choice cards with `role=radio`), a list box, a drop-down (`role=combobox`, not a
 * text field), radios in a fieldset.
 */
export const CHOICE_GROUP_SELECTOR =
  'select, [role="radiogroup"], [role="listbox"], [role="combobox"]:not(input), fieldset:has(input[type="radio"])';

/** Level-1 and level-2 headings: a page's and a view's titles. */
export const HEADING_SELECTOR = 'h1, h2, [role="heading"][aria-level="1"], [role="heading"][aria-level="2"]';

/** What some locators need of the live page beyond the candidate: the deep watch (lib/content/dom/deep-watch.ts). */
export interface LocatorContext {
  /** Every element matching `selector` in every live root (a full deep scan). */
  queryAll(selector: string): Element[];
}

/** A locator compiled: a selector that finds its candidates, and a check each must pass. */
export interface CompiledLocator {
  selector: string;
  accepts(el: Element): boolean;
  /** Ranks accepted candidates of this locator: 0 for the best (named by `prefer`), up to 0.5. */
  score?(el: Element): number;
}

export function compileLocator(loc: Locator, ctx: LocatorContext): CompiledLocator {
  switch (loc.by) {
    case 'css':
      return scoped({ selector: loc.selector, accepts: () => true }, loc.hosts);
    case 'name': {
      const key = labelKey(loc.name);
      return scoped({ selector: roleSelector(loc.role), accepts: (el) => namesOf(el).some((n) => labelKey(n) === key) }, loc.hosts);
    }
    case 'href':
      return { selector: HREF_SELECTOR, accepts: hrefMatcher(loc.pattern, HOSTS_OF[loc.portal]) };
    case 'label':
      return {
        selector: loc.roles.map(roleSelector).join(', '),
        accepts: (el) => hasName(el, loc.label),
      };
    case 'delegated-link':
      return ranked(HREF_SELECTOR, delegatedLinkCheck(loc.destinations), loc.prefer);
    case 'form-choice':
      return ranked(CHOICE_GROUP_SELECTOR, firstChoiceCheck(loc.form, loc.has, loc.prefer), loc.prefer);
    case 'in-view':
      return ranked(loc.selector, inViewCheck(loc.heading, loc.selector, ctx), loc.prefer);
  }
}

/** The elements of a role, by ARIA role or the element that has it natively. */
export const roleSelector = (role: string): string => ROLE_SELECTORS[role] ?? `[role="${role}"]`;

/** The tag names of the shadow hosts around `el`, outermost first. */
export function hostChain(el: Element): string[] {
  const out: string[] = [];
  for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) out.unshift(root.host.localName);
  return out;
}

/** A locator limited to the elements inside exactly these shadow hosts (absent: anywhere). */
function scoped(c: CompiledLocator, hosts: readonly string[] | undefined): CompiledLocator {
  if (!hosts) return c;
  const want = hosts.join(' ');
  return { selector: c.selector, accepts: (el) => hostChain(el).join(' ') === want && c.accepts(el) };
}

/** A structural locator, its matches named by `prefer` ranked first. */
function ranked(selector: string, accepts: (el: Element) => boolean, prefer: LabelId | undefined): CompiledLocator {
  return { selector, accepts, ...(prefer && { score: (el: Element) => (hasName(el, prefer) ? 0 : 0.5) }) };
}

/** A delegated admin-center link (lib/flow/tenant.ts) to one of these destinations, if it names one. */
function delegatedLinkCheck(destinations: readonly string[] | undefined): (el: Element) => boolean {
  return (el) => {
    const href = linkHref(el);
    if (!href || !delegatedTenantFromUrl(href)) return false;
    // Where the entry leads (`CSDEST=Support`), if it names a destination.
    const dest = /[?&#]csdest=([^&#]*)/i.exec(href)?.[1]?.toLowerCase();
    return !dest || !destinations || destinations.includes(dest);
  };
}

/** An element's parent in the flat tree: the slot it is shown in, its parent, or its shadow root's host. */
function flatParent(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The nearest element matching `selector` around `el` (itself included) in the flat tree: through slots and shadow roots. */
export function closestComposed(el: Element, selector: string): Element | null {
  for (let n: Element | null = el; n; n = flatParent(n)) if (n.matches(selector)) return n;
  return null;
}

/**
 * The elements under `scope` in flat-tree order, as the page shows them: a host's shadow content,
 * where each slot shows the nodes assigned to it (light children no slot shows are not rendered).
 */
function* flatElements(scope: Element | ShadowRoot): Generator<Element> {
  const children = scope instanceof Element && scope.shadowRoot ? scope.shadowRoot.children : scope.children;
  for (const c of children) yield* flatFrom(c);
}

function* flatFrom(el: Element): Generator<Element> {
  if (el.localName === 'slot') {
    const assigned = (el as HTMLSlotElement).assignedElements({ flatten: true });
    if (assigned.length) {
      for (const a of assigned) yield* flatFrom(a);
      return;
    }
  }
  yield el;
  yield* flatElements(el);
}

/** The first element matching `selector` inside `scope`, in flat-tree order (through shadow roots and slots). */
export function firstDeep(scope: Element | ShadowRoot, selector: string): Element | null {
  for (const el of flatElements(scope)) if (el.matches(selector)) return el;
  return null;
}

/**
 * A choice group that is the first of its form (an element matching `form` that holds one matching
 * `has`), or one of the form's groups that the `prefer` label names.
 */
function firstChoiceCheck(formSelector: string, has: string, prefer: LabelId | undefined): (el: Element) => boolean {
  return (el) => {
    const form = closestComposed(el, formSelector);
    if (!form || !firstDeep(form, has)) return false;
    return firstDeep(form, CHOICE_GROUP_SELECTOR) === el || (!!prefer && hasName(el, prefer));
  };
}

/** The composed parent of a node: its parent, or the host of the shadow root it is the root of. */
function composedParent(n: Node): Node | null {
  return n instanceof ShadowRoot ? n.host : n.parentNode;
}

/**
 * An element matching `selector` in the view around a level-1 or level-2 heading that reads as
 * `heading`: the heading's nearest ancestor (or shadow root) that holds such an element, short of
 * the whole document. The views are worked out once per task (a scan asks for many candidates).
 */
function inViewCheck(heading: LabelId, selector: string, ctx: LocatorContext): (el: Element) => boolean {
  let views: Node[] | null = null;
  return (el) => {
    if (!views) {
      const keys = labelKeys(heading);
      const controls = ctx.queryAll(selector);
      views = ctx.queryAll(HEADING_SELECTOR).filter((h) => keys.has(labelKey(flatText(h)))).flatMap((h) => {
        const doc = h.ownerDocument;
        for (let n = composedParent(h); n && n !== doc && n !== doc.body && n !== doc.documentElement; n = composedParent(n)) {
          if (controls.some((c) => composedContains(n!, c))) return [n];
        }
        return [];
      });
      queueMicrotask(() => (views = null));
    }
    return views.some((v) => composedContains(v, el));
  };
}
