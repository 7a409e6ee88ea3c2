/**
 * What the background tells the tabs: each content script its tab's view (with the overlay's
 * texts), each tab its toolbar badge, only where they changed since this service worker gave them.
 */
import type { EngineState } from '../engine/state';
import { badgeFor, tabView } from '../engine/view';
import { overlayKeysOf, type ContentView } from '../protocol/content-view';
import { DEFAULT_SETTINGS, effectiveSettings, type EffectiveSettings } from '../settings/settings';

export interface PublishPorts {
  settings(): Promise<EffectiveSettings>;
  pushView(tabId: number, view: ContentView): Promise<void>;
  /** An i18n message with OVERLAY_SUBS as its substitutions (absent: views carry no strings). */
  message?(key: string): string;
  setBadge(tabId: number, badge: { text: string; warning: boolean }): Promise<void>;
  log(message: string): void;
}

/** A content script's request answered with its tab's view (filled in by `publish`). */
export interface Answer {
  tabId: number;
  view?: ContentView;
}

export class Publisher {
  /** What each tab's content script and badge were last given (this service worker's lifetime only). */
  private pushed = new Map<number, string>();
  private badges = new Map<number, string>();

  constructor(private readonly ports: PublishPorts) {}

  /** The tab loads a new document (or closed): its content script and badge are given again. */
  forget(tabId: number): void {
    this.pushed.delete(tabId);
    this.badges.delete(tabId);
  }

  forgetAll(): void {
    this.pushed.clear();
    this.badges.clear();
  }

  async viewOf(state: EngineState, tabId: number): Promise<ContentView> {
    const settings = await this.settingsOrDefault();
    const view: ContentView = {
      ...tabView(state, tabId, { undismissable: !settings.warningsDismissible }),
      overlayEnabled: settings.overlayEnabled,
      warningsDismissible: settings.warningsDismissible,
    };
    const taught = view.step ? settings.taught.filter((x) => x.step === view.step) : [];
    if (taught.length) view.taught = taught;
    const message = this.ports.message;
    if (message && view.overlayEnabled) {
      view.strings = Object.fromEntries(overlayKeysOf(view).map((k) => [k, message(k)]));
    }
    return view;
  }

  /**
   * Gives each tab (of the state, or `only` these) its view and badge where they changed; the
   * `answer` tab's view is handed back in it instead of pushed (the content script asked for it).
   */
  async publish(state: EngineState, only?: number[], answer?: Answer): Promise<void> {
    const settings = await this.settingsOrDefault();
    const opts = { undismissable: !settings.warningsDismissible };
    for (const tabId of only ?? Object.keys(state.tabs).map(Number)) {
      const view = await this.viewOf(state, tabId);
      const json = JSON.stringify(view);
      if (answer?.tabId === tabId) {
        answer.view = view;
        this.pushed.set(tabId, json);
      } else if (this.pushed.get(tabId) !== json) {
        this.pushed.set(tabId, json);
        // A tab without a content script (sign-in page, not loaded yet): it asks for its view when it is.
        await this.ports.pushView(tabId, view).catch(() => this.pushed.delete(tabId));
      }
      const badge = badgeFor(state, tabId, opts);
      const b = JSON.stringify(badge);
      if (this.badges.get(tabId) !== b) {
        this.badges.set(tabId, b);
        await this.ports.setBadge(tabId, badge).catch(() => this.badges.delete(tabId));
      }
    }
  }

  private async settingsOrDefault(): Promise<EffectiveSettings> {
    try {
      return await this.ports.settings();
    } catch (err) {
      this.ports.log(`settings unreadable, using defaults: ${String(err)}`);
      return effectiveSettings(DEFAULT_SETTINGS, {});
    }
  }
}
