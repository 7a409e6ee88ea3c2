// The guided walk, end to end in Chromium: from the Partner Center dashboard to a chosen support
// topic, clicking only what the guide rings (ARCHITECTURE.md, the testing contract). At every click
// step the ring covers the target within 6 px, exactly one element is marked, and the card names
// the click as the page labels it. English with the 2019 admin center, Korean with the 2019 admin
// center, English with the 2021+ admin center (Help & support on admin.cloud.microsoft).
import { describe, it, expect, afterEach } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchExtension, screenshot, expectRingCovers, overlay, type LaunchedExtension } from './harness';
import { signIn } from './walk.mjs';
import { labelFor, type LabelId, type PageLang } from '../../lib/flow/labels';

const LOGIN_HOSTS = ['login.microsoftonline.com', 'login.microsoftonline.us'];
/** What to click inside a ringed element that is not itself a control (the customer grid, the topic group). */
const INSIDE: Record<string, string> = {
  'select-customer': 'customersvcadmin_he-button',
  'support-topic': 'input[type="radio"], select',
};

interface Expected {
  step: string;
  /** The page label the card must show (the click as the page names it). */
  label: LabelId;
  /** Where the page shows another spelling of the label than the first one. */
  text?: string;
}

const PC_STEPS: Expected[] = [
  { step: 'customers', label: 'customers' },
  { step: 'select-customer', label: 'customerList' },
  { step: 'service-management', label: 'serviceManagement' },
  { step: 'service-requests', label: 'serviceRequests' },
  { step: 'new-request', label: 'newRequest' },
  { step: 'office-365', label: 'office365' },
];
// The request forms call the topic otherwise (test/replica/README.md): the card names it as the page does.
const ADMIN_2019: Expected[] = [
  { step: 'support', label: 'support' },
  { step: 'new-service-request', label: 'newServiceRequest' },
  { step: 'support-topic', label: 'supportTopic', text: 'Select the area your problem is in' },
];
const ADMIN_2019_KO: Expected[] = ADMIN_2019.map((e) => (e.step === 'support-topic' ? { ...e, text: '문제가 있는 영역을 선택하세요' } : e));
const ADMIN_2021: Expected[] = [
  { step: 'support', label: 'helpAndSupport' },
  { step: 'new-service-request', label: 'contactSupport' },
  { step: 'new-service-request', label: 'newMicrosoftServiceRequest' },
  { step: 'support-topic', label: 'supportTopic', text: 'Problem type' },
];

const isLogin = (p: Page) => LOGIN_HOSTS.includes(new URL(p.url()).hostname);

/** The element the guide marks now (one only), after `previous` lost its mark. */
async function nextMarked(page: Page, step: string, previous: string | null): Promise<Locator> {
  const marked = page.locator('[data-escalation-guide-target]');
  await expect
    .poll(async () => {
      const n = await marked.count();
      if (n !== 1) return `${n} marked`;
      const h = await marked.first().elementHandle();
      const id = await h?.getAttribute('data-escalation-guide-target');
      const same = previous ? await marked.first().evaluate((el, prev) => (el as unknown as { __egClicked?: string }).__egClicked === prev, previous) : false;
      return same ? 'still the previous target' : id;
    }, { timeout: 10_000, message: `the guide marks the target of "${step}" (and only it)` })
    .toBe(step);
  return marked.first();
}

async function walk(
  ext: LaunchedExtension,
  start: string,
  expected: Expected[],
  opts: { lang: PageLang; shots: string; uiText: RegExp },
): Promise<Page> {
  const context: BrowserContext = ext.context;
  let page = await context.newPage();
  await page.goto(start);
  let previous: string | null = null;
  let n = 0;
  for (const [i, exp] of expected.entries()) {
    if (isLogin(page)) await signIn(page);
    const target = await nextMarked(page, exp.step, previous);
    await expect.poll(() => overlay(page).highlight.isVisible(), { message: 'the ring is drawn' }).toBe(true);
    const { target: box, ring } = await expectRingCovers(page, exp.step);
    expect(box.width).toBeGreaterThan(0);
    expect(ring.width).toBeGreaterThan(box.width);
    // The card names the click as the page labels it, in the UI language around it.
    const card = overlay(page).nextStep;
    await expect.poll(() => card.isVisible()).toBe(true);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(exp.text ?? labelFor(exp.label, opts.lang));
    expect(text).toMatch(opts.uiText);
    await expect(overlay(page).fallback.isVisible()).resolves.toBe(false);
    // The card never covers the target.
    const cardBox = (await card.boundingBox())!;
    const overlapX = Math.min(cardBox.x + cardBox.width, box.x + box.width) - Math.max(cardBox.x, box.x);
    const overlapY = Math.min(cardBox.y + cardBox.height, box.y + box.height) - Math.max(cardBox.y, box.y);
    expect(overlapX <= 0 || overlapY <= 0, `card ${JSON.stringify(cardBox)} covers target ${JSON.stringify(box)}`).toBe(true);
    n++;
    await screenshot(page, `${opts.shots}-${String(n).padStart(2, '0')}-${exp.step}${i > 0 && expected[i - 1]!.step === exp.step ? '-2' : ''}`);

    const inside = INSIDE[exp.step];
    // A ringed control is itself what is clicked (a <select> topic); a ringed group, a control in it.
    const isControl = await target.evaluate((el) => el.matches('select, input, button'));
    const control = inside && !isControl ? target.locator(inside).first() : target;
    await target.evaluate((el, s) => ((el as unknown as { __egClicked?: string }).__egClicked = s), exp.step);
    previous = exp.step;
    const popup = context.waitForEvent('page', { timeout: 3_000 }).catch(() => null);
    if (await control.evaluate((el) => el instanceof HTMLSelectElement)) {
      // As an agent chooses: a trusted key press (selectOption's script events are untrusted, and
      // the guide rightly counts none of a page script's events).
      const select = (await control.elementHandle())!;
      await select.focus();
      await page.keyboard.press('ArrowDown');
      expect(await select.evaluate((el) => (el as HTMLSelectElement).value)).not.toBe('');
    } else await control.click();
    if (exp.step === 'office-365') {
      const opened = await popup;
      expect(opened, 'Microsoft Office 365 opens the admin center in a new tab').not.toBeNull();
      page = opened!;
      previous = null;
      await page.waitForURL((u) => u.protocol === 'https:', { waitUntil: 'commit' });
    }
  }
  // The flow is complete: nothing is ringed any more.
  await expect.poll(() => page.locator('[data-escalation-guide-target]').count(), { timeout: 5_000 }).toBe(0);
  await expect.poll(() => overlay(page).highlight.isVisible()).toBe(false);
  await screenshot(page, `${opts.shots}-${String(n + 1).padStart(2, '0')}-done`);
  return page;
}

describe('guided walk through the replicas', () => {
  let ext: LaunchedExtension | undefined;
  afterEach(async () => {
    await ext?.close();
    ext = undefined;
  });

  it('English, 2019 admin center: dashboard → … → Support → New service request → topic', async () => {
    ext = await launchExtension({ locale: 'en-US' });
    const page = await walk(ext, 'https://partner.microsoft.com/dashboard', [...PC_STEPS, ...ADMIN_2019], {
      lang: 'en', shots: 'walk-en-2019', uiText: /Step \d+ of 11/,
    });
    expect(new URL(page.url()).hostname).toBe('admin.microsoft.com');
    // No warning: the flow started at the dashboard and the admin center opened for the customer.
    expect(await page.locator('[role="alert"][data-warning]').count()).toBe(0);
  });

  it('Korean, 2019 admin center: labels and card in Korean', async () => {
    // Chromium on Linux takes its UI language (and chrome.i18n's) from LANGUAGE, not from --lang.
    const saved = process.env.LANGUAGE;
    process.env.LANGUAGE = 'ko';
    try {
      ext = await launchExtension({ locale: 'ko-KR' });
    } finally {
      if (saved === undefined) delete process.env.LANGUAGE;
      else process.env.LANGUAGE = saved;
    }
    const page = await walk(ext, 'https://partner.microsoft.com/ko-kr/dashboard', [...PC_STEPS, ...ADMIN_2019_KO], {
      lang: 'ko', shots: 'walk-ko-2019', uiText: /11단계 중 \d+단계/,
    });
    expect(await page.locator('[role="alert"][data-warning]').count()).toBe(0);
  });

  it('English, 2021+ admin center: Help & support → Contact Support → New Microsoft service request on admin.cloud.microsoft', async () => {
    ext = await launchExtension({ locale: 'en-US' });
    const pc21: Expected[] = PC_STEPS.map((e) =>
      e.step === 'office-365' ? { ...e, text: 'Office 365, Dynamics 365, Enterprise Mobility Suite' } : e);
    const page = await walk(ext, 'https://partner.microsoft.com/dashboard?replica-ui=2021', [...pc21, ...ADMIN_2021], {
      lang: 'en', shots: 'walk-en-2021', uiText: /Step \d+ of 11/,
    });
    expect(new URL(page.url()).hostname).toBe('admin.cloud.microsoft');
    expect(await page.locator('[role="alert"][data-warning]').count()).toBe(0);
  });
});
