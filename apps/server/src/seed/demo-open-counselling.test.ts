import type {
  AnonymousContactStatistics,
  PublicOpenCounsellingSlots,
  StatisticsOrganisation,
} from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, startTestApp, type TestEnv, testClock } from '../../test/harness';
import { login } from '../../test/http';
import { demoPassword, seedDemo } from './demo-seed';

// On the shared PostgreSQL test database the demo may have been seeded by an earlier run; what
// is checked here holds whichever day that was.
describeEachDatabase('demo open counselling (Mødrehjælpen Demo)', (kind) => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await startTestApp(kind, { config: { demo: true }, clock: testClock(new Date()) });
    await seedDemo({ db: env.database.db, clock: env.clock, config: env.config });
  });
  afterAll(() => env?.close());

  it('shows the Wednesday drop-in in Demoby and the evening line on the public page, with Louise on duty', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/open-counselling/slots' });
    const { slots, municipalities } = res.json() as PublicOpenCounsellingSlots;
    const demo = slots.filter((s) => s.organisation.name === 'Mødrehjælpen Demo');
    expect(demo.map((s) => [s.weekday, s.startTime, s.walkIn])).toEqual([
      [1, '18:00', false],
      [3, '15:00', true],
    ]);
    expect(demo[1]).toMatchObject({
      address: { street: 'Kirkegade 3', postcode: '9991', city: 'Demoby' },
      counsellors: ['Louise'],
    });
    expect(municipalities.map((m) => m.name)).toContain('Demo Kommune');
  });

  it('has a year of conversations whose statistics hide the small counts, for the NGO and its partner', async () => {
    const louise = await login(env.app, 'raadgiver@moedrehjaelpen.demo.dk', demoPassword);
    const own = (
      await louise.request('GET', '/api/open-counselling/statistics')
    ).json() as AnonymousContactStatistics;
    expect(own.topicsByMonth.contactsTotal).toBeGreaterThan(150); // about 300 a year
    expect(own.hiddenCells).toBeGreaterThan(0);
    // Abortion considerations are rare: some months show "<5".
    const abortion = own.topicsByMonth.rows.find((r) => r.topic === 'abortion_considerations');
    expect(abortion?.counts.some((c) => c === null)).toBe(true);

    const lead = await login(env.app, 'ledende.sundhedsplejerske@demo.dk', demoPassword);
    const orgs = (
      await lead.request('GET', '/api/open-counselling/statistics/organisations')
    ).json() as StatisticsOrganisation[];
    const mhj = orgs.find((o) => o.name === 'Mødrehjælpen Demo');
    expect(mhj?.relation).toBe('partner');
    const partner = await lead.request('GET', `/api/open-counselling/statistics?orgId=${mhj?.id}`);
    expect(partner.json()).toEqual(own);
  });
});
