/**
 * The case summary: a short form (validated with zod in lib/surfaces/case-summary.ts) that fills in the
 * customer, tenant id and service-health status, copies the text for the service request, and
 * keeps the case with its escalation (session storage, through the background): the guide fills
 * it into the request form's description, and the session's list shows its workload and severity.
 */
import { useRef, useState } from 'preact/hooks';
import { SEVERITY_IDS, TRIAGE_CATEGORIES, WORKLOAD_IDS, type SeverityId, type TriageCategory, type WorkloadId } from '../lib/flow/ids';
import type { FlowState } from '../lib/surfaces/surface-model';
import { composeCaseSummary, parseCaseForm, type CaseField, type CaseTexts } from '../lib/surfaces/case-summary';
import { copyText } from './clipboard';
import { send } from './hooks';
import { CopyIcon } from './icons';
import { i18n, tr } from './text';

export const workloadName = (w: WorkloadId): string => tr(`ui.workload.${w}`);
export const severityName = (v: SeverityId): string => tr(`ui.severity.${v}.name`);

function texts(): CaseTexts {
  return {
    heading: i18n.t('ui.summary.out.heading'),
    customer: i18n.t('ui.summary.out.customer'),
    tenantId: i18n.t('ui.summary.out.tenantId'),
    unknown: i18n.t('ui.summary.out.unknown'),
    category: i18n.t('ui.summary.out.category'),
    categoryName: (c: TriageCategory) => tr(`ui.triage.short.${c}`),
    workload: i18n.t('ui.summary.out.workload'),
    workloadName,
    severity: i18n.t('ui.summary.out.severity'),
    severityName,
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

type Values = Record<CaseField, string>;

export function CaseSummary({ flow }: { flow: FlowState | null }) {
  const triage = flow?.triage && flow.triage !== 'in-house' ? flow.triage : '';
  const saved = flow?.case?.form;
  const [values, setValues] = useState<Values>(() => ({
    category: saved?.category ?? '', workload: saved?.workload ?? '', severity: saved?.severity ?? '', symptoms: saved?.symptoms ?? '',
    impact: saved?.impact ?? '', started: saved?.started ?? '', tried: saved?.tried ?? '',
  }));
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
    if (flow) void send({ kind: 'case-saved', flowId: flow.id, case: { form: parsed.form, text } });
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
          <label for="eg-case-workload">{i18n.t('ui.summary.workload')}</label>
          <select {...field('workload')} value={values.workload} onChange={set('workload')}>
            <option value="">{i18n.t('ui.summary.chooseWorkload')}</option>
            {WORKLOAD_IDS.map((w) => <option key={w} value={w}>{workloadName(w)}</option>)}
          </select>
          <span id="eg-case-workload-hint" hidden />
          {error('workload')}
        </div>
        <fieldset class="eg-field" aria-invalid={errors.includes('severity') ? 'true' : undefined} aria-describedby={['eg-case-severity-hint', errors.includes('severity') ? 'eg-case-severity-error' : ''].filter(Boolean).join(' ')}>
          <legend class="eg-legend">{i18n.t('ui.summary.severity')}</legend>
          <p id="eg-case-severity-hint" class="eg-hint">{i18n.t('ui.summary.severityHint')}</p>
          <div class="eg-choices" data-testid="eg-case-severity">
            {SEVERITY_IDS.map((v) => (
              <div key={v} class="eg-choice">
                <input type="radio" id={`eg-case-severity-${v}`} name="severity" value={v} checked={values.severity === v} onChange={set('severity')}
                  aria-describedby={`eg-case-severity-${v}-desc`} />
                <label for={`eg-case-severity-${v}`}>
                  <span class="eg-choice-name">{severityName(v)}</span>
                  <span id={`eg-case-severity-${v}-desc`} class="eg-hint eg-choice-desc">{tr(`ui.severity.${v}.desc`)}</span>
                </label>
              </div>
            ))}
          </div>
          {error('severity')}
        </fieldset>
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
            {flow && ` ${i18n.t('ui.summary.saved')}`}
          </p>
          <label for="eg-case-output" class="eg-visually-hidden">{i18n.t('ui.summary.preview')}</label>
          <textarea id="eg-case-output" class="eg-output" readOnly rows={10} value={result.text} data-testid="eg-case-output" />
        </div>
      )}
    </section>
  );
}
