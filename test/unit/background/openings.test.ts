/**
 * How the background learns which tenant a new tab acts for: the Hub with fake ports, fed the
 * events each kind of opening produces as Chromium reports them (as observed in Chromium,
 * 2026-12-03): `tabs.onCreated` with the opener and (for window.open) no pendingUrl; webRequest
 * `onBeforeRequest` (main frame) for the delegated entry with the new tab's id; `onBeforeRedirect`
 * to sign-in; `tabs.onUpdated` with each sign-in page (account picker, password, MFA, "stay signed
 * in", moved by form POSTs), the POST to the admin center's landing page, and finally the admin
 * center's own route; the content script's reports of the admin-center pages. The tab's delegated
 * tenant is checked at each point.
 */
import { describe, expect, it } from 'vitest';
import { Hub, type HubPorts } from '../../../lib/background/hub';
import type { Sender } from '../../../lib/background/senders';
import { warningsFor } from '../../../lib/engine/derive';
import type { EngineState } from '../../../lib/engine/state';
import { effectiveSettings, DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { MemoryStore, storePorts } from './fake-store';

const CONTOSO = { tenantId: '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10', name: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' };
const FABRIKAM = { tenantId: 'b3e5c2d4-7a91-4f0e-8c6d-2e4f9a1b7c35', domain: 'fabrikam.onmicrosoft.com' };
const PC = 'https://partner.microsoft.com';
const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const BCS = (tenantId: string) => `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${tenantId}&CSDEST=o365admincenter`;
const ORG = (domain: string) => `https://admin.cloud.microsoft/?delegatedOrg=${domain}`;
/**
 * The sign-in URL the entry redirects to: it names the admin center, not the tenant (the portal
 * facts in test/replica/README.md).
 */
const AUTHORIZE = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=00000006-0000-0ff1-ce00-000000000000&redirect_uri=https%3A%2F%2Fadmin.microsoft.com%2Flanding&response_mode=form_post&state=r1x';
/** The sign-in pages after it, each a POST whose URL carries nothing of the first. */
const SIGN_IN_PAGES = ['https://login.microsoftonline.com/common/login', 'https://login.microsoftonline.com/common/SAS/ProcessAuth', 'https://login.microsoftonline.com/kmsi'];
const LANDING = 'https://admin.microsoft.com/landing';
const HOME = 'https://admin.microsoft.com/AdminPortal/Home#/homepage';

const tenantId = (t: { tenantId: string }) => ({ kind: 'tenant-id', value: t.tenantId });
const domainOf = (t: { domain: string }) => ({ kind: 'domain', value: t.domain });

/** A hub with fake ports, and the browser's and the content scripts' events as Chromium delivers them. */
function browser() {
  const store = new MemoryStore();
  let clock = 1_000;
  const ports: HubPorts = {
    ...storePorts(store, () => []),
    clear: async () => void (store.value = undefined),
    settings: async () => effectiveSettings(DEFAULT_SETTINGS, {}),
    pushView: async () => undefined,
    setBadge: async () => undefined,
    learn: async () => undefined,
    askTab: async () => undefined,
    openTab: async () => undefined,
    log: () => undefined,
    now: () => clock++,
  };
  const hub = new Hub(ports);
  const sender = (tab: number, url: string): Sender => ({ tabId: tab, url, frameId: 0, extensionOrigin: EXT });
  let request = 0;
  const b = {
    hub,
    store,
    /** The content script's report of its page. */
    page: (tab: number, url: string) => hub.onContentMessage({ kind: 'page', url }, sender(tab, url)),
    /** The content script's report of a trusted click on the ringed target. */
    click: (tab: number, url: string, step: string, extra: Record<string, unknown> = {}) =>
      hub.onContentMessage({ kind: 'clicked', step, clickIndex: 0, last: true, ...extra }, sender(tab, url)),
    created: (tab: number, opener?: number, pendingUrl?: string) => hub.tabOpened(tab, opener, pendingUrl),
    /** onBeforeRequest, main frame: a new request id unless `same` continues the last one. */
    request: (tab: number, url: string, same = false) => hub.requestSeen(tab, `${same ? request : ++request}`, url),
    redirect: (tab: number, to: string) => hub.redirectSeen(tab, to),
    updated: (tab: number, url: string) => hub.urlSeen(tab, url),
    state: () => hub.current(),
    async delegated(tab: number) {
      return (await hub.current()).tabs[tab]?.delegated ?? null;
    },
    async warnings(tab: number) {
      return warningsFor(await hub.current(), tab).map((w) => w.id);
    },
    async flowOf(tab: number) {
      const s: EngineState = await hub.current();
      const id = s.tabs[tab]?.flowId;
      return id ? s.flows[id] : undefined;
    },
  };
  return b;
}

/** Partner Center in tab 1: Contoso picked, its service requests, the New request menu open. */
async function atNewRequest() {
  const b = browser();
  await b.page(1, `${PC}/dashboard/v2/customers/list`);
  await b.click(1, `${PC}/dashboard/v2/customers/list`, 'select-customer', { customer: CONTOSO });
  const sr = `${PC}/dashboard/v2/customers/${CONTOSO.tenantId}/servicerequests`;
  await b.hub.onContentMessage({ kind: 'page', url: sr, page: 'pc-service-requests' }, { tabId: 1, url: sr, frameId: 0, extensionOrigin: EXT });
  await b.click(1, sr, 'new-request');
  return { b, sr };
}

/** The sign-in pages and the landing POST, as Chromium reports them, checking the tenant after each. */
async function signIn(b: ReturnType<typeof browser>, tab: number, expected: unknown, firstTime = true) {
  await b.updated(tab, AUTHORIZE);
  expect(await b.delegated(tab), 'on the account picker').toEqual(expected);
  for (const url of SIGN_IN_PAGES) {
    await b.updated(tab, url);
    expect(await b.delegated(tab), url).toEqual(expected);
  }
  if (firstTime) expect((await b.flowOf(tab))?.items['portal-sign-in']).toBe('todo');
  await b.request(tab, LANDING); // the form POST back to the admin center: a new navigation
  await b.updated(tab, LANDING);
  await b.page(tab, LANDING);
  expect(await b.delegated(tab), 'on the landing page').toEqual(expected);
  await b.updated(tab, HOME); // the app's route (replaceState)
  await b.page(tab, HOME);
  expect(await b.delegated(tab), 'in the admin center').toEqual(expected);
}

describe('the tenant of a tab opened from the flow, from its own navigation', () => {
  it('2019: a menu button calls window.open (no href, no pendingUrl): entry → 302 → account picker, password, MFA → admin center', async () => {
    const { b, sr } = await atNewRequest();
    await b.click(1, sr, 'office-365'); // the button has no href: the report names no link
    await b.created(2, 1);
    expect(await b.delegated(2)).toBeNull();
    expect((await b.state()).tabs[2]).toMatchObject({ flowId: 'flow-1', viaOpener: true });
    await b.request(2, BCS(CONTOSO.tenantId));
    expect(await b.delegated(2)).toEqual(tenantId(CONTOSO));
    expect((await b.flowOf(2))?.items['office-365']).toBe('done');
    await b.redirect(2, AUTHORIZE);
    await signIn(b, 2, tenantId(CONTOSO));
    const flow = await b.flowOf(2);
    expect(flow?.id).toBe('flow-1');
    expect(flow?.items).toMatchObject({ 'office-365': 'done', 'portal-sign-in': 'done' });
    expect(flow?.customer).toMatchObject({ tenantId: CONTOSO.tenantId });
    expect(await b.warnings(2)).toEqual([]);
  });

  it('a target=_blank link: the same, with or without the pendingUrl, and with the request reported before the new tab', async () => {
    for (const order of ['pending', 'no-pending', 'request-first'] as const) {
      const { b, sr } = await atNewRequest();
      await b.click(1, sr, 'office-365', { href: BCS(CONTOSO.tenantId) });
      expect(await b.delegated(2)).toBeNull(); // the click alone makes no tab delegated
      if (order === 'request-first') {
        await b.request(2, BCS(CONTOSO.tenantId));
        await b.created(2, 1);
      } else {
        await b.created(2, 1, order === 'pending' ? BCS(CONTOSO.tenantId) : undefined);
        if (order === 'pending') expect(await b.delegated(2), order).toEqual(tenantId(CONTOSO));
        await b.request(2, BCS(CONTOSO.tenantId));
      }
      expect(await b.delegated(2), order).toEqual(tenantId(CONTOSO));
      await b.redirect(2, AUTHORIZE);
      await signIn(b, 2, tenantId(CONTOSO));
      expect((await b.flowOf(2))?.id, order).toBe('flow-1');
      expect(await b.warnings(2), order).toEqual([]);
    }
  });

  it('a ?delegatedOrg= link that redirects to sign-in, and one that does not', async () => {
    {
      const { b, sr } = await atNewRequest();
      await b.click(1, sr, 'office-365', { href: ORG(CONTOSO.domain) });
      await b.created(2, 1);
      await b.request(2, ORG(CONTOSO.domain));
      expect(await b.delegated(2)).toEqual(domainOf(CONTOSO));
      await b.redirect(2, AUTHORIZE);
      await signIn(b, 2, domainOf(CONTOSO));
      expect(await b.warnings(2)).toEqual([]);
      // The click told the customer's domain: a link for another customer's domain would show the mismatch.
      expect((await b.flowOf(2))?.customer).toMatchObject({ tenantId: CONTOSO.tenantId, domain: CONTOSO.domain });
    }
    {
      const { b, sr } = await atNewRequest();
      await b.click(1, sr, 'office-365', { href: ORG(CONTOSO.domain) });
      await b.created(2, 1);
      await b.request(2, ORG(CONTOSO.domain));
      await b.updated(2, `${ORG(CONTOSO.domain)}#/homepage`);
      await b.page(2, `${ORG(CONTOSO.domain)}#/homepage`);
      expect(await b.delegated(2)).toEqual(domainOf(CONTOSO));
      expect((await b.flowOf(2))?.items).toMatchObject({ 'office-365': 'done', 'portal-sign-in': 'done' });
      expect(await b.warnings(2)).toEqual([]);
    }
  });

  it('another customer’s entry (Contoso picked, Fabrikam opened through the 302): customer-mismatch, not own-tenant-context', async () => {
    const { b } = await atNewRequest();
    await b.created(2, 1);
    await b.request(2, BCS(FABRIKAM.tenantId));
    await b.redirect(2, AUTHORIZE);
    await signIn(b, 2, tenantId(FABRIKAM));
    expect(await b.warnings(2)).toEqual(['customer-mismatch']);
  });

  it('a page that cancels the click and opens the admin center without a tenant: own-tenant-context', async () => {
    const { b, sr } = await atNewRequest();
    // The trusted click on the ringed Office 365 link is reported (its href is the customer's entry) ...
    await b.click(1, sr, 'office-365', { href: BCS(CONTOSO.tenantId) });
    // ... but the page cancelled it and opened the agent's own admin center in a new tab.
    await b.created(2, 1);
    await b.request(2, HOME);
    await b.updated(2, HOME);
    await b.page(2, HOME);
    expect(await b.delegated(2)).toBeNull();
    expect((await b.flowOf(2))?.id).toBe('flow-1');
    expect(await b.warnings(2)).toEqual(['own-tenant-context']);
    // The content script's report of a URL with a tenant (the page rewrote its URL) changes nothing.
    await b.page(2, `https://admin.microsoft.com/?tenantId=${CONTOSO.tenantId}#/homepage`);
    expect(await b.warnings(2)).toEqual(['own-tenant-context']);
  });

  it('a tab opened from the delegated admin center inherits its tenant for the page it was opened with, not for a later navigation', async () => {
    const { b } = await atNewRequest();
    await b.created(2, 1);
    await b.request(2, BCS(CONTOSO.tenantId));
    await b.redirect(2, AUTHORIZE);
    await signIn(b, 2, tenantId(CONTOSO));
    // The admin center opens a page of its own in a new tab (window.open): the same customer's session.
    await b.created(3, 2);
    expect(await b.delegated(3)).toEqual(tenantId(CONTOSO));
    await b.request(3, 'https://admin.microsoft.com/AdminPortal/Home#/support');
    await b.page(3, 'https://admin.microsoft.com/AdminPortal/Home#/support');
    expect(await b.delegated(3)).toEqual(tenantId(CONTOSO));
    expect((await b.state()).tabs[3]!.inherited).toBe(true);
    expect(await b.warnings(3)).toEqual([]);
    // A route change in that page (no request) keeps it; so do sign-in pages.
    await b.updated(3, 'https://admin.microsoft.com/AdminPortal/Home#/support/requests');
    await b.updated(3, AUTHORIZE);
    expect(await b.delegated(3)).toEqual(tenantId(CONTOSO));
    // A later navigation of that tab to the admin center, not through a delegated entry: the agent's own tenant.
    await b.request(3, HOME);
    await b.page(3, HOME);
    expect(await b.delegated(3)).toBeNull();
    expect(await b.warnings(3)).toEqual(['own-tenant-context']);
    // Through the customer's entry again: its own tenant now, kept through the sign-in and the landing.
    await b.request(3, BCS(CONTOSO.tenantId));
    await b.redirect(3, AUTHORIZE);
    await signIn(b, 3, tenantId(CONTOSO), false);
    expect((await b.state()).tabs[3]!.inherited).toBeUndefined();
    // A redirect within the admin center keeps the request id: no later navigation.
    await b.request(3, HOME, true);
    expect(await b.delegated(3)).toEqual(tenantId(CONTOSO));
  });

  it('an entry on another host or scheme is no tenant', async () => {
    const { b } = await atNewRequest();
    await b.created(2, 1);
    for (const url of [`https://evil.example/Partner/BeginClientSession.aspx?CTID=${CONTOSO.tenantId}`, `http://portal.office.com/Partner/BeginClientSession.aspx?CTID=${CONTOSO.tenantId}`]) {
      await b.request(2, url);
      await b.updated(2, url);
    }
    expect(await b.delegated(2)).toBeNull();
  });
});
