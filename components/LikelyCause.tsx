/**
 * Why the guide found no target, where the flow data names the likely cause (`likelyCause`):
 * Microsoft 365 missing on the customer's Service management page means no admin relationship with
 * the role that files requests (GDAP; the portal facts in test/replica/README.md). Links to the
 * item's page.
 */
import { likelyCauseOf, type EngineState, type FlowState } from '../lib/surfaces/surface-model';
import { OpenIcon } from './icons';
import { i18n } from './text';

export function LikelyCause({ state, flow, activeTabId, onOpen }: {
  state: EngineState | null;
  flow: FlowState | null;
  activeTabId: number | undefined;
  onOpen: (href: string) => void;
}) {
  const cause = likelyCauseOf(state, flow, activeTabId);
  if (!cause) return null;
  const href = cause.href;
  return (
    <section class="eg-card eg-cause" aria-labelledby="eg-cause-title" data-testid="eg-likely-cause" data-item={cause.item}>
      <h2 id="eg-cause-title" class="eg-section-title">{i18n.t('ui.cause.title')}</h2>
      <p>{i18n.t('overlay.cause.adminRelationship')}</p>
      {href ? (
        <a class="eg-link" href={href} data-action="open-admin-relationships" onClick={(e) => { e.preventDefault(); onOpen(href); }}>
          {i18n.t('overlay.cause.openAdminRelationships')}
          <OpenIcon />
          <span class="eg-visually-hidden">{` ${i18n.t('ui.newTab')}`}</span>
        </a>
      ) : (
        <p class="eg-hint">{i18n.t('ui.prep.adminRelationshipNoCustomer')}</p>
      )}
    </section>
  );
}
