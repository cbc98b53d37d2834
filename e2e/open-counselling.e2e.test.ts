import type { AnonymousContactStatistics } from '@familiespor/contracts';
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
import { chip, describeConversation, menu, openDropIn } from './open-counselling-data';

describe.skipIf(!hasChromium)('open anonymous counselling', () => {
  const { newPage } = useBrowser();

  it('the NGO counsellor logs a drop-in conversation — a phone number in the note is refused — and sees it in the statistics', async () => {
    const api = await apiAs('ngo_counsellor');
    const before = await api.request<AnonymousContactStatistics>('GET', '/api/open-counselling/statistics');
    const housingBefore = before.topicsByMonth.rows.find((r) => r.topic === 'housing')?.total;

    const page = await newPage();
    await loginAs(page, 'ngo_counsellor');
    await openDropIn(page);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Åben rådgivning');
    await describeConversation(page, {
      channel: 'Kom forbi',
      who: 'Far',
      age: '1–3 år',
      topics: ['Økonomi', 'Bolig'],
      minutes: 30,
    });
    await chip(page, 'Hvad kom der ud af samtalen?', 'Fik at vide om et tilbud');
    const fathers = await page
      .locator('#contact-offerId option')
      .filter({ hasText: 'Fædregruppe' })
      .getAttribute('value');
    await page.getByLabel('Tilbud, forælderen fik at vide om').selectOption(fathers ?? '');
    const note = 'Far vil gerne ringes op på 22 33 44 55 om fædregruppen.';
    await page.getByLabel('Kort note til statistikken').fill(note);
    await expectAccessible(page, 'Log en samtale');
    await screenshot(page, 'open-counselling-form-da');
    await page.getByRole('button', { name: 'Gem samtalen' }).click();

    // Refused at the field, in Danish, and what was typed is still there to correct.
    const refusal =
      'Teksten ser ud til at indeholde et telefonnummer. Rådgivningen er anonym – skriv ikke CPR-nummer, telefonnummer eller e-mail.';
    await page.locator('#contact-note-error').getByText(refusal).waitFor();
    expect(await page.getByLabel('Kort note til statistikken').inputValue()).toBe(note);
    await expectAccessible(page, 'the refused note');
    await screenshot(page, 'open-counselling-refused-da');
    await page.getByLabel('Kort note til statistikken').fill('Far vil gerne høre mere om fædregruppen.');
    await page.getByRole('button', { name: 'Gem samtalen' }).click();
    await page.getByRole('heading', { name: 'Samtalen er gemt' }).waitFor();
    // The bridge: the sign-up link of the offer, to copy or read out.
    await page.getByRole('heading', { name: /Link til Fædregruppe/ }).waitFor();
    expect(await page.locator('.fs-link-box code').textContent()).toMatch(
      new RegExp(`/portal/tilbud/${fathers}$`),
    );
    // Ready for the next conversation.
    expect(await page.getByLabel('Kort note til statistikken').inputValue()).toBe('');

    const after = await api.request<AnonymousContactStatistics>('GET', '/api/open-counselling/statistics');
    expect(after.topicsByMonth.contactsTotal).toBe((before.topicsByMonth.contactsTotal ?? 0) + 1);
    const housingAfter = after.topicsByMonth.rows.find((r) => r.topic === 'housing')?.total;
    if (housingBefore !== null && housingBefore !== undefined && housingAfter !== null)
      expect(housingAfter).toBe(housingBefore + 1);

    await menu(page).getByRole('link', { name: 'Tal for åben rådgivning' }).click();
    await page.waitForURL((url) => url.pathname === '/statistik/aaben-raadgivning');
    const table = page.getByRole('table', { name: /Samtaler i Mødrehjælpen Demo efter emne og måned/ });
    await table.waitFor();
    const totalRow = table.getByRole('row', { name: /Samtaler i alt/ });
    await expect
      .poll(() => totalRow.locator('td').last().textContent())
      .toBe(new Intl.NumberFormat('da-DK').format(after.topicsByMonth.contactsTotal ?? 0));
    // Small counts are hidden, and the legend says why.
    expect(await table.getByText('<5').count()).toBeGreaterThan(0);
    await page.getByText(/<5 betyder færre end 5 samtaler/).waitFor();
    await expectAccessible(page, 'the statistics');
    await screenshot(page, 'open-counselling-statistics-da');
  });

  it('the public page shows the drop-in without login, in Danish and in Arabic (right to left)', async () => {
    const page = await newPage({ width: 390 });
    await page.goto('/portal/aaben-raadgivning');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Åben anonym rådgivning');
    const dropIn = page.getByRole('article', { name: /Hver onsdag/ });
    await dropIn.waitFor();
    await dropIn.getByText('Kirkegade 3, 9991 Demoby').waitFor();
    await dropIn.getByText('Louise').waitFor();
    expect(await dropIn.getByText('Berg').count()).toBe(0); // given names only
    expect(await page.getByRole('button', { name: 'Log af' }).count()).toBe(0);
    await expectAccessible(page, 'the public open counselling page (da)');
    await screenshot(page, 'open-counselling-public-da');

    await chooseLanguage(page, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('إرشاد مفتوح مجهول الهوية');
    await page.getByRole('article', { name: /كل الأربعاء/ }).waitFor();
    await expectAccessible(page, 'the public open counselling page (ar)');
    await screenshot(page, 'open-counselling-public-ar');
    await chooseLanguage(page, 'da');
  });

  it('a parent finds the page from the portal home', async () => {
    const page = await newPage();
    await loginAs(page, 'father');
    await page.getByRole('link', { name: /Se tider og steder for åben anonym rådgivning/ }).click();
    await page.waitForURL((url) => url.pathname === '/portal/aaben-raadgivning');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Åben anonym rådgivning');
    // Signed in, the parent keeps the portal's menu and "Log af".
    await page.getByRole('button', { name: 'Log af' }).waitFor();
  });
});
