/**
 * The guide's drawing: turns what the guide knows (the step, its target or its absence, the
 * warnings, minimized or not) into the overlay's ring and card, the dock's warnings, fallback card
 * and pill, and the mark on the target (ARCHITECTURE.md, the testing contract). It takes over the
 * start-up code's overlay and mark (lib/content/boot.ts) so the ring stays where it is. The dock's
 * parts come in a module of their own (lib/content/dock-loader.ts), loaded the first time a page
 * shows one: the ring and card never wait for it; the dock shows its parts as soon as it is there.
 */
import { stepOf } from '../flow/flow';
import { STEP_IDS, type StepId } from '../flow/ids';
import { LABELS, labelFor, type LabelId } from '../flow/labels';
import type { WarningId } from '../flow/warnings';
import type { ContentView } from '../protocol/content-view';
import type { Warning } from '../engine/derive';
import type { Candidate } from '../flow/flow';
import type { Click } from '../flow/schema';
import type { Found } from './dom/target-tracker';
import { ownName, shownSpelling } from './dom/names';
import { CHOICE_GROUP_SELECTOR } from './dom/compile';
import type { Overlay, OverlayEvents } from './overlay/overlay';
import type { Dock, DockEvents, DockWarnings, FallbackModel, PillModel } from './overlay/dock';
import { loadDock } from './dock-loader';
import { t, tParts, withLabel } from './overlay-text';
import { TARGET_ATTR, pageLang, type DockModule, type DoneModel, type Handoff } from './shared';
import type { ContentMessage } from '../protocol/messages';
import type { HealHost } from './shared';
import { UNTEACHABLE_STEPS } from '../flow/taught';

/** What the dock shows. */
interface DockScene {
  warnings: DockWarnings;
  fallback: FallbackModel | null;
  pill: PillModel | null;
  /** The completed flow's card. */
  done: DoneModel | null;
  /** The agent asked to fill in the description (its summary). */
  fill?: { summary: string | null };
}

function fillDock(m: DockModule, dock: Dock, d: DockScene): void {
  dock.setWarnings(d.warnings.list.length ? m.warningModels(d.warnings, t, tParts) : []);
  dock.setFallback(d.fallback);
  dock.setPill(d.pill);
  dock.setDone(d.done);
}

/** What is on screen, decided by the guide. */
export interface Scene {
  /** The step being guided (null: none on this page). */
  step: StepId | null;
  stepNumber: number;
  /** The target to ring, or null. */
  ring: Found<Candidate> | null;
  /** The target was not found in time: the fallback card says where to look. */
  fallback: boolean;
  /** The click looked for (the ring's, or the step's first candidate's here): its label, where to look. */
  click: Click | undefined;
  warnings: readonly Warning[];
  /** The agent may dismiss warnings (policy). */
  dismissible: boolean;
  minimized: boolean;
  /** The ring pulses when it moves to this target (a new step's). */
  pulse: boolean;
  /** The path warning that stops the guide (nothing ringed, no card): its way back is the main action. */
  stopped: string | null;
  /** The flow's customer (a warning's way back leads to them when it names no other). */
  customerTenantId: string | undefined;
  /** The flow is complete here: the completion's card shows in the dock (lib/content/completion/), or the pill while minimized. */
  done: DoneModel | null;
}

/** What the overlay's buttons ask of the guide. */
export interface GuideActions {
  minimize(minimized: boolean): void;
  dismiss(id: WarningId): void;
  /** Opens the customer's Service management page in Partner Center (the dashboard without one). */
  openPartnerCenter(tenantId: string | undefined): void;
  /** Continue anyway, for a path warning: it no longer stops the guide in this tab. */
  continueAnyway(id: WarningId): void;
  /** Opens the page of the missing target's likely cause (the customer's Admin relationships). */
  openCause(): void;
  /** Fill in the description (the support topic's card). */
  fill(): void;
  /** "Not this?": the ring is on the wrong control; the fallback card offers teaching the right one. */
  notThis(): void;
  view(): ContentView | null;
}

/** What the overlay's buttons do: the card's and the dock's. */
export function overlayEventsOf(a: GuideActions): OverlayEvents & DockEvents {
  return {
    minimize: (minimized) => a.minimize(minimized),
    // The warning's way back (the dock works out whose page: lib/content/overlay/dock.ts, warningModels).
    warningAction: (tenantId) => a.openPartnerCenter(tenantId),
    dismissWarning: (id) => a.dismiss(id as WarningId),
    // The fallback's way back: the click may be missing from this UI (lib/flow/schema.ts, `wayBack`).
    wayBack: () => a.openPartnerCenter(a.view()?.customer?.tenantId),
    continueWarning: (id) => a.continueAnyway(id as WarningId),
    openCause: () => a.openCause(),
    cardAction: () => a.fill(),
    notThis: () => a.notThis(),
  };
}

export class GuideDrawing {
  private overlay: Overlay | null;
  /** The dock's parts, made once their module is loaded for the first draw that shows one (a taken-over overlay's dock is still empty). */
  private dock: [DockModule, Dock] | null = null;
  /** What the dock shows, kept for it while its module loads. */
  private docked: DockScene | null = null;
  private dockLoading: Promise<[DockModule, Dock] | null> | null = null;
  private marked: Element | null;
  private readonly OverlayClass: typeof Overlay;

  constructor(
    private readonly events: OverlayEvents & DockEvents,
    handoff: Handoff,
    private readonly send: (msg: ContentMessage) => Promise<unknown>,
    private readonly heal: HealHost,
  ) {
    this.overlay = handoff.overlay;
    this.marked = handoff.marked;
    this.OverlayClass = handoff.Overlay;
    // The start-up code's overlay, taken over: its buttons are the guide's from now on.
    this.overlay?.setEvents(events);
  }

  /** The overlay's host (to put it back when the page removed it), if there is one. */
  get host(): HTMLElement | null {
    return this.overlay?.host ?? null;
  }

  mount(): void {
    this.overlay?.mount();
  }

  /** Calls `fn` once the ring is placed on its target (at once when nothing is ringed). */
  whenPlaced(fn: () => void): void {
    if (this.overlay?.ringedElement) this.overlay.whenPlaced(fn);
    else fn();
  }

  /** Some page element carries the target's mark. */
  get hasMark(): boolean {
    return this.marked !== null;
  }

  /** The overlay, made and mounted if it is not yet (the completion draws in its dock). */
  private overlayNow(): Overlay {
    const o = (this.overlay ??= new this.OverlayClass(this.events, t('@@ui_locale').replace('_', '-')));
    o.mount();
    return o;
  }

  /** Draws the scene; returns whether a pulse is still due (nothing was ringed). */
  draw(scene: Scene): boolean {
    const { ring, step } = scene;
    this.setMark(ring?.el ?? null, step);
    const warnings: DockWarnings = { list: scene.warnings, stopped: scene.stopped, dismissible: scene.dismissible, customerTenantId: scene.customerTenantId };
    if (!ring && !scene.fallback && !scene.warnings.length && !scene.done) {
      this.overlay?.setTarget(null, false);
      this.overlay?.setCard(null);
      this.showDock({ warnings: { ...warnings, list: [] }, fallback: null, pill: null, done: null });
      return true;
    }
    const o = this.overlayNow();
    const lang = pageLang();
    const label: LabelId | undefined = scene.click?.label;
    // As the page names the click: one of the label's spellings, else (a choice group found by its
    // place in the form, a control taught or set by IT) its own name, else the label in the page's language.
    const shown = label ? ((ring && (shownSpelling(ring.el, LABELS[label]) ?? ((ring.data.taught || ring.el.matches(CHOICE_GROUP_SELECTOR)) && ownName(ring.el)))) || labelFor(label, lang)) : '';
    const stepText = step ? t('overlay.step', [scene.stepNumber, STEP_IDS.length]) : '';
    let pulse = scene.pulse;
    if (ring && step) {
      o.setTarget(ring.el, pulse);
      pulse = false;
      if (scene.minimized) o.setCard(null);
      else {
        const picks = ring.click.picksCustomer;
        const key = picks === 'list' ? 'overlay.clickCustomer' : picks === 'row' ? 'overlay.clickForCustomer' : ring.click.clickWithin ? 'overlay.clickWithin' : 'overlay.click';
        // At the support topic: the request form is open, the case summary can go into its description.
        const action = step === 'support-topic' ? { label: t('overlay.fill.action'), testId: 'eg-fill-description' } : undefined;
        const notThis = UNTEACHABLE_STEPS.includes(step) ? undefined : t('overlay.teach.notThis');
        o.setCard({ step: stepText, click: withLabel(key, shown, lang), why: t(stepOf(step).why), minimizeLabel: t('overlay.minimize'), action, notThis });
      }
    } else {
      o.setTarget(null, false);
      o.setCard(null);
    }
    const pill = scene.done ? t('overlay.done.title') : step && (ring || scene.fallback) ? t('overlay.pill', [scene.stepNumber, shown]) : '';
    this.showDock({
      warnings,
      fallback: scene.fallback && !scene.minimized && step
        ? {
            step: stepText, title: withLabel('overlay.notFound', shown, lang), where: t(scene.click?.where ?? stepOf(step).where),
            minimizeLabel: t('overlay.minimize'), wayBack: scene.click?.wayBack && t('overlay.wayBack'), cause: stepOf(step).likelyCause,
          }
        : null,
      pill: scene.minimized && pill ? { text: pill, restoreLabel: t('overlay.restore') } : null,
      done: scene.minimized ? null : scene.done,
    });
    return pulse;
  }

  /** Fill in the description (the agent's click on the support topic's card): in the dock's completion, once it is there. */
  fill(summary: string | null): void {
    if (this.dock) this.dock[1].fill(summary);
    else if (this.docked) this.showDock({ ...this.docked, fill: { summary } });
  }

  /** The dock's parts for this scene: at once if its module is there, else once it is (loaded when something shows). */
  private showDock(d: DockScene): void {
    this.docked = d;
    if (this.dock) return fillDock(this.dock[0], this.dock[1], d);
    if (!d.warnings.list.length && !d.fallback && !d.pill && !d.done && !d.fill) return;
    void this.dockParts();
  }

  /** The dock's module and parts, loaded once (null: it could not be, or the overlay is gone). */
  private dockParts(): Promise<[DockModule, Dock] | null> {
    return (this.dockLoading ??= loadDock().then(
      (m) => {
        const o = this.overlay;
        if (!o) return null; // destroyed meanwhile
        const minimize = () => this.events.minimize(true);
        const dock = new m.Dock(o, this.events, () => ({ shadow: o.shadow, dock: o.dock, host: o.host, t, send: this.send, minimize, heal: this.heal }));
        this.dock = [m, dock];
        const d = this.docked;
        if (d) fillDock(m, dock, d);
        if (d?.fill) dock.fill(d.fill.summary);
        return this.dock;
      },
      (err: unknown) => {
        this.dockLoading = null;
        console.error('[Escalation Guide] the dock could not be loaded:', err);
        return null;
      },
    ));
  }

  /** The page report (JSON; null where it cannot be built). */
  async pageReport(): Promise<string | null> {
    this.overlayNow();
    return (await this.dockParts())?.[1].report() ?? null;
  }

  /** Everything the guide drew is gone (the context ended). */
  destroy(): void {
    this.setMark(null, null);
    this.overlay?.destroy();
    this.overlay = null;
  }

  private setMark(el: Element | null, step: StepId | null): void {
    if (this.marked && this.marked !== el) this.marked.removeAttribute(TARGET_ATTR);
    this.marked = el;
    if (el && step) el.setAttribute(TARGET_ATTR, step);
  }


}
