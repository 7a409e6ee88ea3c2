/**
 * The self-healing parts of the dock: the fallback card's "Show the guide where it is" (`eg-teach`)
 * and "Copy page report" (`eg-page-report`), and the prompt while the agent shows the control
 * (`eg-teach-prompt`), which then says how it went. Made the first time the fallback card shows
 * or the agent says "Not this?" (lib/content/overlay/dock.ts).
 */
import { onUserClick, part, setText } from '../overlay/overlay';
import type { HealHost } from '../shared';
import { pageReport } from './report';
import { Teacher, type TeachOutcome } from './teach';

/** The outcome stays on screen this long. */
const OUTCOME_MS = 6000;

const OUTCOME_KEYS: Record<Exclude<TeachOutcome, 'cancelled'>, string> = {
  saved: 'overlay.teach.saved',
  'not-unique': 'overlay.teach.notUnique',
};

export class HealParts {
  private readonly teacher: Teacher;
  private prompt: HTMLElement | null = null;
  private promptText: HTMLElement | null = null;
  private promptCancel: HTMLButtonElement | null = null;
  private teachButtons: HTMLButtonElement[] = [];
  private note: HTMLElement | null = null;
  private outcomeTimer = 0;

  constructor(private readonly host: HealHost, private readonly dock: HTMLElement) {
    this.teacher = new Teacher(host, {
      prompt: (label) => this.showPrompt(label),
      done: (outcome) => this.showOutcome(outcome),
    });
  }

  /** Adds the fallback card's two actions to `card` (once) and labels them. */
  fillFallback(card: HTMLElement): void {
    const t = this.host.t;
    if (!this.note) {
      const acts = part(card, 'div', 'actions heal');
      const teach = part(acts, 'button', 'btn primary');
      teach.type = 'button';
      teach.setAttribute('data-testid', 'eg-teach');
      onUserClick(teach, () => this.teach());
      this.teachButtons.push(teach);
      const report = part(acts, 'button', 'btn');
      report.type = 'button';
      report.setAttribute('data-testid', 'eg-page-report');
      report.setAttribute('data-label', 'report');
      onUserClick(report, () => void this.copyReport());
      this.note = part(card, 'p', 'heal-note');
      this.note.setAttribute('role', 'status');
    }
    const [teach] = this.teachButtons;
    teach!.hidden = !this.teacher.canTeach();
    setText(teach!, t('overlay.teach.action'));
    teach!.setAttribute('aria-pressed', String(this.teacher.active));
    setText(card.querySelector('[data-testid="eg-page-report"]')!, t('overlay.report.action'));
  }

  /** Starts or cancels the teaching (eg-teach, the card's "Not this?"). */
  teach(): void {
    this.teacher.toggle();
    for (const b of this.teachButtons) b.setAttribute('aria-pressed', String(this.teacher.active));
  }

  /** The page report, as JSON. */
  report(): string {
    return pageReport(this.host);
  }

  private async copyReport(): Promise<void> {
    const ok = await copy(this.report(), this.dock);
    if (this.note) setText(this.note, this.host.t(ok ? 'overlay.report.copied' : 'overlay.report.failed'));
  }

  private showPrompt(label: string | null): void {
    const t = this.host.t;
    if (label === null) {
      if (this.prompt && !this.outcomeTimer) this.prompt.hidden = true;
      return;
    }
    this.ensurePrompt();
    clearTimeout(this.outcomeTimer);
    this.outcomeTimer = 0;
    setText(this.promptText!, t('overlay.teach.prompt', [label]));
    setText(this.promptCancel!, t('overlay.teach.cancel'));
    this.promptCancel!.parentElement!.hidden = false;
    this.prompt!.hidden = false;
  }

  private showOutcome(outcome: TeachOutcome): void {
    for (const b of this.teachButtons) b.setAttribute('aria-pressed', 'false');
    if (outcome === 'cancelled' || !this.prompt) {
      if (this.prompt) this.prompt.hidden = true;
      return;
    }
    setText(this.promptText!, this.host.t(OUTCOME_KEYS[outcome]));
    this.promptCancel!.parentElement!.hidden = true;
    this.prompt.hidden = false;
    this.prompt.setAttribute('data-outcome', outcome);
    this.outcomeTimer = window.setTimeout(() => {
      this.outcomeTimer = 0;
      if (this.prompt) this.prompt.hidden = true;
    }, OUTCOME_MS);
  }

  private ensurePrompt(): void {
    if (this.prompt) return this.prompt.removeAttribute('data-outcome');
    const p = (this.prompt = document.createElement('section'));
    p.className = 'card teach';
    p.setAttribute('data-testid', 'eg-teach-prompt');
    p.setAttribute('role', 'status');
    this.promptText = part(p, 'p', 'click');
    const acts = part(p, 'div', 'actions');
    const cancel = (this.promptCancel = part(acts, 'button', 'btn'));
    cancel.type = 'button';
    cancel.setAttribute('data-action', 'cancel-teach');
    onUserClick(cancel, () => this.teach());
    this.dock.prepend(p);
  }

}

/** Copies text on the agent's click: the Clipboard API, else a selection in the overlay's shadow root. */
async function copy(text: string, within: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = part(within, 'textarea');
    area.value = text;
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
