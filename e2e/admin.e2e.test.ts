import { describe, expect, it } from 'vitest';
import {
  apiAs,
  chooseLanguage,
  createStaffUser,
  expectAccessible,
  hasChromium,
  loginByApi,
  screenshot,
  useBrowser,
} from './fixtures';

describe.skipIf(!hasChromium)('user administration (org admin)', () => {
  const { newPage } = useBrowser();

  it('creates a user through the form, with errors shown next to the fields first', async () => {
    const page = await newPage();
    await loginByApi(page, 'org_admin');
    await page.goto('/admin/brugere/ny');
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er noget, du skal rette' });
    await expect
      .poll(() => summary.getByRole('link').allTextContents())
      .toEqual([
        'Skriv brugerens navn',
        'Skriv en gyldig e-mailadresse, fx navn@kommune.dk',
        'Vælg mindst én rolle',
      ]);
    // Each message sits by its field and is tied to it for screen readers.
    expect(await page.locator('#user-name').getAttribute('aria-describedby')).toContain('user-name-error');
    expect(await page.locator('#user-name-error').textContent()).toContain('Skriv brugerens navn');
    await expectAccessible(page, 'create user with errors (da)');
    await chooseLanguage(page, 'ar');
    await expect.poll(() => page.locator('#user-name-error').textContent()).toContain('اكتب اسم المستخدم');
    await expectAccessible(page, 'create user with errors (ar)');
    await screenshot(page, 'create-user-errors-ar');
    await chooseLanguage(page, 'da');

    // An e-mail already in use comes back from the server and lands on the e-mail field.
    await page.getByLabel('Navn', { exact: true }).fill('Ida Lund');
    await page.getByLabel('E-mailadresse').fill('sundhedsplejerske@demo.dk');
    await page.getByLabel('Sundhedsplejerske').check();
    await page.getByLabel('Sundhedsplejen Nord').check();
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    await expect
      .poll(() => page.locator('#user-email-error').textContent())
      .toContain('En anden bruger har allerede denne e-mailadresse');

    const email = `ida.lund.${Date.now()}@demo.dk`;
    await page.getByLabel('E-mailadresse').fill(email);
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    await page.waitForURL((url) => /^\/admin\/brugere\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ida Lund');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Brugeren er oprettet');
    expect(await page.locator('dl').textContent()).toContain('Sundhedsplejen Nord');
    await expectAccessible(page, 'user detail');
  });

  it('changes roles, deactivates with a reason and reactivates', async () => {
    const admin = await apiAs('org_admin');
    const user = await createStaffUser(admin, { roles: ['midwife'] });
    const page = await newPage();
    await loginByApi(page, 'org_admin');
    await page.goto(`/admin/brugere/${user.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(user.name);

    await page.getByLabel('Jordemoder').uncheck();
    await page.getByLabel('Socialrådgiver').check();
    await page.getByRole('button', { name: 'Gem roller' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Rollerne er gemt');
    const saved = await admin.request<{ roles: string[] }>('GET', `/api/staff/${user.id}`);
    expect(saved.roles).toEqual(['caseworker']);

    await page.getByRole('button', { name: 'Deaktivér bruger' }).click();
    await expect
      .poll(() => page.locator('#deactivate-reason-error').textContent())
      .toContain('Skriv en begrundelse');
    await page.getByLabel('Begrundelse').fill('Medarbejderen er stoppet');
    await page.getByRole('button', { name: 'Deaktivér bruger' }).click();
    await expect.poll(() => page.locator('dl .badge').textContent()).toBe('Deaktiveret');
    expect((await admin.request<{ active: boolean }>('GET', `/api/staff/${user.id}`)).active).toBe(false);

    await page.getByRole('button', { name: 'Genaktivér bruger' }).click();
    await expect.poll(() => page.locator('dl .badge').textContent()).toBe('Aktiv');
    await expectAccessible(page, 'user detail after reactivation');
  });

  it('searches, shows deactivated users on request, and pages through the list', async () => {
    const admin = await apiAs('org_admin');
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await createStaffUser(admin));
    const gone = made[0];
    if (!gone) throw new Error('no user was created');
    await admin.request('POST', `/api/staff/${gone.id}/deactivate`, { reason: 'Testen deaktiverer' });

    const page = await newPage();
    await loginByApi(page, 'org_admin');
    await page.goto('/admin/brugere');
    await page.getByLabel('Søg efter navn eller e-mail').fill('Mette');
    await page.getByRole('button', { name: 'Søg' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody').textContent()).toContain('Mette Sørensen');

    await page.getByLabel('Søg efter navn eller e-mail').fill(gone.email);
    await page.getByRole('button', { name: 'Søg' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('0 brugere');
    await page.getByLabel('Vis også deaktiverede brugere').check();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody').textContent()).toContain('Deaktiveret');

    await page.getByLabel('Søg efter navn eller e-mail').fill('');
    await page.getByRole('button', { name: 'Søg' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(10);
    const firstPage = await page.locator('tbody th').allTextContents();
    await page.getByRole('button', { name: 'Side 2', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('side')).toBe('2');
    const secondPage = await page.locator('tbody th').allTextContents();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.some((n) => firstPage.includes(n))).toBe(false);
    await expectAccessible(page, 'users, page 2 (da)');
    await chooseLanguage(page, 'ar');
    await expectAccessible(page, 'users, page 2 (ar)');
    await screenshot(page, 'users-ar');
  });

  it('lists the units', async () => {
    const page = await newPage();
    await loginByApi(page, 'org_admin');
    await page.goto('/admin/enheder');
    await expect.poll(() => page.locator('tbody').textContent()).toContain('Sundhedsplejen Nord');
    expect(await page.locator('tbody').textContent()).toContain('Distrikt');
    await expectAccessible(page, 'units (da)');
    await chooseLanguage(page, 'ar');
    await expectAccessible(page, 'units (ar)');
  });

  it("lets the platform's operator work on another organisation", async () => {
    const page = await newPage();
    await loginByApi(page, 'platform_admin');
    await page.goto('/admin/brugere');
    await page.getByLabel('Organisation').selectOption({ label: 'Region Demo' });
    await expect.poll(() => page.locator('tbody').textContent()).toContain('Karen Holm');
    await expectAccessible(page, 'users of another organisation');
  });
});

describe.skipIf(!hasChromium)('programme lead', () => {
  const { newPage } = useBrowser();

  it('reviews an emergency access with a note', async () => {
    const mother = await apiAs('mother');
    const familyId = (mother.me.families as { id: string }[])[0]?.id;
    const nurse = await apiAs('health_visitor');
    await nurse.request('POST', '/api/break-glass', {
      familyId,
      reason: 'Akut henvendelse fra vagtlægen om familien',
    });

    const page = await newPage();
    await loginByApi(page, 'programme_lead');
    await page.goto('/adgang/noedadgang');
    await expect
      .poll(() => page.getByRole('tab', { selected: true }).textContent())
      .toMatch(/Til gennemgang \(\d+\)/);
    await expectAccessible(page, 'emergency access list (da)');
    await page.getByRole('button', { name: 'Gennemgå nødadgang for Mette Sørensen' }).first().click();
    await expect.poll(() => page.locator('h2#review-heading').textContent()).toContain('Mette Sørensen');
    await page.getByRole('button', { name: 'Gem gennemgang' }).click();
    await expect
      .poll(() => page.locator('#review-justified-error').textContent())
      .toContain('Vælg, om adgangen');
    await expectAccessible(page, 'review form with errors');
    await page.getByLabel('Ja, adgangen var begrundet').check();
    await page.getByLabel('Bemærkning').fill('Vagtlægen bad om det; rimeligt.');
    await page.getByRole('button', { name: 'Gem gennemgang' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Gennemgangen er gemt');

    await page.getByRole('tab', { name: 'Alle' }).click();
    await expect.poll(() => page.locator('tbody').textContent()).toContain('Gennemgået af Hanne Kristensen');
    await chooseLanguage(page, 'ar');
    await expectAccessible(page, 'emergency access, all (ar)');
    await screenshot(page, 'break-glass-ar');
  });

  it('sees the access rules read-only', async () => {
    const page = await newPage();
    await loginByApi(page, 'programme_lead');
    await page.goto('/adgang/regler');
    await expect
      .poll(() => page.locator('table caption').textContent())
      .toBe('Adgang pr. rolle og type oplysning');
    const midwife = page.locator('tbody tr').filter({ has: page.locator('th', { hasText: 'Jordemoder' }) });
    expect(await midwife.textContent()).toContain('Kun graviditet');
    expect(await page.locator('form, input, select').count()).toBe(0);
    await expectAccessible(page, 'access rules (da)');
    await chooseLanguage(page, 'ar');
    await expectAccessible(page, 'access rules (ar)');
    await screenshot(page, 'access-matrix-ar');
  });

  it('keeps staff without the role out of the lead pages', async () => {
    const page = await newPage();
    await loginByApi(page, 'health_visitor');
    await page.goto('/adgang/noedadgang');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Du har ikke adgang til siden');
  });
});
