import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { chooseLanguage, expectAccessible, hasChromium, loginAs, screenshot, useBrowser } from './fixtures';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

/** `YYYY-MM`, `back` months before this month (Copenhagen and UTC agree on the month here). */
function monthBack(back: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
}

/** The table's body rows as their cells' text. */
async function tableRows(page: Page): Promise<string[][]> {
  const rows = page.locator('#indicator-table tbody tr');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++)
    out.push((await rows.nth(i).locator('th, td').allTextContents()).map((s) => s.trim()));
  return out;
}

describe.skipIf(!hasChromium)(
  'Tal og resultater: the indicator dashboard (listIndicators, getIndicator, exportIndicators)',
  () => {
    const { newPage } = useBrowser();

    it('the programme lead opens the dashboard, filters by period and fathers, exports exactly that as XLSX, and prints the committee report', async () => {
      const page = await newPage();
      await loginAs(page, 'programme_lead');
      await menu(page).getByRole('link', { name: 'Tal og resultater' }).click();
      await page.waitForURL((url) => url.pathname === '/tal');
      await page.getByRole('heading', { level: 1, name: 'Tal og resultater' }).waitFor();
      // The figures pages that used to crowd the menu are reached from here.
      for (const name of ['Sammenlign kommuner', 'Tal for rådgivningen', 'Indlæs genindlæggelser'])
        await page.getByRole('link', { name }).first().waitFor();
      expect(await menu(page).getByRole('link', { name: 'Sammenlign kommuner' }).count()).toBe(0);
      await expectAccessible(page, 'figures hub (da)');
      await screenshot(page, 'dashboard-hub');

      await page.getByRole('link', { name: 'Fremmøde pr. tilmeldt forælder' }).click();
      await page.waitForURL((url) => url.pathname === '/tal/indikatorer/attendance');
      await page.getByRole('heading', { level: 1, name: 'Fremmøde pr. tilmeldt forælder' }).waitFor();
      await page.locator('#indicator-table').waitFor();

      // Eighteen months by quarter, fathers only.
      const from = monthBack(18);
      const to = monthBack(1);
      await page.getByLabel('Fra måned').fill(from);
      await page.getByLabel('Til måned').fill(to);
      await page.getByLabel('Vis pr.').selectOption({ label: 'Kvartal' });
      await page.getByLabel('Opdel efter').selectOption({ label: 'Forælder' });
      const only = page.getByLabel('Vis kun');
      await expect.poll(() => only.locator('option', { hasText: 'Fædre' }).count()).toBe(1);
      await only.selectOption({ label: 'Fædre' });
      await page.getByRole('button', { name: 'Vis tallene' }).click();
      await page.waitForURL((url) => url.searchParams.get('kun') === 'father');
      const url = new URL(page.url());
      expect(Object.fromEntries(url.searchParams)).toEqual({
        fra: from,
        til: to,
        pr: 'quarter',
        opdeling: 'parent_role',
        kun: 'father',
      });

      await expect.poll(async () => (await tableRows(page)).every((r) => r[1] === 'Fædre')).toBe(true);
      const shown = await tableRows(page);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThanOrEqual(7); // at most seven quarters touch eighteen months
      expect(shown.map((r) => r[0])).toContain(
        `${Math.floor((Number(to.slice(5)) - 1) / 3) + 1}. kvt. ${to.slice(0, 4)}`,
      );
      // The chart is drawn (ECharts' SVG) and named for assistive technology after the table.
      const chart = page.getByRole('img', { name: /Graf: Fremmøde pr. tilmeldt forælder/ });
      // The fathers' series is the first, in the first colour of the palette.
      await expect.poll(() => chart.locator('svg path[stroke="#0072B2"]').count()).toBeGreaterThan(0);
      await expectAccessible(page, 'indicator dashboard (da)');
      await screenshot(page, 'dashboard-attendance-fathers');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Hent som Excel (XLSX)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`familiespor-attendance-${from}-${to}.xlsx`);
      const file = join(mkdtempSync(join(tmpdir(), 'familiespor-xlsx-')), download.suggestedFilename());
      await download.saveAs(file);
      const sheet = await readSheet(file);
      expect(sheet[0]).toEqual(['Indikator', 'Periode', 'Opdeling', 'Værdi', 'Tæller', 'Nævner', 'Resultat']);
      const rows = sheet.slice(1);
      // Exactly what the table shows: the same rows, fathers only, the same counts.
      expect(rows).toHaveLength(shown.length);
      for (const [i, row] of rows.entries()) {
        expect(row.slice(0, 4)).toEqual([
          'Fremmøde pr. tilmeldt forælder',
          expect.stringMatching(/^\d{4}-Q[1-4]$/),
          'Forælder',
          'Far',
        ]);
        expect(String(row[4])).toBe(shown[i]?.[3]?.replace(/\D/g, ''));
        expect(String(row[5])).toBe(shown[i]?.[4]?.replace(/\D/g, ''));
      }

      // An end before the start is refused at the field, and nothing is fetched.
      await page.getByLabel('Fra måned').fill(to);
      await page.getByLabel('Til måned').fill(from);
      await page.getByRole('button', { name: 'Vis tallene' }).click();
      await page.getByText('Den sidste måned ligger før den første').waitFor();
      expect(new URL(page.url()).searchParams.get('fra')).toBe(from);

      // From the hub to the committee report, and "Udskriv" opens the browser's print dialog
      // (replaced here by a counter: headless Chromium has no dialog; the one-page print layout is
      // checked in committee-report.e2e.test.ts).
      const shownAddress = page.url();
      await page.getByRole('link', { name: 'Tal og resultater' }).first().click();
      await page.getByRole('link', { name: 'Udvalgsrapport' }).click();
      await page.getByRole('table', { name: 'Nøgletal' }).waitFor();
      await page.evaluate(() => {
        const w = globalThis as unknown as { print: () => void; printed: number };
        w.printed = 0;
        w.print = () => {
          w.printed += 1;
        };
      });
      await page.getByRole('button', { name: 'Udskriv' }).click();
      expect(await page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(1);

      // The dashboard in English.
      await page.goto(shownAddress);
      await chooseLanguage(page, 'en');
      await page.getByRole('heading', { level: 1, name: 'Attendance per enrolled parent' }).waitFor();
      await page.getByRole('columnheader', { name: 'Numerator' }).waitFor();
      await expectAccessible(page, 'indicator dashboard (en)');
    });

    it('the analyst reads the figures but cannot compute them again; a health visitor has no such page', async () => {
      const page = await newPage();
      await loginAs(page, 'analyst');
      await menu(page).getByRole('link', { name: 'Tal og resultater' }).click();
      await page.getByRole('heading', { level: 2, name: 'Indikatorer' }).waitFor();
      expect(await page.getByRole('button', { name: 'Beregn tallene nu' }).count()).toBe(0);

      const hv = await newPage();
      await loginAs(hv, 'health_visitor');
      expect(await menu(hv).getByRole('link', { name: 'Tal og resultater' }).count()).toBe(0);
      await hv.goto('/tal/indikatorer/reach');
      await hv.getByRole('heading', { level: 1, name: 'Du har ikke adgang til siden' }).waitFor();
    });
  },
);
