import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { fileURLToPath } from 'node:url';

// Private copy of the build made by test/e2e/global-setup.ts (see E2E_EXTENSION_DIR in launch.mjs).
const e2eExtensionDir = fileURLToPath(new URL('./test-results/e2e-extension/chrome-mv3', import.meta.url));
// The same for Firefox (test/firefox/global-setup.ts, E2E_FIREFOX_EXTENSION_DIR in test/firefox/launch.mjs).
const e2eFirefoxDir = fileURLToPath(new URL('./test-results/e2e-firefox/firefox-mv3', import.meta.url));

// Four projects: `unit` (Node, with WXT's fake browser), `build` (tests of the built packages:
// sizes, permissions, security; they build the extension), `e2e` (a real Chromium with the built
// extension and the portal replicas) and `e2e-firefox` (Firefox ESR with the Firefox build and the
// same replicas); the browser ones run one file at a time: the machines have 2 cores.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          env: { EG_EXTENSION_DIR: e2eExtensionDir },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
      {
        test: {
          name: 'e2e-firefox',
          include: ['test/firefox/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/firefox/global-setup.ts'],
          env: { EG_FIREFOX_EXTENSION_DIR: e2eFirefoxDir },
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
});
