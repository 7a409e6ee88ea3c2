/**
 * A Vite plugin for the extension build: takes zod's code generator out of the bundle, so that no
 * built file contains a Function constructor (the store reviews and test/build/security.test.ts
 * check for it; the extension pages' CSP would block it anyway).
 *
 * zod 4 probes once whether `new Function("")` works and, if so, compiles object parsers into
 * generated code. Here the probe answers "no" without trying, and the compiler throws, so zod
 * always uses its interpreted path (the same results; zod's `jitless` mode). Fails the build if
 * zod's code no longer looks as expected, instead of shipping the constructor unnoticed.
 */
import type { Plugin } from 'vite';

interface Patch {
  /** The module, by the end of its resolved path. */
  file: RegExp;
  find: RegExp;
  replace: string;
}

const PATCHES: Patch[] = [
  {
    // util.js `allowsEval`: `const F = Function; new F(""); return true;` inside a try.
    file: /[\\/]zod[\\/]v4[\\/]core[\\/]util\.c?js$/,
    find: /const F = Function;\s*new F\(""\);\s*return true;/,
    replace: 'return false;',
  },
  {
    // doc.js `Doc.compile`: builds a function from generated source text.
    file: /[\\/]zod[\\/]v4[\\/]core[\\/]doc\.c?js$/,
    find: /compile\(\) \{\s*const F = Function;[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);\s*\}/,
    replace: 'compile() {\n        throw new Error("zod code generation is disabled in this extension");\n    }',
  },
];

export function noEval(): Plugin {
  return {
    name: 'escalation-guide:no-eval',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0] ?? id;
      const patch = PATCHES.find((p) => p.file.test(path));
      if (!patch) return null;
      if (!patch.find.test(code)) {
        this.error(`no-eval: ${path} no longer contains the expected code (${patch.find}); update scripts/no-eval-plugin.ts for this zod version`);
      }
      return { code: code.replace(patch.find, patch.replace), map: null };
    },
  };
}
