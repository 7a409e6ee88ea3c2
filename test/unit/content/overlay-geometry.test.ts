// Pure parts of the overlay and the locator (no DOM needed): where the card goes beside the target,
// and how page text is compared with the labels of the flow data. The DOM parts (deep search,
// waiting, re-renders, shadow roots) are tested in Chromium: test/e2e/overlay.test.ts.
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { placeCard, type Box } from '../../../lib/content/overlay/place';
import { knownKind, labelKey, labelKeys } from '../../../lib/content/dom/names';
import { normalizeLabel } from '../../../lib/flow/labels';

const VW = 1280;
const VH = 800;
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('placeCard', () => {
  const W = 320;
  const H = 120;
  const card = (t: Box) => {
    const p = placeCard(t, W, H, VW, VH);
    return { ...p, box: { left: p.x, top: p.y, right: p.x + W, bottom: p.y + H } };
  };

  it('puts the card to the right of a navigation link, aligned with its top', () => {
    const t = { left: 0, top: 92, right: 232, bottom: 140 };
    const c = card(t);
    expect(c.side).toBe('right');
    expect(c.box.top).toBe(92);
    expect(overlaps(c.box, t)).toBe(false);
  });

  it('flips below a wide target, to the left of a target at the right edge, above one at the bottom', () => {
    expect(card({ left: 256, top: 160, right: 1252, bottom: 364 }).side).toBe('bottom');
    const right = { left: 1100, top: 730, right: 1264, bottom: 784 };
    const c = card(right);
    expect(c.side).toBe('left');
    expect(c.box.bottom).toBeLessThanOrEqual(VH - 8);
    expect(overlaps(c.box, right)).toBe(false);
    expect(card({ left: 8, top: 700, right: 1270, bottom: 760 }).side).toBe('top');
  });

  it('never covers the target while any side has room, and stays in the viewport', () => {
    for (let i = 0; i < 500; i++) {
      const w = 20 + ((i * 37) % 400);
      const h = 20 + ((i * 53) % 300);
      const left = (i * 97) % (VW - w);
      const top = (i * 61) % (VH - h);
      const t = { left, top, right: left + w, bottom: top + h };
      const c = card(t);
      expect(c.box.left).toBeGreaterThanOrEqual(8);
      expect(c.box.top).toBeGreaterThanOrEqual(8);
      expect(c.box.right).toBeLessThanOrEqual(VW - 8);
      expect(c.box.bottom).toBeLessThanOrEqual(VH - 8);
      const room = t.left - 22 >= W || VW - t.right - 22 >= W || t.top - 22 >= H || VH - t.bottom - 22 >= H;
      if (room) expect(overlaps(c.box, t), JSON.stringify({ t, c })).toBe(false);
    }
  });
});

describe('label comparison', () => {
  it('ignores case, spacing and the symbols around a label', () => {
    expect(labelKeys('newRequest').has(labelKey('+ New request ▾'))).toBe(true);
    expect(labelKeys('customers').has(labelKey('Customers ›'))).toBe(true);
    expect(labelKeys('serviceManagement').has(labelKey('  service\n  MANAGEMENT '))).toBe(true);
    expect(labelKeys('helpAndSupport').has(labelKey('? Help & support'))).toBe(true);
    expect(labelKeys('helpAndSupport').has(labelKey('Need help?'))).toBe(true);
  });

  it('knows the labels in every page language, and keeps different labels apart', () => {
    expect(labelKeys('newServiceRequest').has(labelKey('새 서비스 요청'))).toBe(true);
    expect(labelKeys('serviceManagement').has(labelKey('Dienstverwaltung'))).toBe(true);
    expect(labelKeys('serviceRequests').has(labelKey('服务请求'))).toBe(true);
    expect(labelKeys('newRequest').has(labelKey('New service request'))).toBe(false);
    expect(labelKeys('support').has(labelKey('Help & support'))).toBe(false);
    expect(labelKeys('customers').has(labelKey('Customer name'))).toBe(false);
  });

  // The definition labelKey keeps, with Unicode's tables: trim what is no letter or digit.
  const reference = (text: string) => normalizeLabel(text).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

  it('decides letters and digits without Unicode\'s tables only where they agree with \\p{L} and \\p{N}', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      const kind = knownKind(code);
      // Only what can be left after NFKC matters (labelKey normalizes first).
      if (kind === -1 || ch.normalize('NFKC') !== ch) continue;
      if (kind !== (/[\p{L}\p{N}]/u.test(ch) ? 1 : 0)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('trims exactly what the Unicode-property definition trims', () => {
    const symbols = fc.constantFrom('+', ' ', '▾', '›', '\uE70D', '\uF8FF', '、', '「', '→', '…', '★', '❶', '々', '〇', '・', '😀', '\u00A0', '½', '²', 'ª', '—', '?');
    const letters = fc.constantFrom('a', 'Z', '7', 'é', 'ß', 'İ', 'Ω', 'я', '고', '客', 'カ', 'ー', 'ا', '०', '𝐀', '𠀋');
    const text = fc.array(fc.oneof(symbols, letters, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (t) => labelKey(t) === reference(t)), { numRuns: 5000 });
    for (const t of ['', '▾', '+ New request ▾', '「顧客」', '〇〇 ', '❶ Customers', 'Customers 😀']) expect(labelKey(t)).toBe(reference(t));
  });
});
