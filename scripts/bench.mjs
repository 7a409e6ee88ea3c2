#!/usr/bin/env node
// `npm run bench`: what the extension costs Partner Center and how fast it reacts, beside
// driver.js, in real Chromium, in one run (issue #6). Builds the extension (the benchmark's build, with
// the start-up marks, in .output/chrome-mv3-bench: test/bench/build.mjs), then measures:
//   1. size      gzip of each content script (JS + CSS), of the whole extension, of driver.js
//   2. latency   a target inserted (light DOM; three shadow roots deep) → the ring drawn over it
//   3. overhead  10,000-node page, 500 mutation batches: main-thread time with / without
//   4. long      long tasks during a full walk-through, with / without
//   5. startup   the content script's main-thread time from injection to idle
//      worker    a page load until the ring is drawn, the service worker stopped and running
// Prints a table, writes bench-results/bench.json (and bench.md, the table in Markdown).
// Budgets missed are printed as MISSED; the exit code is non-zero only if the bench itself fails.
// Options: --no-build, --trials=N (latency, default 200), --runs=N (overhead pairs, default 11),
//          --only=size,latency,overhead,long,startup,worker
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, chromiumVersion } from './chromium.mjs';
import { ROOT } from '../test/e2e/launch.mjs';
import { BENCH_EXTENSION_DIR, buildExtension } from '../test/bench/build.mjs';
import { serve, withExtension, withoutExtension } from '../test/bench/browser.mjs';
import { LARGE_URL, largePage } from '../test/bench/pages.mjs';
import { contentScriptSizes, extensionSize, driverJsSize } from '../test/bench/size.mjs';
import { measureLatency } from '../test/bench/latency.mjs';
import { measureOverhead } from '../test/bench/overhead.mjs';
import { walkWithExtension, replayWithout } from '../test/bench/longtasks.mjs';
import {
  DRIVER_RING, FLOOR_RING, OUTSIDE_FLOW_URL, PLATFORM_RING, STARTUP_URL, driverStartupExtension, floorStartupExtension, measureReloads, measureStartup, platformStartupExtension,
} from '../test/bench/startup.mjs';
import { measureWorkerStart } from '../test/bench/worker.mjs';
import { rows, textTable, markdownTable, BUDGETS } from '../test/bench/report.mjs';

const args = process.argv.slice(2);
const option = (/** @type {string} */ name, /** @type {string} */ fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const TRIALS = Number(option('trials', '200'));
const RUNS = Number(option('runs', '11'));
const ALL = 'size,latency,overhead,long,startup,worker';
const ONLY = new Set(option('only', ALL).split(','));
const log = (/** @type {string} */ s) => console.log(s);

/** The benchmark's build (test/bench/build.mjs): the shipped code with the start-up marks, in a folder of its own. */
function build() {
  if (args.includes('--no-build')) {
    if (!existsSync(join(BENCH_EXTENSION_DIR, 'manifest.json'))) throw new Error('--no-build, but there is no benchmark build in .output/chrome-mv3-bench');
    return BENCH_EXTENSION_DIR;
  }
  return buildExtension({ bench: true, log });
}

async function main() {
  const started = new Date();
  const built = build();
  // Measure a private copy of the build: a rebuild in the tree during the run changes nothing.
  const snapshot = mkdtempSync(join(tmpdir(), 'eg-bench-ext-'));
  cpSync(built, snapshot, { recursive: true });
  const chromium = findChromium();
  /** @type {Record<string, any>} */
  const results = {
    date: started.toISOString(),
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    environment: {
      chromium: chromiumVersion(chromium),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      loadAverageAtStart: loadavg()[0],
      headless: true,
    },
    git: gitDescribe(),
    budgets: BUDGETS,
  };
  log(`Chromium: ${results.environment.chromium}; ${results.environment.cpus} CPUs, load average ${results.environment.loadAverageAtStart.toFixed(1)}`);

  if (ONLY.has('size')) {
    log('\n1. Size (gzip -9)');
    results.size = { contentScripts: contentScriptSizes(snapshot), extension: extensionSize(snapshot), driver: driverJsSize() };
    for (const cs of results.size.contentScripts) log(`  ${cs.name}: ${cs.gzip} B gzip (${cs.raw} B raw)`);
    log(`  whole extension: ${results.size.extension.gzip} B; driver.js: ${results.size.driver.gzip} B`);
  }

  const needBrowsers = ['latency', 'overhead', 'long', 'startup', 'worker'].some((k) => ONLY.has(k));
  const ext = needBrowsers ? await withExtension(snapshot) : null;
  const base = needBrowsers ? await withoutExtension() : null;
  try {
    if (ext && base && ONLY.has('latency')) {
      log(`\n2. Highlight latency (${TRIALS} trials each)`);
      results.latency = {
        extension: await measureLatency(ext, 'extension', { trials: TRIALS, log }),
        driver: await measureLatency(base, 'driver', { trials: TRIALS, log }),
      };
    }
    if (ext && base && ONLY.has('overhead')) {
      log(`\n3. Page overhead (${RUNS} runs each side, alternating)`);
      results.overhead = await measureOverhead(ext, base, { runs: RUNS, batches: 500, targets: ['present', 'absent'], log });
    }
    if (ext && base && ONLY.has('startup')) {
      log('\n5. Start-up');
      // Before the walk: its pages would warm the code cache the cold figure is meant to miss.
      results.startup = await measureStartup(ext, base, { runs: 15, log });
      log('  the same page loaded again in one tab:');
      results.startupSameTab = await measureReloads(ext, { runs: 9, log });
      log('  on a Partner Center page outside the flow:');
      results.startupOutside = await measureStartup(ext, base, { runs: 9, log, url: OUTSIDE_FLOW_URL, ring: null });
      log('  on a page of a real portal\'s size (about 2,400 elements, all in shadow roots):');
      const unserve = [await serve(ext.context, LARGE_URL, largePage()), await serve(base.context, LARGE_URL, largePage())];
      try {
        results.startupLarge = await measureStartup(ext, base, { runs: 9, log, url: LARGE_URL });
      } finally {
        for (const u of unserve) await u();
      }
    }
    if (ext && ONLY.has('worker')) {
      log('\n5b. A page load until the ring is drawn, the service worker stopped (as after 30 s idle) and running');
      results.workerStart = await measureWorkerStart(ext, { runs: 9, url: STARTUP_URL, log });
    }
    if (ext && base && ONLY.has('startup')) {
      log('  driver.js doing the same from a content script:');
      results.startupDriver = await startupOf(driverStartupExtension(), DRIVER_RING);
      log('  the floor: the least a content script can do for the same job:');
      results.startupFloor = await startupOf(floorStartupExtension(), FLOOR_RING);
      log('  the platform floor: the browser calls of our start-up, without its logic:');
      results.startupPlatform = await startupOf(platformStartupExtension(), PLATFORM_RING);
    }
    if (ext && base && ONLY.has('long')) {
      log('\n4. Long tasks in a full walk-through');
      const withExt = await walkWithExtension(ext, { log });
      const without = await replayWithout(base, withExt.clicks, { log });
      results.longTasks = { with: withExt, without };
    }
  } finally {
    await ext?.close();
    await base?.close();
    rmSync(snapshot, { recursive: true, force: true });
  }
  results.environment.loadAverageAtEnd = loadavg()[0];
  results.durationS = Math.round((Date.now() - started.getTime()) / 1000);

  const table = rows(results);
  results.table = table;
  const outDir = join(ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'bench.json'), JSON.stringify(results, null, 2));
  writeFileSync(join(outDir, 'bench.md'), markdownTable(table) + '\n');
  log(`\n${textTable(table)}\n`);
  const missed = table.filter((r) => r.result === 'MISSED');
  const load = Math.max(results.environment.loadAverageAtStart, results.environment.loadAverageAtEnd);
  if (load > results.environment.cpus) {
    log(`Note: the machine was busy (load average up to ${load.toFixed(1)} on ${results.environment.cpus} CPUs); timings are inflated.`);
  }
  const partial = ONLY.size < ALL.split(',').length ? ` (only ${[...ONLY].join(', ')} measured)` : '';
  log(missed.length ? `${missed.length} budget(s) MISSED: ${missed.map((r) => r.figure.trim()).join('; ')}` : `Every budget met${partial}.`);
  log(`Results: bench-results/bench.json, bench-results/bench.md (${results.durationS} s)`);
}

/**
 * Start-up of an extension written for the run (driver.js's, the floor's): the same rule and number
 * of loads as ours, in a browser of its own, whose folder is removed afterwards.
 * @param {string} dir
 * @param {string} ring the element each load must have ringed
 */
async function startupOf(dir, ring) {
  const browser = await withExtension(dir);
  try {
    return await measureStartup(browser, null, { runs: 15, log, ring });
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function gitDescribe() {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? `${r.stdout.trim()}${dirty.stdout.trim() ? ' (with uncommitted changes)' : ''}` : 'unknown';
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
