import { describe, expect, it } from 'vitest';
import { testSurname } from './family-data';
import {
  apiAs,
  chooseLanguage,
  expectAccessible,
  hasChromium,
  loginAs,
  screenshot,
  useBrowser,
} from './fixtures';

/**
 * Issue #8, the identified bridge: at the drop-in a mother chooses to give her name and wants
 * more help. The NGO counsellor refers her by name ("Henvis med navn") to the partner
 * municipality's offer with her consent; the health visitor of her district receives it,
 * acknowledges it and registers the family; the counsellor sees "Accepteret" — and nothing more.
 */
describe.skipIf(!hasChromium)('"Henvis med navn" from open counselling', () => {
  const { newPage } = useBrowser();

  it('the NGO counsellor refers a parent by name; the health visitor accepts and registers the family; the counsellor sees it accepted', async () => {
    const surname = testSurname();
    const name = `Yasmin ${surname}`;

    // Louise Berg starts it from "Åben rådgivning", as its own action: the form starts empty.
    const ngo = await newPage();
    await loginAs(ngo, 'ngo_counsellor');
    await ngo.goto('/aaben-raadgivning');
    await ngo.getByRole('link', { name: 'Henvis med navn' }).click();
    await ngo.waitForURL((url) => url.pathname === '/henvisninger/med-navn/ny');
    await expect.poll(() => ngo.locator('main h1').textContent()).toBe('Henvis med navn');
    await expect.poll(() => ngo.getByLabel('Fornavn').inputValue()).toBe('');
    await expect.poll(() => ngo.getByLabel('Begrundelse', { exact: false }).count()).toBe(0);

    // Sending without the essentials: the error summary says what is missing, nothing is sent.
    await ngo.getByRole('button', { name: 'Send henvisningen' }).click();
    await ngo.getByText('Skriv forælderens fornavn').first().waitFor();
    await ngo.getByText('Bekræft, at forælderen har givet samtykke').first().waitFor();
    expect(new URL(ngo.url()).pathname).toBe('/henvisninger/med-navn/ny');

    await ngo.getByLabel('Fornavn').fill('Yasmin');
    await ngo.getByLabel('Efternavn').fill(surname);
    await ngo.getByLabel('Postnummer').fill('9991');
    await ngo.getByRole('radio', { name: 'Barnet er født' }).check();
    await ngo.getByLabel('Barnets alder i måneder').fill('2');
    await ngo.getByLabel('Foretrukket sprog').selectOption('ar');
    await ngo.getByLabel('Har brug for tolk').check();
    await ngo.getByLabel('Telefon').fill('+45 31 41 59 26');
    const offer = await ngo
      .locator('#intake-offerId option')
      .filter({ hasText: 'Klar til baby' })
      .first()
      .getAttribute('value');
    await ngo.getByLabel('Tilbud i kommunen').selectOption(offer ?? '');
    await ngo
      .getByLabel('Hvad ønsker forælderen hjælp til?')
      .fill(
        'Yasmin er alene med sin søn på 2 måneder, sover dårligt og vil gerne tale med en sundhedsplejerske.',
      );
    await ngo.getByRole('checkbox', { name: /Forælderen har givet samtykke/ }).check();
    await expectAccessible(ngo, 'the "Henvis med navn" form');
    await screenshot(ngo, 'referral-intake-form-da');
    await ngo.getByRole('button', { name: 'Send henvisningen' }).click();
    await ngo.waitForURL(
      (url) => url.pathname.startsWith('/henvisninger/med-navn/') && !url.pathname.endsWith('/ny'),
    );
    await ngo.getByText('Henvisningen til Klar til baby er sendt').waitFor();
    const intakePath = new URL(ngo.url()).pathname;

    // Mette Sørensen (Sundhedsplejen Nord serves 9991) finds it in "Henvisninger".
    const hv = await newPage();
    await loginAs(hv, 'health_visitor');
    await hv.goto('/henvisninger');
    await hv.getByRole('heading', { name: 'Henvist med navn – endnu ikke kendt i Familiespor' }).waitFor();
    await hv.getByRole('link', { name }).click();
    await hv.waitForURL((url) => url.pathname === intakePath);
    await hv.getByText('+45 31 41 59 26').waitFor();
    await hv.getByRole('button', { name: 'Kvittér for modtagelse' }).click();
    await hv.getByRole('heading', { name: 'Acceptér: find familien i Familiespor' }).waitFor();
    // Her own search first: the mother is not known yet.
    await hv.getByRole('button', { name: 'Søg', exact: true }).click();
    await hv.getByText('Ingen familier fundet.').waitFor();
    await expectAccessible(hv, 'a received referral by name');
    await screenshot(hv, 'referral-intake-received-da');
    await hv.getByRole('button', { name: 'Opret familien i Familiespor' }).click();
    await hv.getByText('Henvisningen er accepteret og er nu en almindelig henvisning af familien.').waitFor();
    await hv.getByRole('link', { name: 'Gå til familien' }).click();
    await hv.waitForURL((url) => /^\/familier\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => hv.locator('main h1').textContent()).toContain(name);
    const familyId = new URL(hv.url()).pathname.split('/')[2] as string;

    // Louise sees where it stands — "Accepteret" — and what she entered, never the family.
    await ngo.goto('/henvisninger?fane=sendt');
    const item = ngo.locator('li[data-intake]').filter({ hasText: name });
    await item.locator('[data-status="accepted"]').filter({ hasText: 'Accepteret' }).waitFor();
    await screenshot(ngo, 'referral-intake-sent-accepted-da');
    // The staff pages in English too.
    await chooseLanguage(ngo, 'en');
    await ngo.goto('/henvisninger/med-navn/ny');
    await expect.poll(() => ngo.locator('main h1').textContent()).toBe('Refer by name');
    await ngo.getByText("The parent's consent", { exact: false }).first().waitFor();
    await screenshot(ngo, 'referral-intake-form-en');
    await ngo.goto(intakePath);
    await ngo.getByText('Accepted', { exact: true }).waitFor();
    await screenshot(ngo, 'referral-intake-sent-en');
    await chooseLanguage(ngo, 'da');
    const louise = await apiAs('ngo_counsellor');
    await expect(louise.request('GET', `/api/families/${familyId}`)).rejects.toThrow(/403/);
  });
});
