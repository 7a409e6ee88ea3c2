/**
 * Security and packaging checks on what ships: the store packages `npm run zip` makes for Chrome,
 * Edge and Firefox, and the built directories in them (.output/<browser>-mv3).
 *
 * - the manifest's permissions, hosts and content-script matches are exactly the lists below (the
 *   portals' hosts of lib/flow/hosts.ts, and what the README's permission table adds), and the
 *   table says exactly what the manifest has;
 * - no eval, Function constructor, string timers, remote script or remote import, no network API
 *   in any built file; no HTML sinks in our own source;
 * - the Firefox build passes `web-ext lint` (web-ext from npm) with no errors;
 * - each zip holds exactly its built directory, manifest at the root.
 *
 * Builds the packages first (`npx wxt zip -b <browser>`, ~10 s each); EG_SKIP_BUILD=1 reuses
 * existing ones.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUT = join(ROOT, '.output');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

// The portals' hosts (as lib/flow/hosts.ts has them), and what the README's "Permissions and why"
// adds to them.
const ADMIN_CENTER_HOSTS = ['admin.microsoft.com', 'portal.office.com', 'admin.cloud.microsoft', 'portal.office365.us', 'portal.apps.mil'];
const CONTENT_SCRIPT_HOSTS = ['partner.microsoft.com', ...ADMIN_CENTER_HOSTS];
const SIGN_IN_HOSTS = ['login.microsoftonline.com', 'login.microsoftonline.us'];
/** Tabs' addresses on the sign-in hosts; the top-level requests (webRequest) on the admin-center hosts, where the delegated entries live. */
const HOST_PERMISSION_HOSTS = [...SIGN_IN_HOSTS, ...ADMIN_CENTER_HOSTS];
const pattern = (host: string) => `https://${host}/*`;

type Browser = 'chrome' | 'edge' | 'firefox';
const BROWSERS: Browser[] = ['chrome', 'edge', 'firefox'];
const PERMISSIONS: Record<Browser, string[]> = {
  chrome: ['storage', 'sidePanel', 'webRequest'],
  edge: ['storage', 'sidePanel', 'webRequest'],
  firefox: ['storage', 'webRequest'], // Firefox's sidebar needs no permission; it has no `sidePanel`.
};

/** The README's permission table: the row's backquoted items, for Chrome / Edge and for Firefox ("the same" repeats the first). */
function readmeRow(name: string): { chrome: string[]; firefox: string[] } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const row = readme.split('\n').find((l) => l.startsWith(`| ${name} |`));
  if (!row) throw new Error(`README.md has no permission table row "${name}"`);
  const [, chrome = '', firefox = ''] = row.split('|').slice(1).map((c) => c.trim());
  const items = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).sort();
  return { chrome: items(chrome), firefox: firefox === 'the same' ? items(chrome) : items(firefox) };
}
const dirOf = (b: Browser) => join(OUTPUT, `${b}-mv3`);
const zipOf = (b: Browser) => join(OUTPUT, `${PKG.name}-${PKG.version}-${b}.zip`);

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; exclude_matches?: string[]; js?: string[]; css?: string[]; all_frames?: boolean; world?: string }[];
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
  externally_connectable?: unknown;
  content_security_policy?: unknown;
  background?: { service_worker?: string; scripts?: string[]; page?: string };
  action?: { default_popup?: string; default_icon?: Record<string, string> };
  icons?: Record<string, string>;
  options_ui?: { page: string };
  side_panel?: { default_path: string };
  sidebar_action?: { default_panel: string };
  storage?: { managed_schema?: string };
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
  [key: string]: unknown;
}

const manifestOf = (b: Browser): Manifest => JSON.parse(readFileSync(join(dirOf(b), 'manifest.json'), 'utf8')) as Manifest;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}
const rel = (dir: string, file: string) => relative(dir, file).split(sep).join('/');

/** File names in a zip, from its central directory (no dependency; the stores read the same). */
function zipEntries(file: string): string[] {
  const buf = readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file}: not a zip (no end of central directory)`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: damaged central directory`);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    names.push(buf.subarray(at + 46, at + 46 + nameLen).toString('utf8'));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

beforeAll(() => {
  for (const b of BROWSERS) {
    if (process.env.EG_SKIP_BUILD === '1' && existsSync(join(dirOf(b), 'manifest.json')) && existsSync(zipOf(b))) continue;
    const r = spawnSync('npx', ['wxt', 'zip', '-b', b], { cwd: ROOT, encoding: 'utf8', env: process.env });
    if (r.status !== 0) throw new Error(`npx wxt zip -b ${b} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
}, 240_000);

describe.each(BROWSERS)('the %s build: manifest', (b) => {
  it('asks for exactly the permissions and hosts of the README\'s table, nothing optional', () => {
    const m = manifestOf(b);
    expect(m.manifest_version).toBe(3);
    expect([...(m.permissions ?? [])].sort()).toEqual([...PERMISSIONS[b]].sort());
    expect([...(m.host_permissions ?? [])].sort()).toEqual(HOST_PERMISSION_HOSTS.map(pattern).sort());
    expect(m.optional_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual([]);
    expect(m.externally_connectable).toBeUndefined();
    expect(JSON.stringify(m)).not.toMatch(/<all_urls>|\*:\/\/\*\/|https?:\/\/\*\//);
  });

  it('matches the README\'s permission table exactly', () => {
    const m = manifestOf(b);
    const column = b === 'firefox' ? 'firefox' : 'chrome';
    expect(readmeRow('`permissions`')[column]).toEqual([...(m.permissions ?? [])].sort());
    expect(readmeRow('`host_permissions`')[column]).toEqual([...(m.host_permissions ?? [])].sort());
    expect(readmeRow('content scripts on')[column]).toEqual([...new Set((m.content_scripts ?? []).flatMap((c) => c.matches))].sort());
  });

  it('runs content scripts on exactly the portal hosts, in the page\'s own world', () => {
    const m = manifestOf(b);
    const matches = new Set((m.content_scripts ?? []).flatMap((c) => c.matches));
    expect([...matches].sort()).toEqual(CONTENT_SCRIPT_HOSTS.map(pattern).sort());
    for (const c of m.content_scripts ?? []) expect(c.world ?? 'ISOLATED').toBe('ISOLATED');
  });

  it('exposes no resource to other sites and keeps the default CSP', () => {
    const m = manifestOf(b);
    const allowed = new Set(CONTENT_SCRIPT_HOSTS.map(pattern));
    for (const w of m.web_accessible_resources ?? []) for (const match of w.matches) expect(allowed).toContain(match);
    // No custom CSP: the browsers' MV3 default (script-src 'self') forbids eval and remote code.
    expect(m.content_security_policy).toBeUndefined();
  });

  it('refers only to files that are in the build, and has the icons the stores ask for', () => {
    const m = manifestOf(b);
    expect(Object.keys(m.icons ?? {})).toEqual(expect.arrayContaining(['16', '32', '48', '128']));
    const refs = [
      m.background?.service_worker,
      ...(m.background?.scripts ?? []),
      m.action?.default_popup,
      m.options_ui?.page,
      m.side_panel?.default_path,
      m.sidebar_action?.default_panel,
      m.storage?.managed_schema,
      ...Object.values(m.icons ?? {}),
      ...Object.values(m.action?.default_icon ?? {}),
      ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    ].filter((r): r is string => typeof r === 'string');
    for (const r of refs) expect(existsSync(join(dirOf(b), r)), `${r} is missing`).toBe(true);
  });

  if (b === 'firefox') {
    it('has a sidebar instead of a side panel, an add-on id, and declares no data collection', () => {
      const m = manifestOf(b);
      expect(m.sidebar_action?.default_panel).toBe('sidepanel.html');
      expect(m.side_panel).toBeUndefined();
      expect(m.background?.scripts).toBeDefined();
      expect(m.browser_specific_settings?.gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
      expect(m.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['none']);
    });
  } else {
    it('has the side panel and the managed-storage schema (assets/managed-schema.json)', () => {
      const m = manifestOf(b);
      expect(m.side_panel?.default_path).toBe('sidepanel.html');
      expect(m.sidebar_action).toBeUndefined();
      expect(m.storage?.managed_schema).toBe('managed-schema.json');
      const emitted = JSON.parse(readFileSync(join(dirOf(b), 'managed-schema.json'), 'utf8')) as unknown;
      expect(emitted).toEqual(JSON.parse(readFileSync(join(ROOT, 'assets', 'managed-schema.json'), 'utf8')));
    });
  }
});

it('Edge gets the same manifest as Chrome', () => {
  expect(manifestOf('edge')).toEqual(manifestOf('chrome'));
});

/** Code that evaluates strings, loads remote code, or talks to the network. */
const FORBIDDEN_IN_CODE: [string, RegExp][] = [
  ['eval', /(?<![\w$])eval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  ['Function(...) call', /(?<![\w$.])Function\s*\(/],
  ['Function constructor alias', /[=,(:?&|]\s*Function\s*[;,)}]/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['remote dynamic import', /\bimport\s*\(\s*["'`](?:https?:)?\/\//],
  ['remote static import', /\b(?:import|from)\s*["'`](?:https?:)?\/\//],
  ['script element created', /createElement\s*\(\s*["'`]script["'`]/i],
  ['fetch', /(?<![\w$])fetch\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['EventSource', /\bEventSource\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ['Worker from a URL', /\bnew\s+(?:Shared)?Worker\s*\(/],
];
const FORBIDDEN_IN_HTML: [string, RegExp][] = [
  ['remote script', /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i],
  ['remote stylesheet or preload', /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\//i],
  ['inline event handler', /<[^>]+\son[a-z]+\s*=/i],
  ['inline script', /<script\b(?![^>]*\bsrc\s*=)[^>]*>\s*\S/i],
];
const FORBIDDEN_IN_CSS: [string, RegExp][] = [['remote import or url()', /(?:@import\s+|url\(\s*)["']?(?:https?:)?\/\//i]];

describe.each(BROWSERS)('the %s build: code', (b) => {
  it('has no eval, no Function constructor, no remote code and no network API in any file', () => {
    const found: string[] = [];
    const files = filesUnder(dirOf(b));
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const rules = file.endsWith('.js') || file.endsWith('.mjs') ? FORBIDDEN_IN_CODE : file.endsWith('.html') ? FORBIDDEN_IN_HTML : file.endsWith('.css') ? FORBIDDEN_IN_CSS : [];
      for (const [what, re] of rules) {
        const m = re.exec(text);
        if (m) found.push(`${rel(dirOf(b), file)}: ${what}: …${text.slice(Math.max(0, m.index - 40), m.index + 60)}…`);
      }
    }
    expect(found).toEqual([]);
  });
});

it('our own source writes no HTML into pages (page text is always rendered as text)', () => {
  const found: string[] = [];
  for (const dir of ['components', 'entrypoints', 'lib']) {
    for (const file of filesUnder(join(ROOT, dir)).filter((f) => /\.(ts|tsx|js|mjs)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      for (const re of [/dangerouslySetInnerHTML/, /\.innerHTML\s*=/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /document\.write/, /createContextualFragment/, /DOMParser/]) {
        if (re.test(text)) found.push(`${rel(ROOT, file)}: ${re.source}`);
      }
    }
  }
  expect(found).toEqual([]);
});

describe('web-ext lint (Firefox build)', () => {
  interface LintMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
    column?: number;
  }
  let report: { summary: Record<string, number>; errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };

  beforeAll(() => {
    const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dirOf('firefox'), '--output', 'json', '--no-input'], { cwd: ROOT, encoding: 'utf8' });
    const json = r.stdout.slice(r.stdout.indexOf('{'));
    report = JSON.parse(json) as typeof report;
  }, 60_000);

  it('reports no errors', () => {
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
  });

  it('has no manifest warnings, and the only code warning is Preact\'s own dangerouslySetInnerHTML support', () => {
    const unexpected = report.warnings.filter((w) => {
      if (w.code !== 'UNSAFE_VAR_ASSIGNMENT' || !w.file || w.line === undefined || w.column === undefined) return true;
      // Preact's diff assigns `dom.innerHTML = props.dangerouslySetInnerHTML.__html`; we never pass
      // that prop (see the source check above), so the line never runs with page text.
      const line = readFileSync(join(dirOf('firefox'), w.file), 'utf8').split('\n')[w.line - 1] ?? '';
      return !/^\w+\.innerHTML=\w+\.__html/.test(line.slice(w.column - 1, w.column + 40).replace(/^\(/, ''));
    });
    expect(unexpected.map((w) => `${w.code} ${w.file ?? ''}:${w.line ?? ''}: ${w.message}`)).toEqual([]);
  });
});

describe.each(BROWSERS)('the %s package', (b) => {
  it('is a zip of exactly the built directory, manifest at the root', () => {
    const names = zipEntries(zipOf(b)).filter((n) => !n.endsWith('/'));
    expect(names).toContain('manifest.json');
    expect([...names].sort()).toEqual(filesUnder(dirOf(b)).map((f) => rel(dirOf(b), f)).sort());
  });
});

it('Firefox also gets the sources zip AMO asks for, without build output or dependencies', () => {
  const names = zipEntries(join(OUTPUT, `${PKG.name}-${PKG.version}-sources.zip`));
  expect(names).toContain('package.json');
  expect(names).toContain('package-lock.json');
  expect(names).toContain('wxt.config.ts');
  expect(names.filter((n) => /^(node_modules|\.output|\.wxt|\.git|test-results)\//.test(n))).toEqual([]);
});
