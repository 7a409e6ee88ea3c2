/** Partner Center: detects the page, rings the next click, reports pages and clicks (lib/content/boot.ts, then the guide, lib/content/guide.ts). */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { boot } from '../lib/content/boot';
import { loadGuide } from '../lib/content/guide-loader';

export default defineContentScript({
  matches: ['https://partner.microsoft.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    boot(ctx, 'partner-center', loadGuide);
  },
});

// Test URLs (replicas, test/replica): https://partner.microsoft.com/dashboard,
// https://partner.microsoft.com/dashboard/v2/customers/list
