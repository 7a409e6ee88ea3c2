import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  i18n: { localesDir: 'assets/locales' },
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'sidePanel'],
    host_permissions: ['https://login.microsoftonline.com/*', 'https://login.microsoftonline.us/*'],
    action: {},
    commands: {
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: '__MSG_ui_command_openSidePanel__',
      },
    },
  },
});
