import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { copenhagenDay } from './family-data';
import {
  chooseLanguage,
  demoPassword,
  expectAccessible,
  hasChromium,
  loginAs,
  screenshot,
  useBrowser,
} from './fixtures';
import { registerFamilyWithNewborn } from './health-family';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });
const familyUrl = (url: URL) => /^\/familier\/[0-9a-f-]{36}$/.test(url.pathname);

/** Lise Dam: Mette Sørensen's colleague in Sundhedsplejen Nord (demo seed, password "demo"). */
const colleague = { email: 'lise.dam@demo.dk', name: 'Lise Dam' };

/**
 * EPDS answers as the place of the chosen option, top = 0 (what the form sends; the server
 * scores, items 3 and 5–10 reversed). The mother's: total 10 (below her cut-off 11) but item 10
 * "Næsten aldrig" (place 2, score 1) — the alert. The father's: total 2, item 10 "Aldrig".
 */
const motherAnswers = [1, 1, 2, 1, 2, 2, 2, 2, 2, 2];
const fatherAnswers = [1, 0, 2, 0, 3, 3, 3, 3, 3, 3];

async function answerEpds(page: Page, answers: number[]) {
  // One form is open at a time; each item is a radio group named "<prefix>-item-<n>".
  for (const [i, value] of answers.entries()) {
    await page.locator(`input[type="radio"][name$="-item-${i + 1}"][value="${value}"]`).check();
  }
}

/**
 * A family of its own, so no other browser test (they run in parallel on the same server)
 * touches it: the midwife registers the pregnancy with both parents in Sundhedsplejen Nord, the
 * birth 65 days ago is registered by the health visitor (the child's visit plan is made then, and
 * the rules put the open 2-month visit on the district's worklist), and Lise Dam is the
 * coordinator. A fresh family is needed because the demo seed makes no "visit due" tasks: those
 * come from the task rules, which run after a change or at night, not at seeding.
 */
async function familyWithTwoMonthVisitDue() {
  const family = await registerFamilyWithNewborn({
    parents: { mother: 'Rikke', father: 'Thomas' },
    street: 'Engvej 7',
    child: { givenName: 'Alma', sex: 'female' },
    birthTime: '08:30',
    dischargeTime: '18:00',
    birthplace: 'Fødeafdelingen, Demo Hospital',
  });
  const { surname, mother, father, hv } = family;
  const candidates = await hv.request<{ id: string; name: string }[]>(
    'GET',
    `/api/families/${family.id}/coordinator-candidates`,
  );
  const lise = candidates.find((c) => c.name === colleague.name);
  if (!lise) throw new Error(`${colleague.name} is not a coordinator candidate`);
  await hv.request('PUT', `/api/families/${family.id}/coordinator`, { staffUserId: lise.id });
  return {
    // The lists and the family page's heading join the parents' names alike.
    names: `${mother.givenName} ${surname} og ${father.givenName} ${surname}`,
    mother: `${mother.givenName} ${surname}`,
    father: `${father.givenName} ${surname}`,
  };
}

/** The number shown for a section in the counts at the top of "I dag". */
async function countOf(page: Page, section: string): Promise<number> {
  const item = page
    .getByRole('list', { name: 'Antal opgaver' })
    .getByRole('listitem')
    .filter({ hasText: section });
  return Number(await item.locator('.fs-count-number').textContent());
}

describe.skipIf(!hasChromium)('health visiting: "I dag", the 2-month visit and EPDS', () => {
  const { newPage } = useBrowser();

  it('the health visitor records the 2-month visit with EPDS for both parents; item 10 raises the alert for her and the coordinator', async () => {
    const family = await familyWithTwoMonthVisitDue();

    // Mette Sørensen opens "I dag": the counts, "Akutte" first, and the 2-month visit due.
    const hv = await newPage();
    await loginAs(hv, 'health_visitor');
    await menu(hv).getByRole('link', { name: 'I dag' }).click();
    await hv.waitForURL((url) => url.pathname === '/i-dag');
    await hv.getByRole('list', { name: 'Antal opgaver' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => hv.locator('main h1').textContent()).toBe('I dag');
    // The demo has an item-10 alert in Sundhedsplejen Nord already: the alerts lead the page.
    const alertsBefore = await countOf(hv, 'Akutte');
    expect(alertsBefore).toBeGreaterThan(0);
    expect(await hv.locator('main section h2').first().textContent()).toContain('Akutte');
    const visitTask = hv
      .locator('li.fs-task')
      .filter({ hasText: family.names })
      .filter({ hasText: 'Besøg ved 2 måneder' });
    await visitTask.waitFor({ state: 'attached', timeout: 30_000 });
    expect(await visitTask.locator('h4').textContent()).toBe('Besøg skal planlægges');
    await expectAccessible(hv, '"I dag" (da)');
    await screenshot(hv, 'today-da');

    // The family from the task: its page shows the child's visit plan with the 2-month visit now.
    // (It may stand under "Kommende", folded away: open that first if so.)
    if (!(await visitTask.isVisible())) await hv.getByText('Vis de kommende opgaver').click();
    await visitTask.getByRole('link', { name: family.names }).click();
    await hv.waitForURL(familyUrl);
    const familyPath = new URL(hv.url()).pathname;
    await expect.poll(() => hv.locator('h1').textContent(), { timeout: 30_000 }).toBe(family.names);
    const visitRow = hv.locator('tr').filter({ hasText: 'Besøg ved 2 måneder' });
    await visitRow.waitFor({ timeout: 30_000 });
    expect(await visitRow.locator('.badge').textContent()).toBe('Skal ske nu');
    await expectAccessible(hv, 'family page with visits (da)');

    // Record the visit as done: today, at home, measurements of a 2-month-old, development fine.
    await hv.getByRole('button', { name: 'Registrér besøg Besøg ved 2 måneder' }).click();
    const form = hv.locator('section.fs-panel').filter({ hasText: 'Blev besøget gennemført?' });
    await form.waitFor();
    expect(await form.getByLabel('Ja, besøget er gennemført').isChecked()).toBe(true);
    expect(await form.getByLabel('Dato for besøget').inputValue()).toBe(copenhagenDay(0));
    await form.getByLabel('hjemme', { exact: true }).check();
    await form.getByLabel('Vægt (g)').fill('5200');
    await form.getByLabel('Længde (cm)').fill('58,5');
    await form.getByLabel('Hovedomfang (cm)').fill('39,5');
    await form.getByLabel('Forældrenes trivsel').check();
    await form.getByLabel('Vaccinationer og lægeundersøgelser').check();
    await form.getByLabel('Alderssvarende udvikling').check();
    await expectAccessible(hv, 'record a visit (da)');
    await form.getByRole('button', { name: 'Gem besøget' }).click();
    await expect
      .poll(() => hv.getByRole('status').filter({ hasText: 'er registreret som gennemført' }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await expect.poll(() => visitRow.locator('.badge').textContent()).toBe('Gennemført');
    expect(await visitRow.textContent()).toContain('5.200 g');

    // EPDS for the mother: item 10 above 0 — the alert, with what to do now.
    await hv.getByRole('button', { name: `EPDS – ${family.mother} (mor)` }).click();
    await hv.getByRole('heading', { name: `EPDS – ${family.mother}` }).waitFor();
    expect(await hv.locator('main').textContent()).toContain('Cox, Holden & Sagovsky 1987');
    await expectAccessible(hv, 'EPDS form (da)');
    await answerEpds(hv, motherAnswers);
    await hv.getByRole('button', { name: 'Gem og se resultatet' }).click();
    const selfHarm = hv.getByText('Svar over 0 på spørgsmål 10 om at skade sig selv');
    await selfHarm.waitFor({ timeout: 30_000 });
    const result = hv.locator('section.fs-panel').filter({ hasText: 'Resultat af EPDS' });
    expect(await result.textContent()).toContain('Samlet score 10 ud af 30. Grænsen er 11.');
    expect(await result.textContent()).toContain('Under grænsen');
    expect(await result.textContent()).toContain('Familiens tovholder og distriktets sundhedsplejersker');
    expect(await result.textContent()).toContain('Akut: EPDS spørgsmål 10');
    await expectAccessible(hv, 'EPDS result with the item-10 alert (da)');
    await screenshot(hv, 'epds-alert-da');
    await result.getByRole('button', { name: 'Luk' }).click();

    // EPDS for the father: below his cut-off (10), no alert.
    await hv.getByRole('button', { name: `EPDS – ${family.father} (far)` }).click();
    await hv.getByRole('heading', { name: `EPDS – ${family.father}` }).waitFor();
    await answerEpds(hv, fatherAnswers);
    await hv.getByRole('button', { name: 'Gem og se resultatet' }).click();
    const fatherResult = hv.locator('section.fs-panel').filter({ hasText: 'Resultat af EPDS' });
    await fatherResult.waitFor({ timeout: 30_000 });
    expect(await fatherResult.textContent()).toContain('Samlet score 2 ud af 30. Grænsen er 10.');
    expect(await fatherResult.textContent()).toContain('Under grænsen');
    expect(await fatherResult.textContent()).not.toContain('spørgsmål 10');
    await fatherResult.getByRole('button', { name: 'Luk' }).click();

    // Both screenings in the family's list; the mother's marked for item 10.
    const screenings = hv.getByRole('region', { name: 'Screeninger' });
    await expect.poll(() => screenings.locator('tbody tr').count(), { timeout: 30_000 }).toBe(2);
    const motherRow = screenings.locator('tbody tr').filter({ hasText: family.mother });
    expect(await motherRow.textContent()).toContain('Svar på spørgsmål 10');
    expect(await screenings.locator('tbody tr').filter({ hasText: family.father }).textContent()).toContain(
      'Under grænsen',
    );
    await expectAccessible(hv, 'family page after the screenings (da)');

    // Back on "I dag": one alert more, in "Akutte" above everything else, for the district;
    // the 2-month visit's task is settled by the record.
    await menu(hv).getByRole('link', { name: 'I dag' }).click();
    await hv.waitForURL((url) => url.pathname === '/i-dag');
    await expect.poll(() => countOf(hv, 'Akutte'), { timeout: 30_000 }).toBe(alertsBefore + 1);
    const alerts = hv.getByRole('region', { name: /^Akutte/ });
    expect(await hv.locator('main section h2').first().textContent()).toContain('Akutte');
    const alert = alerts.locator('li.fs-task').filter({ hasText: family.names });
    await alert.waitFor();
    expect(await alert.locator('h4').textContent()).toBe('Akut: EPDS spørgsmål 10');
    expect(await alert.textContent()).toContain('tag kontakt i dag');
    // Mette is not the coordinator: hers is the district unit's task.
    expect(await alert.textContent()).toContain('Tildelt Sundhedsplejen Nord');
    expect(
      await hv
        .locator('li.fs-task')
        .filter({ hasText: family.names })
        .filter({ hasText: 'Besøg ved 2 måneder' })
        .count(),
    ).toBe(0);
    await expectAccessible(hv, '"I dag" with the new alert (da)');
    await screenshot(hv, 'today-alert-da');
    // The worklist in Arabic: right to left, the alert still first, and accessible.
    await chooseLanguage(hv, 'ar');
    expect(await hv.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => hv.locator('main h1').textContent()).not.toBe('I dag');
    expect(await hv.locator('main section').first().locator('li.fs-task-alert').count()).toBe(
      alertsBefore + 1,
    );
    await expectAccessible(hv, '"I dag" with the new alert (ar)');
    await screenshot(hv, 'today-alert-ar');
    await chooseLanguage(hv, 'da');
    // The family link goes back to the family.
    await alert.getByRole('link', { name: family.names }).click();
    await hv.waitForURL((url) => url.pathname === familyPath);

    // The coordinator, Lise Dam, has the alert on her own worklist, assigned to her.
    const coordinator = await newPage();
    await coordinator.goto('/login');
    await coordinator.getByLabel('E-mailadresse', { exact: true }).fill(colleague.email);
    await coordinator.getByLabel('Adgangskode', { exact: true }).fill(demoPassword);
    await coordinator.getByRole('button', { name: 'Log ind', exact: true }).click();
    await coordinator.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => coordinator.locator('h1').textContent()).toContain(colleague.name);
    await menu(coordinator).getByRole('link', { name: 'I dag' }).click();
    await coordinator.waitForURL((url) => url.pathname === '/i-dag');
    const theirs = coordinator
      .getByRole('region', { name: /^Akutte/ })
      .locator('li.fs-task')
      .filter({ hasText: family.names })
      .filter({ hasText: `Tildelt ${colleague.name}` });
    await theirs.waitFor({ timeout: 30_000 });
    expect(await theirs.locator('h4').textContent()).toBe('Akut: EPDS spørgsmål 10');
    expect(await coordinator.locator('main section h2').first().textContent()).toContain('Akutte');
    await expectAccessible(coordinator, 'the coordinator\'s "I dag" (da)');
    await screenshot(coordinator, 'today-coordinator-da');
  });
});
