import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiAs,
  chooseLanguage,
  expectAccessible,
  hasChromium,
  loginAs,
  screenshot,
  useBrowser,
} from './fixtures';

/** The demo's unanswered link for the last held session of "Hold Efterår" (seed part 0008_surveys). */
const demoToken = 'DEMA-SURV-EYHV-SESS-ION2';
const slow = { timeout: 20_000 };
const main = (page: Page) => page.getByRole('main');

type Session = { id: string; status: string; startsAt: string; cohort: { id: string; name: string } | null };

describe.skipIf(!hasChromium)('satisfaction surveys', () => {
  const { newPage } = useBrowser();

  it('the health visitor sends the survey after a held session', async () => {
    const hv = await apiAs('health_visitor');
    const sessions = await hv.request<Session[]>('GET', '/api/sessions');
    const held = sessions
      .filter((s) => s.cohort?.name === 'Hold Efterår' && s.status === 'held')
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    // Not the last one: the demo has sent that already.
    const session = held[0];
    expect(session).toBeDefined();
    const page = await newPage();
    await loginAs(page, 'health_visitor');
    await page.goto(`/hold/${session?.cohort?.id}/gang/${session?.id}`);
    await main(page).getByRole('button', { name: 'Send spørgeskema' }).click();
    await expect
      .poll(() => main(page).getByRole('status').first().textContent(), slow)
      .toMatch(/Spørgeskemaet er sendt til \d+ forældre/);
    await screenshot(page, 'survey-send-da');
    // Again: nobody is asked twice.
    await main(page).getByRole('button', { name: 'Send spørgeskema' }).click();
    await expect
      .poll(() => main(page).getByRole('status').first().textContent(), slow)
      .toContain('Alle forældre har allerede fået spørgeskemaet.');
  });

  it('a parent answers a session survey in Arabic, once', async () => {
    const page = await newPage();
    await page.goto(`/portal/spoergeskema/${demoToken}`);
    await chooseLanguage(page, 'ar');
    await expect.poll(() => page.locator('h1').textContent(), slow).toBe('كيف كانت التجربة؟');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => main(page).textContent(), slow).toContain('بعد جلسة الدورة');

    // Sending with nothing chosen names the three statements.
    await main(page).getByRole('button', { name: 'أرسل الإجابة' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), slow)
      .toContain('أستطيع أن أتصرف فيما جئت من أجله');

    const statements = ['أستطيع أن أتصرف فيما جئت من أجله', 'شعرت بأنه تم الاستماع إليّ', 'أنا راضٍ'];
    for (const [i, s] of statements.entries()) {
      await main(page)
        .getByRole('group', { name: s })
        .getByRole('radio', { name: i === 1 ? '4' : '5 – أوافق تمامًا', exact: true })
        .check();
    }
    await main(page).getByLabel('هل هناك شيء آخر تود أن تخبرنا به؟').fill('شكرًا، كانت الجلسة مفيدة جدًا');
    await expectAccessible(page, 'survey answer (ar)');
    await screenshot(page, 'survey-answer-ar');
    await main(page).getByRole('button', { name: 'أرسل الإجابة' }).click();
    await expect.poll(() => main(page).getByRole('status').textContent(), slow).toContain('شكرًا على إجابتك');
    await screenshot(page, 'survey-thanks-ar');

    // The link answers once.
    await page.reload();
    await expect.poll(() => main(page).textContent(), slow).toContain('تمت الإجابة على هذا الاستبيان من قبل');
  });

  it('the NGO counsellor hands over an anonymous code after open counselling; it opens the survey', async () => {
    const page = await newPage();
    await loginAs(page, 'ngo_counsellor');
    await page.goto('/aaben-raadgivning');
    await main(page).getByRole('button', { name: 'Giv et anonymt spørgeskema' }).click();
    const code = main(page).locator('strong[dir="ltr"]');
    await expect.poll(() => code.textContent(), slow).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){4}$/);
    await screenshot(page, 'survey-anonymous-code-da');
    const parent = await newPage();
    // Typed by hand on the code page: case and dashes do not matter.
    await parent.goto('/portal/spoergeskema');
    await main(parent)
      .getByLabel('Kode', { exact: true })
      .fill((await code.textContent())?.toLowerCase() ?? '');
    await main(parent).getByRole('button', { name: 'Svar' }).click();
    await expect.poll(() => main(parent).textContent(), slow).toContain('Efter åben rådgivning');
  });

  it('the programme lead reads the results, "<5" where few answered', async () => {
    const page = await newPage();
    await loginAs(page, 'programme_lead');
    await page.goto('/tal/tilfredshed');
    await expect.poll(() => page.locator('h1').textContent(), slow).toBe('Forældrenes tilfredshed');
    await expect.poll(() => main(page).locator('table').count(), slow).toBeGreaterThan(1);
    await expect.poll(() => main(page).textContent(), slow).toContain('Gennemsnit');
    // Sessions with fewer than five answers show "<5" and no figures (the demo has several).
    expect(await main(page).locator('caption', { hasText: 'Svar: <5' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'survey results (da)');
    await screenshot(page, 'survey-results-da');
  });
});
