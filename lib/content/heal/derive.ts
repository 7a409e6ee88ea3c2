/**
 * A locator for the element the agent showed (lib/content/heal/teach.ts), in the flow schema's
 * form (lib/flow/schema.ts): a stable id or automation hook, where its link leads (ids masked),
 * its role and accessible name; each with the shadow hosts around it by tag name if it needs them.
 * Never positions, never customer data. The first that finds this element and nothing else on the
 * page wins; none: the element cannot be described, and nothing is kept.
 */
import type { Locator } from '../../flow/schema';
import { ROLES } from '../../flow/ids';
import { ADMIN_CENTER_HOSTS, PARTNER_CENTER_HOSTS, pathOnHosts } from '../../flow/hosts';
import { GUID } from '../../flow/tenant';
import { closestComposed, compileLocator, hostChain, type LocatorContext } from '../dom/compile';
import { isShown, linkHref } from '../dom/locators';
import { namesOf } from '../dom/names';
import { ROW, namesCustomer, safeDecode, type Known } from './private';


/** What a click lands on that the agent means: the nearest control around the clicked node (a literal: nothing runs at load). */
const CONTROL =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [href], [role="link"], [role="button"], [role="menuitem"], ' +
  '[role="tab"], [role="option"], [role="radio"], [role="checkbox"], [role="treeitem"], [role="radiogroup"], [role="listbox"], [role="combobox"]';

/** Attributes that portals keep for their own tests and telemetry: stable hooks. */
const HOOK_ATTRS = ['data-automation-id', 'data-automationid', 'data-testid', 'data-test-id', 'data-bi-id', 'data-bi-name', 'data-telemetry-id'];
/** An id or hook value that looks stable: a word, not generated (no long numbers, no GUID, no framework's `:r1:`). */
const STABLE = /^[A-Za-z][A-Za-z_.-]*[A-Za-z]$|^[A-Za-z][\w.-]{0,62}[A-Za-z]$/;
const GENERATED = /\d{3,}|^(?:r|id|el|ember|react|mui|fluent|ms)[-_:]?\d|[:]/i;
/** Partner Center's locale prefix (`/en-us`), in a path pattern. */
const LOCALE = '(?:/[a-z]{2}(?:-[a-z]{2,4})?)?';

/** The control a click through `path` (an event's composed path) meant: the nearest one, else the node itself. */
export function controlOf(path: readonly EventTarget[]): Element | null {
  for (const n of path) if (n instanceof Element && n.matches(CONTROL)) return n;
  const first = path[0];
  return first instanceof Element ? first : null;
}

/** The element's role: its own `role`, else the one its element has natively (of the schema's roles). */
export function roleOf(el: Element): (typeof ROLES)[number] | undefined {
  const own = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (own) return (ROLES as readonly string[]).includes(own) ? (own as (typeof ROLES)[number]) : undefined;
  const tag = el.localName;
  if ((tag === 'a' || tag === 'area') && el.hasAttribute('href')) return 'link';
  if (tag === 'button' || tag === 'summary') return 'button';
  if (tag === 'input') {
    const type = (el as HTMLInputElement).type;
    if (type === 'radio' || type === 'checkbox') return type;
    if (type === 'button' || type === 'submit' || type === 'reset') return 'button';
  }
  if (tag === 'select') return 'listbox';
  if (tag === 'option') return 'option';
  return undefined;
}

/** The ways to describe `el`, best first (each still to be checked for uniqueness). */
export function describeWays(el: Element, known: Known): Locator[] {
  const ways: Locator[] = [];
  const hosts = hostChain(el);
  const withHosts = (l: Locator): Locator[] => (hosts.length && (l.by === 'css' || l.by === 'name') ? [l, { ...l, hosts }] : [l]);
  const stable = (v: string | null): v is string => !!v && STABLE.test(v) && !GENERATED.test(v) && !namesCustomer(v, known);
  if (stable(el.id)) ways.push(...withHosts({ by: 'css', selector: `#${CSS.escape(el.id)}` }));
  for (const attr of HOOK_ATTRS) {
    const v = el.getAttribute(attr);
    if (stable(v)) ways.push(...withHosts({ by: 'css', selector: `[${attr}="${CSS.escape(v)}"]` }));
  }
  const href = hrefWay(el, known);
  if (href) ways.push(href);
  const role = roleOf(el);
  const name = namesOf(el).map((n) => n.replace(/\s+/g, ' ').trim()).find((n) => n && n.length <= 160);
  // A control's own words, unless they name a customer; never a name read in a grid's or table's row (a customer's, an order's).
  if (role && name && !namesCustomer(name, known) && !closestComposed(el, ROW)) ways.push(...withHosts({ by: 'name', role, name }));
  return ways;
}

/** Where the element's link leads, on the portals' hosts, as a pattern: its path (ids masked) and its hash route; no query. */
function hrefWay(el: Element, known: Known): Locator | undefined {
  const href = linkHref(el);
  if (!href) return undefined;
  for (const [portal, hosts] of [['partner-center', PARTNER_CENTER_HOSTS], ['admin-center', ADMIN_CENTER_HOSTS]] as const) {
    const rest = pathOnHosts(href, hosts);
    if (rest === undefined) continue;
    const [beforeHash = '', hash] = rest.split('#', 2) as [string, string | undefined];
    const path = beforeHash.split('?')[0]!;
    const route = hash?.split('?')[0];
    if (namesCustomer(safeDecode(path.replace(new RegExp(GUID.source, 'gi'), '')), known)) return undefined;
    const pattern = `^${maskPath(path.replace(/^\/[a-z]{2}(?:-[a-z]{2,4})?(?=\/)/i, ''), LOCALE)}(?:\\?[^#]*)?${route ? `#${maskPath(route, '')}` : ''}(?:[?#/]|$)`;
    return { by: 'href', portal, pattern };
  }
  return undefined;
}

/** A path as a pattern: literal text escaped, GUIDs and numbers as classes, the trailing slash optional. */
function maskPath(path: string, prefix: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const esc = trimmed.split(new RegExp(`(${GUID.source}|\\d+)`, 'i')).map((piece, i) => {
    if (i % 2 === 0) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return GUID.test(piece) ? '[0-9a-f-]{36}' : '\\d+';
  }).join('');
  return `${prefix}${esc}/?`;
}

/** The shown elements a locator finds on the live page. */
export function foundBy(loc: Locator, ctx: LocatorContext): Element[] {
  const c = compileLocator(loc, ctx);
  return ctx.queryAll(c.selector).filter((el) => c.accepts(el) && isShown(el));
}

/** The first way that finds `el` and nothing else on the page, or undefined. */
export function describeUniquely(el: Element, known: Known, ctx: LocatorContext): Locator | undefined {
  for (const way of describeWays(el, known)) {
    const found = foundBy(way, ctx);
    if (found.length === 1 && found[0] === el) return way;
  }
  return undefined;
}
