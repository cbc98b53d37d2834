import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adult, copenhagenDay, registerPregnancyByApi } from './family-data';
import { apiAs, expectAccessible, hasChromium, loginAs, screenshot, useBrowser } from './fixtures';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

describe.skipIf(!hasChromium)('referrals: "Henvis" and "Henvisninger"', () => {
  const { newPage } = useBrowser();

  it('the midwife refers a vulnerable pregnant woman to Klar til baby; the health visitor acknowledges and accepts; the midwife sees it accepted', async () => {
    // A family of its own in Sundhedsplejen Nord (postcode 9991), registered with the consent to
    // share identity and pregnancy with health visiting.
    const mother = adult('female', 'Yasmin');
    const family = await registerPregnancyByApi(await apiAs('midwife'), mother, copenhagenDay(20 * 7));
    const name = `${mother.givenName} ${mother.familyName}`;

    // Karen Holm opens the family and refers from there.
    const mw = await newPage();
    await loginAs(mw, 'midwife');
    await mw.goto(`/familier/${family.id}`);
    await mw.getByRole('link', { name: 'Henvis', exact: true }).click();
    await mw.waitForURL((url) => url.pathname === `/familier/${family.id}/henvis`);
    await expect.poll(() => mw.locator('main h1').textContent()).toBe('Henvis familien');
    await mw.getByLabel('Tilbud', { exact: true }).selectOption({ label: 'Klar til baby (Demo Kommune)' });
    await mw
      .getByLabel('Begrundelse', { exact: true })
      .fill('Førstegangsgravid uden netværk, bekymret for fødslen og tiden efter. Ønsker ekstra støtte.');
    await mw.getByLabel('Haster', { exact: true }).check();
    // The pregnancy may go with it: the parents consented to share it with health visiting.
    const pregnancy = mw.getByLabel('Graviditet', { exact: true });
    await pregnancy.waitFor({ timeout: 30_000 });
    expect(await pregnancy.isEnabled()).toBe(true);
    expect(await mw.getByLabel('Sundhedspleje', { exact: true }).isDisabled()).toBe(true);
    await pregnancy.check();
    await expectAccessible(mw, '"Henvis" (da)');
    await screenshot(mw, 'refer-da');
    await mw.getByRole('button', { name: 'Send henvisning' }).click();
    await mw.waitForURL((url) => url.pathname === '/henvisninger' && url.search === '?fane=sendt');
    const sent = mw.locator('li.fs-task').filter({ hasText: name });
    await sent.waitFor({ timeout: 30_000 });
    expect(await sent.locator('[data-status]').textContent()).toBe('Afventer kvittering');
    expect(await sent.textContent()).toContain('Klar til baby');

    // Mette Sørensen (Sundhedsplejen Nord, the family's district) finds it in "Modtaget".
    const hv = await newPage();
    await loginAs(hv, 'health_visitor');
    await menu(hv).getByRole('link', { name: 'Henvisninger' }).click();
    await hv.waitForURL((url) => url.pathname === '/henvisninger');
    const received = hv.locator('li.fs-task').filter({ hasText: name });
    await received.waitFor({ timeout: 30_000 });
    expect(await received.textContent()).toContain('Fra Karen Holm, Region Demo');
    await expectAccessible(hv, '"Henvisninger" (da)');
    await screenshot(hv, 'referrals-received-da');
    await received.getByRole('button', { name: 'Kvittér for modtagelse' }).click();
    await expect
      .poll(() => received.locator('[data-status]').textContent(), { timeout: 30_000 })
      .toBe('Modtaget');
    // "Afvis" asks why first: without a reason nothing is sent. She changes her mind.
    await received.getByRole('button', { name: 'Afvis', exact: true }).click();
    await received.getByRole('button', { name: 'Afvis henvisningen' }).click();
    await expect.poll(() => received.textContent()).toContain('Skriv en begrundelse for afvisningen');
    expect(await received.locator('[data-status]').textContent()).toBe('Modtaget');
    await received.getByRole('button', { name: 'Fortryd' }).click();
    await received.getByRole('button', { name: 'Acceptér' }).click();
    await expect
      .poll(() => received.locator('[data-status]').textContent(), { timeout: 30_000 })
      .toBe('Accepteret');
    await hv.getByRole('status').filter({ hasText: 'Henvisningen er accepteret' }).waitFor();
    await screenshot(hv, 'referrals-accepted-da');

    // The midwife follows it: "accepteret".
    await mw.reload();
    await sent.waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await sent.locator('[data-status]').textContent())?.toLowerCase())
      .toBe('accepteret');
    await screenshot(mw, 'referrals-sent-da');
  });
});
