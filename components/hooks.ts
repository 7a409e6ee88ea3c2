/**
 * Live state for the extension pages: the engine state in session storage, the active tab of the
 * page's window, and the effective settings. Storage and tab events drive every update: no polling.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { readState, surfaceOf, type EngineState, type SurfaceView, type Warning } from '../lib/surfaces/surface-model';
import type { EffectiveSettings } from '../lib/settings/settings';
import { watchEffectiveSettings } from '../lib/settings/store';
import type { SurfaceMessage } from '../lib/protocol/messages';
import { STATE_KEY, UNSAVED_KEY } from '../lib/protocol/storage';

/** The engine state; `undefined` until first read, `null` when there is none. */
export function useEngineState(): EngineState | null | undefined {
  const [state, setState] = useState<EngineState | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const unwatch = storage.watch<unknown>(STATE_KEY, (v) => alive && setState(readState(v)));
    void storage.getItem<unknown>(STATE_KEY).then((v) => alive && setState((prev) => (prev === undefined ? readState(v) : prev)));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return state;
}

/** False while the background cannot save the progress (session storage full): the state shown may be behind. */
export function useProgressKept(): boolean {
  const [kept, setKept] = useState(true);
  useEffect(() => {
    let alive = true;
    const unwatch = storage.watch<unknown>(UNSAVED_KEY, (v) => alive && setKept(v == null));
    void storage.getItem<unknown>(UNSAVED_KEY).then((v) => alive && setKept(v == null));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return kept;
}

/** The id of the active tab of this page's window, following tab switches. */
export function useActiveTabId(): number | undefined {
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    let windowId: number | undefined;
    const refresh = async () => {
      try {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        if (alive) setTabId(tab?.id);
      } catch {
        /* the window closed */
      }
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    void browser.windows.getCurrent().then((w) => (windowId = w.id)).catch(() => {});
    browser.tabs.onActivated.addListener(onActivated);
    void refresh();
    return () => {
      alive = false;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, []);
  return tabId;
}

export function useSettings(): EffectiveSettings | undefined {
  const [settings, setSettings] = useState<EffectiveSettings | undefined>(undefined);
  useEffect(() => watchEffectiveSettings(setSettings), []);
  return settings;
}

export interface Surface {
  loaded: boolean;
  state: EngineState | null;
  activeTabId: number | undefined;
  view: SurfaceView;
  warnings: Warning[];
  stopped: Warning | null;
}

/** Everything a side panel or popup shows, re-derived on every state or tab change. */
export function useSurface(settings: EffectiveSettings | undefined): Surface {
  const state = useEngineState();
  const activeTabId = useActiveTabId();
  const undismissable = settings ? !settings.warningsDismissible : false;
  return useMemo(
    () => ({ loaded: state !== undefined, state: state ?? null, activeTabId, ...surfaceOf(state ?? null, activeTabId, undismissable) }),
    [state, activeTabId, undismissable],
  );
}

/** Sends a surface message to the background; failures are logged, never thrown at the UI. */
export async function send(message: SurfaceMessage): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch (err) {
    console.warn('[escalation-guide] message not delivered', message.kind, err);
  }
}

/** Opens a portal page in a new tab; as a child of a flow's tab (`openerTabId`), so that it joins that flow. */
export async function openTab(url: string, openerTabId: number | undefined): Promise<void> {
  try {
    await browser.tabs.create(openerTabId === undefined ? { url } : { url, openerTabId });
  } catch {
    await browser.tabs.create({ url }).catch(() => window.open(url, '_blank', 'noopener'));
  }
}
