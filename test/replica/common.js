// Shared helpers of the replica pages: test knobs, DOM building, shadow hosts, Fluent-like styles.

export const KNOB_NAMES = ['replica-ui', 'replica-delay', 'replica-rerender', 'replica-scroll', 'replica-missing'];

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
 * @param {'2019' | '2021'} defaultUi
 */
export function readKnobs(defaultUi) {
  const params = new URLSearchParams(location.search);
  for (const name of KNOB_NAMES) {
    if (params.has(name)) store(name, params.get(name) ?? '');
  }
  const ui = load('replica-ui') === '2021' ? '2021' : load('replica-ui') === '2019' ? '2019' : defaultUi;
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
  return {
    /** @type {'2019' | '2021'} */ ui,
    delay: num('replica-delay'),
    rerender: num('replica-rerender'),
    scroll: load('replica-scroll') === '1',
    missing,
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

/** 'ko' when the given locale (or navigator.language) is Korean, else 'en'. */
export function langFrom(locale = navigator.language) {
  return /^ko\b/i.test(locale || '') ? 'ko' : 'en';
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const FONT =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', Selawik, Arial, 'Malgun Gothic', 'Noto Sans KR', 'Noto Sans CJK KR', NanumGothic, sans-serif";

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
input[type=text], input[type=search], input[type=email], input[type=password], textarea, select {
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
