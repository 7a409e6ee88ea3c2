// The background's side of issue 24 (lib/background/hub.ts): Continue anyway where policy forbids
// dismissing, the case number from the completion card (checked, tied to the tab's escalation),
// the likely cause's page opened for the flow's own customer, the overlay's texts per view.
import { describe, expect, it } from 'vitest';
import { Hub, type HubPorts } from '../../../lib/background/hub';
import type { Sender } from '../../../lib/background/senders';
import type { ContentView } from '../../../lib/protocol/content-view';
import { DEFAULT_SETTINGS, effectiveSettings } from '../../../lib/settings/settings';
import { MemoryStore, storePorts } from './fake-store';

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const PC = 'https://partner.microsoft.com';
const CONTOSO = '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10';
const FORM = 'https://admin.microsoft.com/AdminPortal/Home#/support/newservicerequest';

function hub(dismissible = true) {
  const store = new MemoryStore();
  const opened: { url: string; openerTabId?: number | undefined }[] = [];
  const logs: string[] = [];
  let t = 1_000;
  const ports: HubPorts = {
    ...storePorts(store),
    clear: async () => void store.items.clear(),
    settings: async () => effectiveSettings(DEFAULT_SETTINGS, dismissible ? {} : { warningsDismissible: false }),
    pushView: async () => {},
    message: (key) => `«${key}»`,
    setBadge: async () => {},
    learn: async () => undefined,
    askTab: async () => undefined,
    openTab: async (url, openerTabId) => void opened.push({ url, openerTabId }),
    log: (m) => void logs.push(m),
    now: () => t++,
  };
  return { hub: new Hub(ports), opened, logs };
}
const from = (tabId: number, url: string): Sender => ({ tabId, url, frameId: 0, extensionOrigin: EXT });
const panel: Sender = { url: `${EXT}/sidepanel.html`, extensionOrigin: EXT };
const view = (v: unknown) => v as ContentView;

describe('the background, issue 24', () => {
  it('where policy forbids dismissing, Continue anyway is still the agent’s: the warning stays shown, the guide goes on', async () => {
    const { hub: h } = hub(false);
    await h.onContentMessage({ kind: 'page', url: FORM, page: 'admin-support' }, from(1, FORM));
    expect(view(await h.onContentMessage({ kind: 'get-view' }, from(1, FORM))).stopped).toBe('not-from-dashboard');
    expect(await h.onContentMessage({ kind: 'dismiss-warning', warning: 'not-from-dashboard' }, from(1, FORM))).toMatchObject({ ok: false });
    expect(await h.onContentMessage({ kind: 'continue-warning', warning: 'not-from-dashboard' }, from(1, FORM))).toEqual({ ok: true });
    // The side panel may choose it too, for a warning of a tab of the flow.
    expect(await h.onSurfaceMessage({ kind: 'continue-warning', tabId: 1, warning: 'own-tenant-context' }, panel)).toEqual({ ok: true });
    const v = view(await h.onContentMessage({ kind: 'get-view' }, from(1, FORM)));
    expect(v.warnings.map((w) => [w.id, !!w.continued])).toEqual([['not-from-dashboard', true], ['own-tenant-context', true]]);
    expect(v.stopped).toBeNull();
    expect(v.warningsDismissible).toBe(false);
  });

  it('the case number from the done card: checked, kept on the tab’s escalation, refused with a reason otherwise', async () => {
    const { hub: h } = hub();
    await h.onContentMessage({ kind: 'page', url: FORM, page: 'admin-support' }, from(1, FORM));
    // Before the flow completes there is no escalation to keep it on.
    expect(await h.onContentMessage({ kind: 'case-number', caseNumber: '2612030040001234' }, from(1, FORM))).toMatchObject({ ok: false });
    await h.onContentMessage({ kind: 'clicked', step: 'new-service-request', clickIndex: 0, last: true }, from(1, FORM));
    await h.onContentMessage({ kind: 'clicked', step: 'support-topic', clickIndex: 0, last: true }, from(1, FORM));
    const done = view(await h.onContentMessage({ kind: 'get-view' }, from(1, FORM)));
    expect(done.complete).toBe(true);
    // The completion's texts come with the view where they are needed.
    expect(done.strings?.['overlay.done.title']).toBe('«overlay.done.title»');
    expect(await h.onContentMessage({ kind: 'case-number', caseNumber: 'x'.repeat(65) }, from(1, FORM))).toEqual({ ok: false, error: 'invalid-case-number' });
    expect(await h.onContentMessage({ kind: 'case-number', caseNumber: ' <b>2612030040001234</b> ' }, from(1, FORM))).toEqual({ ok: true });
    const s = await h.current();
    expect(s.escalations.map((e) => e.caseNumber)).toEqual(['<b>2612030040001234</b>']);
    expect(view(await h.onContentMessage({ kind: 'get-view' }, from(1, FORM))).escalation?.caseNumber).toBe('<b>2612030040001234</b>');
    // The side panel clears or changes it by the escalation's id.
    const id = s.escalations[0]!.id;
    expect(await h.onSurfaceMessage({ kind: 'case-number', escalationId: id, caseNumber: 'a\u0000b' }, panel)).toEqual({ ok: false, error: 'invalid-case-number' });
    expect(await h.onSurfaceMessage({ kind: 'case-number', escalationId: id, caseNumber: null }, panel)).toEqual({ ok: true });
    expect((await h.current()).escalations[0]?.caseNumber).toBeNull();
  });

  it('opens the Admin relationships of the flow’s own customer (never one a page names), as a tab of the flow', async () => {
    const { hub: h, opened } = hub();
    const sm = `${PC}/dashboard/v2/customers/${CONTOSO}/servicemanagementpage`;
    expect(await h.onContentMessage({ kind: 'open-admin-relationships' }, from(3, `${PC}/dashboard`))).toMatchObject({ ok: false });
    await h.onContentMessage({ kind: 'page', url: sm, page: 'pc-service-management' }, from(3, sm));
    expect(await h.onContentMessage({ kind: 'open-admin-relationships' }, from(3, sm))).toEqual({ ok: true });
    expect(opened).toEqual([{ url: `${PC}/dashboard/v2/customers/${CONTOSO}/adminrelationships`, openerTabId: 3 }]);
    // The fallback's likely cause has its texts in the view at office-365.
    await h.onContentMessage({ kind: 'clicked', step: 'service-requests', clickIndex: 0, last: true }, from(3, sm));
    await h.onContentMessage({ kind: 'clicked', step: 'new-request', clickIndex: 0, last: true }, from(3, sm));
    const v = view(await h.onContentMessage({ kind: 'get-view' }, from(3, sm)));
    expect(v.step).toBe('office-365');
    expect(v.strings?.['overlay.cause.adminRelationship']).toBe('«overlay.cause.adminRelationship»');
    expect(v.summary).toBeNull();
    expect(await h.onContentMessage({ kind: 'target-missing', step: 'office-365', missing: true }, from(3, sm))).toEqual({ ok: true });
    expect((await h.current()).tabs[3]?.missing).toBe('office-365');
  });
});
