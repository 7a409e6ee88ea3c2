// @vitest-environment happy-dom
/**
 * Names as browsers compute them (lib/content/dom/names.ts), for the custom elements Partner Center
 * is made of (the portal facts in test/replica/README.md): labels in the host's light DOM slotted
 * into a shadow `<button><slot>`, a host whose own role is button, `he-checkbox` with its input in
 * the shadow root and an empty label; form controls named by their `<label>`, groups never by their
 * options; typographic apostrophes and bidirectional controls in the page's text.
 */
import { describe, expect, it } from 'vitest';
import { flatText, hasName, labelKey, namesOf, shownSpelling } from '../../../lib/content/dom/names';
import { LABELS } from '../../../lib/flow/labels';

function host(tag: string, html: string, light = ''): HTMLElement {
  const el = document.createElement(tag);
  el.innerHTML = light;
  el.attachShadow({ mode: 'open' }).innerHTML = html;
  document.body.append(el);
  return el;
}
const clean = (names: string[]) => names.map((n) => n.replace(/\s+/g, ' ').trim()).filter(Boolean);

describe('names through shadow roots and slots', () => {
  it('v6_he-button: the shadow button is named by the host’s slotted light text; aria-hidden icons are no part of it', () => {
    const b = host('v6_he-button', '<button><slot name="start"></slot><slot></slot><slot name="end"></slot></button>',
      '<span slot="start" aria-hidden="true">+</span>Neue Anfrage<span slot="end" aria-hidden="true">▾</span>');
    const inner = b.shadowRoot!.querySelector('button')!;
    expect(clean(namesOf(inner))).toEqual(['Neue Anfrage']);
    expect(hasName(inner, 'newRequest')).toBe(true);
    // The host itself shows the same text (a generic element: its text is what shows).
    expect(flatText(b).trim()).toBe('Neue Anfrage');
  });

  it('a slot without assigned nodes shows its fallback content; light children no slot shows are not read', () => {
    const b = host('he-button', '<button><slot name="label">Service requests</slot></button>', '<span>Hidden text</span>');
    expect(clean(namesOf(b.shadowRoot!.querySelector('button')!))).toEqual(['Service requests']);
  });

  it('a host whose own role is button, its text slotted, is named by that text', () => {
    const b = host('accexp_he-button', '<span><slot></slot></span>', 'Service management');
    b.setAttribute('role', 'button');
    expect(hasName(b, 'serviceManagement')).toBe(true);
  });

  it('he-checkbox: the input in the shadow root with an empty label has no name from the host’s text', () => {
    const c = host('he-checkbox', '<input type="checkbox" id="c"><label for="c"></label><span><slot></slot></span>', 'Show closed requests');
    const input = c.shadowRoot!.querySelector('input')!;
    expect(clean(namesOf(input))).toEqual([]);
    // With the label slotting the text (the other build of the element), the label names it.
    const d = host('he-checkbox', '<input type="checkbox" id="d"><label for="d"><slot></slot></label>', 'Show closed requests');
    expect(clean(namesOf(d.shadowRoot!.querySelector('input')!))).toEqual(['Show closed requests']);
  });
});

describe('form controls and groups', () => {
  it('a select is named by its label, never by its options', () => {
    document.body.innerHTML = '<label for="s">Problem type</label><select id="s"><option>Support topic</option></select>';
    const s = document.getElementById('s')!;
    expect(clean(namesOf(s))).toEqual(['Problem type']);
    expect(hasName(s, 'supportTopic')).toBe(true); // "Problem type" is one of its spellings (a hint)
  });

  it('a radio group is named by aria-labelledby or aria-label, not by its radios’ text', () => {
    document.body.innerHTML = '<div id="g" role="radiogroup"><label><input type="radio">Support topic</label></div>';
    expect(hasName(document.getElementById('g')!, 'supportTopic')).toBe(false);
    document.body.innerHTML = '<span id="l">Category</span><div id="g" role="radiogroup" aria-labelledby="l"></div>';
    expect(hasName(document.getElementById('g')!, 'supportTopic')).toBe(true);
  });
});

describe('page text as labels compare it', () => {
  it('typographic and straight apostrophes are one', () => {
    expect(labelKey('Tableau de bord de l’Espace partenaires')).toBe(labelKey("Tableau de bord de l'Espace partenaires"));
    document.body.innerHTML = '<h1>Tableau de bord de l\'Espace partenaires</h1>';
    expect(shownSpelling(document.querySelector('h1')!, LABELS.dashboard)).toBe('Tableau de bord de l’Espace partenaires');
  });

  it('bidirectional controls, zero-width characters and soft hyphens do not hide a label', () => {
    document.body.innerHTML = '<a href="#">\u202ECustomers\u200B\u2069</a><a href="#">Ser\u00ADvice management\u200E</a>';
    const [a, b] = [...document.querySelectorAll('a')];
    expect(hasName(a!, 'customers')).toBe(true);
    expect(hasName(b!, 'serviceManagement')).toBe(true);
  });
});
