/**
 * "Show the guide where it is": after the agent's click on `eg-teach`, their next trusted click on
 * a page element (anywhere, inside shadow roots too) is taken as the step's target. The click
 * still does what it does on the page: nothing is blocked or replayed. Escape, the prompt's
 * Cancel or a second click on `eg-teach` cancels. The element's locator (lib/content/heal/derive.ts)
 * must find it and nothing else; then the background keeps it (`learn-locator`) and the click
 * counts as the step's.
 */
import { UNTEACHABLE_STEPS } from '../../flow/taught';
import { labelFor } from '../../flow/labels';
import { clickReport } from '../click-report';
import { pageLang } from '../shared';
import { controlOf, describeUniquely } from './derive';
import { knownOf } from './private';
import type { HealHost } from '../shared';
import type { PageKind } from '../../flow/pages';

export type TeachOutcome = 'saved' | 'not-unique' | 'cancelled';

export interface TeachUi {
  /** Shows the prompt (the control's label), or hides it. */
  prompt(label: string | null): void;
  /** Says how the teaching ended. */
  done(outcome: TeachOutcome): void;
}

export class Teacher {
  private abort: AbortController | null = null;

  constructor(private readonly host: HealHost, private readonly ui: TeachUi) {}

  get active(): boolean {
    return this.abort !== null;
  }

  /** Whether the current step's target can be taught here. */
  canTeach(): boolean {
    const spec = this.host.spec();
    return !!spec && !UNTEACHABLE_STEPS.includes(spec.step);
  }

  toggle(): void {
    if (this.active) this.end('cancelled');
    else this.start();
  }

  start(): void {
    const spec = this.host.spec();
    if (this.active || !spec || !this.canTeach()) return;
    const ac = (this.abort = new AbortController());
    const base = spec.candidates.find((c) => !c.taught) ?? spec.candidates[0]!;
    const page = this.host.page();
    this.ui.prompt(labelFor(base.click.label, pageLang()));
    // From the next task on: the click that started the teaching is not the one taught.
    setTimeout(() => {
      if (ac.signal.aborted) return;
      const opts = { capture: true, signal: AbortSignal.any([ac.signal, this.host.signal]) } as const;
      window.addEventListener('click', (e) => {
        if (!e.isTrusted) return;
        const path = e.composedPath();
        const own = this.host.overlayHost();
        if (own && path.includes(own)) return; // the overlay's own buttons
        this.taught(path, spec, base, page);
      }, opts);
      window.addEventListener('keydown', (e) => e.isTrusted && e.key === 'Escape' && this.end('cancelled'), opts);
    }, 0);
  }

  private taught(path: EventTarget[], spec: NonNullable<ReturnType<HealHost['spec']>>, base: (typeof spec.candidates)[number], page: PageKind | null): void {
    // The page moved on since the teaching started (another step, another page): nothing to teach for.
    const now = this.host.spec();
    if (!now || now.step !== spec.step || now.clickIndex !== spec.clickIndex || this.host.page() !== page) return this.end('cancelled');
    const el = controlOf(path);
    const locator = el && describeUniquely(el, knownOf(this.host.view(), this.host.customerName()), this.host.ctx);
    if (!el || !locator) return this.end('not-unique');
    const { step, clickIndex } = spec;
    void this.host.send({ kind: 'learn-locator', step, click: clickIndex, page, locator });
    const found = { el, click: base.click, data: base, rank: 0 };
    this.host.clicked(clickReport(path, found, step, clickIndex) ?? { kind: 'clicked', step, clickIndex, last: base.last });
    this.end('saved');
  }

  private end(outcome: TeachOutcome): void {
    this.abort?.abort();
    this.abort = null;
    this.ui.prompt(null);
    this.ui.done(outcome);
  }

}
