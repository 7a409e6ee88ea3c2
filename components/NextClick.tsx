/** The next click: in the agent's language, and as the portal page labels it; or the way back. */
import type { ComponentChildren } from 'preact';
import { warningContent, type FlowState, type Warning } from '../lib/surfaces/surface-model';
import { stepNumber, type StepId } from '../lib/flow/ids';
import { stepOf } from '../lib/flow/flow';
import { labelFor, type LabelId, type PageLang } from '../lib/flow/labels';
import { OpenIcon } from './icons';
import { i18n, itemTitle, tr } from './text';

/** The page label of the step's click number `index` (steps of several clicks name each in turn). */
function clickLabel(step: StepId, index: number): { label: LabelId; count: number } {
  const s = stepOf(step);
  const variant = s.variants.find((v) => v.clicks.length > index);
  const click = index > 0 ? variant?.clicks[index] : undefined;
  return { label: click?.label ?? s.label, count: variant && index > 0 ? variant.clicks.length : 1 };
}

/**
 * While a path warning stops the guide, the next click is its way back (ARCHITECTURE.md, "A path
 * warning stops the guide": the guide marks nothing and every surface offers the way back instead),
 * until the agent chooses Continue anyway.
 */
export function WayBack({ warning, compact = false }: { warning: Warning; compact?: boolean }) {
  const c = warningContent(warning);
  const link = (
    <a class={compact ? 'eg-link' : 'eg-button eg-button-primary'} href={c.href} target="_blank" rel="noopener noreferrer" data-action="way-back">
      {tr(c.action)}
      <OpenIcon />
      <span class="eg-visually-hidden">{` ${i18n.t('ui.newTab')}`}</span>
    </a>
  );
  if (compact) return <NextLine stoppedBy={warning.id}>{link}</NextLine>;
  return (
    <section class="eg-card eg-next" aria-labelledby="eg-next-title" data-testid="eg-next" data-stopped-by={warning.id}>
      <div class="eg-next-head">
        <span class="eg-next-kicker">{i18n.t('ui.section.next')}</span>
      </div>
      <h2 id="eg-next-title" class="eg-next-title">{i18n.t('ui.next.stoppedTitle')}</h2>
      <p class="eg-next-why">{i18n.t('ui.next.stoppedBody')}</p>
      <div>{link}</div>
    </section>
  );
}

export function NextClick({ flow, step, pageLang }: { flow: FlowState; step: StepId; pageLang: PageLang }) {
  const index = flow.clickProgress[step] ?? 0;
  const { label, count } = clickLabel(step, index);
  const s = stepOf(step);
  return (
    <section class="eg-card eg-next" aria-labelledby="eg-next-title" data-testid="eg-next" data-next-step={step}>
      <div class="eg-next-head">
        <span class="eg-next-kicker">{i18n.t('ui.section.next')}</span>
        <span class="eg-badge-number">{i18n.t('ui.next.step', [String(stepNumber(step))])}</span>
      </div>
      <h2 id="eg-next-title" class="eg-next-title">{itemTitle(step)}</h2>
      <p class="eg-next-label">
        <span class="eg-muted">{i18n.t('ui.next.onPage')}</span>
        <span class="eg-chip" lang={pageLang}>{labelFor(label, pageLang)}</span>
        {count > 1 && <span class="eg-muted">{i18n.t('ui.next.clickOf', [String(index + 1), String(count)])}</span>}
      </p>
      <p class="eg-next-why">{tr(s.why)}</p>
      <p class="eg-next-where eg-muted">{tr(s.where)}</p>
    </section>
  );
}

export function CustomerCard({ flow }: { flow: FlowState | null }) {
  const c = flow?.customer;
  return (
    <section class="eg-section" aria-labelledby="eg-customer-title">
      <h2 id="eg-customer-title" class="eg-section-title">{i18n.t('ui.section.customer')}</h2>
      {c?.tenantId || c?.name ? (
        <dl class="eg-facts" data-testid="eg-customer">
          <dt>{i18n.t('ui.customer.name')}</dt>
          <dd data-field="name">{c.name ? <bdi>{c.name}</bdi> : i18n.t('ui.customer.nameUnknown')}</dd>
          <dt>{i18n.t('ui.customer.tenantId')}</dt>
          <dd data-field="tenant-id" class="eg-mono">{c.tenantId ? <bdi>{c.tenantId}</bdi> : i18n.t('ui.summary.out.unknown')}</dd>
        </dl>
      ) : (
        <p class="eg-muted">{i18n.t('ui.customer.none')}</p>
      )}
    </section>
  );
}

/** The popup's one line of next click: the step, or the way back while a path warning stops the guide. */
export function NextLine({ stoppedBy, step, children }: { stoppedBy?: string; step?: StepId; children: ComponentChildren }) {
  return (
    <p class="eg-next-line" data-testid="eg-next" data-stopped-by={stoppedBy} data-next-step={step}>
      <span class="eg-next-kicker">{i18n.t('ui.section.next')}</span>
      <span>{children}</span>
    </p>
  );
}
