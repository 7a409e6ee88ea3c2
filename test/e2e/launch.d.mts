import type { BrowserContext, Page, Worker, Locator } from 'playwright-core';

export const ROOT: string;
export const REPLICA_DIR: string;
export const EXTENSION_DIR: string;
export const E2E_EXTENSION_DIR: string;
export const REPLICA_ASSET_PREFIX: string;
export const PARTNER_CENTER_HOSTS: string[];
export const ADMIN_CENTER_HOSTS: string[];
export const LOGIN_HOSTS: string[];

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** URL of the frame or service worker that made the request ('' if unknown) */
  from: string;
}

export interface ReplicaRoutes {
  /** http(s) requests whose frame or service worker is a chrome-extension:// URL */
  extensionRequests: RecordedRequest[];
  /** every request that was aborted because no replica serves its host */
  blockedRequests: RecordedRequest[];
  /** every delegated entry the harness answered: with its HTTP 302 (a tab a page opened) or a script page (a goto) */
  delegatedEntries: { url: string; answer: '302' | 'script'; location: string }[];
}

export interface LaunchOptions {
  locale?: string;
  headless?: boolean;
  extensionPath?: string;
  viewport?: { width: number; height: number } | null;
  slowMo?: number;
}

export interface LaunchedExtension extends ReplicaRoutes {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  page: Page;
  close(): Promise<void>;
  userDataDir: string;
}

export interface OverlayLocators {
  highlight: Locator;
  nextStep: Locator;
  fallback: Locator;
  warning(id: string): Locator;
}

export function replicaFileFor(url: string, resourceType?: string): string | null;
export const REPLICA_HOSTS: string[];
/** The response a replica host gives (file, 404, or with entry 'redirect' a 302 for BeginClientSession). */
export function replicaResponse(url: string, opts?: { resourceType?: string; entry?: 'page' | 'redirect' }): Promise<{ status: number; headers: Record<string, string>; body: Buffer | string }>;
export function routeReplicas(context: BrowserContext): Promise<ReplicaRoutes>;
export function isOpenedTabFirstNavigation(req: import('playwright-core').Request): boolean;
export function presetKnobs(context: BrowserContext, byHost: Record<string, Record<string, string>>): Promise<void>;
export function chromiumArgs(locale: string): string[];
export function launchExtension(opts?: LaunchOptions): Promise<LaunchedExtension>;
export function waitForServiceWorker(context: BrowserContext, extensionId?: string, timeout?: number): Promise<Worker>;
export function openExtensionPage(context: BrowserContext, extensionId: string, path: string): Promise<Page>;
export function stopServiceWorker(context: BrowserContext, extensionId: string, timeout?: number): Promise<string[]>;
/** Any page with Playwright's or puppeteer's `screenshot({ path })` (the Firefox harness uses it too). */
export function screenshot(page: { screenshot(options: { path: string }): Promise<unknown> }, name: string, dir?: string): Promise<string>;
export function ringedTarget(page: Page, stepId: string): Locator;
export function overlay(page: Page): OverlayLocators;
