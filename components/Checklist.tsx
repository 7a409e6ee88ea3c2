/**
 * The checklist (SPEC.md testing contract): one element per item with `data-step-id`,
 * `data-state` (done, current, todo, skipped) and `aria-current="step"` on the current step.
 */
import type { ItemState } from '../lib/surfaces/surface-model';
import { PREPARATION_IDS, STEP_IDS, stepNumber, type ItemId, type PreparationId } from '../lib/flow/ids';
import type { SurfaceView } from '../lib/surfaces/surface-model';
import { CheckIcon, SkipIcon } from './icons';
import { i18n, itemTitle, stateText } from './text';

function stateOf(view: SurfaceView, id: ItemId): ItemState {
  return view.items?.[id] ?? 'todo';
}

function Marker({ state, n }: { state: ItemState; n: number | null }) {
  return (
    <span class="eg-marker" aria-hidden="true">
      {state === 'done' ? <CheckIcon /> : state === 'skipped' ? <SkipIcon /> : n ?? ''}
    </span>
  );
}

export function StepList({ view, compact = false }: { view: SurfaceView; compact?: boolean }) {
  return (
    <ol class={compact ? 'eg-list eg-list-compact' : 'eg-list'} aria-label={i18n.t('ui.section.steps')}>
      {STEP_IDS.map((id) => {
        const state = stateOf(view, id);
        return (
          <li key={id} class={`eg-item is-${state}`} data-step-id={id} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
            <Marker state={state} n={stepNumber(id)} />
            <span class="eg-item-title">{itemTitle(id)}</span>
            <span class="eg-visually-hidden">{`, ${stateText(state)}`}</span>
            {state === 'skipped' && !compact && <span class="eg-tag" aria-hidden="true">{stateText('skipped')}</span>}
          </li>
        );
      })}
    </ol>
  );
}

/** The preparation items, each with a check box the agent may tick (when a flow is shown). */
export function PreparationList({ view, onTick }: { view: SurfaceView; onTick?: (id: PreparationId, done: boolean) => void }) {
  return (
    <ul class="eg-list" aria-label={i18n.t('ui.section.preparation')}>
      {PREPARATION_IDS.map((id) => {
        const state = stateOf(view, id);
        const inputId = `eg-prep-${id}`;
        return (
          <li key={id} class={`eg-item eg-prep is-${state}`} data-step-id={id} data-state={state}>
            <input
              id={inputId}
              type="checkbox"
              class="eg-check"
              checked={state === 'done'}
              disabled={!view.flow || !onTick}
              onChange={(e) => onTick?.(id, (e.currentTarget as HTMLInputElement).checked)}
            />
            <label for={inputId} class="eg-item-title">{itemTitle(id)}</label>
            <span class="eg-visually-hidden">{`, ${stateText(state)}`}</span>
          </li>
        );
      })}
    </ul>
  );
}
