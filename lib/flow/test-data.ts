/**
 * Whether test-only data is kept: the real URLs each page detector and each step carry for their
 * matrix tests (lib/flow/pages.ts `examples`, lib/flow/flow.ts `testUrls`). They stay beside the code they
 * test, and are read only by tests (vitest's mode is `test`). In the built extension the mode is
 * `production`: the condition is a constant, and the bundler drops every `TESTS ? [...] : []`
 * branch, so no content script compiles and builds those arrays at each page load (about 5 KB of
 * each content script). test/build/bundle-size.test.ts checks that they are gone from the build.
 */
export const TESTS: boolean = import.meta.env.MODE === 'test';
