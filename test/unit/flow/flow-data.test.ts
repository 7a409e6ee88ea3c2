import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLOW } from '../../../lib/flow/flow';
import { PREPARATION_IDS, STEP_IDS } from '../../../lib/flow/ids';
import { FlowSchema } from '../../../lib/flow/schema';
import { LABELS, PAGE_LANGS, normalizeLabel } from '../../../lib/flow/labels';
import { DETECTORS, portalOfPage } from '../../../lib/flow/pages';

const SPEC_STEPS = ['sign-in', 'customers', 'select-customer', 'service-management', 'service-requests', 'new-request', 'office-365', 'portal-sign-in', 'support', 'new-service-request', 'support-topic'];

describe('the flow data', () => {
  it('is valid against its schema', () => {
    const r = FlowSchema.safeParse(FLOW);
    expect(r.success ? 'valid' : r.error.message).toBe('valid');
  });

  it("has the product contract's step ids, in its order", () => {
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
      it('names its click, and every label its locators rank or look for, in all seven languages', () => {
        const locatorLabels = clicks.flatMap((c) => c.locators.flatMap((l) => {
          if (l.by === 'label') return [l.label];
          if (l.by === 'in-view') return [l.heading, ...(l.prefer ? [l.prefer] : [])];
          if (l.by === 'form-choice' || l.by === 'delegated-link') return l.prefer ? [l.prefer] : [];
          return [];
        }));
        for (const labelId of [step.label, ...clicks.map((c) => c.label), ...locatorLabels]) {
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
      it('leads its href locators only to the portal its variant happens on', () => {
        for (const v of step.variants) {
          const portals = new Set([...(v.portal ? [v.portal] : []), ...(v.pages ?? []).map(portalOfPage)]);
          for (const l of v.clicks.flatMap((c) => c.locators)) {
            if (l.by === 'href') expect([...portals], `${step.id} ${v.id}: ${l.pattern}`).toEqual([l.portal]);
          }
        }
      });
      it('finds its targets by what they are before their labels: a label locator never comes first where a hook exists', () => {
        for (const c of clicks) {
          const firstLabel = c.locators.findIndex((l) => l.by === 'label');
          const hooks = c.locators.filter((l) => l.by !== 'label');
          // Either labels only (no structural hook is known for this click), or every hook before them.
          if (hooks.length) expect(firstLabel === -1 || c.locators.slice(firstLabel).every((l) => l.by === 'label'), `${step.id} ${c.label}`).toBe(true);
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

describe('the flow data holds what the portals do today (the portal facts in test/replica/README.md)', () => {
  const step = (id: string) => FLOW.steps.find((s) => s.id === id)!;
  it('finds the request form’s topic by its place in the form, Support → Customer requests as a door, the CSP Administer item', () => {
    expect(step('support-topic').variants[0]!.clicks[0]!.locators[0]).toMatchObject({ by: 'form-choice' });
    expect(step('new-request').variants.some((v) => v.pages?.includes('pc-customer-requests'))).toBe(true);
    expect(step('office-365').variants.some((v) => v.pages?.includes('pc-customer-requests'))).toBe(true);
    expect(LABELS.administerInCsp.en).toContain('Administer');
    expect(LABELS.administerInCsp.ja).toContain('Administer');
    expect(LABELS.administerInCsp.de).toContain('Verwalten');
  });
  it('has today’s Help & support, Contact Support and New Microsoft service request labels', () => {
    expect(LABELS.helpAndSupport.fr).toContain('Aide & support technique');
    expect(LABELS.helpAndSupport.es).toContain('Ayuda y soporte técnico');
    expect(LABELS.helpAndSupport.de).toContain('Hilfe und Support');
    expect(LABELS.helpAndSupport.ko).toContain('도움말 및 지원');
    expect(LABELS.contactSupport.fr).toContain('Contacter le support technique');
    expect(LABELS.contactSupport.es).toContain('Ponerse en contacto con el soporte técnico');
    expect(LABELS.contactSupport.de).toContain('Support kontaktieren');
    expect(LABELS.newMicrosoftServiceRequest.fr).toContain('Nouvelle demande de service Microsoft');
    expect(LABELS.newMicrosoftServiceRequest.es).toContain('Nueva solicitud de servicio de Microsoft');
  });
  it('offers the way back where the 2026 pane may lack the partner’s request, and never names phone, email or Contact me', () => {
    const second = step('new-service-request').variants.find((v) => v.clicks.length === 2)!.clicks[1]!;
    expect(second).toMatchObject({ label: 'newMicrosoftServiceRequest', wayBack: true, where: expect.any(String) });
    const spellings = FLOW.steps.flatMap((s) => s.variants.flatMap((v) => v.clicks.flatMap((c) => c.locators)))
      .flatMap((l) => (l.by === 'label' ? PAGE_LANGS.flatMap((lang) => LABELS[l.label][lang]) : []))
      .map(normalizeLabel);
    for (const wrong of ['contact me', 'phone', 'email', 'e-mail']) expect(spellings).not.toContain(wrong);
  });
});
