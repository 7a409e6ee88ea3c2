/**
 * Pure helpers of the side panel and popup: the links they offer, the warnings they show, the
 * language the portal pages speak, and the case summary. No DOM, no browser APIs.
 */
import { flowOfTab, warningsFor, type EngineState, type FlowState, type Warning } from '../engine/engine';
import { pageLangOf, type PageLang } from '../flow/labels';
import { customerTenantFromUrl } from '../flow/tenant';

export const PARTNER_CENTER_DASHBOARD = 'https://partner.microsoft.com/dashboard';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The customer's page in Partner Center, where the flow can pick up again. */
export function customerPageUrl(tenantId: string | undefined): string {
  return tenantId && GUID.test(tenantId)
    ? `https://partner.microsoft.com/dashboard/v2/customers/${tenantId.toLowerCase()}/account`
    : PARTNER_CENTER_DASHBOARD;
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
  const delegated = !!tenantId && GUID.test(tenantId);
  return {
    partnerCenter: 'https://partner.microsoft.com/dashboard/v2/support/servicehealth',
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

/** The tenant id of a Partner Center URL, re-exported for the surfaces. */
export { customerTenantFromUrl };
