/**
 * The completion, in the overlay's dock (ARCHITECTURE.md, "Three scripts, each paid where needed"):
 * the card of the completed flow (`eg-done`: the flow complete, the summary's first lines, the case
 * number the portal gives, Start a new escalation) and the filling of the request form's
 * description (`eg-fill-description`, also on the support topic's card), with its question before
 * text the agent typed is replaced. Made by the dock (lib/content/overlay/dock.ts) the first time
 * the done card or the filling is asked for; both come in the dock's module
 * (lib/content/dock-loader.ts). Plain DOM; every text the page or the agent gave is text.
 */
import { isCaseNumber } from '../../flow/ids';
import { onUserClick, part, setText } from '../overlay/overlay';
import type { Completion, CompletionHost, DoneModel } from '../shared';
import { fieldText, findDescriptionField, needsConsent, writeField } from './fill';
import css from './completion.css?inline';

/** How many lines of the summary the done card shows. */
const SUMMARY_LINES = 3;

export function startCompletion(host: CompletionHost): Completion {
  return new CompletionView(host);
}

class CompletionView implements Completion {
  private readonly box: HTMLElement;
  private readonly style: HTMLStyleElement;
  private done: HTMLElement | null = null;
  private lines: HTMLElement | null = null;
  private caseInput: HTMLInputElement | null = null;
  private caseStatus: HTMLElement | null = null;
  private readonly status: HTMLElement;
  private confirm: HTMLElement | null = null;
  /** What this guide wrote into each field last: text there that differs from it is the agent's. */
  private readonly written = new WeakMap<Element, string>();
  private summary: string | null = null;

  constructor(private readonly host: CompletionHost) {
    this.style = document.createElement('style');
    this.style.textContent = css;
    host.shadow.append(this.style);
    this.box = part(host.dock, 'div', 'completion');
    this.status = part(this.box, 'p', 'fill-status');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('data-testid', 'eg-fill-status');
    this.status.hidden = true;
  }

  setDone(model: DoneModel | null): void {
    if (!model) {
      if (this.done) this.done.hidden = true;
      return;
    }
    this.summary = model.summary;
    const done = this.done ?? this.buildDone();
    const t = this.host.t;
    const lines = this.lines!;
    lines.replaceChildren();
    const first = (model.summary ?? '').split('\n').map((l) => l.trim()).filter(Boolean).slice(0, SUMMARY_LINES);
    if (first.length) {
      for (const l of first) part(part(lines, 'p', 'line'), 'bdi').textContent = l;
    } else {
      const who = model.customer?.name ?? model.customer?.domain ?? model.customer?.tenantId;
      if (who) part(part(lines, 'p', 'line'), 'bdi').textContent = who;
      part(lines, 'p', 'line muted').textContent = t('overlay.done.noSummary');
    }
    const input = this.caseInput!;
    // The agent's typing wins over the stored value until it is saved.
    if (this.host.shadow.activeElement !== input && !input.dataset.dirty) input.value = model.escalation?.caseNumber ?? '';
    done.hidden = false;
  }

  fill(summary: string | null): void {
    const t = this.host.t;
    this.hideConfirm();
    const text = summary ?? this.summary;
    if (!text) return this.say(t('overlay.fill.noSummary'));
    const field = findDescriptionField(document, this.host.host);
    if (!field) return this.say(t('overlay.fill.noField'));
    if (needsConsent(field, text, this.written.get(field))) return this.ask(field, text);
    this.write(field, text);
  }

  destroy(): void {
    this.box.remove();
    this.style.remove();
  }

  private write(field: HTMLElement, text: string): void {
    writeField(field, text);
    this.written.set(field, fieldText(field));
    this.say(this.host.t('overlay.fill.done'));
    this.keepClear(field);
  }

  /** The dock moves to the left when it would cover the field the agent now reads (a pane down the right side). */
  private keepClear(field: HTMLElement): void {
    const dock = this.host.dock;
    const f = field.getBoundingClientRect();
    const d = dock.getBoundingClientRect();
    if (f.right > d.left && f.left < d.right && f.bottom > d.top && f.top < d.bottom) dock.className = 'dock left';
  }

  private say(text: string): void {
    setText(this.status, text);
    this.status.hidden = false;
  }

  /** Asks before replacing text the agent typed: Replace, or keep it. */
  private ask(field: HTMLElement, text: string): void {
    const t = this.host.t;
    this.status.hidden = true;
    const box = (this.confirm = document.createElement('section'));
    box.className = 'confirm';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-testid', 'eg-fill-confirm');
    part(box, 'p', 'question').textContent = t('overlay.fill.confirm');
    const acts = part(box, 'div', 'actions');
    const replace = button(acts, 'btn primary', 'replace', t('overlay.fill.replace'));
    const keep = button(acts, 'btn', 'keep', t('overlay.fill.cancel'));
    onUserClick(replace, () => {
      this.hideConfirm();
      const target = field.isConnected ? field : findDescriptionField(document, this.host.host);
      if (target) this.write(target, text);
      else this.say(t('overlay.fill.noField'));
    });
    onUserClick(keep, () => {
      this.hideConfirm();
      this.say(t('overlay.fill.kept'));
    });
    this.box.insertBefore(box, this.status);
    replace.focus();
  }

  private hideConfirm(): void {
    this.confirm?.remove();
    this.confirm = null;
  }

  private buildDone(): HTMLElement {
    const t = this.host.t;
    const done = (this.done = document.createElement('section'));
    done.className = 'card done';
    done.setAttribute('data-testid', 'eg-done');
    done.setAttribute('aria-labelledby', 'eg-done-title');
    this.box.prepend(done);
    const head = part(done, 'div', 'head');
    const title = part(head, 'p', 'title');
    title.id = 'eg-done-title';
    title.textContent = t('overlay.done.title');
    const min = part(head, 'button', 'icon minimize');
    min.type = 'button';
    min.setAttribute('aria-label', t('overlay.minimize'));
    min.title = t('overlay.minimize');
    onUserClick(min, () => this.host.minimize());
    part(done, 'p', 'why').textContent = t('overlay.done.body');
    this.lines = part(done, 'div', 'lines');
    const fill = button(part(done, 'div', 'actions'), 'btn primary', 'fill', t('overlay.fill.action'));
    fill.setAttribute('data-testid', 'eg-fill-description');
    onUserClick(fill, () => this.fill(null));

    const field = part(done, 'div', 'field');
    const label = part(field, 'label');
    label.htmlFor = 'eg-case-number';
    label.textContent = t('overlay.done.caseNumber');
    const input = (this.caseInput = part(field, 'input'));
    input.id = 'eg-case-number';
    input.type = 'text';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.setAttribute('data-testid', 'eg-case-number');
    input.setAttribute('aria-describedby', 'eg-case-number-hint eg-case-number-status');
    const hint = part(field, 'p', 'hint');
    hint.id = 'eg-case-number-hint';
    hint.textContent = t('overlay.done.caseNumberHint');
    const status = (this.caseStatus = part(field, 'p', 'hint'));
    status.id = 'eg-case-number-status';
    status.setAttribute('role', 'status');
    // The page hears nothing of the agent's typing here (its own shortcuts stay quiet).
    for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput']) input.addEventListener(type, (e) => e.stopPropagation());
    input.addEventListener('input', () => (input.dataset.dirty = '1'));
    input.addEventListener('keydown', (e) => {
      if (e.isTrusted && e.key === 'Enter') {
        e.preventDefault();
        void this.saveCaseNumber();
      }
    });
    input.addEventListener('change', (e) => e.isTrusted && void this.saveCaseNumber());

    const again = button(part(done, 'div', 'actions'), 'btn', 'new-escalation', t('overlay.done.newEscalation'));
    onUserClick(again, () => void this.host.send({ kind: 'open-partner-center' }));
    return done;
  }

  private async saveCaseNumber(): Promise<void> {
    const input = this.caseInput!;
    const status = this.caseStatus!;
    const t = this.host.t;
    const value = input.value;
    if (!value.trim() && !input.dataset.dirty) return;
    const bad = () => {
      input.setAttribute('aria-invalid', 'true');
      setText(status, t('overlay.done.invalid'));
    };
    if (!isCaseNumber(value)) return bad();
    const answer = (await this.host.send({ kind: 'case-number', caseNumber: value })) as { ok?: boolean } | undefined;
    if (!answer?.ok) return bad();
    input.removeAttribute('aria-invalid');
    delete input.dataset.dirty;
    setText(status, t('overlay.done.saved'));
  }
}

function button(parent: HTMLElement, className: string, action: string, label: string): HTMLButtonElement {
  const b = part(parent, 'button', className);
  b.type = 'button';
  b.setAttribute('data-action', action);
  b.textContent = label;
  return b;
}
