/**
 * The side panel: the whole checklist, the next click (or the way back while a path warning stops
 * the guide), the customer, warnings, triage, service health, case summary, the session's escalations.
 */
import { browser } from 'wxt/browser';
import type { TriageCategory } from '../lib/flow/ids';
import type { PreparationId } from '../lib/flow/ids';
import { PARTNER_CENTER_DASHBOARD } from '../lib/flow/urls';
import { pageLangForFlow, preparationLink, tabOfFlow } from '../lib/surfaces/surface-model';
import { CaseSummary } from './CaseSummary';
import { PreparationList, StepList } from './Checklist';
import { Escalations } from './Escalations';
import { HelpLinks, Roles } from './Guidance';
import { Header } from './Header';
import { openTab, send, useProgressKept, useSettings, useSurface } from './hooks';
import { LikelyCause } from './LikelyCause';
import { PageReport } from './PageReport';
import { CustomerCard, NextClick, WayBack } from './NextClick';
import { ServiceHealth } from './ServiceHealth';
import { i18n, uiLanguage } from './text';
import { Triage } from './Triage';
import { NotKeptNotice, Warnings } from './Warnings';

export function SidePanel() {
  const settings = useSettings();
  const { loaded, state, activeTabId, view, warnings, stopped } = useSurface(settings);
  const kept = useProgressKept();
  const flow = view.flow;
  const showPrep = settings?.showPreparation ?? true;
  const pageLang = pageLangForFlow(state, flow, uiLanguage());
  const tick = (item: PreparationId, done: boolean) => flow && void send({ kind: 'tick', flowId: flow.id, item, done });
  const triage = (category: TriageCategory | 'in-house') => flow && void send({ kind: 'triage', flowId: flow.id, category });
  // Partner Center's pages open as children of a tab of the flow, so that they join it.
  const flowTabId = state ? tabOfFlow(state, flow, activeTabId) : undefined;
  const openInFlow = (href: string) => void openTab(href, flowTabId);
  const adminRelationships = preparationLink('admin-relationship', flow?.customer?.tenantId);

  return (
    <div class="eg-page" data-loaded={String(loaded)} data-flow-id={flow?.id ?? ''}>
      <Header view={view} showBar />
      <main class="eg-main">
        <NotKeptNotice kept={kept} />
        <Warnings warnings={warnings} stopped={stopped} />
        {/* Not kept: the store may hold no state at all; no claim that nothing is in progress. */}
        {!flow && loaded && kept && (
          <section class="eg-card" data-testid="eg-no-flow">
            <h2 class="eg-section-title">{i18n.t('ui.noFlow.title')}</h2>
            <p class="eg-muted">{i18n.t('ui.noFlow.body')}</p>
            <div>
              <button type="button" class="eg-button eg-button-primary" onClick={() => void browser.tabs.create({ url: PARTNER_CENTER_DASHBOARD })}>
                {i18n.t('ui.warning.notFromDashboard.action')}
              </button>
            </div>
          </section>
        )}
        {flow && view.fromOtherTab && <p class="eg-muted eg-small" data-testid="eg-from-other-tab">{i18n.t('ui.fromOtherTab')}</p>}
        {flow && view.current && stopped && <WayBack warning={stopped} />}
        {flow && view.current && !stopped && <NextClick flow={flow} step={view.current} pageLang={pageLang} />}
        <LikelyCause state={state} flow={flow} activeTabId={activeTabId} onOpen={openInFlow} />
        {flow && !view.current && (
          <section class="eg-card eg-next" data-testid="eg-complete">
            <h2 class="eg-next-title">{i18n.t('ui.complete.title')}</h2>
            <p class="eg-next-why">{i18n.t('ui.complete.body')}</p>
          </section>
        )}
        <CustomerCard flow={flow} />
        <section class="eg-section" aria-labelledby="eg-checklist-title" data-testid="eg-checklist">
          <h2 id="eg-checklist-title" class="eg-visually-hidden">{i18n.t('ui.section.steps')}</h2>
          {showPrep && (
            <>
              <h3 class="eg-subheading">{i18n.t('ui.section.preparation')}</h3>
              <PreparationList
                view={view}
                onTick={tick}
                links={adminRelationships === undefined ? {} : { 'admin-relationship': { href: adminRelationships, open: openInFlow } }}
              />
              <h3 class="eg-subheading">{i18n.t('ui.section.steps')}</h3>
            </>
          )}
          <StepList view={view} />
        </section>
        {showPrep && <Triage flow={flow} onPick={triage} />}
        {showPrep && (
          <ServiceHealth flow={flow} flowTabId={flowTabId} onVisited={() => tick('check-service-health', true)} />
        )}
        <CaseSummary key={`${flow?.id ?? 'none'}-${flow?.createdAt ?? 0}`} flow={flow} />
        <Escalations state={state} />
        <Roles />
        <HelpLinks settings={settings} />
        {flow && <PageReport tabId={flowTabId} />}
        {flow && (
          <div class="eg-footer">
            <button
              type="button"
              class="eg-button"
              data-testid="eg-start-over"
              title={i18n.t('ui.startOverHint')}
              onClick={() => void send({ kind: 'start-over', flowId: flow.id })}
            >
              {i18n.t('ui.startOver')}
            </button>
          </div>
        )}
      </main>
    </div>
  );
}
