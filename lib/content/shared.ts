/**
 * What the content scripts' start-up code (lib/content/boot.ts) and the guide (lib/content/guide.ts)
 * both need: the target's mark, the hand-over between them, messages to the background, the link
 * a click went through, the page's language. The start-up code never imports the guide: the
 * entrypoints hand it a loader (lib/content/guide-loader.ts).
 */
import { browser } from 'wxt/browser';
import type { Spec } from './guide-spec';
import type { LocatorContext } from './dom/compile';
import type { ScriptContext } from './context';
import type { Overlay } from './overlay/overlay';
import { pageLangOf, type PageLang } from '../flow/labels';
import type { ContentPortal, PageKind } from '../flow/pages';
import type { ContentMessage } from '../protocol/messages';
import type { ContentView } from '../protocol/content-view';
import { DELEGATED_HOSTS, PARTNER_CENTER_HOSTS, pathOnHosts } from '../flow/hosts';
import type { Dock, warningModels } from './overlay/dock';

/** The mark on the ringed target (ARCHITECTURE.md, the testing contract). */
export const TARGET_ATTR = 'data-escalation-guide-target';
/** Where the guide module puts its start function in the content scripts' world (see entrypoints/guide.ts). */
export const GUIDE_START = Symbol.for('escalation-guide:start');

/** What the start-up code hands to the guide: its overlay (ring and card in place) and the marked target. */
export interface Handoff {
  overlay: Overlay | null;
  marked: Element | null;
  /** `step|clickIndex` of the view that drew them (the guide does not pulse the ring again for it). */
  drawn: string;
  /** The agent clicked the start-up code's "Not this?": the guide shows the fallback card (teach the target) instead of the ring. */
  notThis?: boolean;
  /**
   * The overlay's class, the start-up code's own: the guide draws with it (a page runs one copy of
   * the overlay's code and stylesheet, and guide.js does not carry a second).
   */
  Overlay: typeof Overlay;
}
export type GuideStart = (ctx: ScriptContext, portal: ContentPortal, handoff: Handoff) => void;
/** Loads the guide and gives its start function (Chromium: a module import; Firefox: bundled). */
export type GuideLoader = () => Promise<GuideStart>;

/** Where the dock's module (entrypoints/dock.ts) puts its parts for the guide. */
export const DOCK_MODULE = Symbol.for('escalation-guide:dock');

/** What the completion needs (through the dock, lib/content/overlay/dock.ts): the overlay's shadow root and dock, the guide's texts and messages. */
export interface CompletionHost {
  shadow: ShadowRoot;
  dock: HTMLElement;
  /** The overlay's host element: the description field is never looked for inside it. */
  host: HTMLElement;
  t(key: string, subs?: (string | number)[]): string;
  send(msg: ContentMessage): Promise<unknown>;
  minimize(): void;
  /** What teaching the target and the page report need (lib/content/heal/). */
  heal?: HealHost;
}

/** The completed flow's card (`eg-done`): the view's case summary (if saved), customer and escalation. */
export type DoneModel = Pick<ContentView, 'summary' | 'customer' | 'escalation'>;

/** The completion (lib/content/completion/completion.ts): the done card and the description's filling. */
export interface Completion {
  /** Shows the done card (null: hides it). */
  setDone(model: DoneModel | null): void;
  /** Writes the summary into the request form's description, on the agent's click (asks before replacing typed text). */
  fill(summary: string | null): void;
  destroy(): void;
}
/** The dock's module (entrypoints/dock.ts): the dock's parts with the completion, loaded when a page shows one. */
export interface DockModule {
  Dock: typeof Dock;
  warningModels: typeof warningModels;
}

/**
 * Messages to the background from this content script: never throws, and answers undefined when
 * the extension's context is gone (updated or reloaded) or the background did not answer.
 */
export function sender(ctx: ScriptContext): (msg: ContentMessage) => Promise<unknown> {
  return (msg) => {
    if (ctx.isInvalid) return Promise.resolve(undefined);
    try {
      return browser.runtime.sendMessage(msg).catch(() => undefined);
    } catch {
      return Promise.resolve(undefined);
    }
  };
}

/** Where the links a click reports may lead: the portals' hosts (a delegated link's among them). */
const LINK_HOSTS: readonly string[] = [...PARTNER_CENTER_HOSTS, ...DELEGATED_HOSTS];

/**
 * The link a click went through, up to the target: where it leads, if that is `https:` on a
 * portal's host. The innermost link decides (it is the one the browser follows): a link elsewhere
 * (another host, `javascript:`) reports none.
 */
export function hrefIn(path: readonly EventTarget[], target: Element): string | undefined {
  for (const n of path) {
    if (n instanceof HTMLAnchorElement || n instanceof HTMLAreaElement) {
      const href = n.href;
      return href.length <= 4096 && pathOnHosts(href, LINK_HOSTS) !== undefined ? href : undefined;
    }
    if (n === target) break;
  }
  return undefined;
}

/** The page's language among those whose labels the guide knows (English where unknown). */
export function pageLang(): PageLang {
  return pageLangOf(document.documentElement.lang || navigator.language) ?? 'en';
}

/** What the self-healing parts (lib/content/heal/: teaching a target, the page report) need of the guide (lib/content/guide-heal.ts). */
export interface HealHost {
  /** The clicks looked for on this page now (null: none). */
  spec(): Spec | null;
  page(): PageKind | null;
  portal: ContentPortal;
  /** The live page's deep queries (through open shadow roots). */
  ctx: LocatorContext;
  /** The tab's view: whose customer data the page may show (lib/content/heal/private.ts, knownOf). */
  view(): ContentView | null;
  /** The customer name the page shows (a customer's page). */
  customerName(): string | undefined;
  /** The overlay's host: clicks inside it are the overlay's own. */
  overlayHost(): HTMLElement | null;
  t(key: string, subs?: (string | number)[]): string;
  send(msg: ContentMessage): Promise<unknown>;
  /** Reports the agent's click on the step's target (as the guide's own click report does). */
  clicked(msg: Extract<ContentMessage, { kind: 'clicked' }>): void;
  /** Aborts when the guide's context ends: the teaching's listeners go with it. */
  signal: AbortSignal;
}
