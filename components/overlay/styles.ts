/**
 * The overlay's stylesheet (lives in its own shadow root; the page's CSS cannot reach it and it
 * never reaches the page; its `:host` rules, important, also beat the page's rules for the host
 * element). Fluent 2: Segoe UI / system stack, 4–8 px radii, subtle shadows; light
 * and dark follow the browser; forced colors use system colours; no motion under reduced motion.
 */
export const RING_PAD = 4;

export const OVERLAY_CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important;
  height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important; background: transparent !important;
  overflow: visible !important; display: block !important; pointer-events: none !important; z-index: 2147483647 !important;
  contain: none !important; transform: none !important; }
.eg { font-family: 'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto,
  'Helvetica Neue', 'Malgun Gothic', 'Apple SD Gothic Neo', 'Noto Sans KR', 'Noto Sans CJK KR', sans-serif;
  font-size: 14px; line-height: 20px; color: #242424; pointer-events: none;
  --eg-ring: #d1007a; --eg-ring-soft: rgba(209, 0, 122, .35); --eg-halo: #ffffff;
  --eg-bg: #ffffff; --eg-fg: #242424; --eg-fg2: #616161; --eg-stroke: #e0e0e0; --eg-hover: #f5f5f5;
  --eg-accent: #b1006a; --eg-warn-bg: #fdf6f3; --eg-warn-stroke: #f4bfab; --eg-warn-fg: #8a3707;
  --eg-shadow: 0 0 2px rgba(0,0,0,.12), 0 8px 16px rgba(0,0,0,.14); }
@media (prefers-color-scheme: dark) {
  .eg { --eg-bg: #292929; --eg-fg: #ffffff; --eg-fg2: #d6d6d6; --eg-stroke: #525252; --eg-hover: #3d3d3d;
    --eg-accent: #ff7fc6; --eg-ring: #ff3ea5; --eg-ring-soft: rgba(255, 62, 165, .4);
    --eg-warn-bg: #411200; --eg-warn-stroke: #8a3707; --eg-warn-fg: #fdcfb4;
    --eg-shadow: 0 0 2px rgba(0,0,0,.24), 0 8px 16px rgba(0,0,0,.28); }
}
.eg *, .eg *::before, .eg *::after { box-sizing: border-box; }
[hidden] { display: none !important; }

.ring { position: fixed; left: 0; top: 0; width: 0; height: 0; pointer-events: none; border-radius: 6px;
  border: 3px solid var(--eg-ring); box-shadow: 0 0 0 2px var(--eg-halo), inset 0 0 0 1px var(--eg-halo);
  will-change: transform; }
.ring.pulse::after { content: ''; position: absolute; inset: -3px; border-radius: inherit;
  animation: eg-pulse 700ms ease-out 2; }
@keyframes eg-pulse {
  from { box-shadow: 0 0 0 0 var(--eg-ring-soft); }
  to { box-shadow: 0 0 0 14px rgba(209, 0, 122, 0); }
}

.card { position: fixed; left: 0; top: 0; width: 320px; max-width: calc(100vw - 16px); pointer-events: none;
  background: var(--eg-bg); color: var(--eg-fg); border-radius: 8px; box-shadow: var(--eg-shadow);
  border: 1px solid var(--eg-stroke); border-top: 3px solid var(--eg-ring); padding: 10px 12px 12px 16px; }
.card .head { display: flex; align-items: center; gap: 8px; min-height: 24px; }
.card .step { flex: 1; font-size: 12px; line-height: 16px; font-weight: 600; color: var(--eg-accent);
  text-transform: none; letter-spacing: 0; }
.card .click { margin: 4px 0 0; font-size: 15px; line-height: 21px; font-weight: 400; }
.card .click strong { font-weight: 600; }
.card .why { margin: 4px 0 0; font-size: 13px; line-height: 18px; color: var(--eg-fg2); }
.card .where { margin: 6px 0 0; font-size: 13px; line-height: 18px; }

button { appearance: none; margin: 0; padding: 0; border: 0; background: none; pointer-events: auto; cursor: pointer;
  font: inherit; color: inherit; letter-spacing: inherit; text-transform: inherit; text-align: inherit; border-radius: 4px; }
button:focus-visible { outline: 2px solid var(--eg-fg); outline-offset: 1px; }
.icon { width: 24px; height: 24px; display: inline-grid; place-items: center; color: var(--eg-fg2); }
.icon:hover { background: var(--eg-hover); color: var(--eg-fg); }
.minimize::before { content: ''; width: 10px; height: 1px; border-radius: .5px; background: currentColor; }
@media (prefers-reduced-motion: reduce) {
  .ring.pulse::after { animation: none; }
}
@media (forced-colors: active) {
  .eg { --eg-ring: Highlight; --eg-halo: Canvas; --eg-bg: Canvas; --eg-fg: CanvasText; --eg-fg2: CanvasText;
    --eg-stroke: CanvasText; --eg-accent: CanvasText; --eg-warn-bg: Canvas; --eg-warn-fg: CanvasText; --eg-hover: Canvas; }
  .ring { forced-color-adjust: none; border-color: Highlight; box-shadow: 0 0 0 2px Canvas; }
  .ring.pulse::after { animation: none; }
  .card { forced-color-adjust: none; background: Canvas; color: CanvasText; border-color: CanvasText; border-top-color: Highlight;
    box-shadow: none; }
  .icon { forced-color-adjust: none; background: ButtonFace; color: ButtonText; border: 1px solid ButtonText; }
  .icon:hover { background: Highlight; color: HighlightText; }
}
`;

/**
 * The dock and its parts (warnings, the pill; the fallback card is a `.card`), added to the shadow
 * root beside OVERLAY_CSS when the guide first shows one of them (dock.ts): the start-up code,
 * which never shows them (its dock stays an empty block), does not carry or parse these rules.
 */
export const DOCK_CSS = `
.dock { position: fixed; top: 64px; right: 16px; width: 336px; max-width: calc(100vw - 32px);
  display: flex; flex-direction: column; align-items: flex-end; gap: 8px; pointer-events: none; }
.dock.low { top: auto; bottom: 16px; }
.dock .card { position: static; width: 100%; }
.warnings { display: contents; }
.pill { display: inline-flex; align-items: center; gap: 8px; max-width: 100%; height: 32px; padding: 0 12px 0 10px;
  background: var(--eg-bg); color: var(--eg-fg); border: 1px solid var(--eg-stroke); border-radius: 16px;
  box-shadow: var(--eg-shadow); font-size: 13px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.pill:hover { background: var(--eg-hover); }
.pill .dot { width: 10px; height: 10px; flex: none; border-radius: 50%; background: var(--eg-ring); box-shadow: 0 0 0 2px var(--eg-halo); }
.pill span { overflow: hidden; text-overflow: ellipsis; }

.warning { width: 100%; pointer-events: none; background: var(--eg-warn-bg); color: var(--eg-fg);
  border: 1px solid var(--eg-warn-stroke); border-left: 4px solid #da3b01; border-radius: 8px; box-shadow: var(--eg-shadow);
  padding: 10px 12px; }
.warning .title { margin: 0; font-weight: 600; color: var(--eg-warn-fg); }
.warning .body { margin: 4px 0 0; font-size: 13px; line-height: 18px; }
.warning .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
.btn { display: inline-flex; align-items: center; min-height: 28px; padding: 3px 10px; font-size: 13px; font-weight: 600;
  border: 1px solid var(--eg-stroke); background: var(--eg-bg); }
.btn:hover { background: var(--eg-hover); }
.btn.primary { background: #0f6cbd; border-color: transparent; color: #fff; }
.btn.primary:hover { background: #115ea3; }
@media (forced-colors: active) {
  .warning, .pill { forced-color-adjust: none; background: Canvas; color: CanvasText; border-color: CanvasText; box-shadow: none; }
  .warning { border-left-color: Highlight; }
  .btn, .btn.primary { forced-color-adjust: none; background: ButtonFace; color: ButtonText; border: 1px solid ButtonText; }
  .btn:hover { background: Highlight; color: HighlightText; }
  .pill .dot { background: Highlight; }
}
`;
