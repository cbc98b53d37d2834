import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adult, childCpr, copenhagenDay, testSurname } from './family-data';
import { apiAs, expectAccessible, hasChromium, loginAs, screenshot, useBrowser } from './fixtures';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

/** A family of its own with a child born ten days ago; the child's CPR is what the region's file names. */
async function newbornCpr(): Promise<string> {
  const surname = testSurname();
  const mother = adult('female', 'Yasmin', surname);
  const midwife = await apiAs('midwife');
  const family = await midwife.request<{ id: string; pregnancies?: { id: string }[] }>(
    'POST',
    '/api/pregnancies',
    {
      mother: { cpr: mother.cpr, givenName: mother.givenName, familyName: surname, firstTimeParent: true },
      dueDate: copenhagenDay(0),
      careLevel: 1,
      address: { street: 'Åvej 3', postcode: '9991', city: 'Demoby', municipalityCode: '999' },
      consent: { shareWithHealthVisiting: true, capturedHow: 'verbal' },
    },
  );
  const born = copenhagenDay(-10);
  const cpr = childCpr(born, 'female');
  const hv = await apiAs('health_visitor');
  await hv.request('POST', `/api/families/${family.id}/births`, {
    ...(family.pregnancies?.[0] ? { pregnancyId: family.pregnancies[0].id } : {}),
    child: { cpr, givenName: 'Lina', familyName: surname, sex: 'female' },
    birthTime: `${born}T07:10:00+01:00`,
    dischargeTime: `${born}T17:00:00+01:00`,
  });
  return cpr.replace('-', '');
}

describe.skipIf(!hasChromium)('Indlæs genindlæggelser (importReadmissions)', () => {
  const { newPage } = useBrowser();

  it('the region’s midwife imports a file in parts with a progress bar, sees the bad lines, and a re-import adds nothing', async () => {
    const cpr = await newbornCpr();
    // Line 2 is good; 3 and 4 are bad; lines 5–251 name no child in Familiespor. The web app sends
    // the file in parts of 200 lines: the second part has no good line and is refused as a whole.
    const unknown = Array.from(
      { length: 247 },
      () => `${adult('female', 'X').cpr.replace('-', '')};${copenhagenDay(-3)};${copenhagenDay(-2)};P59.9`,
    );
    const content = [
      'child_cpr;admission_date;discharge_date;icd10',
      `${cpr};${copenhagenDay(-6)};${copenhagenDay(-4)};P59.9`,
      `12345;${copenhagenDay(-6)};${copenhagenDay(-4)};P59.9`,
      `${cpr};${copenhagenDay(-3)};${copenhagenDay(-5)};E86`,
      ...unknown,
    ].join('\n');

    const page = await newPage();
    await loginAs(page, 'midwife');
    await menu(page).getByRole('link', { name: 'Indlæs genindlæggelser' }).click();
    await page.waitForURL((url) => url.pathname === '/genindlaeggelser');
    await expectAccessible(page, 'readmission import (da)');

    // Slow the parts down so the progress between them can be seen.
    await page.route('**/api/readmissions/import', async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    const file = { name: 'indlaeggelser.csv', mimeType: 'text/csv', buffer: Buffer.from(content) };
    await page.locator('#readmission-file').setInputFiles(file);
    await page.getByRole('button', { name: 'Indlæs filen' }).click();
    const progress = page.getByRole('status').filter({ hasText: 'Indlæst 200 af 250 linjer' });
    await progress.waitFor();
    expect(await page.locator('#readmission-progress').getAttribute('value')).toBe('200');
    await screenshot(page, 'readmission-import-progress');

    const summary = page.locator('.fs-summary');
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain('Nye indlæggelser1');
    expect(await summary.textContent()).toContain('Fejl249');
    const errors = page.getByRole('table', { name: 'Linjer med fejl' });
    const rows = errors.getByRole('row');
    expect(await rows.nth(1).textContent()).toContain('CPR-nummeret er ikke gyldigt');
    expect(await rows.nth(2).textContent()).toContain('Udskrivningen er før indlæggelsen');
    expect(await errors.getByRole('row', { name: /^251 / }).textContent()).toContain(
      'intet barn med dette CPR-nummer',
    );
    await expectAccessible(page, 'readmission import result (da)');
    await screenshot(page, 'readmission-import-result');

    // The same file again: the good line is there already.
    await page.unroute('**/api/readmissions/import');
    await page.locator('#readmission-file').setInputFiles(file);
    await page.getByRole('button', { name: 'Indlæs filen' }).click();
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain('Var indlæst i forvejen1');
    expect(await summary.textContent()).toContain('Nye indlæggelser0');
  });

  it('the programme lead shares readmissions with the network, sees the comparison, and stops sharing', async () => {
    const page = await newPage();
    await loginAs(page, 'programme_lead');
    // The programme lead finds the figures pages under "Tal og resultater".
    await menu(page).getByRole('link', { name: 'Tal og resultater' }).click();
    await page.getByRole('link', { name: 'Sammenlign kommuner' }).click();
    await page.waitForURL((url) => url.pathname === '/tal/sammenlign-kommuner');
    await page.getByRole('heading', { name: 'Det deler vi' }).waitFor();
    await expectAccessible(page, 'benchmark (da)');
    const shared = page.getByRole('listitem').filter({ hasText: 'Genindlæggelser inden 28 dage' });
    if ((await shared.count()) === 0) {
      await page.getByRole('button', { name: 'Del målet' }).click();
      await shared.waitFor();
    }
    expect(await shared.textContent()).toContain('Delt fra');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    const table = page.getByRole('table', { name: 'Genindlæggelser inden 28 dage' });
    await table.waitFor();
    expect(await table.getByRole('row').nth(1).textContent()).toContain('Demo Kommune (jer)');
    await expectAccessible(page, 'benchmark with figures (da)');
    await screenshot(page, 'benchmark');
    await shared.getByRole('button', { name: /Hold op med at dele/ }).click();
    await page.getByText('Jeres kommune deler ingen mål endnu.').waitFor();
  });
});
