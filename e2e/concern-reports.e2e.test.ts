import type { ConcernInbox } from '@familiespor/contracts';
import { receiptDeadline } from '@familiespor/domain/concern';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { testSurname } from './family-data';
import { apiAs, expectAccessible, hasChromium, loginAs, screenshot, useBrowser } from './fixtures';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

describe.skipIf(!hasChromium)('concern reports: a daycare educator sends, the caseworker works it', () => {
  const { newPage } = useBrowser();

  it('the educator sends one; the caseworker sees the deadlines and records assessment and receipt; the educator sees "modtaget"', async () => {
    // A child the educator knows from the daycare, not known in Familiespor.
    const childName = `Liva ${testSurname()}`;

    const educator = await newPage();
    await loginAs(educator, 'daycare_educator');
    await menu(educator).getByRole('link', { name: 'Mine underretninger' }).click();
    await educator.getByRole('link', { name: 'Send underretning' }).click();
    await expect.poll(() => educator.locator('h1').textContent()).toBe('Send underretning');
    // Nothing filled in: the form says what is missing and sends nothing.
    await educator.getByRole('button', { name: 'Send underretning' }).click();
    await expect.poll(() => educator.locator('.form-error-message').count()).toBeGreaterThan(3);

    await educator.getByLabel('Barnets navn').fill(childName);
    await educator.getByLabel('Adresse', { exact: true }).fill('Rosenvej 3, 9991 Demoby');
    await educator.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Demo Kommune' });
    await educator
      .getByLabel('Hvad er du bekymret for?')
      .fill('Liva kommer ofte sulten og i for tynde klæder, og hun er blevet meget stille.');
    await educator
      .getByLabel('Hvad har du set eller hørt?')
      .fill('De sidste tre uger har hun fire gange ikke haft madpakke med; i går græd hun ved afhentning.');
    await educator.getByRole('radio', { name: 'Nej', exact: true }).check();
    await educator.getByRole('radio', { name: 'Almindelig' }).check();
    await educator.getByLabel('Telefon').fill('+45 70 12 36 10');
    await expectAccessible(educator, 'send concern report');
    await screenshot(educator, 'concern-send-da');
    await educator.getByRole('button', { name: 'Send underretning' }).click();
    await expect
      .poll(() => educator.locator('.alert-success').textContent())
      .toContain('Underretningen er sendt til Børn og Familie, Demo Kommune');
    await screenshot(educator, 'concern-sent-da');

    // The caseworker's inbox: the report with both deadlines, as the API computes them.
    const caseworkerApi = await apiAs('caseworker');
    const inbox = await caseworkerApi.request<ConcernInbox>('GET', '/api/concern-reports');
    const report = inbox.items.find((r) => r.subject.name === childName);
    expect(report).toBeDefined();
    expect(report?.deadlines.receipt.dueOn).toBe(receiptDeadline(new Date(report?.receivedAt ?? 0)));
    expect(Date.parse(report?.deadlines.assessment.dueAt ?? '') - Date.parse(report?.receivedAt ?? '')).toBe(
      24 * 3_600_000,
    );

    const caseworker = await newPage();
    await loginAs(caseworker, 'caseworker');
    await menu(caseworker).getByRole('link', { name: 'Underretninger', exact: true }).click();
    const item = caseworker.getByRole('listitem', { name: childName });
    await expect.poll(() => item.textContent()).toContain('Vurdering senest');
    expect(await item.textContent()).toContain('Kvittering senest');
    expect(await item.textContent()).toContain('Ikke kendt i Familiespor');
    await expectAccessible(caseworker, 'concern inbox');
    await screenshot(caseworker, 'concern-inbox-da');

    await item.getByRole('radio', { name: 'Nej, ikke akut' }).check();
    await item.getByRole('button', { name: 'Gem vurdering' }).click();
    await expect.poll(() => item.textContent()).toContain('Ikke akut fare');
    await item.getByRole('button', { name: 'Kvittering sendt til afsender' }).click();
    await expect.poll(() => item.textContent()).toContain('Sendt ');
    await item.getByRole('button', { name: 'Undersøgelse startet' }).click();
    await expect.poll(() => item.textContent()).toContain('Startet –');
    await screenshot(caseworker, 'concern-inbox-done-da');

    // The sender learns that it was received and that a child assessment was started — no more.
    await educator.getByRole('link', { name: 'Se mine underretninger' }).click();
    const row = educator.getByRole('row', { name: new RegExp(childName) });
    await expect.poll(() => row.textContent()).toContain('Modtaget – kvittering');
    expect(await row.textContent()).toContain('Børnefaglig undersøgelse startet');
    expect(await educator.locator('main').textContent()).not.toContain('Ikke akut fare');
    await expectAccessible(educator, 'my concern reports');
    await screenshot(educator, 'concern-mine-da');
  });
});
