import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { copenhagenDay } from './family-data';
import {
  apiAs,
  chooseLanguage,
  expectAccessible,
  hasChromium,
  loginAs,
  screenshot,
  useBrowser,
} from './fixtures';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const housing = 'Boligsocialt Sekretariat Demo';
const municipality = 'Demo Kommune';

/**
 * The demo mother gives the housing secretariat's family counsellor consent to see who the
 * family is; his read then shows in "Hvem har set mine data"; she withdraws it and he is refused.
 * Her consent is told apart from other tests' by its own purpose.
 */
describe.skipIf(!hasChromium)('consent and "Hvem har set mine data" in the portal', () => {
  const { newPage } = useBrowser();

  it('the parent grants a consent, sees who read with it, and withdraws it', async () => {
    const purpose = `Ahmed kan hjælpe os med at finde en vuggestue (${Date.now().toString(36)})`;
    const page = await newPage({ width: 390 });
    await loginAs(page, 'mother');
    await menu(page).getByRole('link', { name: 'Samtykker' }).click();
    await page.waitForURL((url) => url.pathname === '/portal/samtykker');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Samtykker');
    await expectAccessible(page, 'consents (da)');

    await page.getByRole('button', { name: 'Giv et nyt samtykke' }).click();
    await page.getByRole('button', { name: 'Giv samtykke' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Udfyld feltet');
    await page.getByLabel('Hvem må se oplysningerne?').selectOption({ label: housing });
    await page.getByLabel('hvem I er (navne, adresse og CPR-nummer)').check();
    await page.getByLabel('Hvem har oplysningerne i dag?').selectOption({ label: municipality });
    await page.getByLabel('Hvorfor skal de se det?').fill(purpose);
    await page.getByLabel('Gælder til og med').fill(copenhagenDay(90));
    await expect
      .poll(() => page.locator('.fs-consent-preview').textContent())
      .toContain(`Må ${housing} se hvem I er (navne, adresse og CPR-nummer) fra ${municipality}?`);
    await expectAccessible(page, 'consent form (da)');
    await screenshot(page, 'consent-form-da');
    await page.getByRole('button', { name: 'Giv samtykke' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Samtykket er gemt');
    const mine = page.locator('.fs-consent').filter({ hasText: purpose });
    await expect.poll(() => mine.textContent()).toContain('Gælder');
    await expect.poll(() => mine.textContent()).toContain(`${housing} må se hvem I er`);
    await screenshot(page, 'consents-da');

    // The family counsellor of the housing secretariat reads the family, on her consent.
    const mother = await apiAs('mother');
    const familyId = (mother.me.families as { id: string }[])[0]?.id as string;
    const counsellor = await apiAs('family_counsellor');
    // He opens the family twice in a row: one row in her log, with how many times.
    await counsellor.request('GET', `/api/families/${familyId}`);
    await counsellor.request('GET', `/api/families/${familyId}`);

    await menu(page).getByRole('link', { name: 'Hvem har set mine data' }).click();
    await page.waitForURL((url) => url.pathname === '/portal/hvem-har-set');
    const ahmed = page.locator('.fs-access-entry').filter({ hasText: 'Ahmed Hassan' }).first();
    await expect.poll(() => ahmed.textContent()).toContain(`Familierådgiver hos ${housing}`);
    expect(await ahmed.textContent()).toContain('I har givet samtykke');
    expect(await ahmed.textContent()).toContain('Så oplysninger om familien');
    expect(await ahmed.textContent()).toMatch(/Så oplysninger om familien · \d+ gange/);
    expect(await ahmed.textContent()).toMatch(/Kl\. \d{2}\.\d{2}/);
    await expectAccessible(page, 'access log (da)');
    await screenshot(page, 'access-log-da');
    await chooseLanguage(page, 'ar');
    await expect.poll(() => page.locator('h1').textContent()).toBe('من اطّلع على بياناتي');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect
      .poll(() => ahmed.textContent())
      .toMatch(/اطّلع على معلومات عن العائلة · (مرتين|\d+ (مرات|مرة))/);
    await expectAccessible(page, 'access log (ar)');
    await screenshot(page, 'access-log-ar');

    await page.goto('/portal/samtykker');
    await expect.poll(() => page.locator('h1').textContent()).toBe('الموافقات');
    await expectAccessible(page, 'consents (ar)');
    await screenshot(page, 'consents-ar');
    await chooseLanguage(page, 'da');

    await mine.getByRole('button', { name: /Træk samtykket tilbage/ }).click();
    await expect.poll(() => mine.textContent()).toContain('Vil du trække samtykket tilbage?');
    await mine.getByRole('button', { name: 'Ja, træk det tilbage' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('trukket tilbage');
    await expect.poll(() => mine.textContent()).toContain('Trukket tilbage');
    await expect(counsellor.request('GET', `/api/families/${familyId}`)).rejects.toThrow(/403/);
  });

  it('the health visitor sees the family’s consents and opens "Registrér samtykke"', async () => {
    const mother = await apiAs('mother');
    const familyId = (mother.me.families as { id: string }[])[0]?.id as string;
    const page = await newPage();
    await loginAs(page, 'health_visitor');
    await page.goto(`/familier/${familyId}`);
    const panel = page.getByRole('region', { name: 'Samtykker' });
    await expect.poll(() => panel.textContent()).toContain('Region Demo');
    await panel.getByRole('button', { name: 'Registrér samtykke' }).click();
    await expect.poll(() => panel.textContent()).toContain('Hvilken forælder gav samtykket?');
    await expectAccessible(page, 'family consents panel (da)');
    await panel.screenshot({ path: 'e2e/screenshots/family-consents-da.png' });
  });
});
