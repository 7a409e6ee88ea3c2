// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://partner.microsoft.com/dashboard"}
/**
 * Partner Center's navigation can render many seconds after the shell (automation notes wait 8-15
 * s; the portal facts in test/replica/README.md): its items added late, or its custom elements
 * defined late (their shadow roots come with the definition, with no mutation in any root the watch
 * observes). The tracker finds the target when it comes, however late, without a timer of its own
 * meanwhile.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeepWatch } from '../../../lib/content/dom/deep-watch';
import { TargetTracker } from '../../../lib/content/dom/target-tracker';
import { FLOW } from '../../../lib/flow/flow';

beforeAll(() => {
  Element.prototype.getBoundingClientRect = function () {
    return { x: 0, y: 0, left: 0, top: 0, right: 10, bottom: 10, width: 10, height: 10, toJSON: () => ({}) } as DOMRect;
  };
});

const customers = FLOW.steps.find((s) => s.id === 'customers')!.variants[0]!.clicks[0]!;
/** Lets the watch's coalescing task run (a MessageChannel message or a 0 ms timer). */
const settle = async () => {
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setImmediate(r));
    vi.advanceTimersByTime(1);
  }
};

describe('navigation that renders many seconds after the shell', () => {
  let watch: DeepWatch;
  let tracker: TargetTracker<null>;
  let changes: string[];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'performance', 'Date'] });
    changes = [];
  });
  afterEach(() => {
    tracker?.stop();
    watch?.stop();
    vi.useRealTimers();
  });
  const start = () => {
    watch = new DeepWatch(document);
    tracker = new TargetTracker<null>(watch, (f, why) => changes.push(`${why}:${f?.el.id ?? ''}`));
    tracker.set({ options: [{ click: customers, data: null }] });
  };

  it('items added to the shell’s navigation 12 s late are found as they come, with no timer running meanwhile', async () => {
    document.body.innerHTML = '<he-shell></he-shell>';
    const shell = document.querySelector('he-shell')!.attachShadow({ mode: 'open' });
    shell.innerHTML = '<nav role="navigation"></nav><main></main>';
    start();
    expect(tracker.target).toBeNull();
    expect(vi.getTimerCount()).toBe(0); // waiting, not polling
    vi.advanceTimersByTime(12_000);
    const item = document.createElement('v6_he-task-item');
    item.setAttribute('aria-label', 'Customers');
    item.append('Customers');
    item.attachShadow({ mode: 'open' }).innerHTML = '<a id="real" href="/dashboard/v2/customers/list"><slot></slot></a>';
    shell.querySelector('nav')!.append(item);
    await settle();
    expect(changes).toEqual(['found:real']);
  });

  it('a navigation element defined 10 s after it was added (its shadow root comes with the definition) is found at the next change', async () => {
    document.body.innerHTML = '<x-late-nav><span>Customers</span></x-late-nav>';
    start();
    expect(tracker.target).toBeNull();
    // The page changes elsewhere meanwhile (a spinner), while the navigation is still undefined.
    for (let t = 0; t < 10; t++) {
      vi.advanceTimersByTime(1_000);
      document.body.append(document.createElement('i'));
      await settle();
    }
    customElements.define('x-late-nav', class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = '<nav><a id="late" href="/dashboard/v2/customers/list"><slot></slot></a></nav>';
      }
    });
    // Nothing the watch observes changed yet; the page's next change elsewhere (a spinner, a
    // tooltip) is the cue to look at hosts seen undefined (in a browser, also their box's change).
    document.body.append(document.createElement('div'));
    await settle();
    expect(changes).toEqual(['found:late']);
  });
});
