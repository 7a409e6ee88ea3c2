import { describe, expect, it } from 'vitest';
import { isolate, stripBidiControls } from '../../../lib/flow/text';

describe('names read from pages (lib/flow/text.ts)', () => {
  it('drop embeddings, overrides and isolates anywhere', () => {
    expect(stripBidiControls('Contoso\u202E Ltd')).toBe('Contoso Ltd');
    expect(stripBidiControls('\u202AContoso\u202C \u2066Ltd\u2069\u2067\u2068')).toBe('Contoso Ltd');
  });
  it('drop left-to-right and right-to-left marks at the ends, and shrink runs of them to one', () => {
    expect(stripBidiControls('\u200F\u200E Contoso Ltd \u200E')).toBe('Contoso Ltd');
    expect(stripBidiControls('شركة\u200E\u200E\u200F (Contoso)')).toBe('شركة\u200E (Contoso)');
  });
  it('keep the name otherwise, folding whitespace', () => {
    expect(stripBidiControls('  서울테크   주식회사 ')).toBe('서울테크 주식회사');
    expect(stripBidiControls('\u202E')).toBe('');
  });
  it('isolate inserted names (FSI … PDI) for plain text, without the name’s own controls', () => {
    expect(isolate('Contoso\u202E')).toBe('\u2068Contoso\u2069');
  });
});
