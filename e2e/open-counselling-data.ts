import type { AnonymousContactStatistics } from '@familiespor/contracts';
import type { Page } from 'playwright-core';
import { apiAs } from './fixtures';

export const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

/** Taps a chip in one of the form's groups, as a finger would: on its label. */
export const chip = (page: Page, group: string, name: string) =>
  page.getByRole('group', { name: group }).getByText(name, { exact: true }).click();

/** The NGO's figures for the open counselling, as its counsellor gets them from the API now. */
export async function anonymousStatisticsNow(): Promise<AnonymousContactStatistics> {
  const api = await apiAs('ngo_counsellor');
  return api.request<AnonymousContactStatistics>('GET', '/api/open-counselling/statistics');
}

/** "Åben rådgivning" from the menu, ready to log a conversation. */
export async function openDropIn(page: Page): Promise<void> {
  await menu(page).getByRole('link', { name: 'Åben rådgivning', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/aaben-raadgivning');
  await page.getByRole('heading', { name: 'Næste åbningstid' }).waitFor();
}

/** Fills the conversation's who, when and what (everything but the outcome and the note). */
export async function describeConversation(
  page: Page,
  c: { channel: string; who: string; age: string; topics: string[]; minutes: 10 | 20 | 30 | 45 | 60 },
): Promise<void> {
  await chip(page, 'Hvordan', c.channel);
  await chip(page, 'Hvem', c.who);
  await chip(page, 'Barnets alder', c.age);
  for (const topic of c.topics) await chip(page, 'Hvad handlede samtalen om?', topic);
  await page.getByRole('button', { name: `${c.minutes} minutter` }).click();
}
