import { describe, expect, it } from 'vitest';
import {
  demoAccounts,
  demoPassword,
  expectAccessible,
  focused,
  hasChromium,
  tabTo,
  useBrowser,
} from './fixtures';

describe.skipIf(!hasChromium)('keyboard only (Tab and Enter)', () => {
  const { newPage } = useBrowser();

  it('logs in, uses the skip link, follows the main menu and logs out', async () => {
    const page = await newPage();
    await page.goto('/login');
    await page.locator('h1').waitFor();

    // The first Tab reaches the skip link, and Enter moves focus to the main content.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Gå til sidens indhold');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('main-content');

    await tabTo(page, (f) => f.id === 'staff-login-email');
    await page.keyboard.type(demoAccounts.org_admin.email);
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('staff-login-password');
    await page.keyboard.type(demoPassword);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.locator('h1').textContent()).toContain(demoAccounts.org_admin.name);

    // Main menu: Brugere, then Enheder, each reached with Tab and opened with Enter.
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Brugere');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/admin/brugere');
    // Focus moves to the new page's heading, so Tab continues from the top of the content.
    await expect.poll(async () => (await focused(page)).tag).toBe('h1');
    await expectAccessible(page, 'users page reached by keyboard');

    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Opret bruger');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/admin/brugere/ny');
    // Submitting the empty form by keyboard shows the error summary with focus on it.
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Opret bruger', 160);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toContain('Der er noget, du skal rette');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Skriv brugerens navn');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('user-name');

    await page.keyboard.press('Shift+Tab');
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Log af', 160);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/login');
  });

  it('logs a parent in on the parent portal with the keyboard', async () => {
    const page = await newPage({ width: 360 });
    await page.goto('/portal/login');
    await page.locator('h1').waitFor();
    await tabTo(page, (f) => f.id === 'parent-login-email');
    await page.keyboard.type(demoAccounts.father.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(demoPassword);
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Log ind');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/portal');
    await expect.poll(() => page.locator('h1').textContent()).toContain(demoAccounts.father.name);
  });
});
