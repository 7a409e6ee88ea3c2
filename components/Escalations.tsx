/**
 * Escalations this session: every flow completed in this browser session with its customer,
 * workload, severity, case number and time, from session storage; the case number can be added here
 * too; copied as text or as CSV for the agent's own ticket system. Everything the page or the agent
 * typed renders as text (names in <bdi>).
 */
import { useState } from 'preact/hooks';
import { isCaseNumber } from '../lib/flow/ids';
import { customerLabel, escalationRows, formatTime, headerRow, toCsv, toText, type EscalationTexts } from '../lib/surfaces/escalations';
import type { Escalation, EngineState } from '../lib/surfaces/surface-model';
import { copyText } from './clipboard';
import { severityName, workloadName } from './CaseSummary';
import { send } from './hooks';
import { CopyIcon } from './icons';
import { i18n, tr } from './text';

function texts(): EscalationTexts {
  return { column: (c) => tr(`ui.escalations.${c}`), workloadName, severityName, none: i18n.t('ui.escalations.none') };
}

function CaseNumber({ esc }: { esc: Escalation }) {
  const [value, setValue] = useState(esc.caseNumber ?? '');
  const [invalid, setInvalid] = useState(false);
  const id = `eg-case-number-${esc.id}`;
  const save = (e: Event) => {
    e.preventDefault();
    if (!isCaseNumber(value)) return setInvalid(true);
    setInvalid(false);
    void send({ kind: 'case-number', escalationId: esc.id, caseNumber: value.trim() });
  };
  return (
    <form class="eg-inline-form" onSubmit={save} noValidate>
      <label for={id} class="eg-visually-hidden">{i18n.t('ui.escalations.addCaseNumber', [customerLabel(esc) || i18n.t('ui.escalations.none')])}</label>
      <input id={id} type="text" value={value} maxLength={200} autoComplete="off" spellcheck={false} aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined} onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} data-field="case-number-input" />
      <button type="submit" class="eg-button eg-button-small">{i18n.t('ui.escalations.saveCaseNumber')}</button>
      {invalid && <p id={`${id}-error`} class="eg-field-error">{i18n.t('ui.escalations.invalidCaseNumber')}</p>}
    </form>
  );
}

export function Escalations({ state }: { state: EngineState | null }) {
  const list = state?.escalations ?? [];
  const [status, setStatus] = useState<string | null>(null);
  const offset = new Date().getTimezoneOffset();
  const copy = async (as: 'text' | 'csv') => {
    const t = texts();
    const rows = escalationRows(list, t, offset);
    const ok = await copyText(as === 'csv' ? toCsv([headerRow(t), ...rows]) : toText(rows, t));
    setStatus(ok ? i18n.t('ui.escalations.copied') : i18n.t('ui.escalations.copyFailed'));
  };
  const none = i18n.t('ui.escalations.none');
  return (
    <section class="eg-section" aria-labelledby="eg-escalations-title">
      <h2 id="eg-escalations-title" class="eg-section-title">{i18n.t('ui.section.escalations')}</h2>
      <p class="eg-muted">{i18n.t(list.length ? 'ui.escalations.intro' : 'ui.escalations.empty')}</p>
      <ul class="eg-escalations" data-testid="eg-escalations" aria-labelledby="eg-escalations-title">
        {[...list].reverse().map((e) => (
          <li key={e.id} class="eg-escalation" data-escalation-id={e.id}>
            <p class="eg-escalation-head">
              <bdi class="eg-escalation-customer" data-field="customer">{customerLabel(e) || none}</bdi>
              <span class="eg-hint" data-field="time">{formatTime(e.completedAt, offset)}</span>
            </p>
            <dl class="eg-facts">
              <dt>{i18n.t('ui.escalations.workload')}</dt>
              <dd data-field="workload">{e.workload ? workloadName(e.workload) : none}</dd>
              <dt>{i18n.t('ui.escalations.severity')}</dt>
              <dd data-field="severity">{e.severity ? severityName(e.severity) : none}</dd>
              <dt>{i18n.t('ui.escalations.caseNumber')}</dt>
              <dd data-field="case-number" class="eg-mono"><bdi>{e.caseNumber ?? none}</bdi></dd>
            </dl>
            <CaseNumber key={e.caseNumber ?? ''} esc={e} />
          </li>
        ))}
      </ul>
      {list.length > 0 && (
        <div class="eg-actions">
          <button type="button" class="eg-button" data-testid="eg-escalations-copy-text" onClick={() => void copy('text')}><CopyIcon />{i18n.t('ui.escalations.copyText')}</button>
          <button type="button" class="eg-button" data-testid="eg-escalations-copy-csv" onClick={() => void copy('csv')}><CopyIcon />{i18n.t('ui.escalations.copyCsv')}</button>
        </div>
      )}
      {status && <p class="eg-note" role="status" data-testid="eg-escalations-status">{status}</p>}
    </section>
  );
}
