// Shared helpers of the replica pages: test knobs, DOM building, shadow hosts, Fluent-like styles.

export const KNOB_NAMES = [
  'replica-ui', 'replica-delay', 'replica-rerender', 'replica-scroll', 'replica-missing', 'replica-nav-delay',
  'replica-entry-for', 'replica-hostile', 'replica-partner-link', 'replica-nav', 'replica-renamed',
];
/** Partner Center's navigation renders this long after the shell on a document's first render (README). */
export const DEFAULT_NAV_DELAY_MS = 1500;

function store(key, value) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    /* storage may be unavailable; knobs then only live in the URL */
  }
}
function load(key) {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Reads the test knobs: a query parameter wins and is persisted in this origin's sessionStorage
 * (so it survives client-side navigation in the tab); otherwise the persisted value is used.
 * @param {'2019' | '2021' | '2026'} defaultUi
 */
export function readKnobs(defaultUi) {
  const params = new URLSearchParams(location.search);
  for (const name of KNOB_NAMES) {
    if (params.has(name)) store(name, params.get(name) ?? '');
  }
  const rawUi = load('replica-ui');
  const ui = rawUi === '2019' || rawUi === '2021' || rawUi === '2026' ? rawUi : defaultUi;
  const num = (k) => {
    const n = Number(load(k));
    return Number.isFinite(n) && n > 0 ? n : 0;
  };
  const missing = new Set(
    (load('replica-missing') ?? '')
      .split(',')
      .map((s) => s.trim().replace(/^#/, ''))
      .filter(Boolean),
  );
  const navDelayRaw = load('replica-nav-delay');
  const navDelay = navDelayRaw === null || navDelayRaw === '' || !Number.isFinite(Number(navDelayRaw)) ? DEFAULT_NAV_DELAY_MS : Math.max(0, Number(navDelayRaw));
  return {
    /** @type {'2019' | '2021' | '2026'} */ ui,
    delay: num('replica-delay'),
    rerender: num('replica-rerender'),
    scroll: load('replica-scroll') === '1',
    missing,
    navDelay,
    /** tenant id or domain of the customer whose delegated entry the Office 365 controls open instead */
    entryFor: load('replica-entry-for') || '',
    hostile: load('replica-hostile') === '1',
    partnerLink: load('replica-partner-link') === '1',
    /** controls renamed and moved where no built-in locator finds them (keys: `service-requests`) */
    renamed: new Set((load('replica-renamed') ?? '').split(',').map((s) => s.trim()).filter(Boolean)),
    /** admin center 2026: 'collapsed' (default) or 'expanded' */
    nav: load('replica-nav') === 'expanded' ? 'expanded' : 'collapsed',
  };
}

/**
 * Tiny element builder. attrs: `on<event>` functions become listeners, `style` objects are
 * assigned, `false`/`null`/`undefined` values are skipped, `true` sets an empty attribute.
 * @param {string} tag
 * @param {Record<string, any> | null} [attrs]
 * @param {...any} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** @param {Node} parent @param {any[]} children */
export function append(parent, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

const sheets = new Map();
/** @param {string} css */
function sheet(css) {
  let s = sheets.get(css);
  if (!s) {
    s = new CSSStyleSheet();
    s.replaceSync(css);
    sheets.set(css, s);
  }
  return s;
}

/**
 * Creates a custom element with an open shadow root holding `children`, styled with the
 * shared Fluent base sheet plus `css`.
 * @param {string} tag custom element name
 * @param {{ attrs?: Record<string, any>, css?: string, light?: any[] }} opts
 * @param {...any} children content of the shadow root
 */
export function shadowHost(tag, opts, ...children) {
  if (!customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
  const host = h(tag, opts.attrs ?? null, ...(opts.light ?? []));
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sheet(BASE_CSS), ...(opts.css ? [sheet(opts.css)] : [])];
  append(root, children);
  return host;
}

/** Adds the base styles to the document itself. */
export function styleDocument(extraCss = '') {
  document.adoptedStyleSheets = [sheet(BASE_CSS), sheet(DOC_CSS + extraCss)];
}

/** The seven page languages of the replicas (README.md, "Languages"). */
export const LANGS = ['en', 'ko', 'ja', 'de', 'fr', 'es', 'zh-CN'];

/**
 * The page language of a BCP 47 tag (or navigator.language): 'ko', 'ja', 'de', 'fr', 'es',
 * 'zh-CN' (zh-CN, zh-SG, zh-Hans), else 'en'.
 * @param {string} [locale]
 * @returns {'en' | 'ko' | 'ja' | 'de' | 'fr' | 'es' | 'zh-CN'}
 */
export function langFrom(locale = navigator.language) {
  const l = String(locale || '').toLowerCase();
  if (/^zh[-_](cn|sg|hans)/.test(l)) return 'zh-CN';
  const primary = l.split(/[-_]/)[0];
  return /** @type {any} */ (['ko', 'ja', 'de', 'fr', 'es'].includes(primary) ? primary : 'en');
}

/**
 * Picks the string of `lang` from a table `{ en, ko, ... }`; English where the language has none.
 * @param {Record<string, any>} table @param {string} lang
 */
export function pick(table, lang) {
  return table[lang] ?? table.en;
}

/**
 * Per-key string table for `lang`: `{ key: { en, ko, ... } }` → `{ key: string }` (English fallback).
 * @param {Record<string, Record<string, any>>} strings @param {string} lang
 */
export function stringsFor(strings, lang) {
  return Object.fromEntries(Object.entries(strings).map(([k, v]) => [k, pick(v, lang)]));
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const FONT =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', Selawik, Arial, 'Malgun Gothic', 'Yu Gothic', Meiryo, 'Microsoft YaHei', 'Noto Sans KR', 'Noto Sans CJK KR', 'Noto Sans CJK JP', 'Noto Sans CJK SC', NanumGothic, sans-serif";

export const BASE_CSS = `
:host { font-family: ${FONT}; color: #242424; }
* { box-sizing: border-box; }
h1, h2, h3 { font-weight: 600; margin: 0 0 12px; color: #242424; }
h1 { font-size: 24px; line-height: 32px; }
h2 { font-size: 20px; line-height: 28px; }
h3 { font-size: 16px; line-height: 22px; }
p { font-size: 14px; line-height: 20px; margin: 0 0 12px; }
a { color: #0f6cbd; text-decoration: none; }
a:hover { text-decoration: underline; color: #115ea3; }
button { font-family: inherit; font-size: 14px; }
.btn { display: inline-flex; align-items: center; gap: 6px; min-height: 32px; padding: 5px 12px;
  border-radius: 4px; border: 1px solid #d1d1d1; background: #fff; color: #242424; font-weight: 600;
  cursor: pointer; text-decoration: none; }
.btn:hover { background: #f5f5f5; border-color: #c7c7c7; text-decoration: none; color: #242424; }
.btn.primary { background: #0f6cbd; border-color: transparent; color: #fff; }
.btn.primary:hover { background: #115ea3; color: #fff; }
.btn:focus-visible, a:focus-visible, input:focus-visible { outline: 2px solid #0f6cbd; outline-offset: 1px; }
.card { background: #fff; border-radius: 8px; box-shadow: 0 0 2px rgba(0,0,0,.12), 0 2px 4px rgba(0,0,0,.14);
  padding: 16px 20px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: 10px 12px; border-bottom: 1px solid #e0e0e0; font-weight: 400; }
thead th { font-weight: 600; color: #424242; font-size: 13px; }
tbody tr:hover { background: #f5f5f5; }
input[type=text], input[type=search], input[type=email], input[type=tel], input[type=password], textarea, select {
  font-family: inherit; font-size: 14px; padding: 5px 10px; min-height: 32px; border: 1px solid #d1d1d1;
  border-bottom-color: #616161; border-radius: 4px; background: #fff; color: #242424; }
.muted { color: #616161; font-size: 13px; }
.chev { font-size: 10px; }
.spinner { width: 28px; height: 28px; border-radius: 50%; border: 3px solid #c7e0f4; border-top-color: #0f6cbd;
  animation: spin 0.9s linear infinite; margin: 48px auto; }
@keyframes spin { to { transform: rotate(360deg); } }
`;

const DOC_CSS = `
html, body { margin: 0; padding: 0; height: 100%; font-family: ${FONT}; background: #faf9f8; color: #242424; }
`;

// ---- Partner Center's custom element families (README.md, "Partner Center") -----------------
// `v6_he-button`, `accexp_he-button`, `he-button`, `customersvcadmin_he-button`: the label lives in
// the host's light DOM and is slotted into a shadow `<button part="control"><slot>`: the shadow
// root itself holds no text. ARIA state (aria-haspopup, aria-expanded, disabled) sits on the inner
// button, as the real components reflect it there.

const BUTTON_CSS = `
:host { display: inline-block; }
button { font-family: inherit; font-size: 14px; display: inline-flex; align-items: center; gap: 6px; min-height: 32px;
  padding: 5px 12px; border-radius: 4px; border: 1px solid #d1d1d1; background: #fff; color: #242424; font-weight: 600; cursor: pointer; }
button:hover { background: #f5f5f5; }
:host([appearance="primary"]) button { background: #0f6cbd; border-color: transparent; color: #fff; }
:host([appearance="primary"]) button:hover { background: #115ea3; }
:host([appearance="link"]) button { all: unset; cursor: pointer; color: #0f6cbd; font-size: 14px; }
:host([appearance="link"]) button:hover { text-decoration: underline; }
:host([appearance="stealth"]) { color: inherit; }
:host([appearance="stealth"]) button { border-color: transparent; background: transparent; color: inherit; padding: 4px 8px; }
:host([appearance="stealth"]) button:hover { background: rgba(255,255,255,.12); }
button:disabled { opacity: .45; cursor: default; }
button:focus-visible { outline: 2px solid #0f6cbd; outline-offset: 1px; }
`;

/**
 * A button of one of Partner Center's element families, its label slotted from the light DOM.
 * @param {string} tag e.g. 'v6_he-button'
 * @param {{ label: any, attrs?: Record<string, any>, inner?: Record<string, any>, onClick?: (e: Event) => void, start?: any, end?: any }} o
 *   `attrs` on the host, `inner` on the shadow button (aria-*, disabled)
 */
export function heButton(tag, { label, attrs = {}, inner = {}, onClick, start, end }) {
  const light = [label];
  if (start) light.unshift(h('span', { slot: 'start', 'aria-hidden': 'true' }, start));
  if (end) light.push(h('span', { slot: 'end', 'aria-hidden': 'true' }, end));
  const host = shadowHost(tag, { attrs, css: BUTTON_CSS, light },
    h('button', { type: 'button', part: 'control', ...inner }, h('slot', { name: 'start' }), h('slot'), h('slot', { name: 'end' })));
  if (onClick) host.addEventListener('click', (e) => {
    const b = host.shadowRoot?.querySelector('button');
    if (b?.disabled) return;
    onClick(e);
  });
  return host;
}

/** The inner shadow button of a he-button host. @param {HTMLElement} host */
export const innerButton = (host) => /** @type {HTMLButtonElement} */ (host.shadowRoot?.querySelector('button'));

const TASK_ITEM_CSS = `
:host { display: block; }
a { display: flex; align-items: center; gap: 12px; height: 40px; padding: 0 16px; color: #242424; font-size: 14px;
  border-left: 3px solid transparent; text-decoration: none; }
a:hover { background: #e6e6e6; text-decoration: none; color: #242424; }
:host([current]) a { background: #fff; border-left-color: #0f6cbd; font-weight: 600; }
::slotted([slot="icon"]) { width: 16px; text-align: center; color: #616161; font-size: 14px; }
`;

/**
 * `v6_he-task-item[aria-label]`: a side-navigation item. The label is the host's aria-label and its
 * light-DOM text, slotted into a shadow `<a href>` (the route; the router intercepts the click).
 * @param {{ label: string, href: string, icon?: string, current?: boolean, attrs?: Record<string, any> }} o
 */
export function taskItem({ label, href, icon = '', current = false, attrs = {} }) {
  return shadowHost('v6_he-task-item', { attrs: { 'aria-label': label, current: current || null, ...attrs }, css: TASK_ITEM_CSS,
    light: [h('span', { slot: 'icon', 'aria-hidden': 'true' }, icon), label] },
  h('a', { href, part: 'link', 'aria-current': current ? 'page' : null }, h('slot', { name: 'icon' }), h('span', null, h('slot'))));
}

/** Marks one task item of a list as current. @param {Iterable<Element>} items @param {Element | null} current */
export function setCurrentTaskItem(items, current) {
  for (const item of items) {
    const a = item.shadowRoot?.querySelector('a');
    if (item === current) { item.setAttribute('current', ''); a?.setAttribute('aria-current', 'page'); }
    else { item.removeAttribute('current'); a?.removeAttribute('aria-current'); }
  }
}

/**
 * `he-checkbox`: the input in the shadow root with an empty `<label>`; the visible text is the
 * host's light DOM (slotted beside the label, not inside it).
 * @param {{ label: string, checked?: boolean, onChange?: (checked: boolean) => void }} o
 */
export function heCheckbox({ label, checked = false, onChange }) {
  const input = h('input', { type: 'checkbox', id: 'control', part: 'control', checked: checked || null });
  if (onChange) input.addEventListener('change', () => onChange(/** @type {HTMLInputElement} */ (input).checked));
  return shadowHost('he-checkbox', { css: ':host{display:inline-flex;align-items:center;gap:6px;font-size:14px}', light: [label] },
    input, h('label', { for: 'control', part: 'label' }), h('slot'));
}

/**
 * `he-select`: a native select in the shadow root, its label slotted from the light DOM.
 * @param {{ label: string, options: [string, string][], onChange?: (value: string) => void, attrs?: Record<string, any> }} o
 */
export function heSelect({ label, options, onChange, attrs = {} }) {
  const select = h('select', { part: 'control' }, options.map(([value, text]) => h('option', { value }, text)));
  if (onChange) select.addEventListener('change', () => onChange(/** @type {HTMLSelectElement} */ (select).value));
  return shadowHost('he-select', { attrs, css: ':host{display:inline-block} label{display:flex;flex-direction:column;gap:4px;font-size:13px;color:#616161}', light: [label] },
    h('label', { part: 'label' }, h('slot'), select));
}
