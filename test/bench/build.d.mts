/** Where the benchmark's build is written (.output/chrome-mv3-bench). */
export const BENCH_EXTENSION_DIR: string;
/** Builds the extension for Chromium (the benchmark's build, with its marks, or the production one); returns the built folder. */
export function buildExtension(opts: { bench: boolean; log?: (s: string) => void }): string;
