/**
 * The guide's parts of the overlay, in its dock (top right; on the left when the target is
 * there): the warnings, the fallback card (the target was not found: where to look) and the pill
 * the overlay minimizes to. Only the guide shows them, so only the guide carries them: the
 * content scripts' start-up code draws the ring and card with `Overlay` alone, and the guide
 * takes that overlay over with its dock. Each part and the dock's stylesheet are built the first
 * time they show.
 */
import { CardView, onUserClick, part, setAttr, setText, type LabelledText, type Overlay } from './overlay';
import { DOCK_CSS } from './styles';
import { startCompletion } from '../completion/completion';
import type { Completion, CompletionHost, DoneModel } from '../shared';
import { HealParts } from '../heal/heal-ui';
import { WARNINGS, isPathWarning, wayBackOf } from '../../flow/warnings';
import type { PreparationId } from '../../flow/ids';
import type { Customer } from '../../engine/state';
import type { Warning } from '../../engine/derive';

export interface FallbackModel {
  step: string;
  title: LabelledText;
  where: string;
  minimizeLabel: string;
  /** The likely cause of the missing target (`Step.likelyCause`): said, with a link to its page. */
  cause?: PreparationId | undefined;
  /** The way back to the customer in Partner Center, offered when the click may be missing here. */
  wayBack?: string | undefined;
}

/**
 * A sentence with inserted names or ids: text, and parts that are isolated (`<bdi>`) so that a
 * name in any direction, or with its own bidirectional controls, cannot reorder the sentence.
 */
export type TextParts = readonly (string | { isolate: string })[];

export interface PillModel {
  text: string;
  restoreLabel: string;
}

export interface WarningModel {
  id: string;
  title: string;
  body: TextParts;
  action: string;
  /** Whose Service management page the action opens (undefined: the dashboard). */
  openTenant: string | undefined;
  dismiss: string | null;
  /** A path warning not continued yet: the Continue anyway button's label. */
  continueAnyway: string | null;
  /** A line under the body: the guide stops here, or Continue anyway was chosen. */
  note: string | null;
  /** Continue anyway was chosen: the warning shows its title, the note and its actions only (the dock stays short). */
  compact?: boolean;
}

/** The warnings of a scene as the guide has them (lib/content/guide-draw.ts). */
export interface DockWarnings {
  list: readonly Warning[];
  /** The path warning that stops the guide. */
  stopped: string | null;
  /** The agent may dismiss warnings (policy). */
  dismissible: boolean;
  /** The flow's customer (a warning's way back leads to them when it names no other). */
  customerTenantId?: string | undefined;
}

type Texts = (key: string, subs?: (string | number)[]) => string;

/** The fallback's sentence and link label of each likely cause (lib/protocol/content-view.ts, LIKELY_CAUSE_KEYS). */
const CAUSE_TEXTS: Partial<Record<PreparationId, readonly [string, string]>> = {
  'admin-relationship': ['overlay.cause.adminRelationship', 'overlay.cause.openAdminRelationships'],
};

/** The warnings as the dock shows them, from the table (lib/flow/warnings.ts), in the guide's texts. */
export function warningModels(w: DockWarnings, t: Texts, tParts: (key: string, subs: string[]) => TextParts): WarningModel[] {
  const dismiss = w.dismissible ? t('overlay.dismiss') : null;
  const who = (c: Customer | undefined) => c?.name ?? c?.tenantId ?? c?.domain ?? t('ui.warning.selectedUnknown');
  return w.list.map((x) => {
    const def = WARNINGS[x.id];
    const path = isPathWarning(x.id);
    const tenantId = x.selected?.tenantId ?? w.customerTenantId;
    const back = wayBackOf(x.id, x.selected?.tenantId);
    return {
      id: x.id,
      title: t(def.title),
      body: tParts(def.body, [who(x.selected), x.opened?.value ?? '']),
      action: t(back.action),
      openTenant: wayBackOf(x.id, tenantId).kind === 'customer' ? tenantId : undefined,
      dismiss,
      continueAnyway: path && !x.continued ? t('overlay.continueAnyway') : null,
      note: x.id === w.stopped ? t('overlay.stopped') : path && x.continued ? t('overlay.continued') : null,
      compact: path && !!x.continued,
    };
  });
}

export interface DockEvents {
  /** The fallback card's minimize button (true) and the pill (false). */
  minimize(minimized: boolean): void;
  /** A warning's way back: the customer's Service management page (`tenantId`), else the dashboard. */
  warningAction(tenantId: string | undefined): void;
  dismissWarning(id: string): void;
  continueWarning(id: string): void;
  /** The fallback card's link to the likely cause's page. */
  openCause(): void;
  /** The fallback card's way back to the customer in Partner Center. */
  wayBack(): void;
}

export class Dock {
  private styled = false;
  private warningsBox: HTMLElement | null = null;
  private fallback: CardView | null = null;
  private cause: HTMLElement | null = null;
  private fallbackBack: HTMLButtonElement | null = null;
  private pill: HTMLButtonElement | null = null;
  private pillText: HTMLElement | null = null;
  /** The completion (lib/content/completion/): made the first time the done card or the description's filling is asked for. */
  private completion: Completion | null = null;
  /** The fallback's self-healing actions and the teach prompt (lib/content/heal/): made when first needed. */
  private heal: HealParts | null = null;

  /** `host`: what the completion needs of the guide (its texts, its messages, minimize). */
  constructor(private readonly overlay: Overlay, private readonly events: DockEvents, private readonly host?: () => CompletionHost) {}

  /** The completed flow's card (null: hidden). */
  setDone(model: DoneModel | null): void {
    if (model || this.completion) this.completed()?.setDone(model);
  }

  /** Fill in the description, on the agent's click. */
  fill(summary: string | null): void {
    this.completed()?.fill(summary);
  }

  /** Starts or cancels teaching the step's target (the fallback's eg-teach, the card's "Not this?"). */
  teach(): void {
    this.healing()?.teach();
  }

  /** The page report (JSON), or null where the guide gave no way to build one. */
  report(): string | null {
    return this.healing()?.report() ?? null;
  }

  private healing(): HealParts | null {
    const heal = !this.heal && this.host ? this.host().heal : undefined;
    if (heal) {
      this.style();
      this.heal = new HealParts(heal, this.overlay.dock);
    }
    return this.heal;
  }

  private completed(): Completion | null {
    if (!this.completion && this.host) {
      this.style();
      this.completion = startCompletion(this.host());
    }
    return this.completion;
  }

  setFallback(model: FallbackModel | null): void {
    if (model) this.showFallback(model);
    else if (this.fallback) this.fallback.el.hidden = true;
  }

  setPill(model: PillModel | null): void {
    if (model) this.showPill(model);
    else if (this.pill) this.pill.hidden = true;
  }

  setWarnings(list: readonly WarningModel[]): void {
    if (list.length || this.warningsBox?.firstChild) this.showWarnings(list);
  }

  // Each part's building is in its own method, called only when the part shows.

  /** The dock's stylesheet, beside the overlay's, before the first part shows (also the completion's, lib/content/completion/). */
  style(): void {
    if (this.styled) return;
    this.styled = true;
    const style = document.createElement('style');
    style.textContent = DOCK_CSS;
    this.overlay.shadow.append(style);
  }

  private showFallback(model: FallbackModel): void {
    if (!this.fallback) {
      this.style();
      this.fallback = new CardView('card fallback', 'eg-fallback', 'where', () => this.events.minimize(true));
      // The dock's order: warnings, fallback, pill.
      this.overlay.dock.insertBefore(this.fallback.el, this.pill);
    }
    this.fallback.fill(model.step, model.title, model.where, model.minimizeLabel);
    const cause = model.cause && this.host ? CAUSE_TEXTS[model.cause] : undefined;
    const t = this.host?.().t;
    if (cause && !this.cause) this.cause = part(this.fallback.el, 'p', 'cause');
    if (this.cause) {
      this.cause.hidden = !cause;
      setText(this.cause, cause && t ? t(cause[0]) : '');
    }
    this.fallback.setAction(cause && t && { label: t(cause[1]), testId: 'eg-open-cause' }, () => this.events.openCause());
    if (model.wayBack && !this.fallbackBack) {
      const back = (this.fallbackBack = part(this.fallback.el, 'button', 'btn primary back'));
      back.type = 'button';
      back.setAttribute('data-action', 'open-partner-center');
      onUserClick(back, () => this.events.wayBack());
    }
    if (this.fallbackBack) {
      this.fallbackBack.hidden = !model.wayBack;
      if (model.wayBack) setText(this.fallbackBack, model.wayBack);
    }
    this.healing()?.fillFallback(this.fallback.el);
    this.fallback.el.hidden = false;
  }

  private showPill(model: PillModel): void {
    if (!this.pill) {
      this.style();
      const pill = (this.pill = part(this.overlay.dock, 'button', 'pill'));
      pill.type = 'button';
      pill.setAttribute('data-testid', 'eg-pill');
      part(pill, 'span', 'dot').setAttribute('aria-hidden', 'true');
      this.pillText = part(pill, 'span');
      onUserClick(pill, () => this.events.minimize(false));
    }
    setAttr(this.pill, 'aria-label', `${model.text}. ${model.restoreLabel}`);
    setAttr(this.pill, 'title', model.restoreLabel);
    setText(this.pillText!, model.text);
    this.pill.hidden = false;
  }

  private showWarnings(list: readonly WarningModel[]): void {
    if (!this.warningsBox) {
      this.style();
      this.warningsBox = document.createElement('div');
      this.warningsBox.className = 'warnings';
      this.overlay.dock.prepend(this.warningsBox);
    }
    const box = this.warningsBox;
    box.replaceChildren();
    for (const w of list) {
      const warning = part(box, 'div', 'warning');
      warning.setAttribute('role', 'alert');
      warning.setAttribute('data-warning', w.id);
      part(warning, 'p', 'title').textContent = w.title;
      if (!w.compact) fillParts(part(warning, 'p', 'body'), w.body);
      if (w.note) part(warning, 'p', 'note').textContent = w.note;
      const actions = part(warning, 'div', 'actions');
      const action = part(actions, 'button', 'btn primary');
      action.type = 'button';
      action.setAttribute('data-action', 'open-partner-center');
      action.textContent = w.action;
      onUserClick(action, () => this.events.warningAction(w.openTenant));
      if (w.continueAnyway) {
        const go = part(actions, 'button', 'btn');
        go.type = 'button';
        go.setAttribute('data-action', 'continue');
        go.textContent = w.continueAnyway;
        onUserClick(go, () => this.events.continueWarning(w.id));
      }
      if (w.dismiss) {
        const dismiss = part(actions, 'button', 'btn');
        dismiss.type = 'button';
        dismiss.setAttribute('data-action', 'dismiss');
        dismiss.textContent = w.dismiss;
        onUserClick(dismiss, () => this.events.dismissWarning(w.id));
      }
    }
  }
}

/** Fills `el` with text and isolated (`<bdi>`) parts. */
function fillParts(el: HTMLElement, parts: TextParts): void {
  for (const p of parts) {
    if (typeof p === 'string') el.append(p);
    else part(el, 'bdi').textContent = p.isolate;
  }
}
