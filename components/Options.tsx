/** The options page: overlay on/off, preparation items shown or not, reset all data. */
import { useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import type { Settings } from '../lib/settings/settings';
import { SETTINGS_KEY, updateSettings } from '../lib/settings/store';
import { send, useSettings } from './hooks';
import { LogoMark } from './icons';
import { useShortcut } from './shortcut';
import { i18n } from './text';

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
    await storage.removeItem(SETTINGS_KEY);
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
