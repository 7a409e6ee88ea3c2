import { defineContentScript } from 'wxt/utils/define-content-script';
export default defineContentScript({
  matches: ['https://partner.microsoft.com/*'],
  main() {},
});
