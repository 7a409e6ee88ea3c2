// @vitest-environment happy-dom
/**
 * Inserted names and ids are isolated on every surface (issue 21.2): the overlay's warnings put
 * each in a `<bdi>` (lib/content/overlay-text.ts tParts, lib/content/overlay/dock.ts), so a name
 * ending in U+202E cannot reverse the sentence after it, the tenant id included.
 */
import { describe, expect, it } from 'vitest';
import { Overlay } from '../../../lib/content/overlay/overlay';
import { Dock } from '../../../lib/content/overlay/dock';
import { tParts, useStrings } from '../../../lib/content/overlay-text';

const T = 'b3e5c2d4-7a91-4f0e-8c6d-2e4f9a1b7c35';

describe('warnings in the overlay', () => {
  it('split the catalogue text around the substitutions, which are isolated', () => {
    useStrings({ 'ui.warning.mismatch.body': 'You selected \uE001 in Partner Center, but this tab opened \uE002.' });
    expect(tParts('ui.warning.mismatch.body', ['Contoso\u202E', T])).toEqual([
      'You selected ', { isolate: 'Contoso\u202E' }, ' in Partner Center, but this tab opened ', { isolate: T }, '.',
    ]);
  });

  it('render each inserted name and id in its own <bdi>, as text (no markup from a name)', () => {
    useStrings({ 'ui.warning.mismatch.body': 'You selected \uE001 in Partner Center, but this tab opened \uE002.' });
    const events = { minimize: () => {}, warningAction: () => {}, dismissWarning: () => {}, wayBack: () => {}, continueWarning: () => {}, openCause: () => {} };
    const overlay = new Overlay(events, 'en');
    overlay.mount();
    const dock = new Dock(overlay, events);
    dock.setWarnings([{ id: 'customer-mismatch', title: 'Wrong customer', body: tParts('ui.warning.mismatch.body', ['<b>Contoso</b>\u202E', T]), action: 'Back', openTenant: undefined, dismiss: null, continueAnyway: null, note: null }]);
    const body = overlay.shadow.querySelector('[data-warning="customer-mismatch"] .body')!;
    const isolated = [...body.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(isolated).toEqual(['<b>Contoso</b>\u202E', T]);
    expect(body.querySelector('b')).toBeNull();
    expect(body.textContent).toBe(`You selected <b>Contoso</b>\u202E in Partner Center, but this tab opened ${T}.`);
    overlay.destroy();
  });
});
