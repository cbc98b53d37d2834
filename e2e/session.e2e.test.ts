import { describe, expect, it } from 'vitest';
import { baseUrl, demoAccounts, demoPassword, hasChromium, loginByApi, useBrowser } from './fixtures';

/** Ends a browser's session on the server, leaving its cookie in place: what an expired session looks like. */
async function endSessionBehindTheBrowsersBack(page: import('playwright-core').Page): Promise<void> {
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'familiespor_session');
  expect(session).toBeDefined();
  const cookie = `familiespor_session=${session?.value}`;
  const me = await fetch(`${baseUrl()}/api/me`, { headers: { cookie } });
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const out = await fetch(`${baseUrl()}/api/auth/logout`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, origin: baseUrl() },
  });
  expect(out.status).toBe(204);
}

describe.skipIf(!hasChromium)('session expiry', () => {
  const { newPage } = useBrowser();

  it('sends a staff user to login when the session has expired, and back to the page afterwards', async () => {
    const page = await newPage();
    await loginByApi(page, 'org_admin');
    await page.goto('/admin/enheder');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Enheder');

    await endSessionBehindTheBrowsersBack(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Brugere' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    const url = new URL(page.url());
    expect(url.searchParams.get('returnTo')).toBe('/admin/brugere');
    expect(url.searchParams.get('reason')).toBe('expired');
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('Du er blevet logget ud');

    await page.getByLabel('E-mailadresse', { exact: true }).fill(demoAccounts.org_admin.email);
    await page.getByLabel('Adgangskode', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/admin/brugere');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Brugere');
  });

  it('does the same for a parent on the portal', async () => {
    const page = await newPage({ width: 360 });
    await loginByApi(page, 'mother');
    await page.goto('/portal');
    await page.locator('h1').waitFor();
    await endSessionBehindTheBrowsersBack(page);
    await page.reload();
    await page.waitForURL((url) => url.pathname === '/portal/login');
    expect(new URL(page.url()).searchParams.get('reason')).toBe('expired');
    await page.getByLabel('E-mailadresse', { exact: true }).fill(demoAccounts.mother.email);
    await page.getByLabel('Adgangskode', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/portal');
  });

  it('never follows a returnTo to another site', async () => {
    const page = await newPage();
    await page.goto('/login?returnTo=//evil.example/phish');
    await page.getByLabel('E-mailadresse', { exact: true }).fill(demoAccounts.caseworker.email);
    await page.getByLabel('Adgangskode', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/');
    expect(new URL(page.url()).origin).toBe(baseUrl());
  });
});
