/** The options page: overlay on/off, preparation items shown or not, the controls taught and IT's locators, reset all data. */
import { useState } from 'preact/hooks';
import type { EffectiveSettings, Settings } from '../lib/settings/settings';
import type { LearnedLocator } from '../lib/flow/schema';
import { clearLocalData, forgetLearned, updateSettings } from '../lib/settings/store';
import { send, useSettings } from './hooks';
import { LogoMark } from './icons';
import { useShortcut } from './shortcut';
import { i18n, itemTitle } from './text';

/** What a taught locator looks for, in a few words: the control's name and role, its hook, or its link. */
function whatOf(l: LearnedLocator['locator']): string {
  if (l.by === 'name') return `“${l.name}” (${l.role})`;
  if (l.by === 'css') return l.selector;
  if (l.by === 'href') return l.pattern;
  return l.by;
}

/** The controls the agent showed the guide (lib/content/heal/teach.ts), each with Forget; the policy's locators and its ignored entries. */
function Taught({ settings }: { settings: EffectiveSettings | undefined }) {
  const learned = settings?.learned ?? [];
  const policy = settings?.taught.filter((x) => x.source === 'policy').length ?? 0;
  const problems = settings?.policyProblems ?? [];
  return (
    <section class="eg-section" aria-labelledby="eg-learned-title" data-testid="eg-learned">
      <h2 id="eg-learned-title" class="eg-section-title">{i18n.t('ui.options.learnedTitle')}</h2>
      <p class="eg-muted">{i18n.t('ui.options.learnedHint')}</p>
      {learned.length === 0 ? (
        <p class="eg-hint" data-testid="eg-learned-none">{i18n.t('ui.options.learnedNone')}</p>
      ) : (
        <ul class="eg-learned-list">
          {learned.map((l) => (
            <li key={l.id} class="eg-learned-item" data-learned-step={l.step}>
              <span>
                {i18n.t('ui.options.learnedItem', [itemTitle(l.step), l.page ?? l.portal, new Date(l.learnedAt).toLocaleString()])}
                <span class="eg-hint eg-learned-what" dir="auto">{whatOf(l.locator)}</span>
              </span>
              <button type="button" class="eg-button" data-testid="eg-forget" onClick={() => void forgetLearned(l.id)}
                aria-label={`${i18n.t('ui.options.learnedForget')}: ${itemTitle(l.step)}`}>
                {i18n.t('ui.options.learnedForget')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {(policy > 0 || problems.length > 0) && (
        <div data-testid="eg-policy-locators">
          <h3 class="eg-subtitle">{i18n.t('ui.options.policyTitle')}</h3>
          {policy > 0 && <p class="eg-hint">{i18n.t('ui.options.policyCount', [policy])}</p>}
          {problems.map((p) => <p key={p} class="eg-hint" data-testid="eg-policy-problem">{i18n.t('ui.options.policyIgnored', [p])}</p>)}
        </div>
      )}
    </section>
  );
}

function SettingSwitch({ id, label, hint, value, locked, onChange }: {
  id: keyof Settings; label: string; hint: string; value: boolean | undefined; locked: boolean; onChange: (v: boolean) => void;
}) {
  const inputId = `eg-setting-${id}`;
  return (
    <div class="eg-setting">
      <div class="eg-switch-row">
        <label for={inputId}>{label}</label>
        <input
          id={inputId}
          type="checkbox"
          role="switch"
          class="eg-switch"
          data-setting={id}
          checked={value ?? true}
          disabled={value === undefined || locked}
          aria-describedby={`${inputId}-hint`}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
      </div>
      <p id={`${inputId}-hint`} class="eg-hint">{locked ? `${hint} ${i18n.t('ui.options.locked')}.` : hint}</p>
    </div>
  );
}

export function Options() {
  const settings = useSettings();
  const shortcut = useShortcut();
  const [confirming, setConfirming] = useState(false);
  const [resetDone, setResetDone] = useState(false);
  const locked = (k: keyof Settings) => settings?.locked.includes(k) ?? false;

  const reset = async () => {
    if (!confirming) {
      setConfirming(true);
      setResetDone(false);
      return;
    }
    setConfirming(false);
    await clearLocalData();
    await send({ kind: 'reset-all' });
    setResetDone(true);
  };

  return (
    <div class="eg-options" data-loaded={String(!!settings)}>
      <h1><LogoMark />{i18n.t('ui.options.title')}</h1>
      <section class="eg-section" aria-labelledby="eg-display-title">
        <h2 id="eg-display-title" class="eg-section-title">{i18n.t('ui.options.display')}</h2>
        <SettingSwitch
          id="overlayEnabled"
          label={i18n.t('ui.options.overlay')}
          hint={i18n.t(import.meta.env.FIREFOX ? 'ui.options.overlayHintSidebar' : 'ui.options.overlayHint')}
          value={settings?.overlayEnabled}
          locked={locked('overlayEnabled')}
          onChange={(v) => void updateSettings({ overlayEnabled: v })}
        />
        <SettingSwitch
          id="showPreparation"
          label={i18n.t('ui.options.preparation')}
          hint={i18n.t('ui.options.preparationHint')}
          value={settings?.showPreparation}
          locked={locked('showPreparation')}
          onChange={(v) => void updateSettings({ showPreparation: v })}
        />
      </section>
      {shortcut && (
        <section class="eg-section" aria-labelledby="eg-shortcut-title">
          <h2 id="eg-shortcut-title" class="eg-section-title">{i18n.t('ui.options.shortcutTitle')}</h2>
          <p class="eg-muted">{i18n.t(import.meta.env.FIREFOX ? 'ui.options.shortcutSidebar' : 'ui.options.shortcut', [shortcut])}</p>
        </section>
      )}
      <Taught settings={settings} />
      <section class="eg-section" aria-labelledby="eg-data-title">
        <h2 id="eg-data-title" class="eg-section-title">{i18n.t('ui.options.data')}</h2>
        <p class="eg-muted">{i18n.t('ui.options.privacy')}</p>
        <p class="eg-muted" id="eg-reset-hint">{i18n.t('ui.options.resetHint')}</p>
        <div>
          <button type="button" class="eg-button eg-button-danger" data-testid="eg-reset-all" aria-describedby="eg-reset-hint" onClick={() => void reset()}>
            {confirming ? i18n.t('ui.options.resetConfirm') : i18n.t('ui.options.reset')}
          </button>
        </div>
        <p role="status" class={resetDone ? 'eg-note eg-note-success' : 'eg-visually-hidden'} data-testid="eg-reset-status">
          {resetDone ? i18n.t('ui.options.resetDone') : ''}
        </p>
      </section>
    </div>
  );
}
