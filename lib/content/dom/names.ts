/**
 * Names as the page shows them: the text a person sees in an element through shadow roots and
 * slots (the composed tree), the names an element goes by (aria-labelledby, aria-label, text,
 * legend, title), and the normalized form every label comparison uses. Pure DOM.
 */
import { allSpellings, normalizeLabel, type LabelId, type LabelSet } from '../../flow/labels';
import { stripBidiControls } from '../../flow/text';


/** Longest text read from an element: labels are short, a longer text cannot be one. */
export const MAX_TEXT = 160;

/**
 * Code units whose kind is known without Unicode's tables, as [first, last, kind] ranges (kind 1:
 * a letter or digit, 0: not one), for text already in NFKC (which turns ª ² ³ µ ¹ º ¼ ½ ¾ into
 * letters and digits elsewhere, so nothing left in U+00A0–U+00BF is one). Covers the portals'
 * scripts and the symbols around labels: punctuation, arrows, shapes (▾), dingbats, CJK
 * punctuation, icon fonts' private-use characters. test/unit/overlay-geometry.test.ts checks every
 * range against \p{L} and \p{N}.
 */
const KNOWN_KINDS = [
  0x00, 0x2f, 0, 0x30, 0x39, 1, 0x3a, 0x40, 0, 0x41, 0x5a, 1, 0x5b, 0x60, 0, 0x61, 0x7a, 1, 0x7b, 0xbf, 0,
  0xc0, 0xd6, 1, 0xd7, 0xd7, 0, 0xd8, 0xf6, 1, 0xf7, 0xf7, 0, 0xf8, 0x24f, 1,
  0x2000, 0x206f, 0, 0x2190, 0x23ff, 0, 0x2500, 0x2775, 0, 0x2794, 0x27bf, 0,
  0x3000, 0x3004, 0, 0x3008, 0x3020, 0, 0x3041, 0x3096, 1, 0x30a1, 0x30fa, 1, 0x30fb, 0x30fb, 0, 0x30fc, 0x30ff, 1,
  0x4e00, 0x9ffc, 1, 0xac00, 0xd7a3, 1, 0xe000, 0xf8ff, 0, 0xfe00, 0xfe0f, 0,
];

/** 1: a letter or digit, 0: not one, -1: not known without Unicode's tables. */
export function knownKind(code: number): 0 | 1 | -1 {
  for (let i = 0; i < KNOWN_KINDS.length && code >= KNOWN_KINDS[i]!; i += 3) {
    if (code <= KNOWN_KINDS[i + 1]!) return KNOWN_KINDS[i + 2] as 0 | 1;
  }
  return -1;
}

/**
 * Leading and trailing characters that are no letter or digit in any script, for the text the
 * table above cannot decide. Built from a string when first needed: a Unicode-property
 * expression costs milliseconds to compile on every fresh page (its literal even to parse).
 */
let edgeSymbols: RegExp | undefined;

/** The form every comparison uses: normalized, without leading/trailing symbols ("+ New request ▾"). */
export function labelKey(text: string): string {
  const s = normalizeLabel(text);
  let start = 0;
  let end = s.length;
  let kind: 0 | 1 | -1 = 0;
  while (start < end && (kind = knownKind(s.charCodeAt(start))) === 0) start++;
  while (kind !== -1 && end > start && (kind = knownKind(s.charCodeAt(end - 1))) === 0) end--;
  if (kind !== -1) return s.slice(start, end);
  edgeSymbols ??= new RegExp('^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$', 'gu');
  return s.replace(edgeSymbols, '');
}

const keyCache = new Map<LabelId, Set<string>>();
/** Every spelling of a label, in every page language, as label keys. */
export function labelKeys(id: LabelId): Set<string> {
  let set = keyCache.get(id);
  if (!set) {
    set = new Set([...allSpellings(id)].map(labelKey));
    keyCache.set(id, set);
  }
  return set;
}

/** Elements whose content is no text a person reads. */
const SKIP_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg']);

/** Elements whose text stands apart from their neighbours' (a space is put between). */
const BLOCK_TAGS = new Set(['br', 'p', 'div', 'li', 'td', 'th', 'tr']);

/**
 * The text a person sees in an element, through shadow roots and slots (the composed tree),
 * leaving out `aria-hidden` parts (icons). Stops once longer than MAX_TEXT. Elements are told
 * apart by their local name, not `instanceof`: each interface an isolated world first touches
 * costs it its set-up.
 */
export function flatText(node: Node, max = MAX_TEXT): string {
  let out = '';
  const walk = (n: Node): void => {
    if (out.length > max) return;
    if (n.nodeType === Node.TEXT_NODE) {
      out += (n as Text).data;
      return;
    }
    if (n.nodeType !== Node.ELEMENT_NODE && n.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    if (n.nodeType === Node.ELEMENT_NODE) {
      const el = n as Element;
      const tag = el.localName;
      if (SKIP_TAGS.has(tag) || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return;
      if (tag === 'input') {
        const input = el as HTMLInputElement;
        if (input.type === 'button' || input.type === 'submit' || input.type === 'reset') out += ` ${input.value} `;
        return;
      }
      if (el.shadowRoot) {
        walk(el.shadowRoot);
        return;
      }
      if (tag === 'slot') {
        const assigned = (el as HTMLSlotElement).assignedNodes({ flatten: true });
        if (assigned.length) {
          for (const a of assigned) walk(a);
          return;
        }
      }
      if (BLOCK_TAGS.has(tag)) out += ' ';
    }
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(node);
  return out;
}

function byIdNear(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

/**
 * Roles and elements (without `role`) named only by their label, never by their content: a group,
 * a list box, a select, a drop-down, a grid or a table (its options' or cells' text is no name);
 * every other one the locators look for (links, buttons, headings, cells, custom elements such as
 * `v6_he-button`, whose slotted text is what shows) is also named by its text.
 */
const NOT_BY_CONTENT = /^(?:radiogroup|listbox|combobox|grid|treegrid|table|group|select|textarea|input|form)$/;

/**
 * The names an element goes by, as browsers compute them (in this order): aria-labelledby,
 * aria-label, its `<label>`s (a form control's), its legend (a fieldset), its text where its role
 * takes the name from its content (through shadow roots and slots), its title.
 */
export function namesOf(el: Element): string[] {
  const names: string[] = [];
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const text = by.split(/\s+/).map((id) => byIdNear(el, id)).filter((x): x is Element => !!x).map((x) => flatText(x)).join(' ');
    if (text.trim()) names.push(text);
  }
  const label = el.getAttribute('aria-label');
  if (label) names.push(label);
  // A form control's <label>s (only labelable elements have `labels`).
  for (const l of (el as Partial<HTMLInputElement>).labels ?? []) {
    const text = flatText(l);
    if (text.trim()) names.push(text);
  }
  if (el.localName === 'fieldset') {
    const legend = el.querySelector(':scope > legend');
    if (legend) names.push(flatText(legend));
  } else if (!NOT_BY_CONTENT.test(el.getAttribute('role')?.trim().split(/\s+/)[0] ?? el.localName)) {
    names.push(flatText(el));
  }
  const title = el.getAttribute('title');
  if (title) names.push(title);
  return names;
}

/**
 * The spelling of a label this element shows ("Office 365, Dynamics 365, Enterprise Mobility
 * Suite" rather than the first spelling), or undefined when its name is none of them. One
 * function for the start-up code and the guide, so both cards name the click alike. Usually the
 * page spells it exactly so: found without Unicode normalization first (whose first use in a page
 * costs the content scripts' world the set-up of its data).
 */
export function shownSpelling(el: Element, spellings: LabelSet): string | undefined {
  const own = namesOf(el).filter((n) => n.length <= MAX_TEXT);
  const lists = Object.values(spellings) as readonly (readonly string[])[];
  for (const name of own) {
    const trimmed = name.trim();
    for (const list of lists) if (list.includes(trimmed)) return trimmed;
  }
  const names = new Set(own.map(labelKey));
  // Spellings are normalized lazily and remembered: the first one usually matches.
  for (const list of lists) {
    for (const s of list) {
      let key = spellingKeys.get(s);
      if (key === undefined) spellingKeys.set(s, (key = labelKey(s)));
      if (names.has(key)) return s;
    }
  }
  return undefined;
}

const spellingKeys = new Map<string, string>();

/**
 * The name the page gives an element (its first accessible name), without bidirectional controls,
 * if it is short enough to be a label: how the card names a choice group found by its place in
 * the form, whatever the form calls it ("Select the area your problem is in", "Problem type").
 */
export function ownName(el: Element): string | undefined {
  const name = stripBidiControls(namesOf(el).find((n) => n.trim()) ?? '');
  return name && name.length <= 60 ? name : undefined;
}

export function hasName(el: Element, label: LabelId): boolean {
  const keys = labelKeys(label);
  return namesOf(el).some((n) => n.length <= MAX_TEXT && keys.has(labelKey(n)));
}

