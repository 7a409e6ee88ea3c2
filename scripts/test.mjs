#!/usr/bin/env node
// `npm test`: type check, unit tests, tests of the built packages, then (with a Chromium found or
// installed) the end-to-end tests in a real browser, then (with a Firefox found) the Firefox
// end-to-end tests. Runs every stage, exits non-zero if any failed, and ends with one plain line
// "<passed> passed, <failed> failed" (tests across every project; skipped tests are not passed; a
// stage that fails without test results, e.g. the type check or a missing Firefox, counts as one
// failure).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, chromiumVersion } from './chromium.mjs';
import { findFirefox, firefoxVersion } from '../test/firefox/launch.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'test-results');
mkdirSync(RESULTS, { recursive: true });

let passed = 0;
let failed = 0;
/** @type {string[]} */
const problems = [];

function run(cmd, args, env = {}) {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function vitest(project, env = {}) {
  const out = join(RESULTS, `vitest-${project}.json`);
  rmSync(out, { force: true });
  const status = run(
    'npx',
    ['vitest', 'run', '--project', project, '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    env,
  );
  if (!existsSync(out)) {
    failed += 1;
    problems.push(`${project}: vitest exited ${status} without a report`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  // files that failed without a failed test (import errors, hooks): count each as one failure
  let fileErrors = 0;
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) fileErrors += 1;
  }
  failed += fileErrors;
  if (status !== 0 && (report.numFailedTests ?? 0) + fileErrors === 0) {
    failed += 1; // e.g. global setup (build) failed, or unhandled errors
    problems.push(`${project}: vitest exited ${status}`);
  }
  if ((report.numFailedTests ?? 0) + fileErrors > 0) problems.push(`${project}: ${(report.numFailedTests ?? 0) + fileErrors} failed`);
}

if (run('npx', ['tsc', '--noEmit']) !== 0) {
  failed += 1;
  problems.push('type check (tsc --noEmit) failed');
}

vitest('unit');
vitest('build');

let chromium = '';
try {
  chromium = findChromium();
  console.log(`\nChromium for the e2e tests: ${chromium} (${chromiumVersion(chromium)})`);
} catch (e) {
  failed += 1;
  problems.push(`e2e not run: ${e instanceof Error ? e.message : e}`);
}
if (chromium) vitest('e2e', { CHROMIUM_PATH: chromium });

let firefox = '';
try {
  firefox = findFirefox();
  console.log(`\nFirefox for the e2e-firefox tests: ${firefox} (${firefoxVersion(firefox)})`);
} catch (e) {
  failed += 1;
  problems.push(`e2e-firefox not run: ${e instanceof Error ? e.message : e}`);
}
if (firefox) vitest('e2e-firefox', { FIREFOX_PATH: firefox });

if (problems.length) console.log(`\nProblems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
