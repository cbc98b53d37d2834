import { describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  type DemoRole,
  demoAccounts,
  expectAccessible,
  hasChromium,
  homePath,
  loginAs,
  loginPath,
  screenshot,
  useBrowser,
} from './fixtures';

/** The main menu each role gets (DESIGN §2): only pages that exist. */
const expectedNav: Record<DemoRole, string[]> = {
  midwife: [
    'Forside',
    'Registrér graviditet',
    'Søg familie',
    'Fødselsanmeldelser',
    'Indlæs genindlæggelser',
    'Mine underretninger',
    'Henvisninger',
    'Tilbud',
  ],
  health_visitor: [
    'Forside',
    'I dag',
    'Mine familier',
    'Uden tovholder',
    'Søg familie',
    'Mine underretninger',
    'Henvisninger',
    'Tilbud',
    'Mine hold',
  ],
  programme_lead: [
    'Forside',
    'Uden tovholder',
    'Mellem to stole',
    'Søg familie',
    'Henvisninger',
    'Rådgivningsforløb',
    'Tal og resultater',
    'Tilbud',
    'Planlæg hold',
    'Besøgsprogram',
    'Nødadgang',
    'Adgangsregler',
  ],
  family_counsellor: [
    'Forside',
    'Mine underretninger',
    'Henvisninger',
    'Rådgivningsforløb',
    'Tal for rådgivningen',
    'Tilbud',
  ],
  ngo_counsellor: [
    'Forside',
    'Mine underretninger',
    'Henvisninger',
    'Åben rådgivning',
    'Tal for åben rådgivning',
    'Tilbud',
  ],
  caseworker: [
    'Forside',
    'Overleveringer',
    'Underretninger',
    'Mine underretninger',
    'Henvisninger',
    'Tilbud',
  ],
  daycare_educator: ['Forside', 'Overleveringer', 'Mine underretninger', 'Tilbud'],
  analyst: ['Forside', 'Tal og resultater', 'Tilbud'],
  org_admin: ['Forside', 'Tilbud', 'Brugere', 'Enheder', 'Adgangsregler'],
  platform_admin: ['Forside', 'Tilbud', 'Brugere', 'Enheder'],
  mother: [
    'Forside',
    'Tilbud',
    'Aftaler',
    'Sådan har du det',
    'Spørgeskemaer',
    'Samtykker',
    'Hvem har set mine data',
  ],
  father: [
    'Forside',
    'Tilbud',
    'Aftaler',
    'Sådan har du det',
    'Spørgeskemaer',
    'Samtykker',
    'Hvem har set mine data',
  ],
};

describe.skipIf(!hasChromium)('every demo role logs in, reaches its home, and logs out', () => {
  const { newPage } = useBrowser();

  for (const role of Object.keys(demoAccounts) as DemoRole[]) {
    it(`${role} (${demoAccounts[role].email})`, async () => {
      const page = await newPage();
      await loginAs(page, role);
      expect(new URL(page.url()).pathname).toBe(homePath(role));
      const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
      expect(await nav.getByRole('link').allTextContents()).toEqual(expectedNav[role]);
      // The header names the signed-in person.
      await expect
        .poll(() => page.locator('header .portal-user').textContent())
        .toContain(demoAccounts[role].name);
      await expectAccessible(page, `${role} home (da)`);
      await screenshot(page, `home-${role}-da`);

      await chooseLanguage(page, 'ar');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await expectAccessible(page, `${role} home (ar)`);
      await screenshot(page, `home-${role}-ar`);
      await chooseLanguage(page, 'da');

      await page.getByRole('button', { name: 'Log af' }).click();
      await page.waitForURL((url) => url.pathname === loginPath(role));
      // The session is gone on the server: home sends us back to login.
      await page.goto(homePath(role));
      await page.waitForURL((url) => url.pathname === loginPath(role));
    });
  }

  it('refuses a wrong password with a message next to the form, in Danish', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByLabel('E-mailadresse', { exact: true }).fill(`ukendt.${Date.now()}@demo.dk`);
    await page.getByLabel('Adgangskode', { exact: true }).fill('forkert');
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er noget, du skal rette' });
    await expect.poll(() => summary.textContent()).toContain('E-mailadressen eller adgangskoden er forkert');
    await expectAccessible(page, 'staff login with an error');
  });

  it('sends a parent who uses the staff login on to the parent portal', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.getByLabel('E-mailadresse', { exact: true }).fill(demoAccounts.mother.email);
    await page.getByLabel('Adgangskode', { exact: true }).fill('demo');
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/portal');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Amira Hansen');
  });
});
