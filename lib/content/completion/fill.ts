/**
 * Filling in the request form's description (the completion's `eg-fill-description`): the
 * field is found like any target, by what it is (a multi-line text field of the request form: a
 * form that also holds a choice group, the topic's or the severity's), its labels only a hint
 * (Microsoft's forms call it "Description", "Details", "Tell us..."); it is written the way a
 * framework form hears the agent typing (the native value setter, then `input` and `change`
 * events that bubble out of shadow roots), never submitted. Text the agent typed is not replaced
 * without asking (`needsConsent`). Pure DOM: the guide's completion (completion.ts) draws around it.
 */
import { DESCRIPTION_LABEL, PAGE_LANGS } from '../../flow/labels';
import { labelKey, flatText } from '../dom/names';
import { isShown } from '../dom/locators';

type Root = Document | ShadowRoot;

/** A multi-line text field: a text area, or an editable region that says it is one. */
const MULTILINE = 'textarea, [role="textbox"][aria-multiline="true"], [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';
/** A choice group of a form (the request form has the topic's and the severity's). */
const CHOICE = 'select, [role="radiogroup"], [role="listbox"], [role="combobox"]:not(input), input[type="radio"]';
const FORM = 'form, [role="form"]';

/** Every element matching `selector` in `root` and the open shadow roots under it, in document order. */
function* deepQuery(root: Root | Element, selector: string): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    if (el.matches(selector)) yield el;
    if (el.shadowRoot) yield* deepQuery(el.shadowRoot, selector);
  }
}

/** An element's parent in the composed tree (through shadow roots). */
function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function closestComposed(el: Element, selector: string): Element | null {
  for (let n: Element | null = el; n; n = composedParent(n)) if (n.matches(selector)) return n;
  return null;
}

/** What the field is called: its labels, aria-labelledby, aria-label, placeholder, title. */
function namesOfField(el: Element): string[] {
  const out: string[] = [];
  for (const l of (el as HTMLTextAreaElement).labels ?? []) out.push(flatText(l));
  const root = el.getRootNode() as Root;
  for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
    const by = id && root.getElementById?.(id);
    if (by) out.push(flatText(by));
  }
  for (const a of ['aria-label', 'placeholder', 'title']) {
    const v = el.getAttribute(a);
    if (v) out.push(v);
  }
  return out;
}

function editable(el: Element): boolean {
  if (el.localName === 'textarea') {
    const t = el as HTMLTextAreaElement;
    return !t.disabled && !t.readOnly;
  }
  return (el as HTMLElement).isContentEditable !== false && el.getAttribute('aria-disabled') !== 'true' && el.getAttribute('aria-readonly') !== 'true';
}

/**
 * The request form's description field on this page, or null. Among the shown, editable
 * multi-line text fields outside `exclude` (the guide's overlay), one in a form with a choice
 * group; the one its labels call a description first, then the first in the document.
 */
export function findDescriptionField(doc: Document, exclude?: Node): HTMLElement | null {
  const keys = new Set(PAGE_LANGS.flatMap((l) => DESCRIPTION_LABEL[l].map(labelKey)));
  let best: { el: HTMLElement; score: number } | null = null;
  for (const el of deepQuery(doc, MULTILINE)) {
    if (exclude && (exclude === el || exclude.contains(el) || (exclude as Element).shadowRoot?.contains(el))) continue;
    if (!editable(el) || !isShown(el)) continue;
    // Inside an editable region already counted (a rich editor's inner paragraphs): not a field of its own.
    const parent = composedParent(el);
    if (parent && el.localName !== 'textarea' && closestComposed(parent, MULTILINE)) continue;
    const form = closestComposed(el, FORM);
    const inRequestForm = !!form && deepQuery(form, CHOICE).next().done === false;
    const named = namesOfField(el).some((n) => keys.has(labelKey(n)));
    if (!inRequestForm && !named) continue;
    const score = (inRequestForm ? 2 : 0) + (named ? 1 : 0);
    if (!best || score > best.score) best = { el: el as HTMLElement, score };
  }
  return best?.el ?? null;
}

/** The field's text as the agent sees it. */
export function fieldText(el: HTMLElement): string {
  return el.localName === 'textarea' ? (el as HTMLTextAreaElement).value : (el.innerText ?? el.textContent ?? '');
}

const normalize = (s: string) => s.replace(/\r\n?/g, '\n').trim();

/**
 * Whether writing `text` would replace text the agent typed: the field holds something that is
 * neither empty nor what the guide wrote there last (`written`) nor `text` itself.
 */
export function needsConsent(el: HTMLElement, text: string, written: string | undefined): boolean {
  const now = normalize(fieldText(el));
  return now !== '' && now !== normalize(text) && (written === undefined || now !== normalize(written));
}

/**
 * Writes `text` into the field as typing would reach a framework form: through the element
 * type's own value setter (a framework's setter on the element itself, as React's value tracker
 * installs, would swallow the change), then `input` and `change` events that bubble and cross
 * shadow boundaries. Focuses the field so the agent sees what was written. Submits nothing.
 */
export function writeField(el: HTMLElement, text: string): void {
  el.focus({ preventScroll: false });
  if (el.localName === 'textarea') {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    if (setter) setter.call(el, text);
    else (el as HTMLTextAreaElement).value = text;
  } else {
    el.textContent = text;
  }
  const input = typeof InputEvent === 'function'
    ? new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText' })
    : new Event('input', { bubbles: true, composed: true });
  el.dispatchEvent(input);
  el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}
