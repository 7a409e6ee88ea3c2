/** The toolbar popup: compact checklist with progress, open the side panel, new escalation, overlay on/off. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PARTNER_CENTER_DASHBOARD } from '../lib/flow/urls';
import { updateSettings } from '../lib/settings/store';
import { StepList } from './Checklist';
import { NextLine, WayBack } from './NextClick';
import { Header } from './Header';
import { useProgressKept, useSettings, useSurface } from './hooks';
import { AddIcon, PanelIcon } from './icons';
import { useShortcut } from './shortcut';
import { i18n, itemTitle } from './text';
import { NotKeptNotice, Warnings } from './Warnings';

/** Opens the side panel of this window. Runs inside the click handler: the API needs the user gesture. */
function openSidePanel(windowId: number | undefined): Promise<unknown> {
  if (import.meta.env.FIREFOX) {
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    return sidebar ? sidebar.open() : Promise.resolve();
  }
  if (windowId === undefined) return Promise.reject(new Error('window unknown'));
  return chrome.sidePanel.open({ windowId });
}

export function Popup() {
  const settings = useSettings();
  const { loaded, view, warnings, stopped } = useSurface(settings);
  const kept = useProgressKept();
  const shortcut = useShortcut();
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  const [isTab, setIsTab] = useState(false);
  useEffect(() => {
    void browser.windows.getCurrent().then((w) => setWindowId(w.id)).catch(() => {});
    void browser.tabs.getCurrent().then((t) => setIsTab(!!t)).catch(() => {});
  }, []);

  const overlayLocked = settings?.locked.includes('overlayEnabled') ?? false;
  const done = () => {
    if (!isTab) window.close();
  };

  return (
    <div class="eg-page eg-popup" data-loaded={String(loaded)} data-flow-id={view.flow?.id ?? ''}>
      <Header view={view} showBar />
      <main class="eg-main">
        <NotKeptNotice kept={kept} />
        <Warnings warnings={warnings} stopped={stopped} />
        {loaded && kept && !view.flow && <p class="eg-muted" data-testid="eg-no-flow">{i18n.t('ui.noFlow.body')}</p>}
        {view.flow && view.current && (stopped
          ? <WayBack warning={stopped} compact />
          : <NextLine step={view.current}>{itemTitle(view.current)}</NextLine>)}
        <section class="eg-section eg-section-tight" aria-label={i18n.t('ui.section.steps')}>
          <StepList view={view} compact />
        </section>
        <div class="eg-actions">
          <button
            type="button"
            class="eg-button eg-button-primary"
            data-testid="eg-open-side-panel"
            onClick={() => {
              void openSidePanel(windowId).then(done, (err) => console.warn('[escalation-guide] side panel', err));
            }}
          >
            <PanelIcon />
            {i18n.t(import.meta.env.FIREFOX ? 'ui.popup.openSidebar' : 'ui.popup.openPanel')}
          </button>
          <button
            type="button"
            class="eg-button"
            data-testid="eg-new-escalation"
            onClick={() => void browser.tabs.create({ url: PARTNER_CENTER_DASHBOARD }).then(done)}
          >
            <AddIcon />
            {i18n.t('ui.popup.newEscalation')}
          </button>
        </div>
        <div class="eg-switch-row">
          <label for="eg-overlay">{i18n.t('ui.popup.overlay')}</label>
          <input
            id="eg-overlay"
            type="checkbox"
            role="switch"
            class="eg-switch"
            data-testid="eg-overlay-toggle"
            checked={settings?.overlayEnabled ?? true}
            disabled={!settings || overlayLocked}
            aria-describedby={overlayLocked ? 'eg-overlay-locked' : undefined}
            onChange={(e) => void updateSettings({ overlayEnabled: (e.currentTarget as HTMLInputElement).checked })}
          />
        </div>
        {overlayLocked && <p id="eg-overlay-locked" class="eg-hint">{i18n.t('ui.popup.locked')}</p>}
        {shortcut && <p class="eg-hint">{i18n.t('ui.popup.shortcut', [shortcut])}</p>}
      </main>
    </div>
  );
}
