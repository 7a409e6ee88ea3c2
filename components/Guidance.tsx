/** Who may escalate (the article's roles) and the help articles (plain links, new tabs). */
import type { EffectiveSettings } from '../lib/settings/settings';
import { HELP_ARTICLES } from '../lib/surfaces/surface-model';
import { OpenIcon } from './icons';
import { i18n } from './text';

const ROLES = ['adminAgent', 'globalAdmin', 'salesAgent', 'helpdeskAgent'] as const;

function ExternalLink({ href, text, testId }: { href: string; text: string; testId?: string }) {
  return (
    <a class="eg-link" href={href} target="_blank" rel="noopener noreferrer" data-help={testId}>
      {text}
      <OpenIcon />
      <span class="eg-visually-hidden">{` ${i18n.t('ui.newTab')}`}</span>
    </a>
  );
}

export function Roles() {
  return (
    <section class="eg-section" aria-labelledby="eg-roles-title">
      <h2 id="eg-roles-title" class="eg-section-title">{i18n.t('ui.section.roles')}</h2>
      <p class="eg-muted">{i18n.t('ui.roles.intro')}</p>
      <ul class="eg-pills" data-testid="eg-roles">
        {ROLES.map((r) => <li key={r} class="eg-pill">{i18n.t(`ui.roles.${r}`)}</li>)}
      </ul>
    </section>
  );
}

export function HelpLinks({ settings }: { settings: EffectiveSettings | undefined }) {
  const company = settings?.companyHelp;
  return (
    <section class="eg-section" aria-labelledby="eg-help-title">
      <h2 id="eg-help-title" class="eg-section-title">{i18n.t('ui.section.help')}</h2>
      <ul class="eg-links">
        {company && <li><ExternalLink href={company.url} text={company.label ?? i18n.t('ui.help.company')} testId="company" /></li>}
        <li><ExternalLink href={HELP_ARTICLES.reportProblems} text={i18n.t('ui.help.reportProblems')} testId="report-problems" /></li>
        <li><ExternalLink href={HELP_ARTICLES.checkServiceHealth} text={i18n.t('ui.help.checkServiceHealth')} testId="check-service-health" /></li>
        <li><ExternalLink href={HELP_ARTICLES.getSupport} text={i18n.t('ui.help.getSupport')} testId="get-support" /></li>
      </ul>
    </section>
  );
}
