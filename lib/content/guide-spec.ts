/**
 * The clicks the guide looks for on this page now: the view's step at its click index, the
 * policy's and the agent's taught locators first (lib/flow/taught.ts), then the flow data's.
 */
import { candidatesOn, stepOf, type Candidate } from '../flow/flow';
import type { StepId } from '../flow/ids';
import type { ContentPortal, PageKind } from '../flow/pages';
import { taughtApplies } from '../flow/taught';
import type { ContentView } from '../protocol/content-view';

export interface Spec {
  step: StepId;
  clickIndex: number;
  candidates: Candidate[];
}

export function specOf(view: ContentView | null, page: PageKind | null, portal: ContentPortal): Spec | null {
  if (!view?.step || view.complete || page === 'delegated-entry') return null;
  const { step, clickIndex } = view;
  const flowStep = stepOf(step);
  const builtIn = candidatesOn(flowStep, page ?? undefined, portal, clickIndex);
  // A taught locator stands in for the step's click (its label, its completion), found its own way
  // and anywhere on the page (not only in the built-in click's regions).
  const base = builtIn[0] ?? firstClickOf(flowStep, clickIndex);
  const taught: Candidate[] = base
    ? (view.taught ?? []).filter((x) => taughtApplies(x, step, clickIndex, portal, page)).map((x) => {
        const { regions: _regions, ...click } = base.click;
        return { ...base, click: { ...click, locators: [x.locator] }, taught: x.source };
      })
    : [];
  const candidates = [...taught, ...builtIn];
  return candidates.length ? { step, clickIndex, candidates } : null;
}

/** What tells one spec from another on a page: a new one starts the search over. */
export function specKeyOf(spec: Spec | null, page: PageKind | null): string {
  if (!spec) return '';
  const parts = spec.candidates.map((c) => (c.taught ? JSON.stringify(c.click.locators) : c.variant));
  return `${spec.step}|${spec.clickIndex}|${parts.join(',')}|${page}`;
}

/** The step's click at `index` in its first variant that has one (a taught locator's stand-in on a page the flow data does not name). */
function firstClickOf(step: ReturnType<typeof stepOf>, index: number): Candidate | undefined {
  for (const v of step.variants) {
    const click = v.clicks[index];
    if (click) return { variant: v.id, click, last: index === v.clicks.length - 1 };
  }
  return undefined;
}
