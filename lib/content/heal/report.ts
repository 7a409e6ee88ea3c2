/**
 * The page report (`eg-page-report`, and one click away in the side panel): what a maintainer needs
 * to fix a step whose target the guide did not find, as JSON: the extension's version, the
 * browser, the languages, the URL masked, the page kind, the step and click, each locator tried
 * with what it found, and an outline of the page's controls. Nothing of the customers: names,
 * tenant ids, domains and emails are masked or left out (lib/content/heal/private.ts), grid rows'
 * names are never read.
 */
import { browser } from 'wxt/browser';
import { LABELS, normalizeLabel, type LabelId } from '../../flow/labels';
import { closestComposed, compileLocator } from '../dom/compile';
import { isShown } from '../dom/locators';
import { namesOf } from '../dom/names';
import { roleOf } from './derive';
import type { HealHost } from '../shared';
import { ROW, knownOf, looksPrivate, maskUrl, type Known } from './private';

/** Entries of the outline at most. */
export const OUTLINE_MAX = 300;

/** What the outline lists: controls, headings, the regions they sit in (a literal: nothing runs when the module loads). */
const OUTLINE =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, h1, h2, h3, nav, main, form, table, [role="link"], ' +
  '[role="button"], [role="menuitem"], [role="tab"], [role="option"], [role="radio"], [role="checkbox"], [role="treeitem"], ' +
  '[role="radiogroup"], [role="listbox"], [role="combobox"], [role="grid"], [role="heading"], [role="navigation"], [role="menu"], ' +
  '[role="menubar"], [role="tablist"], [role="dialog"], [role="form"], [role="main"], [role="region"], [role="search"]';

export interface OutlineEntry {
  tag: string;
  role?: string;
  name?: string;
  /** The name was left out: it may be a customer's (or the element is in a grid's row). */
  withheld?: true;
  /** Open shadow roots between the document and the element. */
  depth: number;
}

let portalLabels: Set<string> | undefined;
/** Every label of the flow in every language: the portal's own words, kept even where they look like a name. */
function labels(): Set<string> {
  if (!portalLabels) {
    portalLabels = new Set();
    for (const id of Object.keys(LABELS) as LabelId[]) for (const list of Object.values(LABELS[id])) for (const s of list) portalLabels.add(normalizeLabel(s));
  }
  return portalLabels;
}

export function pageReport(host: HealHost): string {
  const spec = host.spec();
  const known = knownOf(host.view(), host.customerName());
  const ctx = host.ctx;
  const locators = (spec?.candidates ?? []).flatMap((c) =>
    c.click.locators.map((locator) => {
      const compiled = compileLocator(locator, ctx);
      const all = ctx.queryAll(compiled.selector);
      const accepted = all.filter((el) => compiled.accepts(el));
      return { source: c.taught ?? 'built-in', variant: c.variant, locator, candidates: all.length, accepted: accepted.length, shown: accepted.filter(isShown).length };
    }));
  const ua = navigator.userAgent;
  const browserName = /Firefox\/(\d+)/.exec(ua)?.[0] ?? /Edg\/(\d+)/.exec(ua)?.[0] ?? /Chrom(?:e|ium)\/(\d+)/.exec(ua)?.[0] ?? 'unknown';
  const { entries, truncated } = outline(host.overlayHost(), known);
  return JSON.stringify({
    report: 'escalation-guide-page-report',
    extensionVersion: manifestVersion(),
    browser: browserName,
    uiLanguage: host.t('@@ui_locale'),
    pageLanguage: document.documentElement.lang || null,
    url: maskUrl(location.href, known),
    portal: host.portal,
    page: host.page(),
    step: spec?.step ?? null,
    click: spec?.clickIndex ?? null,
    locators,
    outline: entries,
    outlineTruncated: truncated,
  }, null, 2);
}

function manifestVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown'; // the extension's context is gone (updated or reloaded)
  }
}

/** The page's controls in document order, through open shadow roots, without the overlay's. */
export function outline(skip: Element | null, known: Known): { entries: OutlineEntry[]; truncated: boolean } {
  const entries: OutlineEntry[] = [];
  let truncated = false;
  const visit = (root: Document | ShadowRoot, depth: number): void => {
    for (const el of root.querySelectorAll('*')) {
      if (entries.length >= OUTLINE_MAX) {
        truncated = true;
        return;
      }
      if (el === skip) continue;
      if (el.matches(OUTLINE)) entries.push(entryOf(el, depth, known));
      if (el.shadowRoot) visit(el.shadowRoot, depth + 1);
    }
  };
  visit(document, 0);
  return { entries, truncated };
}

function entryOf(el: Element, depth: number, known: Known): OutlineEntry {
  const e: OutlineEntry = { tag: el.localName, depth };
  const role = el.getAttribute('role')?.trim().split(/\s+/)[0] ?? roleOf(el);
  if (role) e.role = role;
  if (closestComposed(el, ROW)) {
    e.withheld = true;
    return e;
  }
  const name = namesOf(el).map((n) => n.replace(/\s+/g, ' ').trim()).find(Boolean);
  if (name) {
    if (name.length > 80 || looksPrivate(name, known, labels())) e.withheld = true;
    else e.name = name;
  }
  return e;
}
