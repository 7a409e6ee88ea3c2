/**
 * Service health: Partner Center's and the admin center's (the customer's own, as delegated admin,
 * where its tenant id is known). Opening one completes the preparation item.
 */
import type { FlowState } from '../lib/surfaces/surface-model';
import { serviceHealthLinks } from '../lib/surfaces/surface-model';
import { openTab } from './hooks';
import { OpenIcon } from './icons';
import { i18n, trParts } from './text';
import { Parts } from './Isolated';

interface Props {
  flow: FlowState | null;
  /** A tab of the flow: Partner Center's page opens as its child, so it joins the same flow. */
  flowTabId: number | undefined;
  onVisited: () => void;
}

export function ServiceHealth({ flow, flowTabId, onVisited }: Props) {
  const c = flow?.customer;
  const links = serviceHealthLinks(c?.tenantId);
  const who = c?.name ?? c?.tenantId;
  const done = flow?.items['check-service-health'] === 'done';
  const visit = (url: string, opener: number | undefined) => (e: MouseEvent) => {
    e.preventDefault();
    onVisited();
    void openTab(url, opener);
  };
  return (
    <section class="eg-section" aria-labelledby="eg-health-title" data-testid="eg-service-health">
      <h2 id="eg-health-title" class="eg-section-title">{i18n.t('ui.section.health')}</h2>
      <p class="eg-muted">{i18n.t('ui.health.intro')}</p>
      <ul class="eg-links">
        <li>
          <a class="eg-link" href={links.partnerCenter} data-health="partner-center" onClick={visit(links.partnerCenter, flowTabId)}>
            {i18n.t('ui.health.partnerCenter')}
            <OpenIcon />
            <span class="eg-visually-hidden">{` ${i18n.t('ui.newTab')}`}</span>
          </a>
        </li>
        <li>
          <a class="eg-link" href={links.adminCenter} data-health="admin-center" data-delegated={String(links.delegated)} onClick={visit(links.adminCenter, undefined)}>
            {links.delegated && who ? <Parts parts={trParts('ui.health.adminCenterFor', [who])} /> : i18n.t('ui.health.adminCenter')}
            <OpenIcon />
            <span class="eg-visually-hidden">{` ${i18n.t('ui.newTab')}`}</span>
          </a>
        </li>
      </ul>
      {done && <p class="eg-note eg-note-success" role="status">{i18n.t('ui.health.done')}</p>}
    </section>
  );
}
