// The content script's main-thread time from a DevTools trace (Chromium's own task timings, thread
// CPU time): the start-up figure. Unlike V8's sampling profiler, a trace does not change what it
// measures much: while the profiler runs, V8 keeps source positions for every function it compiles
// (a cold content script pays for all of its compilation again) and stops the thread every 100 µs;
// the profiler put the same build's start-up at about twice its traced thread time.
//
// What counts, on the page's renderer main thread, from the task that evaluates the content script
// up to `eg:idle` (user-timing marks are in the trace):
//   - in each task where the content script runs, the JavaScript it runs there: its outermost
//     script events (the script's evaluation with its compilation, function calls, timer,
//     animation-frame and observer callbacks) that name the extension's URL or call code that
//     does, and the microtasks run after them, with the style and layout they force; the page's
//     own script in the same task (a page's ResizeObserver callback beside ours) is not counted;
//   - a task where the content script runs: one with an event naming the extension's URL, an
//     `eg:` mark or the evaluation of a module in an isolated world (the guide the content
//     scripts import, lib/content/boot.ts, with the microtasks after it: the guide's start), or a message
//     from the browser that runs script (the extension's messaging: the background's answers).
//     The page's own rendering in those tasks is not counted.
// `pageOnly` applies the message rule to a trace of the page without the extension: what the rule
// would wrongly attribute to it (the replica pages: nothing), printed beside the figure.

const CATEGORIES = ['devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'toplevel'];
const TASK = 'ThreadControllerImpl::RunTask';
/** Runs the microtasks queued by the task before it, outside that task's event. */
const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';
const SCRIPT = new Set(['EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'v8.callFunction', 'v8.run', 'EventDispatch', 'FireIdleCallback']);
/**
 * The guide module the content scripts import (lib/content/boot.ts): its evaluation names no URL, only the
 * isolated world it runs in (the content scripts', named after the extension; the page's own
 * modules run in the main world, which has no name).
 */
const isolatedModule = (/** @type {TraceEvent} */ e) => e.name === 'v8.evaluateModule' && !!(/** @type {{ worldName?: string }} */ (e.args ?? {})).worldName;

/** @param {import('playwright-core').CDPSession} cdp */
export async function startTrace(cdp) {
  /** @type {TraceEvent[]} */
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(.../** @type {TraceEvent[]} */ (d.value)));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  return {
    /** @returns {Promise<TraceEvent[]>} */
    stop: async () => {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      return events;
    },
  };
}

/**
 * @typedef {{ name: string, ph: string, ts: number, dur?: number, tdur?: number, pid: number, tid: number,
 *   cat?: string, args?: Record<string, unknown> }} TraceEvent
 */

/** Events of one thread as a forest of complete ('X') events: each task with what ran inside it. */
function tasksOf(/** @type {TraceEvent[]} */ thread) {
  const sorted = [...thread].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  /** @type {{ task: TraceEvent, inner: TraceEvent[], end: number }[]} */
  const tasks = [];
  /** @type {{ task: TraceEvent, inner: TraceEvent[], end: number } | null} */
  let cur = null;
  for (const e of sorted) {
    if (e.name === TASK && e.ph === 'X') {
      cur = { task: e, inner: [], end: e.ts + (e.dur ?? 0) };
      tasks.push(cur);
    } else if (cur && e.name === CHECKPOINT && e.ph === 'X' && e.ts >= cur.end) {
      // The microtask checkpoint right after the task (promise callbacks: the answer to a
      // message, the imported guide's start) belongs to it.
      cur.end = e.ts + (e.dur ?? 0);
      cur.inner.push(e);
    } else if (cur && e.ts <= cur.end) cur.inner.push(e);
  }
  return tasks;
}

/**
 * Thread time (ms) of the outermost script events in `inner` (nested ones are inside their
 * parent's) that `ours` accepts; `ours` sees the event and the events nested in it. `each` gets
 * every counted event with its time.
 * @param {TraceEvent[]} inner
 * @param {(e: TraceEvent, nested: TraceEvent[]) => boolean} [ours]
 * @param {(e: TraceEvent, ms: number) => void} [each]
 */
function scriptTime(inner, ours = () => true, each = undefined) {
  let ms = 0;
  for (let i = 0; i < inner.length; i++) {
    const e = /** @type {TraceEvent} */ (inner[i]);
    if (e.ph !== 'X' || !SCRIPT.has(e.name)) continue;
    const end = e.ts + (e.dur ?? 0);
    let j = i + 1;
    while (j < inner.length && /** @type {TraceEvent} */ (inner[j]).ts <= end) j++;
    if (ours(e, inner.slice(i + 1, j))) {
      const t = (e.tdur ?? e.dur ?? 0) / 1000;
      ms += t;
      each?.(e, t);
    }
    i = j - 1; // nested events are inside this one's time
  }
  return ms;
}

/**
 * The parts of start-up, by what the browser ran the content script's code for: `evaluation`
 * (the task that evaluates it), `messages` (the browser's messages: the background's answers,
 * with their promise callbacks), `frames` (animation-frame callbacks: the first scan and draw),
 * `timers` (timer callbacks), `callbacks` (observer and event callbacks: the placement after layout;
 * the guide's module evaluation where it is imported). Microtasks count with the part before them.
 * @typedef {'evaluation' | 'messages' | 'frames' | 'timers' | 'callbacks'} Phase
 */
/** @type {Readonly<Record<string, Phase>>} */
const PHASE_OF_EVENT = { TimerFire: 'timers', FireAnimationFrame: 'frames' };

const runsScriptOnMessage = (/** @type {TraceEvent[]} */ inner) =>
  inner.some((e) => e.name === 'Receive mojo message') && inner.some((e) => SCRIPT.has(e.name));

/**
 * @param {TraceEvent[]} events
 * @param {string} extensionId
 * @returns {{ cpuMs: number, spanMs: number, tasks: number, evaluationMs: number, phases: Record<Phase, number> } | null} null without the marks
 */
export function extensionStartup(events, extensionId) {
  const origin = `chrome-extension://${extensionId}/`;
  const start = events.find((e) => e.name === 'eg:start');
  if (!start) return null;
  const thread = events.filter((e) => e.pid === start.pid && e.tid === start.tid);
  const idle = thread.find((e) => e.name === 'eg:idle');
  if (!idle) return null;
  const tasks = tasksOf(thread);
  const first = tasks.find((t) => t.task.ts <= start.ts && start.ts <= t.task.ts + (t.task.dur ?? 0));
  if (!first) return null;
  const names = (/** @type {TraceEvent} */ e) => e.name.startsWith('eg:') || isolatedModule(e) || (!!e.args && JSON.stringify(e.args).includes(origin));
  // In a task the content script runs in: its own script events (they, or what they call, name the
  // extension), and the microtasks run after them (its promise callbacks). In a task of the
  // browser's messages: every script event (the page alone has none, see pageOnly).
  const ownEvents = (/** @type {TraceEvent} */ e, /** @type {TraceEvent[]} */ nested) => names(e) || nested.some(names);
  let cpuMs = 0;
  let count = 0;
  let evaluationMs = 0;
  /** @type {Record<Phase, number>} */
  const phases = { evaluation: 0, messages: 0, frames: 0, timers: 0, callbacks: 0 };
  for (const t of tasks) {
    if (t.task.ts < first.task.ts || t.task.ts > idle.ts) continue;
    const message = runsScriptOnMessage(t.inner);
    const mine = t.inner.some(names);
    if (!mine && !message) continue;
    /** @type {Phase | null} */
    const whole = t === first ? 'evaluation' : message ? 'messages' : null;
    /** @type {Phase} */
    let last = 'callbacks';
    const ms = scriptTime(t.inner, message ? undefined : (e, nested) => ownEvents(e, nested) || e.name === 'RunMicrotasks', (e, eventMs) => {
      last = whole ?? (e.name === 'RunMicrotasks' ? last : PHASE_OF_EVENT[e.name] ?? 'callbacks');
      phases[last] += eventMs;
    });
    if (t === first) evaluationMs = scriptTime(t.inner, (e, nested) => e.name === 'EvaluateScript' && ownEvents(e, nested));
    cpuMs += ms;
    count += 1;
  }
  return { cpuMs, spanMs: (idle.ts - first.task.ts) / 1000, tasks: count, evaluationMs, phases };
}

/**
 * What the message rule would count on a page without the extension: tasks that receive a message
 * and run script, on the main thread of the renderer that parsed `url`.
 * @param {TraceEvent[]} events
 * @param {string} url
 */
export function pageOnly(events, url) {
  const parse = events.find((e) => e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes(url));
  if (!parse) return null;
  const thread = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid);
  let cpuMs = 0;
  for (const t of tasksOf(thread)) if (t.task.ts >= parse.ts && runsScriptOnMessage(t.inner)) cpuMs += scriptTime(t.inner);
  return { cpuMs };
}
