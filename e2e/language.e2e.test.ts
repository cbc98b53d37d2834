import { describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  expectAccessible,
  hasChromium,
  loginAs,
  loginByApi,
  screenshot,
  useBrowser,
} from './fixtures';

const scrollsSideways = (page: import('playwright-core').Page) =>
  page.evaluate(
    'document.documentElement.scrollWidth > document.documentElement.clientWidth',
  ) as Promise<boolean>;

describe.skipIf(!hasChromium)('languages and right-to-left', () => {
  const { newPage } = useBrowser();

  it('switches the whole page to Arabic right-to-left, remembers it, and switches back', async () => {
    const page = await newPage();
    await loginByApi(page, 'org_admin');
    await page.goto('/');
    await page.locator('h1').waitFor();
    const html = page.locator('html');
    expect(await html.getAttribute('dir')).toBe('ltr');
    const logoLtr = await page.locator('.fs-logo').boundingBox();

    await chooseLanguage(page, 'ar');
    expect(await html.getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toContain('مرحبًا');
    // Mirrored: the logo moves to the right edge, and the menu runs from right to left.
    const logoRtl = await page.locator('.fs-logo').boundingBox();
    expect(logoLtr && logoRtl && logoRtl.x > logoLtr.x + 500).toBe(true);
    const items = page.getByRole('navigation').getByRole('link');
    const first = await items.first().boundingBox();
    const second = await items.nth(1).boundingBox();
    expect(first && second && first.x > second.x).toBe(true);

    await page.reload();
    await page.locator('h1').waitFor();
    expect(await html.getAttribute('dir')).toBe('rtl');
    expect(await html.getAttribute('lang')).toBe('ar');

    await chooseLanguage(page, 'en');
    expect(await html.getAttribute('dir')).toBe('ltr');
    expect(await page.locator('h1').textContent()).toContain('Welcome');
    await chooseLanguage(page, 'da');
    await page.reload();
    await page.locator('h1').waitFor();
    expect(await html.getAttribute('dir')).toBe('ltr');
    expect(await page.locator('h1').textContent()).toContain('Velkommen');
  });

  it('formats dates and times for the chosen language, in Copenhagen time', async () => {
    const page = await newPage();
    await loginByApi(page, 'health_visitor');
    await page.goto('/');
    const session = page.locator('dd').filter({ hasText: /Til kl\./ });
    await expect.poll(() => session.textContent()).toMatch(/Til kl\. \d{2}\.\d{2}/);
    await chooseLanguage(page, 'en');
    await expect
      .poll(() =>
        page
          .locator('dd')
          .filter({ hasText: /^Until/ })
          .textContent(),
      )
      .toMatch(/Until \d{2}:\d{2}/);
  });

  it('shows the parent portal on a 360 px phone without sideways scrolling, in Danish and Arabic', async () => {
    const page = await newPage({ width: 360 });
    await page.goto('/portal/login');
    await page.locator('h1').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page, 'parent login, 360 px (da)');
    await screenshot(page, 'portal-login-360-da');

    await loginAs(page, 'mother');
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page, 'parent home, 360 px (da)');
    await screenshot(page, 'portal-home-360-da');

    await chooseLanguage(page, 'ar');
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page, 'parent home, 360 px (ar)');
    await screenshot(page, 'portal-home-360-ar');

    await page.goto('/portal/login');
    await page.waitForURL((url) => url.pathname === '/portal');
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await page.waitForURL((url) => url.pathname === '/portal/login');
    expect(await scrollsSideways(page)).toBe(false);
    await expectAccessible(page, 'parent login, 360 px (ar)');
    await screenshot(page, 'portal-login-360-ar');
  });

  it('has an accessibility statement one click from the footer, in Danish and Arabic', async () => {
    const page = await newPage();
    await page.goto('/portal/login');
    await page.getByRole('link', { name: 'Tilgængelighedserklæring' }).click();
    await page.waitForURL((url) => url.pathname === '/tilgaengelighed');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Tilgængelighedserklæring');
    await expectAccessible(page, 'accessibility statement (da)');
    await chooseLanguage(page, 'ar');
    await expect.poll(() => page.locator('h1').textContent()).toBe('بيان إمكانية الوصول');
    await expectAccessible(page, 'accessibility statement (ar)');
    await screenshot(page, 'accessibility-statement-ar');
  });
});
