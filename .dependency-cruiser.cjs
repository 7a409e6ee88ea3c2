/**
 * The architecture as rules (ARCHITECTURE.md, "Rooms"), checked by `npm test`
 * (test/build/architecture.test.ts runs `depcruise` with this file). Type-only imports are not
 * dependencies here (they vanish when compiled): a content script may know the engine's types, but
 * not load its code.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Imports go one way: no module reaches itself again.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'flow-is-pure-data',
      comment: 'lib/flow (the flow as data: ids, steps, labels, pages, tenant, warnings) imports nothing outside itself but zod: no browser API, no DOM helper, no engine.',
      severity: 'error',
      from: { path: '^lib/flow/' },
      to: { pathNot: ['^lib/flow/', 'node_modules/zod/'] },
    },
    {
      name: 'engine-is-pure',
      comment: 'lib/engine (state, reducer, views) imports only lib/flow and zod: DOM-free, browser-free.',
      severity: 'error',
      from: { path: '^lib/engine/' },
      to: { pathNot: ['^lib/engine/', '^lib/flow/', 'node_modules/zod/'] },
    },
    {
      name: 'protocol-is-shared-ground',
      comment: 'lib/protocol (what crosses a runtime boundary) builds on the flow and the engine only.',
      severity: 'error',
      from: { path: '^lib/protocol/' },
      to: { pathNot: ['^lib/protocol/', '^lib/flow/', '^lib/engine/', 'node_modules/zod/'] },
    },
    {
      name: 'content-is-not-background',
      comment: 'The content scripts and the background share only lib/flow, lib/protocol (and the engine\'s types).',
      severity: 'error',
      from: { path: '^lib/content/' },
      to: { path: ['^lib/background/', '^lib/surfaces/', '^lib/settings/', '^lib/engine/', '^components/'] },
    },
    {
      name: 'background-is-not-content',
      comment: 'The background never loads the content scripts\' code.',
      severity: 'error',
      from: { path: ['^lib/background/', '^entrypoints/background\\.ts$'] },
      to: { path: ['^lib/content/', '^lib/surfaces/', '^components/'] },
    },
    {
      name: 'pages-use-surfaces',
      comment: 'The extension pages (components/, entrypoints of popup, side panel, options) import only lib/surfaces, lib/protocol, lib/settings and lib/flow of lib/.',
      severity: 'error',
      from: { path: ['^components/', '^entrypoints/(popup|sidepanel|options)/'] },
      to: { path: '^lib/', pathNot: ['^lib/surfaces/', '^lib/protocol/', '^lib/settings/', '^lib/flow/'] },
    },
    {
      name: 'surfaces-are-pure',
      comment: 'lib/surfaces (what the side panel and popup show) is derived from the engine state: no browser API.',
      severity: 'error',
      from: { path: '^lib/surfaces/' },
      to: { pathNot: ['^lib/surfaces/', '^lib/engine/', '^lib/flow/', '^lib/protocol/', 'node_modules/zod/'] },
    },
    {
      name: 'start-up-code-never-loads-the-guide',
      comment: 'lib/content/boot.ts is the small start-up code: the guide comes through the loader the entrypoint hands it (lib/content/guide-loader.ts).',
      severity: 'error',
      from: { path: '^lib/content/boot\\.ts$' },
      to: { path: ['^lib/content/guide(-draw|-loader)?\\.ts$'] },
    },
    {
      name: 'the-dock-comes-through-its-loader',
      comment: 'The dock\'s parts (lib/content/overlay/dock.ts: warnings, fallback, pill), the completion (lib/content/completion/: the done card, the description) and the self-healing (lib/content/heal/: teaching a target, the page report) are a module of their own, loaded when a page shows one (lib/content/dock-loader.ts): nothing else of the content scripts loads their code.',
      severity: 'error',
      from: { path: ['^lib/content/', '^entrypoints/[^/]+\\.content\\.ts$', '^entrypoints/guide\\.ts$'], pathNot: ['^lib/content/completion/', '^lib/content/heal/', '^lib/content/overlay/dock\\.ts$', '^lib/content/dock-loader\\.ts$'] },
      to: { path: ['^lib/content/completion/', '^lib/content/heal/', '^lib/content/overlay/dock\\.ts$'] },
    },
    {
      name: 'content-scripts-carry-no-zod',
      comment: 'zod stays out of the content scripts\' bundles (their size and start-up): they take the flow data as typed, validated at build and test time.',
      severity: 'error',
      from: { path: ['^entrypoints/[^/]+\\.content\\.ts$', '^entrypoints/(guide|dock)\\.ts$'] },
      to: { path: 'node_modules/zod/', reachable: true },
    },
    {
      name: 'no-orphans',
      comment: 'Every module in lib/ is used (modules of types only are imported for their types, which are no dependencies here).',
      severity: 'error',
      from: { orphan: true, path: '^lib/', pathNot: ['^lib/protocol/boot-plan\\.ts$'] },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^\\.wxt/', '^\\.output/', '^node_modules/'] },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
