// Bench pages, served under the real portal URLs so the content scripts inject into them exactly
// as they do on Partner Center. Each page exposes a small API on `window.__bench` that the bench
// calls with page.evaluate; all timing happens inside the page with performance.now().

/** Where the highlight-latency page is served: the dashboard, whose next step is `customers`. */
export const LATENCY_URL = 'https://partner.microsoft.com/dashboard';
/** The same page for driver.js, on a host no content script matches. */
export const DRIVER_URL = 'https://bench.invalid/driver.html';
export const DRIVER_JS_URL = 'https://bench.invalid/driver.js.iife.js';
export const DRIVER_CSS_URL = 'https://bench.invalid/driver.css';
/** The start-up page of Partner Center's size (largePage); the dashboard, so the next click is Customers. */
export const LARGE_URL = 'https://partner.microsoft.com/dashboard?bench=large';
/** The mutation-heavy page (10,000 nodes); `?target=absent` leaves the next click out. */
export const CHURN_URL = 'https://partner.microsoft.com/dashboard/home';

const SHELL_CSS = `
  html, body { margin: 0; font: 14px/20px 'Segoe UI', system-ui, sans-serif; background: #faf9f8; color: #242424; }
  header { height: 48px; background: #1b1a19; color: #fff; display: flex; align-items: center; padding: 0 16px; font-weight: 600; }
  .body { display: flex; }
  nav { width: 228px; padding: 8px 0; background: #f0f0f0; min-height: 600px; }
  nav a, nav .slot a { display: flex; height: 40px; align-items: center; padding: 0 16px; color: #242424; text-decoration: none; }
  main { flex: 1; padding: 24px 32px; }
`;

/**
 * Highlight latency. `mode`: 'extension' (the content script must discover the target) or
 * 'driver' (driver.js is told: `highlight({ element })` right after the insertion).
 * @param {'extension' | 'driver'} mode
 */
export function latencyPage(mode) {
  const driverTags =
    mode === 'driver' ? `<link rel="stylesheet" href="${DRIVER_CSS_URL}"><script src="${DRIVER_JS_URL}"></script>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner Center</title>
<link rel="icon" href="data:,"><style>${SHELL_CSS}</style>${driverTags}</head>
<body><header>Partner Center</header>
<div class="body"><nav aria-label="Partner Center">
  <a href="/dashboard/home" id="nav-home">Home</a>
  <div id="light-slot" class="slot"></div>
  <bench-a id="deep-host"></bench-a>
  <a href="/dashboard/v2/billing" id="nav-billing">Billing</a>
</nav><main><h1>Welcome back</h1><p>Here is what needs your attention.</p></main></div>
<script>${LATENCY_SCRIPT.replace('__MODE__', JSON.stringify(mode))}</script></body></html>`;
}

// Runs in the page (main world). Kept as plain source text: it never runs in Node.
const LATENCY_SCRIPT = String.raw`
(() => {
  const MODE = __MODE__;
  const TARGET_PATH = '/dashboard/v2/customers/list';
  const MARK = 'data-escalation-guide-target';
  const RING = '[data-testid="eg-highlight"]';

  // Three open shadow roots, nested, already in the page (the SPA case: a component re-renders
  // inside its own shadow root, which a document-wide observer cannot see).
  let deepSlot = document.getElementById('deep-host');
  for (const tag of ['bench-b', 'bench-c', 'div']) {
    const root = deepSlot.attachShadow({ mode: 'open' });
    const next = document.createElement(tag);
    next.className = 'slot';
    if (tag === 'div') {
      const style = document.createElement('style');
      style.textContent = 'a { display: flex; height: 40px; align-items: center; padding: 0 16px; color: #242424; text-decoration: none; }';
      root.append(style);
    }
    root.append(next);
    deepSlot = next;
  }
  const lightSlot = document.getElementById('light-slot');

  let drv = null;
  if (MODE === 'driver') {
    drv = window.driver.js.driver({ animate: false, smoothScroll: false, stagePadding: 4, stageRadius: 4, allowClose: false });
  }

  // ---- where the ring is -------------------------------------------------------------------
  let overlayRoots = [];
  function scanOverlayRoots() {
    const hosts = [...document.documentElement.children, ...(document.body ? document.body.children : [])];
    overlayRoots = hosts.filter((h) => h.shadowRoot && h.id !== 'deep-host').map((h) => h.shadowRoot);
  }
  function ringBox() {
    if (MODE === 'driver') {
      const path = document.querySelector('svg.driver-overlay path');
      if (!path) return null;
      // Second subpath of the stage: M x,y h w a r,r ... v h ...
      const m = /M\s*([\d.-]+),([\d.-]+)\s*h([\d.-]+)\s*a([\d.-]+),[\d.-]+[^v]*v([\d.-]+)/.exec(path.getAttribute('d') || '');
      if (!m) return null;
      const [x, y, w, r, h] = m.slice(1).map(Number);
      return { left: x - r, top: y, right: x + w + r, bottom: y + h + 2 * r };
    }
    for (const root of overlayRoots) {
      const ring = root.querySelector(RING);
      if (!ring) continue;
      if (ring.checkVisibility && !ring.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return null;
      const b = ring.getBoundingClientRect();
      if (b.width === 0 || b.height === 0) return null;
      return b;
    }
    return null;
  }
  /** The ring is drawn around this very element (marked by the guide, or chosen by driver.js). */
  function inPlace(target) {
    if (MODE === 'extension' && !target.hasAttribute(MARK)) return false;
    if (MODE === 'driver' && !target.classList.contains('driver-active-element')) return false;
    const r = ringBox();
    if (!r) return false;
    const t = target.getBoundingClientRect();
    const slack = 1, far = 12;
    return r.left <= t.left + slack && r.top <= t.top + slack && r.right >= t.right - slack && r.bottom >= t.bottom - slack &&
      t.left - r.left <= far && t.top - r.top <= far && r.right - t.right <= far && r.bottom - t.bottom <= far;
  }

  let seq = 0;
  function makeTarget() {
    const a = document.createElement('a');
    a.href = TARGET_PATH;
    a.id = 'nav-customers';
    a.textContent = 'Customers';
    // Move it a little each trial so a ring left over from the last trial never already covers it.
    a.style.marginTop = (seq++ % 4) * 6 + 'px';
    return a;
  }

  /**
   * One trial: insert a new target, then time (a) until the ring is in place in the DOM
   * (MutationObserver on the overlay + a per-frame check, whichever sees it first) and (b) until
   * the frame that paints it: a ResizeObserver armed at (a) fires in that frame's rendering
   * update, after its animation-frame callbacks and layout, right before paint.
   * @param {'light' | 'shadow3'} where
   */
  function trial(where, timeoutMs = 3000) {
    const parent = where === 'light' ? lightSlot : deepSlot;
    scanOverlayRoots();
    const target = makeTarget();
    return new Promise((resolve) => {
      let tMark = null, tDom = null, done = false, raf = 0;
      const probe = document.createElement('div');
      probe.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;opacity:0';
      const finish = (result) => {
        if (done) return;
        done = true;
        mo.disconnect();
        cancelAnimationFrame(raf);
        clearTimeout(timer);
        probe.remove();
        resolve(result);
      };
      const seen = (now) => {
        if (tMark === null && (MODE === 'extension' ? target.hasAttribute(MARK) : target.classList.contains('driver-active-element'))) tMark = now;
        if (tDom !== null || !inPlace(target)) return;
        tDom = now;
        document.body.append(probe);
        new ResizeObserver((_, ro) => {
          ro.disconnect();
          const tFrame = performance.now();
          finish({ ok: inPlace(target), dom: tDom - t0, frame: tFrame - t0, mark: tMark === null ? null : tMark - t0 });
        }).observe(probe);
      };
      const mo = new MutationObserver(() => {
        if (tDom === null) {
          const before = overlayRoots.length;
          scanOverlayRoots();
          if (overlayRoots.length !== before) observeOverlay();
          seen(performance.now());
        }
      });
      const observeOverlay = () => {
        for (const root of overlayRoots) mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
        mo.observe(document.body, { childList: true });
        mo.observe(document.documentElement, { childList: true });
        mo.observe(target, { attributes: true });
        if (MODE === 'driver') mo.observe(document.body, { childList: true, subtree: true, attributes: true });
      };
      const tick = () => {
        seen(performance.now());
        if (tDom === null) raf = requestAnimationFrame(tick);
      };
      const timer = setTimeout(() => finish({ ok: false, timeout: true, mark: tMark === null ? null : tMark - t0 }), timeoutMs);
      observeOverlay();
      const t0 = performance.now();
      parent.append(target);
      if (MODE === 'driver') drv.highlight({ element: target });
      raf = requestAnimationFrame(tick);
    });
  }

  /** Removes the current target and lets the page settle for a few frames (plus jitter, so
   * insertions do not all fall at the same point of the frame). */
  async function clear() {
    document.querySelectorAll('#nav-customers').forEach((a) => a.remove());
    deepSlot.querySelectorAll('#nav-customers').forEach((a) => a.remove());
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => setTimeout(r, 10 + Math.random() * 17));
  }

  /** @param {'light' | 'shadow3'} where @param {number} n @param {number} warmup */
  async function run(where, n, warmup = 5) {
    const results = [];
    for (let i = 0; i < n + warmup; i++) {
      await clear();
      const r = await trial(where);
      if (i >= warmup) results.push(r);
    }
    await clear();
    return results;
  }

  window.__bench = { run, trial, clear, ready: true };
})();
`;

/**
 * The start-up page of a real portal's size: about 2,400 elements, all inside open shadow roots
 * (an app shell, its navigation, its content), built by the page's own script before the content
 * script runs (document_idle). The navigation (with "Customers") comes first in the shell, as on
 * Partner Center; the content after it has 300 list entries, each a link with an SVG icon, and a
 * 100-row table with form controls.
 */
export function largePage() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner Center</title>
<link rel="icon" href="data:,"></head><body><pc-shell></pc-shell><script>${LARGE_SCRIPT}</script></body></html>`;
}

const LARGE_SCRIPT = String.raw`
(() => {
  const css = '<style>' + ${JSON.stringify(SHELL_CSS)} + '</style>';
  const shell = document.querySelector('pc-shell').attachShadow({ mode: 'open' });
  let items = '';
  for (let i = 0; i < 300; i++) items += '<li><a href="/dashboard/v2/item/' + i + '"><svg width="16" height="16" aria-hidden="true"><path d="M0 0h16v16H0z"/></svg><span>Item ' + i + '</span></a></li>';
  let rows = '';
  for (let i = 0; i < 100; i++) rows += '<tr><td>Row ' + i + '</td><td>Active</td><td><img alt="" width="1" height="1"></td><td><input aria-label="Note"></td><td><button type="button">Edit</button></td></tr>';
  shell.innerHTML = css + '<header>Partner Center</header><div class="body"><pc-nav></pc-nav>' +
    '<main><h1>Welcome back</h1><ul>' + items + '</ul><table><tbody>' + rows + '</tbody></table></main></div>';
  const nav = shell.querySelector('pc-nav').attachShadow({ mode: 'open' });
  nav.innerHTML = css + '<nav aria-label="Partner Center"><a href="/dashboard/home">Home</a>' +
    '<a href="/dashboard/v2/customers/list">Customers</a><a href="/dashboard/v2/billing">Billing</a></nav>';
})();
`;

/**
 * The page-overhead page: ~10,000 nodes of a Partner Center–like grid, and `__bench.churn()`
 * applying batches of DOM mutations (adds, removals, attribute and text changes; ~50 nodes a
 * batch), one batch per task, ten tasks per frame. Deterministic: a seeded generator picks what changes.
 */
export function churnPage() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner Center</title>
<link rel="icon" href="data:,"><style>${SHELL_CSS}
  table { border-collapse: collapse; width: 100%; } td { padding: 2px 8px; border-bottom: 1px solid #eee; }
  .hot { background: #fff4ce; }</style></head>
<body><header>Partner Center</header>
<div class="body"><nav aria-label="Partner Center" id="nav">
  <a href="/dashboard/home" id="nav-home">Home</a>
  <a href="/dashboard/v2/billing" id="nav-billing">Billing</a>
</nav><main id="main"></main></div>
<script>${CHURN_SCRIPT}</script></body></html>`;
}

const CHURN_SCRIPT = String.raw`
(() => {
  const params = new URLSearchParams(location.search);
  if (params.get('target') !== 'absent') {
    const a = document.createElement('a');
    a.href = '/dashboard/v2/customers/list';
    a.id = 'nav-customers';
    a.textContent = 'Customers';
    document.getElementById('nav').insertBefore(a, document.getElementById('nav-billing'));
  }
  let seed = 0x2f6e2b1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const main = document.getElementById('main');

  // Rows of 9 nodes: tr, 3 td, 3 text, a span in the last cell with its text.
  function row(i) {
    const tr = document.createElement('tr');
    tr.id = 'row-' + i;
    for (const text of ['Customer ' + i, 'customer' + i + '.onmicrosoft.com']) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    const td = document.createElement('td');
    const span = document.createElement('span');
    span.textContent = 'Active';
    td.append(span);
    tr.append(td);
    return tr;
  }
  const tbody = document.createElement('tbody');
  const table = document.createElement('table');
  table.append(tbody);
  main.append(table);
  let next = 0;
  function countNodes() {
    let n = 0;
    const w = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    while (w.nextNode()) n++;
    return n + 1;
  }
  while (countNodes() < 10000) for (let k = 0; k < 50; k++) tbody.append(row(next++));

  // One batch: 2 rows added (18 nodes) and 2 removed (18), 8 attribute and 6 text changes: 50.
  function batch() {
    const rows = tbody.children;
    for (let k = 0; k < 2; k++) tbody.insertBefore(row(next++), rows[Math.floor(rand() * rows.length)] || null);
    for (let k = 0; k < 2; k++) rows[Math.floor(rand() * rows.length)].remove();
    for (let k = 0; k < 8; k++) {
      const r = rows[Math.floor(rand() * rows.length)];
      r.classList.toggle('hot');
      r.setAttribute('aria-selected', String(rand() < 0.5));
    }
    for (let k = 0; k < 6; k++) {
      const r = rows[Math.floor(rand() * rows.length)];
      r.lastChild.firstChild.textContent = pick(['Active', 'Suspended', 'Pending', 'Disabled']);
    }
  }

  /**
   * Runs n batches, one per task (a MessageChannel message each: no timer clamping), PER_FRAME
   * tasks per animation frame. Every run thus renders the same number of frames: with one batch
   * per task and nothing else, a run slowed down by another process would render more frames
   * (style and layout of 10,000 nodes each) and cost more main-thread time for reasons that have
   * nothing to do with the extension.
   */
  const PER_FRAME = 10;
  function churn(n = 500) {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      let i = 0;
      const t0 = performance.now();
      ch.port1.onmessage = () => {
        batch();
        if (++i >= n) resolve({ batches: n, wallMs: performance.now() - t0, nodes: countNodes() });
        else if (i % PER_FRAME) ch.port2.postMessage(0);
        else requestAnimationFrame(() => ch.port2.postMessage(0));
      };
      ch.port2.postMessage(0);
    });
  }
  window.__bench = { churn, nodes: countNodes, ready: true };
})();
`;
