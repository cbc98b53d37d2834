import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { copenhagenDay } from './family-data';
import {
  chooseLanguage,
  expectAccessible,
  focused,
  hasChromium,
  loginAs,
  screenshot,
  useBrowser,
} from './fixtures';
import { registerFamilyWithNewborn } from './health-family';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const familyUrl = (url: URL) => /^\/familier\/[0-9a-f-]{36}$/.test(url.pathname);
const dayHeading = (date: string) =>
  new Intl.DateTimeFormat('da-DK', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(date));

/**
 * A family of its own in Sundhedsplejen Nord (Mette Sørensen's district), so no other browser
 * test touches it: the midwife registers the pregnancy, the health visitor the birth 65 days ago,
 * which plans the child's visits — the 2-month visit's window is open now and for about four
 * more weeks.
 */
async function familyWithTwoMonthVisitOpen() {
  const { id, surname, mother, father } = await registerFamilyWithNewborn({
    parents: { mother: 'Nadia', father: 'Jonas' },
    street: 'Mosevej 3',
    child: { givenName: 'Oskar', sex: 'male' },
    birthTime: '10:15',
    dischargeTime: '20:00',
    birthplace: 'Fødeafdelingen, Demo Hospital',
  });
  return {
    id,
    // The lists and the family page's heading join the parents' names alike.
    names: `${mother.givenName} ${surname} og ${father.givenName} ${surname}`,
  };
}

describe.skipIf(!hasChromium)('health visiting: booking a visit and "Ugens besøg" on I dag', () => {
  const { newPage } = useBrowser();

  it('the health visitor books the 2-month visit from the family page, sees it in her week, moves it and calls it off', async () => {
    const family = await familyWithTwoMonthVisitOpen();
    const hv = await newPage();
    await loginAs(hv, 'health_visitor');
    await hv.goto(`/familier/${family.id}`);
    await expect.poll(() => hv.locator('h1').textContent(), { timeout: 30_000 }).toBe(family.names);
    const row = hv.locator('tr').filter({ hasText: 'Besøg ved 2 måneder' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.locator('.badge').textContent()).toBe('Skal ske nu');

    // "Aftal tid": the form opens with focus on its heading, at home, 10:00, on a weekday inside the window.
    await row.getByRole('button', { name: 'Aftal tid Besøg ved 2 måneder' }).click();
    const form = hv.locator('section.fs-panel').filter({ hasText: 'Hvor skal besøget foregå?' });
    await form.waitFor();
    await expect.poll(async () => (await focused(hv)).tag).toBe('h3');
    // Names are isolated (U+2068 … U+2069) so they keep their direction in Arabic.
    expect((await focused(hv)).text.replace(/[\u2068\u2069]/g, '')).toContain(
      'Aftal tid: Besøg ved 2 måneder',
    );
    const dateField = form.getByLabel('Dato', { exact: true });
    const proposed = await dateField.inputValue();
    expect(proposed >= copenhagenDay(1)).toBe(true);
    expect([0, 6]).not.toContain(new Date(`${proposed}T12:00:00Z`).getUTCDay());
    expect(await form.getByLabel('Klokkeslæt').inputValue()).toBe('10:00');
    expect(await form.getByLabel('hjemme', { exact: true }).isChecked()).toBe(true);
    expect(await form.textContent()).not.toContain('uden for besøgets periode');

    // Two months ahead is after the window: allowed, but the form says so first.
    await dateField.fill(copenhagenDay(60));
    const warning = form.getByText('Datoen ligger uden for besøgets periode');
    await warning.waitFor();
    await expectAccessible(hv, 'book a visit, date outside the window (da)');
    await screenshot(hv, 'book-visit-outside-window-da');

    // Tomorrow at 9:30, at home.
    const day = copenhagenDay(1);
    await dateField.fill(day);
    await warning.waitFor({ state: 'detached' });
    await form.getByLabel('Klokkeslæt').fill('09:30');
    await form.getByRole('button', { name: 'Gem aftalen' }).click();
    await expect
      .poll(() => hv.getByRole('status').filter({ hasText: 'Besøg ved 2 måneder er aftalt' }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await expect.poll(() => row.locator('.badge').first().textContent()).toBe('Aftalt');
    expect(await row.textContent()).toContain(`Aftalt ${dayHeading(day)} kl. 09.30, hjemme`);
    expect(await row.textContent()).toContain('Sundhedsplejerske: Mette Sørensen');
    await expectAccessible(hv, 'family page with a booked visit (da)');
    await screenshot(hv, 'family-visit-booked-da');

    // "I dag" → "Ugens besøg": the visit on its day, with the time, place, visit and family.
    await menu(hv).getByRole('link', { name: 'I dag' }).click();
    await hv.waitForURL((url) => url.pathname === '/i-dag');
    const week = hv.getByRole('region', { name: 'Ugens besøg' });
    await week.getByRole('navigation', { name: 'Vælg uge' }).waitFor({ timeout: 30_000 });
    // Tomorrow is in next week only when today is Sunday.
    if (new Date(`${day}T12:00:00Z`).getUTCDay() === 1) {
      await week.getByRole('link', { name: 'Næste uge' }).click();
      await hv.waitForURL((url) => url.search.startsWith('?uge='));
      expect((await focused(hv)).text).toBe('Næste uge');
    }
    const dayCard = week.locator('li.fs-week-day').filter({ hasText: family.names });
    await dayCard.waitFor({ timeout: 30_000 });
    expect(await dayCard.locator('h3').textContent()).toContain(dayHeading(day));
    const booked = dayCard.locator('li.fs-week-visit').filter({ hasText: family.names });
    expect(await booked.textContent()).toContain('09.30 · hjemme');
    expect(await booked.textContent()).toContain('Besøg ved 2 måneder – Oskar');
    // Monday to Friday are always there.
    expect(await week.locator('li.fs-week-day').count()).toBeGreaterThanOrEqual(5);
    // "Skal aftales": the district's visits of the week without a time (the demo has some).
    const toBook = week.getByRole('list', { name: 'Skal aftales' });
    await toBook.waitFor();
    expect(await toBook.locator('li').count()).toBeGreaterThan(0);
    expect(await toBook.textContent()).not.toContain(family.names);
    await expectAccessible(hv, '"Ugens besøg" on I dag (da)');
    await screenshot(hv, 'visit-week-da');

    // The weeks around it: next week and back to this one, the address keeping the week.
    await week.getByRole('link', { name: 'Næste uge' }).click();
    await hv.waitForURL((url) => url.search.startsWith('?uge='));
    await week.getByRole('link', { name: 'Denne uge' }).click();
    await hv.waitForURL((url) => url.pathname === '/i-dag' && url.search === '');

    // The week in Arabic: right to left, and still accessible.
    await chooseLanguage(hv, 'ar');
    expect(await hv.locator('html').getAttribute('dir')).toBe('rtl');
    await hv.getByRole('region', { name: 'زيارات الأسبوع' }).waitFor();
    await expectAccessible(hv, '"Ugens besøg" on I dag (ar)');
    await screenshot(hv, 'visit-week-ar');
    await chooseLanguage(hv, 'da');

    // The family link goes back to the family, where the booking is moved ("Flyt") to 11:00.
    if (new Date(`${day}T12:00:00Z`).getUTCDay() === 1)
      await week.getByRole('link', { name: 'Næste uge' }).click();
    await week.locator('li.fs-week-visit').getByRole('link', { name: family.names }).click();
    await hv.waitForURL(familyUrl);
    await row.waitFor({ timeout: 30_000 });
    await row.getByRole('button', { name: 'Flyt Besøg ved 2 måneder' }).click();
    const move = hv.locator('section.fs-panel').filter({ hasText: 'Flyt aftalen' });
    await move.waitFor();
    expect(await move.getByLabel('Dato', { exact: true }).inputValue()).toBe(day);
    expect(await move.getByLabel('Klokkeslæt').inputValue()).toBe('09:30');
    await move.getByLabel('Klokkeslæt').fill('11:00');
    await move.getByLabel('i sundhedsplejeklinikken').check();
    await move.getByRole('button', { name: 'Gem aftalen' }).click();
    await expect
      .poll(() => hv.getByRole('status').filter({ hasText: 'er flyttet til' }).count(), { timeout: 30_000 })
      .toBe(1);
    await expect
      .poll(() => row.textContent())
      .toContain(`Aftalt ${dayHeading(day)} kl. 11.00, i sundhedsplejeklinikken`);

    // "Aflys aftalen" asks first; then the visit is to be booked again.
    await row.getByRole('button', { name: 'Aflys aftalen Besøg ved 2 måneder' }).click();
    const unbook = hv.locator('section.fs-panel').filter({ hasText: 'Aflys aftalen om' });
    await unbook.waitFor();
    expect(await unbook.textContent()).toContain('kl. 11.00');
    await expectAccessible(hv, 'cancel a booking (da)');
    await unbook.getByRole('button', { name: 'Ja, aflys aftalen' }).click();
    await expect
      .poll(
        () => hv.getByRole('status').filter({ hasText: 'Aftalen om Besøg ved 2 måneder er aflyst' }).count(),
        {
          timeout: 30_000,
        },
      )
      .toBe(1);
    await expect.poll(() => row.locator('.badge').first().textContent()).toBe('Skal ske nu');
    expect(await row.getByRole('button', { name: 'Aftal tid Besøg ved 2 måneder' }).count()).toBe(1);

    // Back on I dag the visit is no longer in the week, but among those to book.
    await menu(hv).getByRole('link', { name: 'I dag' }).click();
    await hv.waitForURL((url) => url.pathname === '/i-dag');
    await week.getByRole('list', { name: 'Skal aftales' }).waitFor({ timeout: 30_000 });
    await expect
      .poll(() => week.getByRole('list', { name: 'Skal aftales' }).textContent(), { timeout: 30_000 })
      .toContain(family.names);
    expect(await week.locator('li.fs-week-visit').filter({ hasText: family.names }).count()).toBe(0);
  });
});
