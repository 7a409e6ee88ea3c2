import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLOW } from '../../../lib/flow/flow';
import { PREPARATION_IDS, STEP_IDS } from '../../../lib/flow/ids';
import { FlowSchema } from '../../../lib/flow/schema';
import { LABELS, PAGE_LANGS, normalizeLabel } from '../../../lib/flow/labels';
import { DETECTORS } from '../../../lib/flow/pages';

const SPEC_STEPS = ['sign-in', 'customers', 'select-customer', 'service-management', 'service-requests', 'new-request', 'office-365', 'portal-sign-in', 'support', 'new-service-request', 'support-topic'];

describe('the flow data', () => {
  it('is valid against its schema', () => {
    const r = FlowSchema.safeParse(FLOW);
    expect(r.success ? 'valid' : r.error.message).toBe('valid');
  });

  it("has SPEC.md's ids in SPEC.md's order", () => {
    expect(FLOW.steps.map((s) => s.id)).toEqual(SPEC_STEPS);
    expect([...STEP_IDS]).toEqual(SPEC_STEPS);
    expect(FLOW.preparation.map((p) => p.id)).toEqual(['check-service-health', 'triage', 'admin-relationship']);
    expect([...PREPARATION_IDS]).toEqual(['check-service-health', 'triage', 'admin-relationship']);
  });

  for (const step of FLOW.steps) {
    describe(step.id, () => {
      const clicks = step.variants.flatMap((v) => v.clicks);
      it('can be completed', () => {
        expect(step.completion.pages.length > 0 || step.completion.click || step.completion.delegatedLink).toBe(true);
      });
      it('has page detectors, with example URLs, for the pages it happens on and completes on', () => {
        const pages = [...step.variants.flatMap((v) => v.pages ?? []), ...step.completion.pages];
        for (const page of pages) {
          const d = DETECTORS.find((x) => x.kind === page);
          expect(d, `no detector for ${page}`).toBeDefined();
          expect(d!.examples.length).toBeGreaterThan(0);
        }
      });
      it('names its click in all seven languages', () => {
        for (const labelId of [step.label, ...clicks.map((c) => c.label)]) {
          for (const lang of PAGE_LANGS) {
            const spellings = LABELS[labelId][lang];
            expect(spellings.length, `${labelId} in ${lang}`).toBeGreaterThan(0);
            for (const s of spellings) expect(normalizeLabel(s).length, `${labelId} in ${lang}`).toBeGreaterThan(0);
          }
        }
      });
      it('prefers a locale-independent hook or falls back to labels of all languages', () => {
        for (const c of clicks) {
          expect(c.locators.length).toBeGreaterThan(0);
          for (const l of c.locators) {
            if (l.by === 'href') expect(() => new RegExp(l.pattern, 'i')).not.toThrow();
            if (l.by === 'css') expect(l.selector).not.toMatch(/[^\x20-\x7e]/); // no page text in selectors
          }
        }
      });
      it('has test URLs on the portals', () => {
        expect(step.testUrls.length).toBeGreaterThan(0);
      });
      it('has its why and where texts in English and Korean', () => {
        for (const lang of ['en', 'ko']) {
          const yml = readFileSync(new URL(`../../../assets/locales/${lang}.yml`, import.meta.url), 'utf8');
          for (const key of [step.why, step.where]) {
            const [group, name] = key.split('.');
            expect(yml, `${lang}.yml needs ${key}`).toMatch(new RegExp(`^${group}:[\\s\\S]*?^  ${name}: .+`, 'm'));
          }
        }
      });
    });
  }

  it('every click step other than sign-ins has at least one variant', () => {
    expect(FLOW.steps.filter((s) => s.variants.length === 0).map((s) => s.id)).toEqual(['sign-in', 'portal-sign-in']);
  });
});
