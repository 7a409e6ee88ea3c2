/**
 * What the side panel and popup show, derived from the engine state (pure; no DOM, no browser
 * APIs): the surface's view and warnings, the links they offer, the language the portal pages
 * speak. The pages (components/) reach the engine only through this module.
 */
import { flowOfTab, stoppingWarning, warningsFor, type Warning } from '../engine/derive';
import { EngineStateSchema, initialState, type EngineState, type FlowState } from '../engine/state';
import { surfaceView, type SurfaceView } from '../engine/view';
import { pageLangOf, type PageLang } from '../flow/labels';
import { isGuid } from '../flow/tenant';
import { FLOW, stepOf } from '../flow/flow';
import type { PreparationId } from '../flow/ids';
import { PARTNER_CENTER_SERVICE_HEALTH, adminRelationshipsUrl, wayBackUrl } from '../flow/urls';
import { WARNINGS, isPathWarning, wayBackOf } from '../flow/warnings';

export type { Escalation, EngineState, FlowState, ItemState } from '../engine/state';
export type { SurfaceView } from '../engine/view';
export type { Warning };

/** The stored engine state as the background wrote it; null when there is none or it does not parse. */
export function readState(raw: unknown): EngineState | null {
  if (raw == null) return null;
  const r = EngineStateSchema.safeParse(raw);
  return r.success ? r.data : null;
}

export interface Surface {
  view: SurfaceView;
  warnings: Warning[];
  /**
   * The path warning that stops the guide in the active tab; where that tab has no flow of its
   * own (the page opened as a tab), in a tab of the flow shown.
   */
  stopped: Warning | null;
}

/** Everything a side panel or popup of the window whose active tab is `activeTabId` shows. */
export function surfaceOf(state: EngineState | null, activeTabId: number | undefined, undismissable: boolean): Surface {
  const view = surfaceView(state ?? initialState(), activeTabId, { undismissable });
  const warnings = state ? surfaceWarnings(state, activeTabId, view.flow, { undismissable }) : [];
  return { view, warnings, stopped: view.fromOtherTab ? stoppingWarning(warnings) : view.stopped };
}

/** A warning as the side panel and popup show it: its texts' keys and substitutions, and the way back. */
export function warningContent(w: Warning): { title: string; body: string; subs: [string | undefined, string | undefined]; action: string; href: string } {
  const def = WARNINGS[w.id];
  const selected = w.selected?.tenantId;
  const back = wayBackOf(w.id, selected);
  return {
    title: def.title,
    body: def.body,
    subs: [w.selected?.name ?? w.selected?.tenantId ?? w.selected?.domain, w.opened?.value],
    action: back.action,
    href: back.kind === 'customer' ? wayBackUrl(selected) : wayBackUrl(undefined),
  };
}

/** A path warning (it stops the guide until Continue anyway, lib/flow/warnings.ts). */
export const stopsTheGuide = (w: Warning): boolean => isPathWarning(w.id);

/** The page a preparation item links to for the selected customer (`link` in the flow data); null when no customer is known. */
export function preparationLink(id: PreparationId, tenantId: string | undefined): string | null | undefined {
  const link = FLOW.preparation.find((p) => p.id === id)?.link;
  if (!link) return undefined;
  return adminRelationshipsUrl(tenantId) ?? null;
}

/**
 * Why the guide found no target in a tab of the shown flow, where the flow data names a likely
 * cause (`likelyCause`: Microsoft 365 missing on the customer's Service management page, no
 * admin relationship with the role that files): the preparation item and its page.
 */
export function likelyCauseOf(state: EngineState | null, flow: FlowState | null, activeTabId: number | undefined): { item: PreparationId; href: string | null } | null {
  if (!state || !flow) return null;
  const tabs = Object.entries(state.tabs).filter(([, t]) => t.flowId === flow.id && t.missing);
  const tab = tabs.find(([id]) => Number(id) === activeTabId) ?? tabs[0];
  const cause = tab?.[1].missing ? stepOf(tab[1].missing).likelyCause : undefined;
  return cause ? { item: cause, href: preparationLink(cause, flow.customer?.tenantId) ?? null } : null;
}

export const HELP_ARTICLES = {
  reportProblems: 'https://learn.microsoft.com/partner-center/report-problems-on-behalf-of-a-customer',
  checkServiceHealth: 'https://learn.microsoft.com/partner-center/check-service-health',
  getSupport: 'https://learn.microsoft.com/microsoft-365/admin/get-help-support',
} as const;

export interface ServiceHealthLinks {
  partnerCenter: string;
  adminCenter: string;
  /** The admin-center link opens the customer's tenant as delegated admin. */
  delegated: boolean;
}

/** Partner Center's and the admin center's service health; the customer's own where its tenant id is known. */
export function serviceHealthLinks(tenantId: string | undefined): ServiceHealthLinks {
  const delegated = isGuid(tenantId);
  return {
    partnerCenter: PARTNER_CENTER_SERVICE_HEALTH,
    adminCenter: delegated
      ? `https://admin.microsoft.com/Partner/BeginClientSession.aspx?CTID=${tenantId!.toLowerCase()}&CSDEST=ServiceStatus`
      : 'https://admin.microsoft.com/AdminPortal/Home#/servicehealth',
    delegated,
  };
}

/**
 * The warnings a surface shows: its window's active tab's; where that tab has no flow of its own
 * (the surface shows the most recently active flow), those standing in the tabs of that flow.
 */
export function surfaceWarnings(state: EngineState, activeTabId: number | undefined, flow: FlowState | null, opts: { undismissable?: boolean } = {}): Warning[] {
  const out: Warning[] = activeTabId === undefined ? [] : warningsFor(state, activeTabId, opts.undismissable);
  const activeHasFlow = flowOfTab(state, activeTabId) !== undefined;
  if (flow && !activeHasFlow) {
    for (const [id, tab] of Object.entries(state.tabs)) {
      if (tab.flowId !== flow.id) continue;
      for (const w of warningsFor(state, Number(id), opts.undismissable)) if (!out.some((o) => o.id === w.id)) out.push(w);
    }
  }
  return out;
}

/** A tab of the flow, the active one if it belongs to it (for opening related tabs in that flow). */
export function tabOfFlow(state: EngineState, flow: FlowState | null, activeTabId: number | undefined): number | undefined {
  if (!flow) return undefined;
  if (flowOfTab(state, activeTabId)?.id === flow.id) return activeTabId;
  const found = Object.entries(state.tabs).find(([, t]) => t.flowId === flow.id && t.portal === 'partner-center');
  return found ? Number(found[0]) : undefined;
}

/**
 * The language the portal pages of the flow speak: a locale in a Partner Center URL
 * (`/ko-kr/dashboard`), else the browser's UI language (the portals follow it).
 */
export function pageLangForFlow(state: EngineState | null, flow: FlowState | null, uiLang: string): PageLang {
  if (state && flow) {
    for (const tab of Object.values(state.tabs)) {
      if (tab.flowId !== flow.id || !tab.url) continue;
      const m = /^https:\/\/partner\.microsoft\.com\/([a-z]{2}(?:-[a-z]{2,4})?)\//i.exec(tab.url);
      const lang = m ? pageLangOf(m[1]) : undefined;
      if (lang) return lang;
    }
  }
  return pageLangOf(uiLang) ?? 'en';
}
