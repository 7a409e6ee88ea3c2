/**
 * Microsoft 365 admin center (all its hosts, lib/flow/hosts.ts): detects the page,
 * rings the next click, reports pages and clicks (lib/content/boot.ts, then the guide, lib/content/guide.ts). On BeginClientSession
 * pages there is nothing to ring: the page is only reported.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { boot } from '../lib/content/boot';
import { loadGuide } from '../lib/content/guide-loader';

export default defineContentScript({
  matches: [
    'https://admin.microsoft.com/*',
    'https://portal.office.com/*',
    'https://admin.cloud.microsoft/*',
    'https://portal.office365.us/*',
    'https://portal.apps.mil/*',
  ],
  // At document_start to report a delegated entry before it redirects; the guide waits for the DOM.
  runAt: 'document_start',
  main(ctx) {
    boot(ctx, 'admin-center', loadGuide);
  },
});

// Test URLs (replicas, test/replica): https://admin.microsoft.com/AdminPortal/Home#/homepage,
// https://admin.cloud.microsoft/?#/homepage
