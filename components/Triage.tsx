/** Triage: the five categories that belong to Microsoft, or "none of these" (the partner solves it). */
import { TRIAGE_CATEGORIES, type TriageCategory } from '../lib/flow/ids';
import type { FlowState } from '../lib/surfaces/surface-model';
import { i18n, tr } from './text';

export function Triage({ flow, onPick }: { flow: FlowState | null; onPick: (c: TriageCategory | 'in-house') => void }) {
  const picked = flow?.triage ?? null;
  const name = 'eg-triage';
  return (
    <section class="eg-section" aria-labelledby="eg-triage-title" data-testid="eg-triage">
      <h2 id="eg-triage-title" class="eg-section-title">{i18n.t('ui.section.triage')}</h2>
      <p class="eg-muted">{i18n.t('ui.triage.intro')}</p>
      <fieldset class="eg-choices" disabled={!flow}>
        <legend class="eg-visually-hidden">{i18n.t('ui.triage.legend')}</legend>
        {[...TRIAGE_CATEGORIES, 'in-house' as const].map((c) => {
          const id = `${name}-${c}`;
          return (
            <div key={c} class={c === 'in-house' ? 'eg-choice eg-choice-none' : 'eg-choice'}>
              <input type="radio" id={id} name={name} value={c} checked={picked === c} onChange={() => onPick(c)} data-category={c} />
              <label for={id}>{c === 'in-house' ? i18n.t('ui.triage.none') : tr(`ui.triage.cat.${c}`)}</label>
            </div>
          );
        })}
      </fieldset>
      {picked === 'in-house' && (
        <p class="eg-note" role="status" data-testid="eg-in-house">{i18n.t('ui.triage.inHouse')}</p>
      )}
      {picked && picked !== 'in-house' && (
        <p class="eg-note eg-note-success" role="status">{`${i18n.t('ui.triage.picked')}: ${tr(`ui.triage.short.${picked}`)}`}</p>
      )}
    </section>
  );
}
