/**
 * The guide's page reports coalesce (lib/content/timers.ts, coalesced; lib/content/guide.ts sends
 * every report of a page through it): a level-1 heading changing every 10 ms for 5 s made 215
 * reports (issue 21.4); now a few a second, the first in the next task, the last always sent.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesced } from '../../../lib/content/timers';

describe('reports of one page', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] }));
  afterEach(() => void vi.useRealTimers());

  const make = (gap = 250) => {
    const sent: { at: number; state: number }[] = [];
    let state = 0;
    const timers = { later: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number, cancel: (id: number) => clearTimeout(id) };
    const c = coalesced(gap, () => sent.push({ at: Date.now(), state }), timers);
    return { c, sent, set: (s: number) => (state = s) };
  };

  it('a heading changing every 10 ms for 5 s: at most 4 a second, the first at once, the last state always sent', () => {
    const { c, sent, set } = make();
    const start = Date.now();
    for (let i = 1; i <= 500; i++) {
      set(i);
      c.soon();
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(1000);
    expect(sent[0]).toEqual({ at: start, state: 1 }); // in the next task (no time passed)
    expect(sent.length).toBeLessThanOrEqual(5 * 4 + 1);
    expect(sent.length).toBeGreaterThanOrEqual(15);
    expect(sent.at(-1)!.state).toBe(500);
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(250);
  });

  it('a single change goes out in the next task; one after a quiet gap too', () => {
    const { c, sent } = make();
    c.soon();
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(0);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(600);
    c.soon();
    vi.advanceTimersByTime(0);
    expect(sent).toHaveLength(2);
  });

  it('now() (a new page) goes out at once and replaces the one waiting', () => {
    const { c, sent, set } = make();
    c.soon();
    vi.advanceTimersByTime(0);
    set(1);
    c.soon(); // waits for the gap
    set(2);
    c.now();
    expect(sent.map((s) => s.state)).toEqual([0, 2]);
    vi.advanceTimersByTime(1000);
    expect(sent.map((s) => s.state)).toEqual([0, 2]);
  });
});
