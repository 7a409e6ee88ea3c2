/**
 * The start-up code's `eg:start` / `eg:idle` performance marks serve the benchmark only (README,
 * Performance; test/bench/startup.mjs): any page script can read a page's performance timeline, so
 * the production build carries none (issue 21), and the benchmark's build (EG_BENCH=1, in
 * .output/chrome-mv3-bench: wxt.config.ts) carries them where the start-up code and the guide go idle.
 * Builds both first; EG_SKIP_BUILD=1 reuses existing builds.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BENCH_EXTENSION_DIR, buildExtension } from '../bench/build.mjs';
import { EXTENSION_DIR } from '../e2e/launch.mjs';

const MARKS = ['eg:start', 'eg:idle'];

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

/** Each built JS file (relative to `dir`) with the marks it names. */
function marksIn(dir: string): Record<string, string[]> {
  return Object.fromEntries(jsFiles(dir).map((f) => {
    const text = readFileSync(f, 'utf8');
    return [relative(dir, f), MARKS.filter((m) => text.includes(m))];
  }));
}

const built = (dir: string) => existsSync(join(dir, 'manifest.json'));

beforeAll(() => {
  const reuse = process.env.EG_SKIP_BUILD === '1';
  if (!(reuse && built(EXTENSION_DIR))) buildExtension({ bench: false });
  if (!(reuse && built(BENCH_EXTENSION_DIR))) buildExtension({ bench: true });
}, 180_000);

describe('the benchmark\'s performance marks', () => {
  it('are in no JS file of the production build (.output/chrome-mv3)', () => {
    const all = marksIn(EXTENSION_DIR);
    expect(Object.keys(all)).toEqual(expect.arrayContaining(['background.js', 'guide.js', 'content-scripts/partner-center.js']));
    expect(Object.entries(all).filter(([, m]) => m.length)).toEqual([]);
  });

  it('are in the benchmark\'s build (.output/chrome-mv3-bench): both in each content script, eg:idle in the guide', () => {
    const all = marksIn(BENCH_EXTENSION_DIR);
    expect(all['content-scripts/partner-center.js']).toEqual(MARKS);
    expect(all['content-scripts/admin-center.js']).toEqual(MARKS);
    expect(all['guide.js']).toEqual(['eg:idle']);
    // The same extension otherwise: the same files.
    expect(Object.keys(all).sort()).toEqual(Object.keys(marksIn(EXTENSION_DIR)).sort());
  });
});
