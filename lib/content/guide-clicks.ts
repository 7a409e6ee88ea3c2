/**
 * The guide's part that hears the agent: a trusted click through the ringed target (or its
 * `clickWithin` part), and a choice made in a ringed choice group without a click through one of
 * its options (a `<select>`'s option picked from the browser's own list, a radio chosen with the
 * keyboard), heard as `change` on the target itself (`change` is not composed). Each becomes the
 * `clicked` report of lib/content/click-report.ts.
 */
import type { Candidate } from '../flow/flow';
import type { StepId } from '../flow/ids';
import type { ContentMessage } from '../protocol/messages';
import type { Found } from './dom/target-tracker';
import { clickReport } from './click-report';

export interface ClickPorts {
  /** The ringed target, and the step and click it is for. */
  target(): Found<Candidate> | null;
  spec(): { step: StepId; clickIndex: number } | null;
  /** A click on this target was reported a moment ago (its `change` is the same choice). */
  justReported(): boolean;
  report(msg: Extract<ContentMessage, { kind: 'clicked' }>): void;
  /** After every trusted click, whatever it went through. */
  afterClick(): void;
}

export interface AgentClicks {
  /** Hears the agent's clicks on the page until `opts.signal` aborts. */
  listen(opts: AddEventListenerOptions): void;
  /** Listens for choices on this element (the ringed target; null: none). */
  follow(el: Element | null): void;
}

export function agentClicks(ports: ClickPorts): AgentClicks {
  let changeTarget: Element | null = null;
  /** A trusted click, or a choice (`chosen`: a change in a ringed choice group not reported by its click). */
  const hear = (e: Event, chosen: boolean): void => {
    const found = ports.target();
    const spec = ports.spec();
    if (!e.isTrusted || !found || !spec || (chosen && (!found.click.clickWithin || ports.justReported()))) return;
    const msg = clickReport(e.composedPath(), found, spec.step, spec.clickIndex, chosen);
    if (msg) ports.report(msg);
  };
  const onChange = (e: Event) => hear(e, true);
  return {
    listen: (opts) => window.addEventListener('click', (e) => {
      if (e.isTrusted) ports.afterClick();
      hear(e, false);
    }, opts),
    follow: (el) => {
      if (el === changeTarget) return;
      changeTarget?.removeEventListener('change', onChange, true);
      changeTarget = el;
      el?.addEventListener('change', onChange, true);
    },
  };
}
