import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseLanguage, expectAccessible, hasChromium, loginAs, screenshot, useBrowser } from './fixtures';

type Figure = {
  numerator: number | null;
  denominator: number | null;
  result: number | null;
  suppressed: boolean;
};
type Report = {
  organisation: { name: string };
  period: { from: string; to: string };
  rows: { key: string; unit: string; current: Figure }[];
};

/** The browser's getComputedStyle, typed without the DOM library (e2e has none). */
type StyleReader = { getComputedStyle(e: unknown): { color: string } };

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The figure as the Danish page shows it, from the API's answer. */
function shown(unit: string, f: Figure): string {
  if (f.suppressed) return '<5';
  if (f.result === null) return '–';
  if (unit === 'share') return `${Math.round(f.result * 100)} %`;
  return new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(f.result);
}

/** Pages in a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe.skipIf(!hasChromium)('Udvalgsrapport (getCommitteeReport)', () => {
  const { newPage } = useBrowser();

  it('the programme lead opens the committee report, chooses a period and prints it on one A4 page', async () => {
    const page = await newPage();
    await loginAs(page, 'programme_lead');
    await page.goto('/tal/udvalgsrapport');
    await page.getByRole('heading', { level: 1, name: 'Udvalgsrapport' }).waitFor();
    const table = page.getByRole('table', { name: 'Nøgletal' });
    await table.waitFor();

    // The figures on the page are the API's, row by row, with "<5" where suppression hid them.
    const res = await page.request.get('/api/indicators/committee-report');
    expect(res.status()).toBe(200);
    const report = (await res.json()) as Report;
    expect(await page.locator('.fs-committee-org').textContent()).toContain(report.organisation.name);
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(report.rows.length);
    expect(report.rows.length).toBe(15);
    for (const r of report.rows) {
      const text = squash(await table.locator(`tr[data-key="${r.key}"] .fs-committee-figure`).textContent());
      expect(text, r.key).toBe(shown(r.unit, r.current));
    }
    expect(
      report.rows.some((r) => r.current.result !== null),
      'the demo has figures',
    ).toBe(true);
    expect(await page.getByText('»<5« betyder færre end 5').count()).toBe(1);
    expect(squash(await page.locator('.fs-committee-definitions li').first().textContent())).toMatch(
      /^Rækkevidde: /,
    );
    await expectAccessible(page, 'committee report (da)');
    await screenshot(page, 'committee-report-da');

    // A calendar year: the period line follows.
    const year = new Date().getFullYear() - 1;
    await page.getByLabel('Periode', { exact: true }).selectOption(`year:${year}`);
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await expect
      .poll(async () => squash(await page.locator('.fs-committee-period').textContent()))
      .toContain(`januar ${year} – december ${year}`);

    // Paper: no menu, chooser or buttons; black on white; exactly one A4 page.
    await page.emulateMedia({ media: 'print' });
    expect(await menu(page).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Udskriv' }).isVisible()).toBe(false);
    expect(await page.getByLabel('Periode', { exact: true }).isVisible()).toBe(false);
    expect(await table.isVisible()).toBe(true);
    expect(
      await page
        .locator('.fs-committee-figure')
        .first()
        .evaluate((e) => (globalThis as unknown as StyleReader).getComputedStyle(e).color),
    ).toBe('rgb(0, 0, 0)');
    await screenshot(page, 'committee-report-print');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    writeFileSync(join(dirname(fileURLToPath(import.meta.url)), 'screenshots', 'committee-report.pdf'), pdf);
    expect(pdfPages(pdf)).toBe(1);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('button', { name: 'Udskriv' }).isVisible()).toBe(true);
  });

  it('reads in English, with the same one-page print', async () => {
    const page = await newPage();
    await loginAs(page, 'programme_lead');
    await page.goto('/tal/udvalgsrapport');
    await chooseLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: 'Committee report' }).waitFor();
    await page.getByRole('table', { name: 'Key figures' }).waitFor();
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    expect(await page.getByText('“<5” means fewer than 5').count()).toBe(1);
    await expectAccessible(page, 'committee report (en)');
    await screenshot(page, 'committee-report-en');
    await page.emulateMedia({ media: 'print' });
    expect(pdfPages(await page.pdf({ format: 'A4' }))).toBe(1);
  });
});
