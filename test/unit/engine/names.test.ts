/**
 * The background keeps customers' names without bidirectional controls, whoever sent them (the
 * content scripts read them so too: lib/flow/text.ts): a name ending in U+202E reversed the rest of
 * the customer-mismatch sentence, tenant id included (issue 21.2).
 */
import { describe, expect, it } from 'vitest';
import { CustomerSchema } from '../../../lib/engine/state';
import { ContentMessageSchema } from '../../../lib/protocol/messages';
import { reduce } from '../../../lib/engine/reduce';
import { initialState } from '../../../lib/engine/state';

const T = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';

describe('customer names in the state', () => {
  it('drop embeddings, overrides and isolates; a name of controls only is no name', () => {
    expect(CustomerSchema.parse({ tenantId: T, name: 'Contoso Ltd\u202E' })).toEqual({ tenantId: T, name: 'Contoso Ltd' });
    expect(CustomerSchema.safeParse({ tenantId: T, name: '\u202E\u2066' }).success).toBe(false);
  });

  it('in messages from the content scripts and in the flow the engine keeps', () => {
    const msg = ContentMessageSchema.parse({ kind: 'page', url: `https://partner.microsoft.com/dashboard/v2/customers/${T}/account`, customerName: '\u202EContoso' });
    expect(msg).toMatchObject({ customerName: 'Contoso' });
    let s = reduce(initialState(), { type: 'page-seen', tabId: 1, url: 'https://partner.microsoft.com/dashboard', at: 1 });
    s = reduce(s, { type: 'page-seen', tabId: 1, url: `https://partner.microsoft.com/dashboard/v2/customers/${T}/account`, at: 2, customerName: 'Fabrikam\u202E Inc' });
    expect(Object.values(s.flows)[0]!.customer).toEqual({ tenantId: T, name: 'Fabrikam Inc' });
  });
});
