// @vitest-environment happy-dom
/**
 * The side panel isolates every inserted name and id (issue 21.2): the warnings' sentences and the
 * customer card put them in `<bdi>` (components/Isolated.tsx, components/text.ts trParts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { h, render } from 'preact';
import { Warnings } from '../../../components/Warnings';
import { CustomerCard } from '../../../components/NextClick';
import { trParts } from '../../../components/text';
import type { Warning } from '../../../lib/surfaces/surface-model';
import type { FlowState } from '../../../lib/surfaces/surface-model';

const T = 'b3e5c2d4-7a91-4f0e-8c6d-2e4f9a1b7c35';
const A = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';

beforeAll(() => {
  // The English catalogue, as the browser would serve it (message names with underscores).
  const messages = new Map(parseMessagesText(readFileSync(join(process.cwd(), 'assets/locales/en.yml'), 'utf8'), 'YAML')
    .map((m) => [m.key.join('_'), m.type === 'plural' ? '' : m.message]));
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) => {
    const list = typeof subs === 'string' ? [subs] : subs ?? [];
    return (messages.get(name) ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  }) as typeof fakeBrowser.i18n.getMessage;
});

describe('the side panel', () => {
  it('splits a catalogue text around its substitutions', () => {
    const parts = trParts('ui.warning.mismatch.body', ['Contoso\u202E', T]);
    expect(parts.filter((p) => typeof p !== 'string')).toEqual([{ isolate: 'Contoso\u202E' }, { isolate: T }]);
  });

  it('renders a warning’s inserted name and tenant id each in a <bdi>', () => {
    const w = { id: 'customer-mismatch', selected: { tenantId: A, name: 'Contoso\u202E' }, opened: { kind: 'tenant-id', value: T } } as unknown as Warning;
    const root = document.createElement('div');
    render(h(Warnings, { warnings: [w] }), root);
    const alert = root.querySelector('[role="alert"][data-warning="customer-mismatch"]')!;
    expect([...alert.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['Contoso\u202E', T]);
  });

  it('renders the customer card’s name and tenant id isolated', () => {
    const flow = { customer: { tenantId: A, name: 'שלום Contoso\u202E' } } as unknown as FlowState;
    const root = document.createElement('div');
    render(h(CustomerCard, { flow }), root);
    expect(root.querySelector('[data-field="name"] bdi')?.textContent).toBe('שלום Contoso\u202E');
    expect(root.querySelector('[data-field="tenant-id"] bdi')?.textContent).toBe(A);
  });
});
