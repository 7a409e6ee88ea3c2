// Size figures: gzip (node:zlib, level 9) of each built content script (its JS plus its CSS; the
// guide the content scripts load on demand counts as one), of
// the whole extension (sum of every file gzipped on its own, as a browser would fetch them; the
// store's zip is close to this), and of driver.js's browser bundle (IIFE + CSS) for comparison.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, basename, extname, dirname } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { createRequire } from 'node:module';

export const gzipBytes = (/** @type {Buffer} */ buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * Content scripts of a built extension, from its manifest (js and css of each entry).
 * @param {string} extDir e.g. .output/chrome-mv3
 * @returns {{ name: string, files: { path: string, raw: number, gzip: number }[], raw: number, gzip: number }[]}
 */
export function contentScriptSizes(extDir) {
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8'));
  /** @type {Map<string, Set<string>>} */
  const byName = new Map();
  for (const cs of manifest.content_scripts ?? []) {
    for (const file of [...(cs.js ?? []), ...(cs.css ?? [])]) {
      const name = basename(file).replace(/\.(js|css)$/, '');
      if (!byName.has(name)) byName.set(name, new Set());
      byName.get(name)?.add(file);
    }
  }
  // Scripts the content scripts load into their own world when a page needs them (the guide,
  // lib/content/boot.ts): web-accessible, each counted as a content script of its own.
  for (const war of manifest.web_accessible_resources ?? []) {
    for (const file of war.resources ?? []) {
      if (extname(file) !== '.js') continue;
      const name = basename(file).replace(/\.js$/, '');
      if (!byName.has(name)) byName.set(name, new Set());
      byName.get(name)?.add(file);
    }
  }
  // Files WXT emits beside a content script (for example its CSS for `cssInjectionMode: 'ui'`,
  // fetched at run time rather than listed in the manifest) belong to it too.
  const csDir = join(extDir, 'content-scripts');
  if (existsSync(csDir)) {
    for (const file of readdirSync(csDir)) {
      const name = basename(file).replace(/\.(js|css)$/, '');
      if (!['.js', '.css'].includes(extname(file))) continue;
      if (!byName.has(name)) byName.set(name, new Set());
      byName.get(name)?.add(`content-scripts/${file}`);
    }
  }
  return [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, set]) => {
      const files = [...set].filter((f) => existsSync(join(extDir, f))).sort().map((f) => {
        const buf = readFileSync(join(extDir, f));
        return { path: f, raw: buf.length, gzip: gzipBytes(buf) };
      });
      return { name, files, raw: sum(files.map((f) => f.raw)), gzip: sum(files.map((f) => f.gzip)) };
    });
}

/** Whole extension: every file gzipped separately, summed. @param {string} extDir */
export function extensionSize(extDir) {
  const files = walk(extDir).map((p) => {
    const buf = readFileSync(p);
    return { path: relative(extDir, p), raw: buf.length, gzip: gzipBytes(buf) };
  });
  return { files: files.length, raw: sum(files.map((f) => f.raw)), gzip: sum(files.map((f) => f.gzip)) };
}

/** driver.js's package folder (its exports map hides package.json, so walk up from the entry). */
function driverJsDir() {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('driver.js'));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** driver.js's browser build, as a page or an extension would ship it. */
export function driverJsSize() {
  const dir = driverJsDir();
  const pkgPath = join(dir, 'package.json');
  const version = JSON.parse(readFileSync(pkgPath, 'utf8')).version;
  const files = ['dist/driver.js.iife.js', 'dist/driver.css'].map((f) => {
    const buf = readFileSync(join(dir, f));
    return { path: `driver.js/${f}`, raw: buf.length, gzip: gzipBytes(buf) };
  });
  return { version, files, raw: sum(files.map((f) => f.raw)), gzip: sum(files.map((f) => f.gzip)) };
}

/** Absolute paths of driver.js's browser files, to serve them to a bench page. */
export function driverJsFiles() {
  const dir = driverJsDir();
  return { js: join(dir, 'dist/driver.js.iife.js'), css: join(dir, 'dist/driver.css') };
}

const sum = (/** @type {number[]} */ xs) => xs.reduce((a, b) => a + b, 0);
