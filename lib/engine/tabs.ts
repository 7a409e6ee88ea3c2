/**
 * Tabs as the browser reports them: a tab opened from a flow's tab joins that flow; the tenant a
 * tab acts for comes from the URLs of its own navigation; after a restart, the tabs the browser
 * still has are reconciled with the state in one pass. Each function changes the reducer's copy
 * `s` and says whether it changed anything (`reduce` then returns the old state as it was).
 */
import { detectPage, portalOf } from '../flow/pages';
import { actsFor, blankTab, dropInherited, enterDelegated, noteTenant, pageSeen, prune, touch, urlTenant } from './apply';
import { flowById, type EngineEvent, type EngineState } from './state';

type Event<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;

/**
 * A tab opened from a flow's tab (window.open, a target=_blank link) joins that flow, provisionally
 * until its first portal page (lib/engine/apply.ts `confirmOpenerJoin`). Opened from a delegated
 * admin-center tab, it inherits that tab's tenant until its own navigation says otherwise.
 */
export function tabOpened(s: EngineState, e: Pick<Event<'tab-opened'>, 'tabId' | 'openerTabId' | 'at'>): boolean {
  const opener = s.tabs[e.openerTabId];
  const flow = flowById(s, opener?.flowId);
  if (!opener || !flow || e.tabId === e.openerTabId) return false; // opened by hand: joins nothing
  const existing = s.tabs[e.tabId];
  // A tab that already belongs to a flow stays in it: a late or repeated report never moves it to another family.
  if (existing?.flowId && flowById(s, existing.flowId)) return false;
  const tab = { ...(existing ?? blankTab()), flowId: flow.id, viaOpener: true as const, opener: { tabId: e.openerTabId, at: e.at } };
  s.tabs[e.tabId] = tab;
  if (tab.delegated && !tab.inherited) {
    // Its navigation was reported first (the delegated entry's request before the new tab).
    enterDelegated(flow, tab.delegated, e.at);
    touch(s, flow, e.at, e.tabId);
  } else if (!tab.delegated && opener.portal === 'admin-center' && opener.delegated) {
    tab.delegated = { ...opener.delegated };
    tab.inherited = true;
  }
  return true;
}

/**
 * A URL the browser reported for the tab's own top-level navigation. A tenant it carries is the
 * tenant the tab acts for from now on (through the sign-in pages and the admin center after them);
 * a later navigation to an admin-center URL without one ends an inherited tenant; the pages no
 * content script reports (sign-in, the delegated entry, which redirects before any script runs)
 * are taken as pages seen, but start no flow (the admin center's page does, if the tab has none).
 */
export function navigationSeen(s: EngineState, e: Pick<Event<'navigation-seen'>, 'tabId' | 'url' | 'request' | 'at'>): boolean {
  let url: URL;
  try {
    url = new URL(e.url);
  } catch {
    return false;
  }
  const portal = portalOf(url);
  if (url.protocol !== 'https:' || !portal) return false;
  const page = detectPage(url) ?? null;
  const tenant = urlTenant(url);
  const browserOnly = portal === 'sign-in' || page === 'delegated-entry';
  const starts = e.request !== undefined && e.request !== s.tabs[e.tabId]?.request;
  if (!tenant && !browserOnly) {
    // An admin-center page: its content script reports it. A tab's later navigation here, not
    // through a delegated entry, is in no customer's session an opener gave it.
    if (!starts) return false;
    const tab = (s.tabs[e.tabId] ??= blankTab());
    if (tab.inherited && tab.request !== undefined) dropInherited(tab);
    tab.request = e.request;
    return true;
  }
  // The same tenant again (a route change of the admin center whose URL carries it): nothing new.
  if (tenant && !browserOnly && !starts && actsFor(s, e.tabId, tenant)) return false;
  const tab = (s.tabs[e.tabId] ??= blankTab());
  if (starts) tab.request = e.request;
  if (tenant) {
    delete tab.viaOpener; // an admin-center page: it continues the flow the tab joined
    noteTenant(flowById(s, tab.flowId), tab, tenant, e.at);
  }
  if (browserOnly) pageSeen(s, { tabId: e.tabId, url: e.url, page, at: e.at }, false);
  else {
    const flow = flowById(s, tab.flowId);
    if (flow) touch(s, flow, e.at, e.tabId);
  }
  return true;
}

/**
 * The tabs the browser has open after a restart: the state forgets the others, and what happened
 * while no listener ran is taken as if it had been seen (a tab opened from a flow's tab joins it,
 * a URL the browser shows is a navigation). Openers before the tabs they opened (ids only grow).
 */
export function tabsListed(s: EngineState, e: Event<'tabs-listed'>): boolean {
  const listed = new Set(e.tabs.map((t) => t.tabId));
  let changed = false;
  for (const key of Object.keys(s.tabs)) {
    if (listed.has(Number(key))) continue;
    delete s.tabs[key];
    changed = true;
  }
  for (const t of [...e.tabs].sort((a, b) => a.tabId - b.tabId)) {
    if (t.openerTabId !== undefined && !flowById(s, s.tabs[t.tabId]?.flowId)) {
      changed = tabOpened(s, { tabId: t.tabId, openerTabId: t.openerTabId, at: e.at }) || changed;
    }
    if (t.url && t.url !== s.tabs[t.tabId]?.url) changed = navigationSeen(s, { tabId: t.tabId, url: t.url, at: e.at }) || changed;
  }
  if (changed) prune(s);
  return changed;
}
