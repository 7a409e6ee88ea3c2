/**
 * The architecture as tests (ARCHITECTURE.md): the dependency rules of .dependency-cruiser.cjs
 * (no cycles; lib/flow and lib/engine pure; content and background apart; pages through
 * lib/surfaces; the start-up code never loading the guide; no zod in the content scripts), no
 * unused file, export or dependency (knip, knip.json), and files small enough to read.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function run(cmd: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function files(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) files(p, out);
    else out.push(p);
  }
  return out;
}

describe('architecture', () => {
  it('keeps the dependency rules (dependency-cruiser)', () => {
    const r = run('npx', ['depcruise', 'lib', 'entrypoints', 'components', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']);
    expect(r.out, r.out).toMatch(/no dependency violations found/);
    expect(r.status).toBe(0);
  }, 60_000);

  it('has no unused file, export or dependency (knip)', () => {
    const r = run('npx', ['knip', '--no-progress', '--no-config-hints']);
    expect(r.status, r.out).toBe(0);
  }, 120_000);

  it('has no file in lib/ over 400 lines', () => {
    const long = files(join(ROOT, 'lib'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => ({ file: relative(ROOT, f), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter((f) => f.lines > 400);
    expect(long).toEqual([]);
  });

  it('refers to no file outside the repository (what a maintainer needs is in it)', () => {
    const roots = ['lib', 'components', 'entrypoints', 'scripts', 'test', 'assets'].map((d) => join(ROOT, d));
    const hits = [...roots.flatMap((d) => files(d)), join(ROOT, 'README.md'), join(ROOT, 'wxt.config.ts')]
      .filter((f) => /\.(ts|tsx|mjs|js|md|json|yml|css|html)$/.test(f) && !f.endsWith('architecture.test.ts'))
      .filter((f) => /\.\.\/shared\/|\/work\/shared/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(hits).toEqual([]);
  });
});
