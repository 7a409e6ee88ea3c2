/**
 * Live state for the extension pages: the engine state in session storage, the active tab of the
 * page's window, and the effective settings. Storage and tab events drive every update: no polling.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { EngineStateSchema, type EngineState } from '../lib/engine/engine';
import { surfaceView, type SurfaceView } from '../lib/engine/view';
import { surfaceWarnings } from '../lib/surfaces/surface-model';
import type { Warning } from '../lib/engine/engine';
import type { EffectiveSettings } from '../lib/settings/settings';
import { watchEffectiveSettings } from '../lib/settings/store';
import type { SurfaceMessage } from '../lib/protocol/messages';

export const ENGINE_KEY = 'session:engine-state' as const;

function parseState(raw: unknown): EngineState | null {
  if (raw == null) return null;
  const r = EngineStateSchema.safeParse(raw);
  return r.success ? r.data : null;
}

/** The engine state; `undefined` until first read, `null` when there is none. */
export function useEngineState(): EngineState | null | undefined {
  const [state, setState] = useState<EngineState | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const unwatch = storage.watch<unknown>(ENGINE_KEY, (v) => alive && setState(parseState(v)));
    void storage.getItem<unknown>(ENGINE_KEY).then((v) => alive && setState((prev) => (prev === undefined ? parseState(v) : prev)));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return state;
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
}

/** Everything a side panel or popup shows, re-derived on every state or tab change. */
export function useSurface(settings: EffectiveSettings | undefined): Surface {
  const state = useEngineState();
  const activeTabId = useActiveTabId();
  const undismissable = settings ? !settings.warningsDismissible : false;
  return useMemo(() => {
    const s = state ?? null;
    const view = surfaceView(s ?? emptyState(), activeTabId, { undismissable });
    return {
      loaded: state !== undefined,
      state: s,
      activeTabId,
      view,
      warnings: s ? surfaceWarnings(s, activeTabId, view.flow, { undismissable }) : [],
    };
  }, [state, activeTabId, undismissable]);
}

function emptyState(): EngineState {
  return { version: 1, seq: 0, flows: {}, tabs: {}, lastActiveFlowId: null };
}

/** Sends a surface message to the background; failures are logged, never thrown at the UI. */
export async function send(message: SurfaceMessage): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch (err) {
    console.warn('[escalation-guide] message not delivered', message.kind, err);
  }
}
