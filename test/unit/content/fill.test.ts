// @vitest-environment happy-dom
/**
 * Filling in the request form's description (lib/content/completion/fill.ts): the field is found
 * by what it is (the multi-line text field of a form with a choice group, through open shadow
 * roots; labels a hint), written so that a framework form that tracks its value (React's value
 * tracker on the element) hears it, and text the agent typed is never replaced without asking.
 * Layout is not what is tested here: an element counts as shown unless it or a composed ancestor
 * is `hidden`.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findDescriptionField, needsConsent, writeField } from '../../../lib/content/completion/fill';

function hiddenInComposedTree(el: Element): boolean {
  for (let n: Node | null = el; n; ) {
    if (n instanceof Element && n.hasAttribute('hidden')) return true;
    const parent: Node | null = n.parentNode;
    n = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return false;
}

beforeAll(() => {
  Element.prototype.getBoundingClientRect = function (this: Element) {
    const size = hiddenInComposedTree(this) ? 0 : 10;
    return { x: 0, y: 0, left: 0, top: 0, width: size, height: size, right: size, bottom: size, toJSON: () => ({}) } as DOMRect;
  };
});
beforeEach(() => {
  document.body.replaceChildren();
});

/** A host element with an open shadow root holding `html`. */
function shadowHost(parent: Node, tag: string, html: string): ShadowRoot {
  const host = document.createElement(tag);
  parent.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = html;
  return root;
}

/** The 2021+ pane's form, two shadow roots deep: a one-line summary, a select, severity radios, the description. */
function pane(): ShadowRoot {
  const outer = shadowHost(document.body, 'm365-help-pane', '<div class="body"></div>');
  return shadowHost(outer.querySelector('.body')!, 'm365-request-form', `
    <form>
      <label for="TextField1">Briefly describe your issue</label><input type="text" id="TextField1">
      <label for="Dropdown2">Problem type</label><select id="Dropdown2"><option value="">Choose</option><option value="exchange">Exchange</option></select>
      <div role="radiogroup" aria-label="Severity"><input type="radio" name="s" value="a"></div>
      <label for="TextField3">Description</label><textarea id="TextField3" placeholder="Tell us about the problem"></textarea>
      <button type="button" disabled>Submit</button>
    </form>`);
}

/**
 * A form state as React keeps it: the element's own `value` property records what code sets
 * (React's value tracker), and a delegated `input` listener takes a change only when the field's
 * value differs from what was recorded.
 */
function reactLike(form: ParentNode, field: HTMLTextAreaElement): { state: { description: string; changes: number } } {
  const state = { description: '', changes: 0 };
  const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
  let tracked = '';
  Object.defineProperty(field, 'value', {
    configurable: true,
    get() { return proto.get!.call(this); },
    set(v: string) { tracked = v; proto.set!.call(this, v); },
  });
  (form as Node).addEventListener('input', (e) => {
    const el = e.target as HTMLTextAreaElement;
    if (el.value === tracked) return; // React: "no change", the event is dropped
    tracked = el.value;
    state.description = el.value;
    state.changes++;
  });
  return { state };
}

describe('the description field', () => {
  it('is the request form’s multi-line field, through shadow roots; not the one-line summary', () => {
    const root = pane();
    expect(findDescriptionField(document)).toBe(root.getElementById('TextField3'));
  });

  it('is found by what it is when its label is another word, and by its label alone outside a form', () => {
    const root = shadowHost(document.body, 'm365-request-form', `
      <form><div role="radiogroup" aria-labelledby="l"><span id="l">Select the area your problem is in</span></div>
      <label for="t">Tell us more</label><textarea id="t"></textarea></form>`);
    expect(findDescriptionField(document)).toBe(root.getElementById('t'));
    document.body.replaceChildren();
    document.body.innerHTML = '<div><label for="d">Beschreibung</label><textarea id="d"></textarea></div><textarea id="other"></textarea>';
    expect(findDescriptionField(document)?.id).toBe('d');
  });

  it('prefers the field its labels call a description; skips hidden, disabled, read-only fields and the guide’s own overlay', () => {
    document.body.innerHTML = `
      <form><select><option>x</option></select>
        <textarea id="notes"></textarea>
        <textarea id="hidden" hidden></textarea>
        <label for="desc">설명</label><textarea id="desc"></textarea>
      </form>
      <form><select><option>x</option></select><textarea id="ro" readonly></textarea><textarea id="off" disabled></textarea></form>`;
    expect(findDescriptionField(document)?.id).toBe('desc');
    document.getElementById('desc')!.setAttribute('hidden', '');
    expect(findDescriptionField(document)?.id).toBe('notes');
    const overlay = document.createElement('escalation-guide-overlay');
    document.body.prepend(overlay);
    overlay.attachShadow({ mode: 'open' }).innerHTML = '<form><select></select><label>Description</label><textarea id="ours"></textarea></form>';
    expect(findDescriptionField(document, overlay)?.id).toBe('notes');
  });

  it('is none on a page without a request form (the support page, the Contact me view)', () => {
    document.body.innerHTML = '<main><h1>Support</h1><form><input type="text" aria-label="Phone"><input type="radio" name="c"></form><textarea id="chat"></textarea></main>';
    expect(findDescriptionField(document)).toBeNull();
  });
});

describe('writing it', () => {
  it('reaches a form that tracks its value as React does (a plain assignment would not)', () => {
    const root = pane();
    const field = root.getElementById('TextField3') as HTMLTextAreaElement;
    const { state } = reactLike(root, field);
    const changes: string[] = [];
    root.host.addEventListener('change', () => changes.push('change'));
    document.addEventListener('input', () => changes.push('input at the document'));
    writeField(field, 'Case summary\nCustomer: Contoso');
    expect(state).toEqual({ description: 'Case summary\nCustomer: Contoso', changes: 1 });
    expect(field.value).toBe('Case summary\nCustomer: Contoso');
    // The events bubble out of both shadow roots (composed), as typed input does.
    expect(changes).toEqual(['input at the document', 'change']);
    // The harness is honest: what a naive script does is lost on such a form.
    field.value = 'naive';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    expect(state.description).toBe('Case summary\nCustomer: Contoso');
  });

  it('never submits the form', () => {
    const root = pane();
    let submitted = 0;
    root.querySelector('form')!.addEventListener('submit', (e) => { submitted++; e.preventDefault(); });
    writeField(root.getElementById('TextField3') as HTMLElement, 'x');
    expect(submitted).toBe(0);
  });

  it('writes an editable region’s text (a multi-line textbox that is no text area)', () => {
    document.body.innerHTML = '<form><select></select><div id="ed" role="textbox" aria-multiline="true" contenteditable="true"></div></form>';
    const ed = document.getElementById('ed')!;
    expect(findDescriptionField(document)).toBe(ed);
    writeField(ed, '<b>not markup</b>');
    expect(ed.querySelector('b')).toBeNull();
    expect(ed.textContent).toBe('<b>not markup</b>');
  });
});

describe('asking before replacing typed text', () => {
  it('asks when the field holds text the guide did not write; not when it is empty, ours, or the same', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const t = document.getElementById('t') as HTMLTextAreaElement;
    expect(needsConsent(t, 'summary', undefined)).toBe(false);
    t.value = '   ';
    expect(needsConsent(t, 'summary', undefined)).toBe(false);
    t.value = 'My own notes about the outage';
    expect(needsConsent(t, 'summary', undefined)).toBe(true);
    expect(needsConsent(t, 'summary', 'an older summary')).toBe(true);
    t.value = 'an older summary';
    expect(needsConsent(t, 'summary', 'an older summary')).toBe(false);
    t.value = 'summary\r\n';
    expect(needsConsent(t, 'summary', undefined)).toBe(false);
  });
});
