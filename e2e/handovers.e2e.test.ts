import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { copenhagenDay } from './family-data';
import { apiAs, expectAccessible, hasChromium, loginAs, screenshot, useBrowser } from './fixtures';
import { registerFamilyWithNewborn } from './health-family';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

/**
 * A family of its own in Sundhedsplejen Nord (the demo health visitor's district), with a child
 * born 65 days ago, no coordinator, and a positive EPDS of the mother: an open need, so the
 * family sits between chairs until someone takes it.
 */
async function familyWithChild() {
  const family = await registerFamilyWithNewborn({
    parents: { mother: 'Nadia', father: 'Jonas' },
    street: 'Engvej 9',
    child: { givenName: 'Elias', sex: 'male' },
    birthTime: '08:30',
    dischargeTime: '18:00',
  });
  const { surname, mother, hv } = family;
  const motherId = family.members.find((m) => m.role === 'mother')?.personId;
  const childId = family.members.find((m) => m.role === 'child')?.personId;
  // EPDS 27 (item 10 "Aldrig"): at or above the cut-off, no follow-up done yet.
  await hv.request('POST', '/api/screenings', {
    familyId: family.id,
    instrument: 'epds',
    respondentPersonId: motherId,
    childPersonId: childId,
    answers: [3, 3, 0, 3, 0, 0, 0, 0, 0, 3],
    observedOn: copenhagenDay(0),
  });
  return {
    id: family.id,
    surname,
    child: `Elias ${surname}`,
    mother: `${mother.givenName} ${surname}`,
  };
}

describe.skipIf(!hasChromium)('handovers and "Mellem to stole"', () => {
  const { newPage } = useBrowser();

  it('the health visitor hands a child over to daycare; the educator opens it and nothing else; the lead sees the family between chairs', async () => {
    const family = await familyWithChild();

    // Mette Sørensen writes the handover from the family page, with the mother's consent.
    const hv = await newPage();
    await loginAs(hv, 'health_visitor');
    await hv.goto(`/familier/${family.id}`);
    await hv.getByRole('link', { name: 'Skriv overlevering' }).click();
    await hv.waitForURL((url) => url.pathname === `/familier/${family.id}/overlevering`);
    await expect.poll(() => hv.locator('main h1').textContent()).toBe('Overlevering');
    await hv.getByLabel('Modtagende enhed').waitFor();
    const maelk = await hv
      .locator('#handover-unit option')
      .filter({ hasText: 'Børnehuset Mælkebøtten' })
      .getAttribute('value');
    await hv.getByLabel('Modtagende enhed').selectOption(maelk ?? '');
    await hv.getByLabel('Startdato').fill(copenhagenDay(30));
    await hv
      .getByLabel('Hvad har barnet og familien brug for?')
      .fill(
        'Elias sover bedst med sin sutteklud. Mor er sårbar efter fødslen og har brug for en tryg indkøring.',
      );
    await hv
      .getByLabel('Aftaler')
      .fill('Indkøring over tre uger. Overleveringsmøde med mor og sundhedsplejerske.');
    await hv.locator('#handover-contact-0-name').fill('Mette Sørensen');
    await hv.locator('#handover-contact-0-role').fill('Sundhedsplejerske');
    await hv.locator('#handover-contact-0-phone').fill('+45 70 12 34 10');
    await hv.getByRole('radio', { name: family.mother }).check();
    await hv.getByRole('radio', { name: 'Skriftligt (papir)' }).check();
    await expectAccessible(hv, 'the handover form');
    await screenshot(hv, 'handover-form-da');
    await hv.getByRole('button', { name: 'Send overlevering' }).click();
    await hv.waitForURL((url) => url.pathname.startsWith('/overleveringer/'));
    await hv.getByText('Overleveringen er sendt til Børnehuset Mælkebøtten.').waitFor();
    const handoverPath = new URL(hv.url()).pathname;

    // Sofie Larsen (Børnehuset Mælkebøtten) finds it under "Overleveringer" and opens it.
    const educator = await newPage();
    await loginAs(educator, 'daycare_educator');
    await menu(educator).getByRole('link', { name: 'Overleveringer' }).click();
    await educator.waitForURL((url) => url.pathname === '/overleveringer');
    await educator.getByRole('link', { name: family.child }).click();
    await educator.waitForURL((url) => url.pathname === handoverPath);
    await expect.poll(() => educator.locator('main h1').textContent()).toBe(`Overlevering: ${family.child}`);
    expect(await educator.locator('main').textContent()).toContain(family.mother);
    expect(await educator.locator('main').textContent()).toContain('Indkøring over tre uger');
    await expectAccessible(educator, 'a received handover');
    await screenshot(educator, 'handover-received-da');
    await educator.getByRole('button', { name: 'Bekræft modtagelse' }).click();
    await educator.getByText(/^Modtaget af Sofie Larsen/).waitFor();

    // … and nothing else of the family: the family page is refused.
    await educator.goto(`/familier/${family.id}`);
    await educator.locator('.alert-error').waitFor();
    const api = await apiAs('daycare_educator');
    await expect(api.request('GET', `/api/families/${family.id}`)).rejects.toThrow(/403/);
    await expect(api.request('GET', `/api/families/${family.id}/timeline`)).rejects.toThrow(/403/);

    // Hanne Kristensen sees the family between chairs: a positive screening and no coordinator.
    const lead = await newPage();
    await loginAs(lead, 'programme_lead');
    const all = await (await apiAs('programme_lead')).request<{ items: { family: { id: string } }[] }>(
      'GET',
      '/api/families/between-chairs?limit=200',
    );
    const index = all.items.findIndex((i) => i.family.id === family.id);
    expect(index).toBeGreaterThanOrEqual(0);
    await menu(lead).getByRole('link', { name: 'Mellem to stole' }).click();
    await lead.waitForURL((url) => url.pathname === '/familier/mellem-to-stole');
    const page = Math.floor(index / 20) + 1;
    if (page > 1) await lead.goto(`/familier/mellem-to-stole?side=${page}`);
    const row = lead.locator('tr').filter({ hasText: family.mother });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('Positiv screening uden afsluttet opfølgning');
    await expectAccessible(lead, '"Mellem to stole"');
    await screenshot(lead, 'between-chairs-da');
    await row.getByRole('link', { name: 'Find tovholder' }).click();
    await lead.waitForURL((url) => url.pathname === `/familier/${family.id}`);
  });
});
