import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { noEval } from './scripts/no-eval-plugin';
import { compileHints } from './scripts/compile-hints-plugin';
import { ADMIN_CENTER_HOSTS, PARTNER_CENTER_HOSTS, SIGN_IN_HOSTS } from './lib/flow/hosts';

/** Where the content scripts run (entrypoints/*.content.ts). */
const PORTAL_HOSTS = [...PARTNER_CENTER_HOSTS, ...ADMIN_CENTER_HOSTS];

/** Firefox's add-on id; also the key of its enterprise policy (README, "Enterprise deployment"). */
const GECKO_ID = 'escalation-guide-partner-center@extensions';
/** The managed-storage schema (Chrome, Edge): assets/managed-schema.json, emitted at the root. */
const MANAGED_SCHEMA = 'managed-schema.json';
/** Toolbar and store icons: assets/icons/<size>.png (rendered from icon.svg by scripts/render-icons.mjs). */
const ICON_SIZES = [16, 32, 48, 128] as const;
const ICONS = Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${size}.png`]));
/**
 * EG_BENCH=1 (scripts/bench.mjs): a benchmark build, with the start-up code's `eg:start` / `eg:idle`
 * performance marks (`import.meta.env.EG_BENCH`; a production build drops them, since any page script
 * can read them: test/build/bench-marks.test.ts), in .output/chrome-mv3-bench, so that it never
 * stands where the tests look (.output/chrome-mv3).
 */
const BENCH = process.env.EG_BENCH === '1';

/**
 * Content scripts get the browser's own `browser`/`chrome` (MV3 APIs return promises in Chrome
 * and Firefox alike) instead of webextension-polyfill: the polyfill would take 3 KB gz of their
 * 20 KB budget. Every import from the content-script side, chosen by folder (lib/content/ and
 * WXT's own content-script utilities), is redirected; every other entrypoint keeps the polyfill.
 */
function nativeBrowserInContentScripts(): Plugin {
  const fromContentScript = /[\\/](?:wxt[\\/]dist[\\/]utils[\\/](?:content-script|internal[\\/])|lib[\\/]content[\\/])/;
  return {
    name: 'native-browser-in-content-scripts',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'wxt/browser' && source !== '@wxt-dev/webextension-polyfill/browser') return null;
      if (!importer || !fromContentScript.test(importer)) return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

/**
 * WXT's content-script wrapper builds a `ContentScriptContext` before calling `main`; it gets
 * lib/content/context.ts instead (the part of WXT's contract the content scripts use,
 * without its legacy window message and static set-up; see there).
 */
function leanContentScriptContext(): Plugin {
  const lean = fileURLToPath(new URL('./lib/content/context.ts', import.meta.url));
  return {
    name: 'lean-content-script-context',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'wxt/utils/content-script-context' || !importer) return null;
      // WXT's virtual entry module of each content script (`virtual:wxt-content-script-…-entrypoint?<file>`).
      return importer.includes('virtual:wxt-content-script-') ? lean : null;
    },
  };
}

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  i18n: { localesDir: 'assets/locales' },
  // Manifest V3 for every browser (Firefox: background scripts and sidebar_action; WXT maps them).
  manifestVersion: 3,
  ...(BENCH ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-bench' } : {}),
  zip: {
    // npm run zip: chrome, edge and firefox packages, plus the Firefox sources AMO asks for.
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    excludeSources: ['test-results/**', 'bench-results/**', '**/*.log'],
  },
  hooks: {
    'build:publicAssets': (wxt, files) => {
      for (const size of ICON_SIZES) files.push({ absoluteSrc: resolve(wxt.config.root, 'assets', 'icons', `${size}.png`), relativeDest: `icons/${size}.png` });
      if (wxt.config.browser !== 'firefox') files.push({ absoluteSrc: resolve(wxt.config.root, 'assets', MANAGED_SCHEMA), relativeDest: MANAGED_SCHEMA });
    },
    // Per browser. Permissions are exactly the README's (test/build/security.test.ts): Firefox has no
    // sidePanel permission (its sidebar needs none) and takes policy from policies.json instead
    // of a managed schema.
    'build:manifestGenerated': (wxt, manifest) => {
      manifest.icons = ICONS;
      if (manifest.action) manifest.action.default_icon = { 16: ICONS[16]!, 32: ICONS[32]! };
      if (wxt.config.browser === 'firefox') {
        manifest.permissions = manifest.permissions?.filter((p) => p !== 'sidePanel');
        // Firefox calls it the sidebar (Manage Extension Shortcuts shows this text).
        const command = manifest.commands?.['open-side-panel'];
        if (command) command.description = '__MSG_ui_command_openSidebar__';
        // Its content scripts carry the guide themselves (lib/content/boot.ts): nothing web-accessible.
        delete manifest.web_accessible_resources;
        manifest.browser_specific_settings = {
          ...manifest.browser_specific_settings,
          // 140: the ESR line, and the first with data_collection_permissions (Android: 142).
          gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          gecko_android: { strict_min_version: '142.0' },
        } as typeof manifest.browser_specific_settings;
      } else {
        (manifest as { storage?: { managed_schema: string } }).storage = { managed_schema: MANAGED_SCHEMA };
      }
    },
  },
  vite: () => ({
    plugins: [leanContentScriptContext(), nativeBrowserInContentScripts(), preact(), noEval(), compileHints()],
    // Extension pages load their chunks natively; Vite's modulepreload polyfill would be the only
    // fetch() in the bundle.
    build: { modulePreload: { polyfill: false } },
    define: { 'import.meta.env.EG_BENCH': JSON.stringify(BENCH) },
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // webRequest (non-blocking, top-level requests only) and the admin-center hosts: the delegated
    // entry is a server redirect the tab never shows (README, "Permissions and why"). The content
    // scripts already run on those hosts, so their host permissions add no install warning.
    permissions: ['storage', 'sidePanel', 'webRequest'],
    host_permissions: [...SIGN_IN_HOSTS, ...ADMIN_CENTER_HOSTS].map((h) => `https://${h}/*`),
    // The guide, loaded by the content scripts' start-up code when a page needs it (lib/content/boot.ts),
    // and the dock's module the guide loads when a page shows a warning, the fallback, the pill or the
    // completion (lib/content/dock-loader.ts):
    // reachable from the portals' pages only, and only at a per-session URL.
    web_accessible_resources: [{ resources: ['guide.js', 'dock.js'], matches: PORTAL_HOSTS.map((h) => `https://${h}/*`), use_dynamic_url: true }],
    action: {},
    commands: {
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: '__MSG_ui_command_openSidePanel__',
      },
    },
  },
});
