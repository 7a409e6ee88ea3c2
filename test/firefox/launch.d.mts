import type { Browser, Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR: string;
export const E2E_FIREFOX_EXTENSION_DIR: string;
export const GECKO_ID: string;

/** A request the replicas' server answered. */
export interface ServedRequest {
  url: string;
  method: string;
  /** 'document' for navigations (Sec-Fetch-Dest document/iframe), else Sec-Fetch-Dest */
  resourceType: string;
  /** the Origin or Referer header ('' if none) */
  from: string;
  status: number;
}

export interface FirefoxLaunchOptions {
  locale?: string;
  headless?: boolean;
  extensionPath?: string;
  viewport?: { width: number; height: number } | null;
  /** extensions.background.idle.timeout: Firefox unloads the idle event page after this long */
  backgroundIdleMs?: number;
  /** leave open the sidebar Firefox opens at install (default: closed before the first test step) */
  keepSidebar?: boolean;
}

export interface HeldRequest {
  reached: Promise<string>;
  release(): void;
}

export interface LaunchedFirefox {
  browser: Browser;
  /** the first tab */
  page: Page;
  /** the add-on's id (GECKO_ID) */
  extensionId: string;
  /** the moz-extension:// host of this profile (fixed by a pref at launch) */
  uuid: string;
  /** `moz-extension://<uuid>` */
  extensionOrigin: string;
  close(): Promise<void>;
  /** every request the replicas' server answered */
  requests: ServedRequest[];
  /** requests whose Origin or Referer is the add-on */
  extensionRequests: ServedRequest[];
  /** requests refused at the proxy (other hosts, plain http) */
  blockedRequests: { url: string; method: string }[];
  /**
   * The next request whose URL passes `test` is answered only after `release()`; `reached`
   * resolves to its URL when it is at the server (its onBeforeRequest has fired).
   */
  holdRequest(test: (url: string) => boolean): HeldRequest;
  /** privileged JS in the browser window (parent process) */
  chromeEval(expression: string): Promise<unknown>;
  /** an extension page in a new tab, loaded (its page.url() stays about:blank: see launch.mjs) */
  openExtensionPage(path: string): Promise<Page>;
  /** 'running', 'suspending', 'stopped', … (Extension.backgroundState) */
  backgroundState(): Promise<string>;
  /** unloads the event page as Firefox does when it is idle; resolves to the state after it */
  terminateBackground(): Promise<string>;
  /** the id of the sidebar shown ('' when closed) */
  sidebarOpen(): Promise<string>;
  hideSidebar(): Promise<boolean>;
  /** presses a shortcut such as 'Alt+Shift+E' in the browser window */
  pressShortcut(shortcut: string): Promise<boolean>;
  /** uncaught errors and unhandled rejections of the add-on's own code in the browser console */
  consoleErrors(): Promise<string[]>;
}

export function findFirefox(): string;
export function firefoxVersion(path: string): string;
export function firefoxPrefs(o: { port: number; uuid: string; locale: string; backgroundIdleMs?: number }): Record<string, unknown>;
export function startReplicaServer(opts: { dir: string }): Promise<{
  port: number;
  requests: ServedRequest[];
  extensionRequests: ServedRequest[];
  blockedRequests: { url: string; method: string }[];
  hold(test: (url: string) => boolean): HeldRequest;
  close(): Promise<void>;
}>;
export function launchFirefox(opts?: FirefoxLaunchOptions): Promise<LaunchedFirefox>;
export function openExtensionPage(browser: Browser, url: string, timeout?: number): Promise<Page>;
