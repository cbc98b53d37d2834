import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  adult,
  childCpr,
  copenhagenDay,
  lookalike,
  registerPregnancyByApi,
  testSurname,
} from './family-data';
import {
  apiAs,
  chooseLanguage,
  expectAccessible,
  focused,
  hasChromium,
  loginAs,
  loginByApi,
  screenshot,
  useBrowser,
} from './fixtures';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const familyUrl = (url: URL) => /^\/familier\/[0-9a-f-]{36}$/.test(url.pathname);

/** The mother's part of the form, the due date, care level, address and consent: all a registration needs. */
async function fillRegistration(page: Page, mother: ReturnType<typeof adult>, dueDate: string) {
  await page.locator('#mother-cpr').fill(mother.cpr);
  await page.locator('#mother-given-name').fill(mother.givenName);
  await page.locator('#mother-family-name').fill(mother.familyName);
  await page.locator('#mother-first-time').check();
  await page.locator('#due-date').fill(dueDate);
  await page.locator('#care-level-2').check();
  await page.getByLabel('Vej og husnummer').fill('Skovvej 12');
  await page.getByLabel('Postnummer').fill('9991');
  await page.getByLabel('By', { exact: true }).fill('Demoby');
  await page.getByLabel('Kommunekode').fill('999');
  await page.getByLabel('Ja, forældrene siger ja til deling').check();
  await page.getByLabel('Mundtligt').check();
}

/** Opens every shortened list of a timeline ("Vis alle …"): a toggle's locator changes once clicked. */
async function openAll(timeline: Locator): Promise<void> {
  const closed = timeline.locator('button[aria-expanded="false"]');
  while ((await closed.count()) > 0) await closed.first().click();
}

describe.skipIf(!hasChromium)('families and the red thread', () => {
  const { newPage } = useBrowser();

  it('the midwife registers a pregnancy with both parents; the health visitor finds the family, becomes coordinator and has it in "Mine familier"', async () => {
    const surname = testSurname();
    const mother = adult('female', 'Sofie', surname);
    const father = adult('male', 'Jonas', surname);
    const dueDate = copenhagenDay(120);

    // The midwife: the form, first empty (errors by the fields), then filled in.
    const midwife = await newPage();
    await loginAs(midwife, 'midwife');
    expect(await menu(midwife).getByRole('link').allTextContents()).toEqual([
      'Forside',
      'Registrér graviditet',
      'Søg familie',
      'Fødselsanmeldelser',
      'Indlæs genindlæggelser',
      'Mine underretninger',
      'Henvisninger',
      'Tilbud',
    ]);
    await menu(midwife).getByRole('link', { name: 'Registrér graviditet' }).click();
    await midwife.waitForURL((url) => url.pathname === '/graviditeter/ny');
    await expectAccessible(midwife, 'register pregnancy (da)');
    await midwife.getByRole('button', { name: 'Registrér graviditet' }).click();
    const summary = midwife.getByRole('alert').filter({ hasText: 'Der er noget, du skal rette' });
    await expect
      .poll(() => summary.getByRole('link').first().textContent())
      .toBe('Skriv morens CPR-nummer som DDMMÅÅ-XXXX');
    expect(await midwife.locator('#mother-cpr').getAttribute('aria-describedby')).toContain(
      'mother-cpr-error',
    );
    await expectAccessible(midwife, 'register pregnancy with errors (da)');
    await chooseLanguage(midwife, 'ar');
    await expect
      .poll(() => midwife.locator('#mother-cpr-error').textContent())
      .toContain('اكتب رقم CPR للأم');
    await expectAccessible(midwife, 'register pregnancy with errors (ar)');
    await screenshot(midwife, 'register-pregnancy-errors-ar');
    await chooseLanguage(midwife, 'da');

    await fillRegistration(midwife, mother, dueDate);
    await midwife.locator('#mother-phone').fill('+45 20 30 40 50');
    await midwife.locator('#has-partner').check();
    await midwife.getByLabel('Far', { exact: true }).check();
    await midwife.locator('#partner-cpr').fill(father.cpr);
    await midwife.locator('#partner-given-name').fill(father.givenName);
    await midwife.locator('#partner-family-name').fill(father.familyName);
    await midwife.locator('#partner-first-time').check();
    await midwife.locator('#partner-interpreter').check();
    await screenshot(midwife, 'register-pregnancy-da');
    await midwife.getByRole('button', { name: 'Registrér graviditet' }).click();

    // Success: the new family's page, with both parents on it.
    await midwife.waitForURL(familyUrl);
    const familyPath = new URL(midwife.url()).pathname;
    await expect.poll(() => midwife.locator('h1').textContent()).toBe(`Sofie ${surname} og Jonas ${surname}`);
    await expect
      .poll(() => midwife.getByRole('status').first().textContent())
      .toContain('Graviditeten er registreret');
    expect(await midwife.locator('main').textContent()).toContain('Gravid uge');
    await expectAccessible(midwife, 'family page as the midwife (da)');

    // The health visitor of Sundhedsplejen Nord: "Uden tovholder", then the family by CPR.
    const hv = await newPage();
    await loginAs(hv, 'health_visitor');
    expect(await menu(hv).getByRole('link').allTextContents()).toEqual([
      'Forside',
      'I dag',
      'Mine familier',
      'Uden tovholder',
      'Søg familie',
      'Mine underretninger',
      'Henvisninger',
      'Tilbud',
      'Mine hold',
    ]);
    await menu(hv).getByRole('link', { name: 'Uden tovholder' }).click();
    await hv.waitForURL((url) => url.pathname === '/familier/uden-tovholder');
    await expect
      .poll(() => hv.getByRole('status').first().textContent())
      .toMatch(/^\d+ familier uden tovholder$/);
    expect(await hv.getByRole('navigation', { name: 'Sider' }).isVisible()).toBe(true);
    await expectAccessible(hv, 'families without coordinator (da)');
    await screenshot(hv, 'without-coordinator-da');

    await menu(hv).getByRole('link', { name: 'Søg familie' }).click();
    await hv.waitForURL((url) => url.pathname === '/familier/soeg');
    await expectAccessible(hv, 'search families (da)');
    await hv.getByLabel('CPR-nummer').fill(mother.cpr);
    await hv.getByRole('button', { name: 'Søg' }).click();
    const result = hv.getByRole('link', { name: `Sofie ${surname} og Jonas ${surname}` });
    await result.waitFor();
    expect(await hv.getByRole('status').first().textContent()).toBe('1 familie fundet');
    await expectAccessible(hv, 'search results (da)');
    await chooseLanguage(hv, 'ar');
    await expectAccessible(hv, 'search results (ar)');
    await screenshot(hv, 'search-families-ar');
    await chooseLanguage(hv, 'da');
    await result.click();
    await hv.waitForURL((url) => url.pathname === familyPath);
    await expect.poll(() => hv.locator('h1').textContent()).toBe(`Sofie ${surname} og Jonas ${surname}`);

    // The CPR number is masked until asked for, one person at a time.
    const masked = `${mother.cpr.slice(0, 6)}-xxxx`;
    await expect.poll(() => hv.locator('main table').first().textContent()).toContain(masked);
    // By keyboard: Enter on the button shows the number and moves focus to it.
    await hv.getByRole('button', { name: `Vis CPR-nummer for Sofie ${surname}` }).focus();
    await hv.keyboard.press('Enter');
    await expect.poll(async () => (await focused(hv)).text).toBe(mother.cpr);
    expect(await hv.locator('main table').first().textContent()).not.toContain(father.cpr);

    // "Bliv tovholder": the coordinator panel says so, and the timeline has it.
    await hv.getByRole('button', { name: 'Bliv tovholder' }).focus();
    await hv.keyboard.press('Enter');
    await expect.poll(async () => (await focused(hv)).id).toBe('coordinator-heading');
    await expect
      .poll(() => hv.getByRole('status').filter({ hasText: 'Du er nu familiens tovholder' }).count())
      .toBe(1);
    await expect
      .poll(() => hv.getByRole('region', { name: 'Tidslinje' }).textContent())
      .toContain('Mette Sørensen blev tovholder for familien');
    await expectAccessible(hv, 'family page (da)');
    await screenshot(hv, 'family-da');
    await chooseLanguage(hv, 'ar');
    await expect.poll(() => hv.locator('#coordinator-heading').textContent()).toBe('المنسّق');
    await expectAccessible(hv, 'family page (ar)');
    await screenshot(hv, 'family-ar');
    await chooseLanguage(hv, 'da');

    // "Mine familier" now has the family.
    await menu(hv).getByRole('link', { name: 'Mine familier' }).click();
    await hv.waitForURL((url) => url.pathname === '/familier/mine');
    const mine = hv.getByRole('link', { name: `Sofie ${surname} og Jonas ${surname}` });
    await mine.waitFor();
    await expectAccessible(hv, 'my families (da)');
    await chooseLanguage(hv, 'ar');
    await expectAccessible(hv, 'my families (ar)');
    await screenshot(hv, 'my-families-ar');
    await chooseLanguage(hv, 'da');
    await screenshot(hv, 'my-families-da');
  });

  it('asks the midwife to confirm a possible duplicate with a reason, then registers', async () => {
    const first = adult('female', 'Nadia');
    await registerPregnancyByApi(await apiAs('midwife'), first, copenhagenDay(100));
    const other = lookalike(first, 'female');

    const page = await newPage();
    await loginByApi(page, 'midwife');
    await page.goto('/graviditeter/ny');
    await page.locator('h1').waitFor();
    await fillRegistration(page, other, copenhagenDay(110));
    await page.locator('#has-partner-no').check();
    await page.getByRole('button', { name: 'Registrér graviditet' }).click();

    const warning = page.getByRole('alert').filter({ hasText: 'Er personen allerede registreret?' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain(`Nadia ${first.familyName}`);
    await expectAccessible(page, 'possible duplicate (da)');
    await page.getByRole('button', { name: 'Registrér alligevel' }).click();
    await expect.poll(() => page.locator('#duplicate-reason-error').textContent()).toContain('mindst 5 tegn');
    await page.getByLabel('Hvorfor er det en anden person?').fill('Tjekket med den gravide: en anden person');
    await page.getByRole('button', { name: 'Registrér alligevel' }).click();
    await page.waitForURL(familyUrl);
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Nadia ${first.familyName}`);
  });

  it('imports birth notifications from a file and shows each failed line', async () => {
    const mother = adult('female', 'Maja');
    await registerPregnancyByApi(await apiAs('midwife'), mother, copenhagenDay(5));
    const born = copenhagenDay(-1);
    const csv = [
      'mother_cpr;child_cpr;birth_time;discharge_time;birthplace',
      `${mother.cpr};${childCpr(born, 'female')};${born} 04:12;;Fødeafdelingen, Demo Hospital`,
      `ikke-et-cpr;${childCpr(born, 'male')};${born} 05:00;;`,
    ].join('\n');

    const page = await newPage();
    await loginByApi(page, 'midwife');
    await page.goto('/foedselsanmeldelser');
    await page.locator('h1').waitFor();
    await expectAccessible(page, 'birth notifications (da)');
    await page.getByRole('button', { name: 'Indlæs filen' }).click();
    await expect.poll(() => page.locator('#birth-file-error').textContent()).toContain('Vælg en fil');

    await page.getByLabel('Fil med fødselsanmeldelser').setInputFiles({
      name: 'foedsler.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Indlæs filen' }).click();
    const summary = page.locator('dl.fs-summary');
    await summary.waitFor();
    expect(await summary.locator('dd').allTextContents()).toEqual(['2', '1', '0', '1']);
    const row = page.locator('table tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('3');
    expect(await row.first().textContent()).toContain('mother_cpr');
    expect(await row.first().textContent()).toContain('CPR-nummeret er ikke skrevet som DDMMÅÅ-XXXX');
    await expectAccessible(page, 'birth notifications with result (da)');
    await chooseLanguage(page, 'ar');
    await expectAccessible(page, 'birth notifications with result (ar)');
    await screenshot(page, 'birth-import-ar');
  });

  it('shows the parent the stage, the team and the timeline on a phone, in Danish and Arabic', async () => {
    const page = await newPage({ width: 360 });
    await loginAs(page, 'mother');
    await expect
      .poll(() => page.locator('#stage-heading').textContent())
      .toBe('I er i uge 24 af graviditeten');
    const team = page.getByRole('region', { name: 'Jeres team' });
    // The coordinator first, with a phone link the phone can dial.
    expect(await team.locator('li').first().textContent()).toContain('Jeres tovholder');
    expect(await team.locator('li').first().textContent()).toContain('Mette Sørensen');
    expect(await team.getByRole('link', { name: '+45 24 60 11 22' }).getAttribute('href')).toBe(
      'tel:+4524601122',
    );
    const timeline = page.getByRole('region', { name: 'Jeres tidslinje' });
    expect(await timeline.getByRole('heading').allTextContents()).toEqual([
      'Jeres tidslinje',
      'Det kommer',
      'Det er sket',
    ]);
    // Other browser tests add to the demo family's timeline: open both lists in full first.
    await openAll(timeline);
    expect(await timeline.textContent()).toContain('Termin');
    expect(await timeline.textContent()).toContain('Graviditeten er registreret hos jordemoderen');
    // What has happened carries no "Afsluttet": on a sign-up or a consent it would read as ended.
    expect(await timeline.locator('.badge').getByText('Afsluttet', { exact: true }).count()).toBe(0);
    expect(
      await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth'),
    ).toBe(false);
    await expectAccessible(page, 'parent home with timeline, 360 px (da)');
    await screenshot(page, 'portal-timeline-360-da');

    await chooseLanguage(page, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.locator('#stage-heading').textContent()).toBe('أنتم في الأسبوع 24 من الحمل');
    expect(await page.getByRole('region', { name: 'فريقكم' }).textContent()).toContain('منسّق أسرتكم');
    const timelineAr = page.getByRole('region', { name: 'الخط الزمني لأسرتكم' });
    await openAll(timelineAr);
    expect(await timelineAr.textContent()).toContain('موعد الولادة المتوقع');
    expect(
      await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth'),
    ).toBe(false);
    await expectAccessible(page, 'parent home with timeline, 360 px (ar)');
    await screenshot(page, 'portal-timeline-360-ar');
  });
});
