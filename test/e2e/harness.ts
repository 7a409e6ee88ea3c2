// End-to-end harness: a real Chromium with the built extension, the portal replicas served under
// the real URLs, and the locators of the testing contract (ARCHITECTURE.md). The launch/routing
// core is plain JS (launch.mjs) so scripts/start.mjs can use it without a TypeScript loader.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { ROOT, launchExtension, ringedTarget, overlay, waitForServiceWorker, type LaunchOptions, type LaunchedExtension } from './launch.mjs';

export {
  ROOT,
  REPLICA_DIR,
  EXTENSION_DIR,
  E2E_EXTENSION_DIR,
  replicaFileFor,
  routeReplicas,
  launchExtension,
  waitForServiceWorker,
  openExtensionPage,
  stopServiceWorker,
  screenshot,
  ringedTarget,
  overlay,
  presetKnobs,
} from './launch.mjs';
export type { LaunchOptions, LaunchedExtension, RecordedRequest, ReplicaRoutes, OverlayLocators } from './launch.mjs';
export { CUSTOMERS, customerByTenantId, customerByDomain, delegatedLink } from '../replica/customers.js';
export type { ReplicaCustomer } from '../replica/customers.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Largest difference between the edges of two boxes (left, top, right, bottom). */
export function edgeDistance(a: Box, b: Box): number {
  return Math.max(
    Math.abs(a.x - b.x),
    Math.abs(a.y - b.y),
    Math.abs(a.x + a.width - (b.x + b.width)),
    Math.abs(a.y + a.height - (b.y + b.height)),
  );
}

/**
 * Waits (up to `timeout` ms) until the overlay's ring covers the element marked for `stepId`:
 * every edge of the ring within `tolerance` px (default 6) of the target's. Throws with both boxes
 * otherwise. Returns the two boxes.
 */
export async function expectRingCovers(
  page: Page,
  stepId: string,
  { timeout = 5_000, tolerance = 6 }: { timeout?: number; tolerance?: number } = {},
): Promise<{ target: Box; ring: Box }> {
  const target = ringedTarget(page, stepId);
  const ring = overlay(page).highlight;
  const deadline = Date.now() + timeout;
  let last: { target: Box | null; ring: Box | null } = { target: null, ring: null };
  for (;;) {
    const [t, r] = await Promise.all([
      target.first().boundingBox({ timeout: 1_000 }).catch(() => null),
      ring.first().boundingBox({ timeout: 1_000 }).catch(() => null),
    ]);
    last = { target: t, ring: r };
    if (t && r && edgeDistance(t, r) <= tolerance) return { target: t, ring: r };
    if (Date.now() > deadline) break;
    await page.waitForTimeout(100);
  }
  throw new Error(
    `ring does not cover the target of step "${stepId}" within ${tolerance}px: ` +
      `target ${JSON.stringify(last.target)}, ring ${JSON.stringify(last.ring)}`,
  );
}

/**
 * Number of shadow roots between the document and the first element matching `selector`
 * (searched through open shadow roots). -1 when not found.
 */
export async function shadowDepth(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const walk = (root: Document | ShadowRoot, depth: number): number => {
      if (root.querySelector(sel)) return depth;
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot) {
          const d = walk(el.shadowRoot, depth + 1);
          if (d >= 0) return d;
        }
      }
      return -1;
    };
    return walk(document, 0);
  }, selector);
}

/**
 * Launches the extension and wakes its service worker once (its first answer waits for its start
 * and its first policy read), so that a test's timing measures the page, not the cold start.
 */
export async function launchWarmed(options: LaunchOptions): Promise<LaunchedExtension> {
  const ext = await launchExtension(options);
  const warm = await ext.context.newPage();
  await warm.goto('https://partner.microsoft.com/dashboard');
  await expectRingCovers(warm, 'customers', { timeout: 15_000 });
  await warm.close();
  return ext;
}

/** The extension's running service worker (waiting for it to start, up to `timeout` ms). */
export function runningWorker(ext: LaunchedExtension, timeout = 15_000): Promise<Worker> {
  return waitForServiceWorker(ext.context, ext.extensionId, timeout);
}

let axeSource: string | undefined;
/** Serious or critical axe violations of a document, or (`overlayOnly`) of the overlay's shadow tree on a portal page. */
export async function axeViolations(page: Page, overlayOnly = false): Promise<string[]> {
  axeSource ??= readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
    return axe.run(only ? document.querySelector('escalation-guide-overlay') : document, { resultTypes: ['violations'] });
  }, overlayOnly);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

