/**
 * The checklist (ARCHITECTURE.md, the testing contract): one element per item with `data-step-id`,
 * `data-state` (done, current, todo, skipped) and `aria-current="step"` on the current step.
 */
import type { ItemState } from '../lib/surfaces/surface-model';
import { PREPARATION_IDS, STEP_IDS, stepNumber, type ItemId, type PreparationId } from '../lib/flow/ids';
import type { SurfaceView } from '../lib/surfaces/surface-model';
import { CheckIcon, OpenIcon, SkipIcon } from './icons';
import { i18n, itemTitle, stateText } from './text';

/** A preparation item's page (`link` in the flow data), for the selected customer: null while none is selected. */
export interface PrepLink {
  href: string | null;
  open(href: string): void;
}

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
export function PreparationList({ view, onTick, links = {} }: { view: SurfaceView; onTick?: (id: PreparationId, done: boolean) => void; links?: Partial<Record<PreparationId, PrepLink>> }) {
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
            <div class="eg-prep-text">
              <label for={inputId} class="eg-item-title">{itemTitle(id)}</label>
              {links[id] && <PrepLinkView id={id} link={links[id]} />}
            </div>
            <span class="eg-visually-hidden">{`, ${stateText(state)}`}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The link of an item (the flow data's only kind: the customer's Admin relationships). */
function PrepLinkView({ id, link }: { id: PreparationId; link: PrepLink }) {
  const href = link.href;
  if (!href) return <span class="eg-hint">{i18n.t('ui.prep.adminRelationshipNoCustomer')}</span>;
  return (
    <>
      <span class="eg-hint">{i18n.t('ui.prep.adminRelationshipHint')}</span>
      <a class="eg-link eg-small" href={href} data-prep-link={id} onClick={(e) => { e.preventDefault(); link.open(href); }}>
        {i18n.t('ui.prep.adminRelationshipLink')}
        <OpenIcon />
        <span class="eg-visually-hidden">{` ${i18n.t('ui.newTab')}`}</span>
      </a>
    </>
  );
}
