/**
 * fast-check arbitraries over the real URLs of the portals (lib/flow/pages.ts DETECTORS examples plus
 * delegated links and customer pages for a few tenants), tab ids, steps, and malformed payloads.
 * Shared by engine.property.test.ts and hub.property.test.ts.
 */
import fc from 'fast-check';
import { WARNING_IDS } from '../../../lib/flow/warnings';
import { SEVERITY_IDS, TRIAGE_CATEGORIES, WORKLOAD_IDS } from '../../../lib/flow/ids';
import type { EngineEventInput } from '../../../lib/engine/state';
import { ITEM_IDS, STEP_IDS } from '../../../lib/flow/ids';
import { DETECTORS, PAGE_KINDS, type PageKind } from '../../../lib/flow/pages';

export const TENANTS = [
  '6f1d8b1e-2c4a-4b8e-9a51-0c7e3d2f9a10',
  'b3e5c2d4-7a91-4f0e-8c6d-2e4f9a1b7c35',
  '0a7c9e21-55d3-4b6f-8e12-9c4d7f3a6b80',
] as const;
export const DOMAINS = ['contoso.onmicrosoft.com', 'fabrikam.onmicrosoft.com', 'northwind.onmicrosoft.com'] as const;
const PC = 'https://partner.microsoft.com';

/** A URL the content script or the browser may report, with the page kind a content script would claim. */
export interface PageSample {
  url: string;
  page: PageKind | null | undefined;
}

const detectorSamples: PageSample[] = DETECTORS.flatMap((d) => d.examples.map((e) => ({ url: e.url, page: d.kind })));
const extraUrls: string[] = [
  ...TENANTS.flatMap((t) => [
    `${PC}/dashboard/v2/customers/${t}/account`,
    `${PC}/dashboard/v2/customers/${t}/servicemanagementpage`,
    `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${t}&CSDEST=Support`,
    `https://admin.microsoft.com/?tenantId=${t}#/homepage`,
    `https://admin.microsoft.com/AdminPortal/Home#/support?tenantId=${t}`,
  ]),
  ...DOMAINS.map((d) => `https://admin.cloud.microsoft/?delegatedOrg=${d}#/homepage`),
  // Longer than any domain the state can hold: must never reach the state.
  `https://admin.microsoft.com/?delegatedOrg=${'a'.repeat(300)}.onmicrosoft.com#/support`,
  'https://admin.microsoft.com/AdminPortal/Home#/support',
  'https://admin.microsoft.com/AdminPortal/Home#/homepage',
  'https://login.microsoftonline.com/common/oauth2/authorize?client_id=x',
  'https://example.com/elsewhere',
  `${PC}/dashboard`,
  `${PC}/dashboard/v2/customers/list`,
];

export const pageSample: fc.Arbitrary<PageSample> = fc.oneof(
  fc.constantFrom(...detectorSamples),
  fc.constantFrom(...detectorSamples).map((s) => ({ url: s.url, page: undefined })),
  fc.constantFrom(...extraUrls).map((url) => ({ url, page: undefined })),
  // A content script claiming any kind for any URL (the engine rejects kinds of another portal).
  fc.record({ url: fc.constantFrom(...extraUrls, ...detectorSamples.map((s) => s.url)), page: fc.constantFrom<PageKind | null>(...PAGE_KINDS, null) }),
);

export const tabId = fc.integer({ min: 1, max: 6 });
export const flowId = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 3 }).map((n) => `flow-${n}`) },
  { weight: 1, arbitrary: fc.integer({ min: 4, max: 30 }).map((n) => `flow-${n}`) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'flow-0') },
);
export const stepId = fc.constantFrom(...STEP_IDS);
export const customer = fc.record(
  { tenantId: fc.constantFrom(...TENANTS), name: fc.constantFrom('Contoso Ltd', 'Fabrikam, Inc.', '  Northwind  '), domain: fc.constantFrom(...DOMAINS) },
  { requiredKeys: [] },
);
export const delegatedHref = fc.oneof(
  fc.constantFrom(...TENANTS).map((t) => `https://portal.office.com/Partner/BeginClientSession.aspx?CTID=${t}&CSDEST=o365admincenter`),
  fc.constantFrom(...DOMAINS).map((d) => `https://admin.microsoft.com/?delegatedOrg=${d}`),
  fc.constant(`https://admin.microsoft.com/?delegatedOrg=${'b'.repeat(300)}.onmicrosoft.com`),
);
const time = fc.integer({ min: 0, max: 2_000_000_000_000 });

/** Valid engine events (by the schema), weighted towards page arrivals and clicks. */
export const validEvent: fc.Arbitrary<EngineEventInput> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ tabId, sample: pageSample, at: time, customerName: fc.option(fc.constantFrom('Contoso Ltd', 'Fabrikam, Inc.'), { nil: undefined }) })
    .map(({ tabId, sample, at, customerName }) => ({ type: 'page-seen', tabId, url: sample.url, ...(sample.page === undefined ? {} : { page: sample.page }), ...(customerName ? { customerName } : {}), at }) as EngineEventInput) },
  { weight: 2, arbitrary: fc.record({ tabId, openerTabId: tabId, at: time }).map((e) => ({ type: 'tab-opened', ...e }) as EngineEventInput) },
  // What the browser reports of a tab's own navigation: any sample URL, as a new navigation or not.
  { weight: 4, arbitrary: fc.record({ tabId, sample: pageSample, request: fc.option(fc.constantFrom('1', '2', '3'), { nil: undefined }), at: time })
    .map(({ tabId, sample, request, at }) => ({ type: 'navigation-seen', tabId, url: sample.url, ...(request ? { request } : {}), at }) as EngineEventInput) },
  // The browser's open tabs after a restart: some of the known ones and new ones, with openers and URLs.
  { weight: 1, arbitrary: fc.record({
    tabs: fc.uniqueArray(fc.record({ tabId, openerTabId: fc.option(tabId, { nil: undefined }), url: fc.option(pageSample.map((p) => p.url), { nil: undefined }) }), { selector: (t) => t.tabId, maxLength: 6 }),
    at: time,
  }).map(({ tabs, at }) => ({ type: 'tabs-listed', tabs: tabs.map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined))), at }) as EngineEventInput) },
  { weight: 1, arbitrary: fc.record({ tabId, at: time }).map((e) => ({ type: 'tab-closed', ...e }) as EngineEventInput) },
  { weight: 1, arbitrary: fc.record({ tabId, at: time }).map((e) => ({ type: 'tab-activated', ...e }) as EngineEventInput) },
  { weight: 5, arbitrary: fc.record({ tabId, step: stepId, clickIndex: fc.integer({ min: 0, max: 5 }), last: fc.boolean(), customer: fc.option(customer, { nil: undefined }), href: fc.option(delegatedHref, { nil: undefined }), at: time })
    .map((e) => ({ type: 'target-clicked', ...Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) }) as EngineEventInput) },
  { weight: 2, arbitrary: fc.record({ flowId, item: fc.constantFrom(...ITEM_IDS), done: fc.boolean(), at: time }).map((e) => ({ type: 'item-ticked', ...e }) as EngineEventInput) },
  { weight: 1, arbitrary: fc.record({ flowId, category: fc.constantFrom(...TRIAGE_CATEGORIES, 'in-house' as const), at: time }).map((e) => ({ type: 'triage-picked', ...e }) as EngineEventInput) },
  { weight: 1, arbitrary: fc.record({ flowId, at: time }).map((e) => ({ type: 'start-over', ...e }) as EngineEventInput) },
  { weight: 1, arbitrary: fc.record({ tabId, warning: fc.constantFrom(...WARNING_IDS), at: time }).map((e) => ({ type: 'warning-dismissed', ...e }) as EngineEventInput) },
  { weight: 1, arbitrary: fc.record({ flowId, minimized: fc.boolean(), at: time }).map((e) => ({ type: 'overlay-minimized', ...e }) as EngineEventInput) },
  { weight: 3, arbitrary: fc.record({ tabId, warning: fc.constantFrom(...WARNING_IDS), at: time }).map((e) => ({ type: 'warning-continued', ...e }) as EngineEventInput) },
  { weight: 1, arbitrary: fc.record({ tabId, step: stepId, missing: fc.boolean(), at: time }).map((e) => ({ type: 'target-missing', ...e }) as EngineEventInput) },
  { weight: 1, arbitrary: fc.record({ flowId, at: time, workload: fc.constantFrom(...WORKLOAD_IDS), severity: fc.constantFrom(...SEVERITY_IDS) })
    .map(({ flowId, at, workload, severity }) => ({ type: 'case-saved', flowId, at, case: {
      form: { category: 'bug', workload, severity, symptoms: 'Mail flow stops for all users', impact: 'No mail', started: '2026-12-01T09:00', tried: '' },
      text: `Case <b>${severity}</b>`,
    } }) as EngineEventInput) },
  { weight: 1, arbitrary: fc.record({ n: fc.integer({ min: 1, max: 3 }), created: fc.constantFrom(0, 1, 2), caseNumber: fc.option(fc.constantFrom('2612030040001234', '<img src=x onerror=alert(1)>', '  42  '), { nil: null }), at: time })
    .map(({ n, created, caseNumber, at }) => ({ type: 'case-number-set', escalationId: `flow-${n}-${created}`, caseNumber, at }) as EngineEventInput) },
);

/** Values that must never pass where a well-typed field is expected. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, -1, -0.5, 1.5, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, '', ' ', null, true, [], {}, '__proto__', 'constructor'),
  fc.constant('x'.repeat(10_000)),
  fc.constant(`https://partner.microsoft.com/${'y'.repeat(5000)}`),
  fc.string({ maxLength: 20 }),
  fc.object({ maxDepth: 1 }),
);

/**
 * Malformed payloads built from a valid one: a field given a wrong value, an unknown kind, an extra
 * key (including `__proto__` and `constructor` as own keys, as JSON.parse makes them), a missing field,
 * or anything at all. Some of these happen to be valid still (an optional field given a good value):
 * tests tell them apart with the schema itself.
 */
export function malformed(valid: fc.Arbitrary<Record<string, unknown>>, tagKey: 'type' | 'kind'): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.record({ v: valid, bad: badValue, pick: fc.nat() }).map(({ v, bad, pick }) => {
      const keys = Object.keys(v);
      const key = keys[pick % keys.length]!;
      return { ...v, [key]: bad };
    }),
    fc.record({ v: valid, tag: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('teleport', 'view', 'PAGE', 'page ', '__proto__', 'constructor')) })
      .filter(({ tag }) => !KNOWN_TAGS.has(tag))
      .map(({ v, tag }) => ({ ...v, [tagKey]: tag })),
    fc.record({ v: valid, key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'tabId', 'flowId'), value: badValue })
      .filter(({ v, key }) => !(key in v))
      .map(({ v, key, value }) => JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value ?? null) ?? 'null'}, ${JSON.stringify(v).slice(1)}`) as unknown),
    fc.record({ v: valid, pick: fc.nat() }).map(({ v, pick }) => {
      const keys = Object.keys(v).filter((k) => k !== tagKey && k !== 'customerName' && k !== 'customer' && k !== 'href' && k !== 'page' && k !== 'tenantId');
      if (keys.length === 0) return 42;
      const copy: Record<string, unknown> = { ...v };
      delete copy[keys[pick % keys.length]!];
      return copy;
    }),
    fc.anything({ maxDepth: 2 }),
    fc.constantFrom(undefined, null, 0, 'page', [], [{ kind: 'page' }], JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  );
}

const KNOWN_TAGS = new Set<string>([
  'page-seen', 'tab-opened', 'navigation-seen', 'tabs-listed', 'tab-closed', 'tab-activated', 'target-clicked', 'item-ticked', 'triage-picked', 'start-over',
  'warning-dismissed', 'overlay-minimized', 'page', 'clicked', 'minimize', 'dismiss-warning', 'get-view', 'open-partner-center', 'tick',
  'triage', 'reset-all', 'warning-continued', 'target-missing', 'case-saved', 'case-number-set', 'continue-warning', 'case-number',
  'open-admin-relationships',
]);

/** Own property names of Object.prototype, to detect pollution. */
export const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
export const prototypeIntact = () =>
  Object.getOwnPropertyNames(Object.prototype).sort().join(',') === PROTOTYPE_KEYS
  && (({}) as Record<string, unknown>).polluted === undefined
  && (({}) as Record<string, unknown>).items === undefined
  && (({}) as Record<string, unknown>).triage === undefined
  && (({}) as Record<string, unknown>).overlayMinimized === undefined;
