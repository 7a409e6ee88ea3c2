import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const dir = process.argv[2];
const r = await build({ entryPoints: [dir + '/lib/content/guide.ts'], bundle: true, minify: true, format: 'esm', write: false, logLevel: 'silent',
  define: { 'import.meta.env.MODE': '"production"' }, loader: { '.css': 'text' }, external: ['wxt/*'], absWorkingDir: dir });
const text = r.outputFiles[0].text;
console.log(text.length, gzipSync(text, { level: 9 }).length);
