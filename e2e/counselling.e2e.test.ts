import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adult, copenhagenDay, registerPregnancyByApi } from './family-data';
import { apiAs, expectAccessible, hasChromium, loginAs, screenshot, useBrowser } from './fixtures';
import { anonymousStatisticsNow, describeConversation, menu, openDropIn } from './open-counselling-data';

type Figures = { familiesCounselled: number; casesClosed: number; noSpecialSupport: { count: number } };

/** This year's figures of the demo secretariat, as the statistics API gives them now. */
async function figuresNow(): Promise<Figures> {
  const ahmed = await apiAs('family_counsellor');
  return ahmed.request<Figures>('GET', '/api/counselling/statistics');
}

/** The number a statistics card shows (its data-figure), as a plain integer. */
async function figure(page: Page, id: string): Promise<number> {
  const text = (await page.locator(`[data-figure="${id}"]`).textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

describe.skipIf(!hasChromium)('family counselling cases', () => {
  const { newPage } = useBrowser();

  it('the NGO counsellor logs a drop-in conversation; the family counsellor opens a case, scores the goals twice, closes it as "no longer needs special support", and both statistics pages count it', async () => {
    // At Mødrehjælpen's drop-in a mother talks about money, anonymously: no name is logged.
    const anonymousBefore = await anonymousStatisticsNow();
    const ngo = await newPage();
    await loginAs(ngo, 'ngo_counsellor');
    await openDropIn(ngo);
    await describeConversation(ngo, {
      channel: 'Kom forbi',
      who: 'Gravid',
      age: 'Venter barn',
      topics: ['Økonomi'],
      minutes: 45,
    });
    // "Fik råd" is chosen already: the outcome of most conversations.
    expect(await ngo.getByRole('checkbox', { name: 'Fik råd' }).isChecked()).toBe(true);
    await ngo.getByRole('button', { name: 'Gem samtalen' }).click();
    await ngo.getByRole('heading', { name: 'Samtalen er gemt' }).waitFor();
    await menu(ngo).getByRole('link', { name: 'Tal for åben rådgivning' }).click();
    const anonymousTotal = anonymousBefore.topicsByMonth.contactsTotal ?? 0;
    await expect
      .poll(() =>
        ngo
          .getByRole('table', { name: /efter emne og måned/ })
          .getByRole('row', { name: /Samtaler i alt/ })
          .locator('td')
          .last()
          .textContent(),
      )
      .toBe(new Intl.NumberFormat('da-DK').format(anonymousTotal + 1));

    // A family of the test's own: later the mother comes to the secretariat and asks for help
    // there, with her name — nothing connects her to the anonymous conversation.
    const mother = adult('female', 'Leyla');
    await registerPregnancyByApi(await apiAs('midwife'), mother, copenhagenDay(90));
    const before = await figuresNow();

    const page = await newPage();
    await loginAs(page, 'family_counsellor');
    await menu(page).getByRole('link', { name: 'Rådgivningsforløb' }).click();
    await page.waitForURL((url) => url.pathname === '/raadgivning');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Rådgivningsforløb');
    await page.locator('table tbody tr').first().waitFor(); // the demo's open cases
    await expectAccessible(page, 'the counsellor’s cases');
    await screenshot(page, 'counselling-cases-da');

    await page.getByRole('link', { name: 'Åbn forløb for en familie' }).click();
    await page.waitForURL((url) => url.pathname === '/raadgivning/nyt');
    await page.getByLabel('CPR-nummer på den forælder, der beder om hjælp').fill(mother.cpr);
    await page.getByRole('radio', { name: 'Mundtligt' }).check();
    await page
      .getByLabel('Hvad vil familien gerne have hjælp til?')
      .fill('Leyla er alene med graviditeten og vil gerne have hjælp til at få styr på økonomien.');
    await page.getByLabel('Mål 1').fill('Leyla har overblik over sine regninger');
    await page.getByLabel('Mål 2').fill('Leyla har et netværk i boligområdet');
    await expectAccessible(page, 'the form that opens a case');
    await screenshot(page, 'counselling-open-da');
    await page.getByRole('button', { name: 'Åbn forløbet' }).click();
    await page.waitForURL(
      (url) => url.pathname.startsWith('/raadgivning/') && url.pathname !== '/raadgivning/nyt',
    );
    await page.getByText('Forløbet er åbnet.').waitFor();
    await expect
      .poll(() => page.locator('main h1').textContent())
      .toBe(`Rådgivningsforløb: ${mother.givenName} ${mother.familyName}`);

    // Two scorings of both goals, as the counsellor and Leyla look at them together.
    const score = async (first: string, second: string) => {
      await page.getByLabel('Score for »Leyla har overblik over sine regninger«').selectOption(first);
      await page.getByLabel('Score for »Leyla har et netværk i boligområdet«').selectOption(second);
      await page.getByRole('button', { name: 'Gem scoringerne' }).click();
      await page.getByText('Scoringerne er gemt.').waitFor();
    };
    await score('2', '3');
    await expect
      .poll(() => page.locator('[data-goal]').first().textContent())
      .toContain('Scoret én gang: 2 ud af 10');
    await score('6', '5');
    const goal = page.locator('[data-goal]').first();
    await expect.poll(() => goal.textContent()).toContain('Start 2, nu 6 ud af 10');
    expect(await goal.locator('svg title').textContent()).toMatch(/2 den .* og 6 den /);
    expect(await goal.locator('circle').count()).toBe(2);

    // A contact.
    await page.getByRole('radio', { name: 'Hjemmebesøg' }).check();
    await page.getByLabel('Varighed i minutter').fill('75');
    await page.getByRole('checkbox', { name: 'Mor', exact: true }).check();
    await page
      .locator('#contact-note')
      .fill('Vi gennemgik regningerne sammen og lavede en plan for huslejen.');
    await page.getByRole('button', { name: 'Gem kontakten' }).click();
    await page.getByText('Kontakten er gemt.').waitFor();
    await page.getByText('Hjemmebesøg · 75 min.').waitFor();
    await expectAccessible(page, 'a counselling case');
    await screenshot(page, 'counselling-case-da');

    // Closed as "no longer needs special support".
    await page.getByRole('radio', { name: 'Har ikke længere brug for særlig støtte' }).check();
    await page.getByRole('button', { name: 'Afslut forløbet' }).click();
    await page.getByText('Forløbet er afsluttet.', { exact: true }).waitFor();
    await expect
      .poll(() => page.locator('main .font-lead').first().textContent())
      .toContain('Har ikke længere brug for særlig støtte');
    expect(await page.getByRole('button', { name: 'Gem kontakten' }).count()).toBe(0);

    // "Tal for rådgivningen": this year's figures count the family, the closing and its outcome.
    await menu(page).getByRole('link', { name: 'Tal for rådgivningen' }).click();
    await page.waitForURL((url) => url.pathname === '/tal/raadgivning');
    await page.locator('[data-figure="families"]').waitFor();
    expect(await figure(page, 'families')).toBe(before.familiesCounselled + 1);
    expect(await figure(page, 'closed')).toBe(before.casesClosed + 1);
    expect(await figure(page, 'no-special-support')).toBe(before.noSpecialSupport.count + 1);
    await expectAccessible(page, '"Tal for rådgivningen"');
    await screenshot(page, 'counselling-statistics-da');

    // Last year reads like Vollsmose 2017.
    const lastYear = String(Number(copenhagenDay(0).slice(0, 4)) - 1);
    await page.getByLabel('År', { exact: true }).selectOption(lastYear);
    await page.waitForURL((url) => url.searchParams.get('aar') === lastYear);
    await expect.poll(() => figure(page, 'families')).toBe(58);
    expect(await figure(page, 'no-special-support')).toBe(23);
    await screenshot(page, 'counselling-statistics-last-year-da');
  });
});
