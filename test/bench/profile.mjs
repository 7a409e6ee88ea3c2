// What the extension itself costs the page's main thread, attributed by source: V8's sampling
// CPU profiler (the page's isolate runs the page's scripts and the content scripts' isolated
// worlds alike) records stacks every 100 µs; a sample counts for the extension when any frame of
// its stack comes from a chrome-extension:// script. That includes what the extension's calls
// make the engine do synchronously (a forced layout under getBoundingClientRect, for example).

/** @param {import('playwright-core').CDPSession} cdp */
export async function startProfile(cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}

/**
 * @param {import('playwright-core').CDPSession} cdp
 * @returns {Promise<ReturnType<typeof attribute>>}
 */
export async function stopProfile(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable').catch(() => {});
  return attribute(profile);
}

/**
 * @param {{ nodes: { id: number, callFrame: { url: string, functionName: string }, children?: number[] }[],
 *   samples?: number[], timeDeltas?: number[], startTime: number, endTime: number }} profile
 */
export function attribute(profile) {
  /** @type {Map<number, number>} */ const parent = new Map();
  /** @type {Map<number, (typeof profile.nodes)[number]>} */ const byId = new Map();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  /** @type {Map<number, { ext: boolean, url: string | null, kind: string }>} */ const memo = new Map();
  const classify = (/** @type {number} */ id) => {
    const hit = memo.get(id);
    if (hit) return hit;
    const n = byId.get(id);
    const fn = n?.callFrame.functionName ?? '';
    let res;
    if (!n) res = { ext: false, url: null, kind: 'unknown' };
    else if (n.callFrame.url.startsWith('chrome-extension://')) res = { ext: true, url: n.callFrame.url, kind: 'extension' };
    else {
      const p = parent.get(id);
      const up = p === undefined ? null : classify(p);
      if (up?.ext) res = up;
      else if (fn === '(idle)') res = { ext: false, url: null, kind: 'idle' };
      else if (fn === '(program)' || fn === '(garbage collector)') res = { ext: false, url: null, kind: fn };
      else res = { ext: false, url: null, kind: up?.kind === 'page' || n.callFrame.url ? 'page' : 'other' };
    }
    memo.set(id, res);
    return res;
  };
  let extMs = 0, busyMs = 0;
  const samples = profile.samples ?? [], deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // A sample stands for the interval up to the next one.
    const dt = ((deltas[i + 1] ?? 0) || 100) / 1000;
    const c = classify(samples[i]);
    if (c.kind !== 'idle') busyMs += dt;
    if (c.ext) extMs += dt;
  }
  return { extensionMs: extMs, busyMs };
}
