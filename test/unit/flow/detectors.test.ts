import { describe, expect, it } from 'vitest';
import { BLANK_PAGE, DETECTORS, detectPage, type PageExample, type PageProbe } from '../../../lib/flow/pages';

const probeOf = (ex: PageExample): PageProbe => ({ hasHeading: (label) => ex.headings?.includes(label) ?? false });
const all = DETECTORS.flatMap((d) => d.examples.map((ex) => ({ owner: d.kind, ex })));

describe('page detector matrix', () => {
  for (const detector of DETECTORS) {
    describe(detector.kind, () => {
      it('has real URL examples', () => expect(detector.examples.length).toBeGreaterThanOrEqual(2));
      for (const ex of detector.examples) {
        it(`matches its own ${ex.url}`, () => {
          expect(detector.detect(new URL(ex.url), probeOf(ex)), `${detector.kind} must match its example ${ex.url}`).toBe(true);
          expect(detectPage(ex.url, probeOf(ex))).toBe(detector.kind);
        });
      }
      it("rejects every other detector's examples", () => {
        const wrongly = all.filter(({ owner, ex }) => owner !== detector.kind && detector.detect(new URL(ex.url), probeOf(ex)));
        expect(wrongly.map(({ owner, ex }) => `${owner}: ${ex.url}`), `${detector.kind} must not claim these; tighten it`).toEqual([]);
      });
    });
  }

  it('reads the document only where the URL cannot tell', () => {
    expect(DETECTORS.filter((d) => d.readsDocument).map((d) => d.kind).sort()).toEqual(['pc-customer', 'pc-service-requests']);
  });

  it('knows no page outside the portals, and no malformed URL', () => {
    for (const url of ['https://example.com/dashboard', 'https://partner.microsoft.com.evil.test/dashboard', 'not a url', 'https://admin.microsoft.com/AdminPortal/Home#/users', 'https://partner.microsoft.com/en-us/membership']) {
      expect(detectPage(url), url).toBeUndefined();
    }
  });

  it('never takes Partner Center’s own Help + support (the wrong door) for a customer’s service requests, whatever it is headed', () => {
    const any: PageProbe = { hasHeading: () => true };
    for (const url of ['https://partner.microsoft.com/dashboard/v2/support/servicerequests', 'https://partner.microsoft.com/en-US/dashboard/v2/support/servicerequests/create?stage=2&topicid=x']) {
      expect(detectPage(url, any), url).toBe('pc-own-support'); // a kind of its own: the wrong-door warning's page
    }
    // Support → Customer requests is a door of its own, headed as it may be.
    expect(detectPage('https://partner.microsoft.com/dashboard/v2/support/customers', any)).toBe('pc-customer-requests');
  });

  it('knows Partner Center’s locale prefixes in both cases (/en-us/, /en-US/)', () => {
    for (const prefix of ['/en-us', '/en-US', '/ZH-hans']) {
      expect(detectPage(`https://partner.microsoft.com${prefix}/dashboard/v2/customers/list`), prefix).toBe('pc-customers-list');
    }
  });

  it('tells the service requests view from a customer page by its heading', () => {
    const url = 'https://partner.microsoft.com/dashboard/v2/customers/6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10/servicerequests';
    expect(detectPage(url, BLANK_PAGE)).toBe('pc-customer');
    expect(detectPage(url, { hasHeading: (l) => l === 'serviceRequests' })).toBe('pc-service-requests');
  });
});
