/**
 * The case summary: a short form (validated with zod in lib/surfaces/case-summary.ts) that fills in the
 * customer, tenant id and service-health status and copies the text for the service request.
 * Nothing is stored: the form lives in the page only.
 */
import { useRef, useState } from 'preact/hooks';
import { TRIAGE_CATEGORIES, type TriageCategory } from '../lib/flow/ids';
import type { FlowState } from '../lib/surfaces/surface-model';
import { composeCaseSummary, parseCaseForm, type CaseField, type CaseTexts } from '../lib/surfaces/case-summary';
import { CopyIcon } from './icons';
import { i18n, tr } from './text';

function texts(): CaseTexts {
  return {
    heading: i18n.t('ui.summary.out.heading'),
    customer: i18n.t('ui.summary.out.customer'),
    tenantId: i18n.t('ui.summary.out.tenantId'),
    unknown: i18n.t('ui.summary.out.unknown'),
    category: i18n.t('ui.summary.out.category'),
    categoryName: (c: TriageCategory) => tr(`ui.triage.short.${c}`),
    serviceHealth: i18n.t('ui.summary.out.serviceHealth'),
    serviceHealthChecked: i18n.t('ui.summary.out.checked'),
    serviceHealthNotChecked: i18n.t('ui.summary.out.notChecked'),
    started: i18n.t('ui.summary.out.started'),
    symptoms: i18n.t('ui.summary.out.symptoms'),
    impact: i18n.t('ui.summary.out.impact'),
    tried: i18n.t('ui.summary.out.tried'),
    nothingTried: i18n.t('ui.summary.out.nothingTried'),
  };
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

type Values = Record<CaseField, string>;

export function CaseSummary({ flow }: { flow: FlowState | null }) {
  const triage = flow?.triage && flow.triage !== 'in-house' ? flow.triage : '';
  const [values, setValues] = useState<Values>({ category: '', symptoms: '', impact: '', started: '', tried: '' });
  const [errors, setErrors] = useState<CaseField[]>([]);
  const [result, setResult] = useState<{ text: string; copied: boolean } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const category = values.category || triage;

  const set = (field: CaseField) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setValues((v) => ({ ...v, [field]: value }));
    if (errors.includes(field)) setErrors((errs) => errs.filter((f) => f !== field));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = parseCaseForm({ ...values, category });
    if (!parsed.ok) {
      setErrors(parsed.fields);
      setResult(null);
      const first = parsed.fields[0];
      if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors([]);
    const text = composeCaseSummary(
      parsed.form,
      { customerName: flow?.customer?.name, tenantId: flow?.customer?.tenantId, serviceHealthChecked: flow?.items['check-service-health'] === 'done' },
      texts(),
      new Date().getTimezoneOffset(),
    );
    setResult({ text, copied: await copyText(text) });
  };

  const field = (name: CaseField) => ({
    id: `eg-case-${name}`,
    name,
    'aria-invalid': errors.includes(name) ? ('true' as const) : undefined,
    'aria-describedby': [`eg-case-${name}-hint`, errors.includes(name) ? `eg-case-${name}-error` : ''].filter(Boolean).join(' '),
  });
  const error = (name: CaseField) =>
    errors.includes(name) ? <p id={`eg-case-${name}-error`} class="eg-field-error">{tr(`ui.summary.error.${name}`)}</p> : null;

  return (
    <section class="eg-section" aria-labelledby="eg-summary-title" data-testid="eg-case-summary">
      <h2 id="eg-summary-title" class="eg-section-title">{i18n.t('ui.section.summary')}</h2>
      <p class="eg-muted">{i18n.t('ui.summary.intro')}</p>
      <form ref={formRef} class="eg-form" onSubmit={submit} noValidate>
        {errors.length > 0 && <p class="eg-field-error" role="alert" data-testid="eg-case-errors">{i18n.t('ui.summary.errorsIntro')}</p>}
        <div class="eg-field">
          <label for="eg-case-category">{i18n.t('ui.summary.category')}</label>
          <select {...field('category')} value={category} onChange={set('category')}>
            <option value="">{i18n.t('ui.summary.chooseCategory')}</option>
            {TRIAGE_CATEGORIES.map((c) => <option key={c} value={c}>{tr(`ui.triage.short.${c}`)}</option>)}
          </select>
          <span id="eg-case-category-hint" hidden />
          {error('category')}
        </div>
        <div class="eg-field">
          <label for="eg-case-symptoms">{i18n.t('ui.summary.symptoms')}</label>
          <p id="eg-case-symptoms-hint" class="eg-hint">{i18n.t('ui.summary.symptomsHint')}</p>
          <textarea {...field('symptoms')} rows={3} value={values.symptoms} onInput={set('symptoms')} />
          {error('symptoms')}
        </div>
        <div class="eg-field">
          <label for="eg-case-impact">{i18n.t('ui.summary.impact')}</label>
          <p id="eg-case-impact-hint" class="eg-hint">{i18n.t('ui.summary.impactHint')}</p>
          <textarea {...field('impact')} rows={2} value={values.impact} onInput={set('impact')} />
          {error('impact')}
        </div>
        <div class="eg-field">
          <label for="eg-case-started">{i18n.t('ui.summary.started')}</label>
          <span id="eg-case-started-hint" hidden />
          <input {...field('started')} type="datetime-local" value={values.started} onInput={set('started')} />
          {error('started')}
        </div>
        <div class="eg-field">
          <label for="eg-case-tried">{i18n.t('ui.summary.tried')}</label>
          <p id="eg-case-tried-hint" class="eg-hint">{i18n.t('ui.summary.triedHint')}</p>
          <textarea {...field('tried')} rows={2} value={values.tried} onInput={set('tried')} />
          {error('tried')}
        </div>
        <button type="submit" class="eg-button eg-button-primary" data-testid="eg-case-copy">
          <CopyIcon />
          {i18n.t('ui.summary.copy')}
        </button>
      </form>
      {result && (
        <div class="eg-result">
          <p class={result.copied ? 'eg-note eg-note-success' : 'eg-note'} role="status" data-testid="eg-case-status">
            {result.copied ? i18n.t('ui.summary.copied') : i18n.t('ui.summary.copyFailed')}
          </p>
          <label for="eg-case-output" class="eg-visually-hidden">{i18n.t('ui.summary.preview')}</label>
          <textarea id="eg-case-output" class="eg-output" readOnly rows={10} value={result.text} data-testid="eg-case-output" />
        </div>
      )}
    </section>
  );
}
