/**
 * The background owns the flow state (lib/background/hub.ts over lib/engine/reduce.ts) and keeps it in session
 * storage: a stopped service worker picks up where it was; closing the browser forgets it.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { Hub } from '../lib/background/hub';
import type { Sender } from '../lib/background/senders';
import { ADMIN_CENTER_HOSTS } from '../lib/flow/hosts';
import { OVERLAY_SUBS } from '../lib/protocol/content-view';
import { addLearned, clearLocalData, getEffectiveSettings } from '../lib/settings/store';
import { STATE_ITEM } from '../lib/protocol/storage';

/** Firefox's sidebar (its side panel); not in the Chrome-shaped types. */
interface FirefoxSidebar {
  sidebarAction: { open(): Promise<void> };
}

/**
 * The top-level requests the background observes (webRequest, non-blocking): the admin-center
 * hosts, where the delegated entries live (`BeginClientSession.aspx?CTID=`, `?delegatedOrg=`,
 * `?tenantId=`, answered with a redirect to sign-in before any content script runs).
 */
const ADMIN_CENTER_DOCUMENTS = { urls: ADMIN_CENTER_HOSTS.map((h) => `https://${h}/*`), types: ['main_frame' as const] };

/** The promise of a piece of the Hub's work, settled to undefined (a listener's return value). */
const settled = (work: Promise<unknown>): Promise<undefined> => work.then(() => undefined, () => undefined);

export default defineBackground(() => {
  const session = browser.storage.session;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

  const hub = new Hub({
    read: () => session.get(null),
    write: (items) => session.set(items),
    remove: (keys) => session.remove(keys),
    tabs: () => browser.tabs.query({}),
    clear: async () => {
      await session.remove(STATE_ITEM);
      await clearLocalData();
    },
    learn: addLearned,
    askTab: (tabId, msg) => browser.tabs.sendMessage(tabId, msg, { frameId: 0 }),
    settings: getEffectiveSettings,
    pushView: async (tabId, view) => {
      await browser.tabs.sendMessage(tabId, { kind: 'view', view });
    },
    message: (key) => (browser.i18n.getMessage as (k: string, subs: string[]) => string)(key.startsWith('@@') ? key : key.replaceAll('.', '_'), OVERLAY_SUBS),
    setBadge: async (tabId, badge) => {
      await browser.action.setBadgeText({ tabId, text: badge.text });
      await browser.action.setBadgeBackgroundColor({ tabId, color: badge.warning ? '#C50F1F' : '#0F6CBD' });
    },
    openTab: async (url, openerTabId) => {
      await browser.tabs.create(openerTabId === undefined ? { url } : { url, openerTabId });
    },
    log: (message) => console.warn(`[escalation-guide] ${message}`),
    now: () => Date.now(),
  });

  // Listeners are registered synchronously, first thing: an event that wakes the stopped service
  // worker is delivered to them; the Hub loads the stored state before handling it.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only this extension's own content scripts and pages (no externally_connectable: web pages cannot send).
    if (sender.id !== browser.runtime.id) return undefined;
    const lifecycle = (sender as { documentLifecycle?: string }).documentLifecycle;
    const from: Sender = { tabId: sender.tab?.id, url: sender.url, frameId: sender.frameId, documentLifecycle: lifecycle, extensionOrigin };
    const isExtensionPage = sender.url !== undefined && sender.url.startsWith(`${extensionOrigin}/`);
    return isExtensionPage ? hub.onSurfaceMessage(message, from) : hub.onContentMessage(message, from);
  });

  // The listeners return the Hub's work (settled to undefined): Firefox does not unload its event
  // page while a listener's promise is pending, so a tab event is stored before the page goes.
  // (Chrome ignores these return values.)
  browser.tabs.onCreated.addListener((tab) => {
    // window.open and target=_blank from a flow's tab carry openerTabId; pendingUrl (often empty)
    // is the URL the tab is about to load.
    const pending = (tab as { pendingUrl?: string }).pendingUrl || tab.url;
    if (tab.id !== undefined) return settled(hub.tabOpened(tab.id, tab.openerTabId, pending || undefined));
    return undefined;
  });
  // The tab's own navigation, as the browser reports it: the delegated entry's request and its
  // redirect to sign-in (no content script runs there, and the tab may never show its URL). These
  // return nothing (a value from onBeforeRequest could be taken as a blocking answer); what the
  // state could not rebuild is journaled before the listener returns (lib/background/persist.ts).
  browser.webRequest.onBeforeRequest.addListener((d) => {
    if (d.tabId >= 0) void hub.requestSeen(d.tabId, d.requestId, d.url);
    return undefined;
  }, ADMIN_CENTER_DOCUMENTS);
  browser.webRequest.onBeforeRedirect.addListener((d) => {
    if (d.tabId >= 0) void hub.redirectSeen(d.tabId, d.redirectUrl);
  }, ADMIN_CENTER_DOCUMENTS);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document (or its load finishing): Chrome may have reset the tab's badge; give it again.
    const work: Promise<unknown>[] = [];
    if (change.status !== undefined || change.url !== undefined) work.push(hub.tabLoading(tabId));
    if (change.url) work.push(hub.urlSeen(tabId, change.url));
    return work.length ? settled(Promise.all(work)) : undefined;
  });
  browser.tabs.onRemoved.addListener((tabId) => settled(hub.tabClosed(tabId)));
  browser.tabs.onActivated.addListener(({ tabId }) => settled(hub.tabActivated(tabId)));

  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'local' || area === 'managed') return settled(hub.settingsChanged());
    return undefined;
  });

  // The keyboard shortcut (a user gesture, as sidePanel.open requires): open the side panel.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'open-side-panel') return;
    if (import.meta.env.FIREFOX) void (browser as unknown as FirefoxSidebar).sidebarAction.open();
    else if (tab?.windowId !== undefined) void chrome.sidePanel.open({ windowId: tab.windowId });
  });

  // Session storage stays with the extension's own pages: content scripts get their view by message.
  void browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  if (!import.meta.env.FIREFOX) {
    void chrome.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  }
  // After a restart of the service worker: load the state (reconciled with the open tabs), show the badges again.
  void hub.settingsChanged();
});
