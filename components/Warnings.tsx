/** The warnings of SPEC.md, each with what is wrong and the way back. Customer names render as text. */
import type { Customer, Warning } from '../lib/engine/engine';
import { customerPageUrl, PARTNER_CENTER_DASHBOARD } from '../lib/surfaces/surface-model';
import { OpenIcon, WarningIcon } from './icons';
import { i18n } from './text';

const customerText = (c: Customer | undefined): string =>
  c?.name ?? c?.tenantId ?? c?.domain ?? i18n.t('ui.warning.selectedUnknown');

function content(w: Warning): { title: string; body: string; action: string; href: string } {
  switch (w.id) {
    case 'not-from-dashboard':
      return {
        title: i18n.t('ui.warning.notFromDashboard.title'),
        body: i18n.t('ui.warning.notFromDashboard.body'),
        action: i18n.t('ui.warning.notFromDashboard.action'),
        href: PARTNER_CENTER_DASHBOARD,
      };
    case 'own-tenant-context':
      return {
        title: i18n.t('ui.warning.ownTenant.title'),
        body: i18n.t('ui.warning.ownTenant.body'),
        action: w.selected?.tenantId ? i18n.t('ui.warning.ownTenant.action') : i18n.t('ui.warning.notFromDashboard.action'),
        href: customerPageUrl(w.selected?.tenantId),
      };
    case 'customer-mismatch':
      return {
        title: i18n.t('ui.warning.mismatch.title'),
        body: i18n.t('ui.warning.mismatch.body', [customerText(w.selected), w.opened?.value ?? '']),
        action: i18n.t('ui.warning.mismatch.action'),
        href: customerPageUrl(w.selected?.tenantId),
      };
  }
}

export function Warnings({ warnings }: { warnings: Warning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div class="eg-warnings">
      {warnings.map((w) => {
        const c = content(w);
        return (
          <div key={w.id} class="eg-warning" role="alert" data-warning={w.id}>
            <span class="eg-warning-icon"><WarningIcon /></span>
            <div class="eg-warning-text">
              <p class="eg-warning-title">{c.title}</p>
              <p>{c.body}</p>
              <a class="eg-link" href={c.href} target="_blank" rel="noopener noreferrer">
                {c.action}
                <OpenIcon />
                <span class="eg-visually-hidden">{` ${i18n.t('ui.newTab')}`}</span>
              </a>
            </div>
          </div>
        );
      })}
    </div>
  );
}
