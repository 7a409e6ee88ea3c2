// The extension UI's catalogue (assets/locales, WXT i18n module): English and Korean complete, every
// key used in code present, and no user-visible text written outside the catalogue.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import ts from 'typescript';
import { FLOW } from '../../lib/flow/flow';
import { ITEM_IDS } from '../../lib/flow/ids';
import { SEVERITY_IDS, TRIAGE_CATEGORIES, WORKLOAD_IDS } from '../../lib/flow/ids';
import { WARNING_TEXT_KEYS } from '../../lib/flow/warnings';
import { COMPLETION_KEYS, LIKELY_CAUSE_KEYS, OVERLAY_KEYS } from '../../lib/protocol/content-view';
import { CASE_FIELDS } from '../../lib/engine/case';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCALES = join(ROOT, 'assets', 'locales');

/** The catalogue as the build reads it (the i18n module's own parser): dotted key → text. */
function catalogue(lang: string): Map<string, string> {
  const parsed = parseMessagesText(readFileSync(join(LOCALES, `${lang}.yml`), 'utf8'), 'YAML');
  return new Map(
    parsed
      .filter((m) => !m.key[0]?.startsWith('@@')) // the browser's predefined messages
      .map((m) => [m.key.join('.'), m.type === 'plural' ? Object.values(m.plurals).join(' | ') : m.message]),
  );
}
const en = catalogue('en');
const ko = catalogue('ko');

const placeholders = (s: string) => [...s.matchAll(/\$(\d)/g)].map((m) => m[1]).sort().join(',');

describe('catalogue: English and Korean', () => {
  it('has the same keys in en.yml and ko.yml', () => {
    const missingInKo = [...en.keys()].filter((k) => !ko.has(k));
    const missingInEn = [...ko.keys()].filter((k) => !en.has(k));
    expect({ missingInKo, missingInEn }).toEqual({ missingInKo: [], missingInEn: [] });
  });

  it('has no empty text, and the same $n substitutions in both languages', () => {
    const problems: string[] = [];
    for (const [k, v] of en) {
      const k2 = ko.get(k);
      if (!v.trim()) problems.push(`en ${k} empty`);
      if (k2 !== undefined && !k2.trim()) problems.push(`ko ${k} empty`);
      if (k2 !== undefined && placeholders(v) !== placeholders(k2)) problems.push(`${k}: $n differ (en ${placeholders(v)}, ko ${placeholders(k2)})`);
    }
    expect(problems).toEqual([]);
  });

  it('Korean is Korean: every text with words has Hangul (names of products excepted)', () => {
    const notKorean = [...ko].filter(([, v]) => /[A-Za-z]{4,}/.test(v) && !/[\uac00-\ud7a3]/.test(v)).map(([k]) => k);
    expect(notKorean).toEqual([]);
  });

  it('uses the roles of the localized article (the portal facts in test/replica/README.md)', () => {
    expect([ko.get('ui.roles.adminAgent'), ko.get('ui.roles.globalAdmin'), ko.get('ui.roles.salesAgent'), ko.get('ui.roles.helpdeskAgent')]).toEqual([
      '관리 에이전트', '글로벌 관리자', '영업 에이전트', '기술 지원팀 에이전트',
    ]);
  });

  it('has the keys built at run time: item titles, why/where of each step, every warning\'s texts (lib/flow/warnings.ts), the overlay\'s, triage categories, case-summary errors, workloads and severities, the completion\'s', () => {
    const camel = (id: string) => id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    const needed = [
      ...WARNING_TEXT_KEYS,
      ...OVERLAY_KEYS.filter((k) => !k.startsWith('@@')),
      ...ITEM_IDS.map((id) => `step.${camel(id)}`),
      ...FLOW.steps.flatMap((s) => [s.why, s.where, ...s.variants.flatMap((v) => v.clicks.flatMap((c) => (c.where ? [c.where] : [])))]),
      ...TRIAGE_CATEGORIES.flatMap((c) => [`ui.triage.cat.${c}`, `ui.triage.short.${c}`]),
      ...CASE_FIELDS.map((f) => `ui.summary.error.${f}`),
      ...COMPLETION_KEYS,
      ...Object.values(LIKELY_CAUSE_KEYS).flat(),
      ...WORKLOAD_IDS.map((w) => `ui.workload.${w}`),
      ...SEVERITY_IDS.flatMap((v) => [`ui.severity.${v}.name`, `ui.severity.${v}.desc`]),
      ...['done', 'current', 'todo', 'skipped'].map((s) => `ui.state.${s}`),
    ];
    expect(needed.filter((k) => !en.has(k) || !ko.has(k))).toEqual([]);
  });
});

// ---- No UI text outside the catalogue --------------------------------------------------------

const SCANNED = ['entrypoints', 'components'];
const UI_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-valuetext', 'value', 'label']);
/** Letters of any script: text a person reads. */
const WORDS = /\p{L}{2,}/u;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (/\.(tsx|ts|html)$/.test(name)) out.push(p);
  }
  return out;
}

/** User-visible literals in a TSX/TS file: JSX text, literal UI attributes, literal children. */
export function uiLiterals(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const where = (n: ts.Node) => `${relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const literalText = (e: ts.Expression | undefined): string | undefined => {
    if (!e) return undefined;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isTemplateExpression(e)) return [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' ');
    if (ts.isConditionalExpression(e)) return [literalText(e.whenTrue), literalText(e.whenFalse)].filter(Boolean).join(' ');
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken) return [literalText(e.left), literalText(e.right)].filter(Boolean).join(' ');
      // `cond && 'Text'`, `name ?? 'Text'`, `a || 'Text'`: the right side is what renders
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) return literalText(e.right);
      return undefined; // comparisons render a boolean
    }
    if (ts.isParenthesizedExpression(e)) return literalText(e.expression);
    return undefined;
  };
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n) && WORDS.test(n.text)) found.push(`${where(n)} text "${n.text.trim()}"`);
    if (ts.isJsxAttribute(n)) {
      const name = n.name.getText(sf);
      const init = n.initializer;
      if (UI_ATTRIBUTES.has(name) && init) {
        const text = ts.isStringLiteral(init) ? init.text : ts.isJsxExpression(init) ? literalText(init.expression) : undefined;
        if (text && WORDS.test(text)) found.push(`${where(n)} ${name}="${text}"`);
      }
    }
    if (ts.isJsxExpression(n) && n.parent && (ts.isJsxElement(n.parent) || ts.isJsxFragment(n.parent))) {
      const text = literalText(n.expression);
      if (text && WORDS.test(text)) found.push(`${where(n)} child "${text}"`);
    }
    // DOM text set from code: textContent / innerText / title = 'literal', alert('literal')
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left)) {
      const prop = n.left.name.text;
      const text = literalText(n.right);
      if (['textContent', 'innerText', 'title', 'placeholder', 'ariaLabel'].includes(prop) && text && WORDS.test(text)) found.push(`${where(n)} ${prop} = "${text}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/** Text in an HTML entry file: <title> and body text, other than __MSG_ placeholders. */
function htmlLiterals(file: string, source: string): string[] {
  const found: string[] = [];
  const text = source.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  for (const m of text.matchAll(/>([^<]+)</g)) {
    const t = m[1]!.trim().replace(/__MSG_\w+__/g, '');
    if (WORDS.test(t)) found.push(`${relative(ROOT, file)} text "${t}"`);
  }
  for (const m of text.matchAll(/\s(title|alt|aria-label|placeholder)="([^"]*)"/g)) {
    if (WORDS.test(m[2]!.replace(/__MSG_\w+__/g, ''))) found.push(`${relative(ROOT, file)} ${m[1]}="${m[2]}"`);
  }
  return found;
}

describe('no UI text outside the catalogue', () => {
  const files = SCANNED.flatMap((d) => filesUnder(join(ROOT, d)));

  it('scans the surfaces', () => {
    expect(files.some((f) => f.includes('sidepanel'))).toBe(true);
    expect(files.some((f) => f.includes('popup'))).toBe(true);
    expect(files.some((f) => f.includes('options'))).toBe(true);
  });

  it('finds no literal UI text in entrypoints/ and components/', () => {
    const found = files.flatMap((f) => {
      const src = readFileSync(f, 'utf8');
      return f.endsWith('.html') ? htmlLiterals(f, src) : uiLiterals(f, src);
    });
    expect(found).toEqual([]);
  });

  it('the scanner catches what it should', () => {
    const bad = uiLiterals('x.tsx', `const A = () => <div aria-label="Close" title={'Help'}>Hello <b>{"World"}</b>{ok ? 'Yes' : 'No'}{x === 'id' && 'Shown'}</div>;`);
    expect(bad).toHaveLength(6);
    const good = uiLiterals('x.tsx', `const A = () => <div class="eg-x" aria-label={i18n.t('a')}>{i18n.t('b')} · {n}</div>;`);
    expect(good).toEqual([]);
  });

  it('every i18n.t key written in code exists in both catalogues', () => {
    const missing: string[] = [];
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bi18n\.t\(\s*['"]([\w.@]+)['"]/g)) {
        if (!en.has(m[1]!) || !ko.has(m[1]!)) missing.push(`${relative(ROOT, f)}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
