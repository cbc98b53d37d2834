import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { copenhagenDay } from './family-data';
import { demoAccounts, expectAccessible, hasChromium, loginAs, screenshot, useBrowser } from './fixtures';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const region = 'Region Demo';
const municipality = 'Demo Kommune';
const parents = 'Amira Hansen og Mikkel Hansen';
/** How "Henvisninger" names the family: as the family page does. */
const listed = parents;
/** The demo mother's CPR number (apps/server/src/seed/demo-seed.ts): what the midwife types in. */
const demoMotherCpr = '740395-4018';
const midwife = demoAccounts.midwife.name;
const healthVisitor = demoAccounts.health_visitor.name;

/** The Copenhagen wall-clock minutes from one instant to another, as "HH:MM" (the access log's "Kl."). */
function minutesBetween(from: Date, to: Date): Set<string> {
  const format = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Copenhagen',
  });
  const out = new Set<string>();
  for (let t = Math.floor(from.getTime() / 60_000) * 60_000; t <= to.getTime(); t += 60_000)
    out.add(format.format(new Date(t)));
  return out;
}

/**
 * The "Kl. HH.MM" of an access-log row — or "Kl. HH.MM–HH.MM" for repeated reads shown as one
 * row — normalised to "HH:MM" from and to.
 */
async function loggedAt(row: Locator): Promise<{ from: string; to: string }> {
  const m = /Kl\. (\d{2})\D(\d{2})(?:\s*[–-]\s*(\d{2})\D(\d{2}))?/.exec((await row.textContent()) ?? '');
  if (!m) return { from: '', to: '' };
  const from = `${m[1]}:${m[2]}`;
  return { from, to: m[3] ? `${m[3]}:${m[4]}` : from };
}

/**
 * Opens "Vis henvisningen" on the listed referrals, one by one, until the one with this reason
 * shows — the list itself names only the family — and returns that one.
 */
async function showReferral(page: Page, candidates: Locator, reason: string): Promise<Locator> {
  const ours = page.locator('li.fs-task').filter({ hasText: reason });
  await candidates.first().waitFor({ timeout: 30_000 });
  for (const item of await candidates.all()) {
    if ((await ours.count()) > 0) break;
    await item.getByRole('button', { name: 'Vis henvisningen' }).click();
    await item.getByRole('heading', { name: 'Begrundelse', exact: true }).waitFor({ timeout: 30_000 });
  }
  await expect.poll(() => ours.count()).toBe(1);
  return ours;
}

/**
 * Issue #7, acceptance 4, as the people themselves do it: the midwife records the demo mother's
 * spoken consent and refers her to Klar til baby with her pregnancy record; the health visitor
 * reads why, acknowledges, accepts and opens the family; the mother sees the consent and the
 * health visitor's read in the portal. The demo family is shared with other browser tests, so
 * this test's own consent and referral are told apart by a stamp in their texts, and its reads
 * by the minutes they happened in. Nothing is withdrawn: the family stays as the others expect.
 */
describe.skipIf(!hasChromium)('a referral across organisations, with consent, seen by the parent', () => {
  const { newPage } = useBrowser();

  it('midwife → Klar til baby with consent → health visitor accepts and reads → the mother sees both', {
    timeout: 240_000,
  }, async () => {
    const stamp = Date.now().toString(36);
    const purpose = `Henvisningen til Klar til baby, så sundhedsplejen kender graviditeten og kan tage godt imod dig (${stamp})`;
    const reason =
      `Førstegangsgravid i uge 24 med lille netværk og stærk angst for fødslen. ` +
      `Hun vil gerne have ekstra støtte og har sagt ja til Klar til baby (${stamp}).`;

    // 1. Karen Holm (midwife, Region Demo) finds the family at the consultation by the mother's CPR.
    const mw = await newPage();
    await loginAs(mw, 'midwife');
    await menu(mw).getByRole('link', { name: 'Søg familie' }).click();
    await mw.waitForURL((url) => url.pathname === '/familier/soeg');
    await mw.getByLabel('CPR-nummer').fill(demoMotherCpr);
    await mw.getByRole('button', { name: 'Søg' }).click();
    await mw.getByRole('link', { name: parents }).click();
    await mw.waitForURL((url) => /^\/familier\/[0-9a-f-]{36}$/.test(url.pathname));
    const familyPath = new URL(mw.url()).pathname;
    await expect.poll(() => mw.locator('main h1').textContent()).toBe(parents);

    // Amira says yes to Klar til baby and to her pregnancy record going with the referral; the
    // midwife records that spoken consent, from the region to the municipality, for this purpose.
    const consents = mw.getByRole('region', { name: 'Samtykker' });
    await consents.getByRole('button', { name: 'Registrér samtykke' }).click();
    await consents
      .getByRole('group', { name: 'Hvilken forælder gav samtykket?' })
      .getByLabel('Amira Hansen')
      .check();
    await consents.getByLabel('Hvem må se oplysningerne?').selectOption({ label: municipality });
    await consents.getByLabel('oplysninger om graviditeten').check();
    await consents.getByLabel('Hvem har oplysningerne i dag?').selectOption({ label: region });
    await consents.getByLabel('Hvorfor skal de se det?').fill(purpose);
    await consents.getByLabel('Gælder til og med').fill(copenhagenDay(200));
    await consents.getByRole('group', { name: 'Hvordan blev det givet?' }).getByLabel('Mundtligt').check();
    await expect
      .poll(() => consents.locator('.fs-consent-preview').textContent())
      .toContain(`Må ${municipality} se oplysninger om graviditeten fra ${region}?`);
    await expectAccessible(mw, '"Registrér samtykke" on the family page (da)');
    await consents.getByRole('button', { name: 'Gem samtykke' }).click();
    const recorded = consents.locator('.fs-consent').filter({ hasText: stamp });
    await expect.poll(() => recorded.textContent(), { timeout: 30_000 }).toContain('Gælder');
    expect(await recorded.textContent()).toContain(
      `${municipality} må se oplysninger om graviditeten fra ${region}`,
    );
    expect(await recorded.textContent()).toContain(`af Amira Hansen, mundtligt (registreret af ${midwife})`);

    // Then she refers the family to Klar til baby, with the pregnancy the consent now covers.
    await mw.getByRole('link', { name: 'Henvis', exact: true }).click();
    await mw.waitForURL((url) => url.pathname === `${familyPath}/henvis`);
    await expect.poll(() => mw.locator('main h1').textContent()).toBe('Henvis familien');
    await mw.getByLabel('Tilbud', { exact: true }).selectOption({ label: `Klar til baby (${municipality})` });
    await mw.getByLabel('Begrundelse', { exact: true }).fill(reason);
    const pregnancy = mw.getByLabel('Graviditet', { exact: true });
    await pregnancy.waitFor({ timeout: 30_000 });
    expect(await pregnancy.isEnabled()).toBe(true);
    expect(await mw.locator('#attach-pregnancy-why').textContent()).toContain(
      'Dækket af forældrenes samtykke',
    );
    await pregnancy.check();
    await expectAccessible(mw, '"Henvis" for the demo family (da)');
    await mw.getByRole('button', { name: 'Send henvisning' }).click();
    await mw.waitForURL((url) => url.pathname === '/henvisninger' && url.search === '?fane=sendt');
    const sent = mw.locator('li.fs-task').filter({ hasText: listed }).filter({ hasText: 'Klar til baby' });
    const mine = await showReferral(mw, sent, reason);
    await expect.poll(() => mine.locator('[data-status]').textContent()).toBe('Afventer kvittering');
    expect(await mine.textContent()).toContain('Graviditet, med forældrenes samtykke');

    // 2. Mette Sørensen (health visitor, Demo Kommune, the family's district) reads why first.
    const hv = await newPage();
    await loginAs(hv, 'health_visitor');
    await menu(hv).getByRole('link', { name: 'Henvisninger' }).click();
    await hv.waitForURL((url) => url.pathname === '/henvisninger');
    const waiting = hv
      .locator('li.fs-task')
      .filter({ hasText: listed })
      .filter({ hasText: 'Afventer kvittering' });
    const received = await showReferral(hv, waiting, reason);
    expect(await received.textContent()).toContain(`Fra ${midwife}, ${region}`);
    expect(await received.textContent()).toContain('Graviditet, med forældrenes samtykke');
    expect(await received.textContent()).toContain(`af ${midwife}`);
    expect(
      await received.getByRole('button', { name: 'Skjul henvisningen' }).getAttribute('aria-expanded'),
    ).toBe('true');
    await expectAccessible(hv, '"Henvisninger" with the referral shown (da)');
    await screenshot(hv, 'cross-org-referral-received-da');

    await received.getByRole('button', { name: 'Kvittér for modtagelse' }).click();
    await expect
      .poll(() => received.locator('[data-status]').textContent(), { timeout: 30_000 })
      .toBe('Modtaget');
    await expect.poll(() => received.textContent()).toContain(`Kvitteret`);
    await received.getByRole('button', { name: 'Acceptér' }).click();
    await expect
      .poll(() => received.locator('[data-status]').textContent(), { timeout: 30_000 })
      .toBe('Accepteret');
    // Accepting opens Klar til baby to the family; it does not sign the family up by itself.
    await hv
      .getByRole('status')
      .filter({ hasText: 'Henvisningen er accepteret' })
      .filter({ hasText: 'Familien kan nu tilmeldes Klar til baby' })
      .waitFor();
    await expect.poll(() => received.textContent()).toContain(`Accepteret`);

    // She opens the family: this read of the region's pregnancy record is what Amira must see.
    const openedFrom = new Date();
    await received.getByRole('link', { name: listed }).click();
    await hv.waitForURL((url) => url.pathname === familyPath);
    await expect.poll(() => hv.locator('main h1').textContent()).toBe(parents);
    const pregnancies = hv.getByRole('table', { name: 'Graviditeter' });
    await expect.poll(() => pregnancies.textContent(), { timeout: 30_000 }).toContain('I gang');
    const openedUntil = new Date();
    // She also sees the consent that let the pregnancy come, and the referral on the timeline.
    await expect
      .poll(() => hv.getByRole('region', { name: 'Samtykker' }).textContent(), { timeout: 30_000 })
      .toContain(purpose);
    await expect
      .poll(() => hv.getByRole('region', { name: 'Tidslinje' }).textContent(), { timeout: 30_000 })
      .toContain('Henvist til Klar til baby');
    // Accepted is not finished: the entry says "Accepteret" and stays under "Det kommer".
    const coming = hv.getByRole('list', { name: 'Det kommer' });
    const showAll = hv.getByRole('button', { name: /^Vis alle \d+ punkter$/ }).first();
    if ((await coming.locator('li').filter({ hasText: 'Henvist til Klar til baby' }).count()) === 0)
      await showAll.click();
    const entry = coming.locator('li').filter({ hasText: 'Henvist til Klar til baby' }).first();
    await expect.poll(() => entry.locator('.badge').textContent()).toBe('Accepteret');
    expect(await entry.textContent()).not.toContain('Afsluttet');
    await screenshot(hv, 'cross-org-referral-family-da');

    // "Tilbud til familien": the accepted referral makes the family referred to Klar til baby, so
    // it can join now, and she signs both parents up.
    const offers = hv.getByRole('region', { name: 'Tilbud til familien' });
    const klar = offers.locator('details').filter({ hasText: 'Klar til baby' }).first();
    await expect
      .poll(() => klar.locator('summary').textContent(), { timeout: 30_000 })
      .toContain('Kan være med nu');
    await klar.locator('summary').click();
    expect(await klar.locator('li.fs-rule-ok').filter({ hasText: 'Henvist' }).count()).toBe(1);
    await expectAccessible(hv, '"Tilbud til familien" with Klar til baby open after the referral (da)');
    await klar.getByRole('button', { name: 'Tilmeld familien' }).click();
    const both = klar.getByRole('group', { name: 'Hvem skal være med?' }).getByRole('checkbox');
    await expect.poll(() => both.count()).toBe(2);
    await klar.getByRole('button', { name: 'Tilmeld familien' }).click();
    await expect
      .poll(() => klar.getByRole('heading', { level: 3 }).first().textContent(), { timeout: 30_000 })
      .toMatch(/^Familien er (tilmeldt|på venteliste som nr\. \d+)$/);
    await klar.screenshot({ path: 'e2e/screenshots/cross-org-referral-sign-up-da.png' });

    // The midwife follows her referral: accepted.
    await mw.reload();
    const followed = await showReferral(mw, sent, reason);
    await expect.poll(() => followed.locator('[data-status]').textContent()).toBe('Accepteret');
    expect(await followed.textContent()).toContain(`Accepteret`);
    expect(await followed.textContent()).toContain(`af ${healthVisitor}`);

    // 3. Amira logs in to the portal on her phone.
    const parent = await newPage({ width: 390 });
    await loginAs(parent, 'mother');
    await menu(parent).getByRole('link', { name: 'Samtykker' }).click();
    await parent.waitForURL((url) => url.pathname === '/portal/samtykker');
    await expect.poll(() => parent.locator('h1').textContent()).toBe('Samtykker');
    const given = parent.locator('.fs-consent').filter({ hasText: stamp });
    await expect.poll(() => given.textContent(), { timeout: 30_000 }).toContain('Gælder');
    expect(await given.locator('h3').textContent()).toBe(
      `${municipality} må se oplysninger om graviditeten fra ${region}`,
    );
    expect(await given.textContent()).toContain(`Hvorfor: ${purpose}`);
    expect(await given.textContent()).toContain(`af Amira Hansen, mundtligt (registreret af ${midwife})`);
    // She can take it back herself.
    expect(await given.getByRole('button', { name: /Træk samtykket tilbage/ }).isVisible()).toBe(true);
    await expectAccessible(parent, 'consents with the midwife’s record (da)');
    await screenshot(parent, 'cross-org-referral-consents-da');

    await menu(parent).getByRole('link', { name: 'Hvem har set mine data' }).click();
    await parent.waitForURL((url) => url.pathname === '/portal/hvem-har-set');
    await expect.poll(() => parent.locator('h1').textContent()).toBe('Hvem har set mine data');
    const byMette = parent.locator('.fs-access-entry').filter({ hasText: healthVisitor });
    const role = `Sundhedsplejerske hos ${municipality}`;
    // Her read of the family's pregnancy, which came from the region, in the minutes she opened it.
    const pregnancyRead = byMette
      .filter({ hasText: 'Så oplysninger om familien' })
      .filter({ hasText: `Oplysningerne kommer fra ${region}` });
    await pregnancyRead.first().waitFor({ timeout: 30_000 });
    // Her reads of it are one row, however many requests the page made: the row's span covers
    // the minutes she had the family open.
    const minutes = [...minutesBetween(openedFrom, openedUntil)];
    const inWindow: Locator[] = [];
    for (const row of await pregnancyRead.all()) {
      const at = await loggedAt(row);
      if (minutes.some((m) => at.from <= m && m <= at.to)) inWindow.push(row);
    }
    expect(inWindow.length, `one row of reads by ${healthVisitor} at ${minutes.join(' or ')}`).toBe(1);
    const read = inWindow[0] as Locator;
    expect(await read.textContent()).toContain(role);
    expect(await read.textContent()).toContain('Hvorfor: I har givet samtykke');
    // And her reading of the referral itself, on the referral's legal basis.
    const referralRead = byMette.filter({ hasText: 'Så en henvisning' }).first();
    expect(await referralRead.textContent()).toContain(role);
    expect(await referralRead.textContent()).toContain(`Oplysningerne kommer fra ${region}`);
    expect(await referralRead.textContent()).toContain(
      'Loven giver adgang, fordi de arbejder med jeres familie',
    );
    // Changes stay rows of their own: her steps on the referral and the sign-up.
    expect(await byMette.filter({ hasText: 'Ændrede en henvisning' }).count()).toBeGreaterThan(0);
    expect(
      await byMette.filter({ hasText: 'Registrerede en tilmelding til et tilbud' }).count(),
    ).toBeGreaterThan(0);
    await expectAccessible(parent, '"Hvem har set mine data" with the health visitor’s read (da)');
    await screenshot(parent, 'cross-org-referral-access-log-da');
    // The whole log is long; this one shows her row as Amira sees it on the phone.
    await read.scrollIntoViewIfNeeded();
    await parent.screenshot({ path: 'e2e/screenshots/cross-org-referral-access-log-read-da.png' });
  });
});
