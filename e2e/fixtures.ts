import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { hasChromium, launchBrowser } from './browser';

export { hasChromium };

/** The demo accounts of DESIGN §7 (password "demo"), keyed by role, and where each lands. */
export const demoAccounts = {
  midwife: { email: 'jordemoder@demo.dk', name: 'Karen Holm', area: 'staff' },
  health_visitor: { email: 'sundhedsplejerske@demo.dk', name: 'Mette Sørensen', area: 'staff' },
  programme_lead: { email: 'ledende.sundhedsplejerske@demo.dk', name: 'Hanne Kristensen', area: 'staff' },
  family_counsellor: { email: 'familieraadgiver@demo.dk', name: 'Ahmed Hassan', area: 'staff' },
  ngo_counsellor: { email: 'raadgiver@moedrehjaelpen.demo.dk', name: 'Louise Berg', area: 'staff' },
  caseworker: { email: 'socialraadgiver@demo.dk', name: 'Peter Nielsen', area: 'staff' },
  daycare_educator: { email: 'paedagog@demo.dk', name: 'Sofie Larsen', area: 'staff' },
  analyst: { email: 'analytiker@demo.dk', name: 'Jonas Madsen', area: 'staff' },
  org_admin: { email: 'admin@demo.dk', name: 'Birgitte Andersen', area: 'staff' },
  platform_admin: { email: 'drift@demo.dk', name: 'Drift Familiespor', area: 'staff' },
  mother: { email: 'mor@demo.dk', name: 'Amira Hansen', area: 'portal' },
  father: { email: 'far@demo.dk', name: 'Mikkel Hansen', area: 'portal' },
} as const;
export type DemoRole = keyof typeof demoAccounts;
export const demoPassword = 'demo';

export const baseUrl = (): string => inject('baseUrl');
export const homePath = (role: DemoRole) => (demoAccounts[role].area === 'portal' ? '/portal' : '/');
export const loginPath = (role: DemoRole) =>
  demoAccounts[role].area === 'portal' ? '/portal/login' : '/login';

/** One browser per test file; each test gets fresh contexts (own cookies and storage). */
export function useBrowser(): {
  browser: () => Browser;
  newPage: (opts?: { width?: number }) => Promise<Page>;
} {
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
  });
  return {
    browser: () => {
      if (!browser) throw new Error('the browser is not started');
      return browser;
    },
    newPage: async (opts = {}) => {
      if (!browser) throw new Error('the browser is not started');
      const context = await browser.newContext({
        baseURL: baseUrl(),
        viewport: { width: opts.width ?? 1280, height: 800 },
        locale: 'da-DK',
        timezoneId: 'Europe/Copenhagen',
      });
      contexts.push(context);
      return context.newPage();
    },
  };
}

/** Logs in through the login page, as a user would, and waits for the role's home. */
export async function loginAs(page: Page, role: DemoRole): Promise<void> {
  const account = demoAccounts[role];
  await page.goto(loginPath(role));
  await page.getByLabel('E-mailadresse', { exact: true }).fill(account.email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await page.waitForURL((url) => url.pathname === homePath(role));
  await expect.poll(() => page.locator('h1').textContent()).toContain(account.name);
}

/** Logs in through the API in the page's context (same cookie jar): fast, for tests about something else. */
export async function loginByApi(page: Page, role: DemoRole): Promise<void> {
  const res = await page.request.post('/api/auth/login', {
    data: { email: demoAccounts[role].email, password: demoPassword },
  });
  expect(res.status()).toBe(200);
}

/**
 * A signed-in HTTP client for building test data through the API, with the session cookie
 * and the X-CSRF-Token header every write needs.
 */
export type ApiClient = {
  me: { csrfToken: string; [key: string]: unknown };
  cookie: string;
  request<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T>;
};

export async function apiAs(role: DemoRole): Promise<ApiClient> {
  const url = baseUrl();
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: demoAccounts[role].email, password: demoPassword }),
  });
  if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const me = (await res.json()) as ApiClient['me'];
  return {
    me,
    cookie,
    async request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<T> {
      const r = await fetch(`${url}${path}`, {
        method,
        headers: {
          cookie,
          origin: url,
          ...(method === 'GET' ? {} : { 'x-csrf-token': me.csrfToken }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${path} answered ${r.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

let unique = 0;
/** A staff user created through the API (as an org admin), with overridable fields. */
export async function createStaffUser(
  admin: ApiClient,
  overrides: Partial<{ name: string; email: string; title: string; roles: string[]; password: string }> = {},
): Promise<{ id: string; name: string; email: string }> {
  unique += 1;
  const stamp = `${Date.now().toString(36)}${unique}`;
  const orgId = (admin.me.organisation as { id: string }).id;
  return admin.request('POST', `/api/organisations/${orgId}/staff`, {
    name: `Testbruger ${stamp}`,
    email: `test.${stamp}@demo.dk`,
    title: 'Sundhedsplejerske',
    roles: ['health_visitor'],
    ...overrides,
  });
}

/** axe-core with the WCAG 2.1 A and AA rules; a serious or critical violation fails the test. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map(
    (v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(report, `axe on ${where}`).toEqual([]);
}

const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
/** Full-page screenshots go to e2e/screenshots/ (ignored by git), for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Chooses a language with the language bar's button (each is named in its own language). */
export async function chooseLanguage(page: Page, language: 'da' | 'en' | 'ar'): Promise<void> {
  await page.locator(`.fs-language-bar button[lang="${language}"]`).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
}

/** What has keyboard focus, described by tag, text and id. */
export function focused(page: Page): Promise<{ tag: string; text: string; id: string; href: string }> {
  return page.evaluate(
    '(() => { const e = document.activeElement; return e ? { tag: e.tagName.toLowerCase(), text: (e.textContent || "").trim(), id: e.id, href: e.getAttribute("href") || "" } : { tag: "", text: "", id: "", href: "" }; })()',
  ) as Promise<{ tag: string; text: string; id: string; href: string }>;
}

/** Presses Tab until focus is on an element matching the test, or fails after `max` presses. */
export async function tabTo(
  page: Page,
  matches: (f: { tag: string; text: string; id: string; href: string }) => boolean,
  max = 40,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(
    `Tab did not reach the element within ${max} presses (last: ${JSON.stringify(await focused(page))})`,
  );
}
