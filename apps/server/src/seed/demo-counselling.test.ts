import type { CounsellingCase, CounsellingCasePage, CounsellingStatistics } from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, startTestApp, type TestEnv, testClock } from '../../test/harness';
import { login, type Session } from '../../test/http';
import { inScope } from '../db/scope';
import { demoPassword, seedDemo } from './demo-seed';

// On the shared PostgreSQL test database the demo may have been seeded by an earlier run: "last
// year" is the year before the day this part ran (app_meta), whichever run that was.
describeEachDatabase('demo counselling (Boligsocialt Sekretariat Demo)', (kind) => {
  let env: TestEnv;
  let ahmed: Session;
  let seededYear: number;

  beforeAll(async () => {
    env = await startTestApp(kind, { config: { demo: true }, clock: testClock(new Date()) });
    await seedDemo({ db: env.database.db, clock: env.clock, config: env.config });
    const marker = await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx
        .selectFrom('app_meta')
        .select('value')
        .where('key', '=', 'demo_seed:0006_counselling_cases')
        .executeTakeFirstOrThrow(),
    );
    seededYear = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric' }).format(
        new Date(marker.value),
      ),
    );
    ahmed = await login(env.app, 'familieraadgiver@demo.dk', demoPassword);
  });
  afterAll(() => env?.close());

  it('reads like Vollsmose 2017 last year: 58 families counselled, 23 closed as no longer needing special support', async () => {
    const res = await ahmed.request('GET', `/api/counselling/statistics?year=${seededYear - 1}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as CounsellingStatistics;
    expect(s).toMatchObject({
      organisation: { name: 'Boligsocialt Sekretariat Demo' },
      familiesCounselled: 58,
      casesClosed: 40,
      noSpecialSupport: { count: 23 },
      outcomes: { no_special_support: 23, municipal_measure: 7, moved: 5, ended_by_family: 3, other: 2 },
    });
    expect(s.medianDurationDays).toBeGreaterThan(90);
    expect(s.years).toContain(seededYear - 1);
  });

  it('gives Ahmed Hassan open cases with goals scored over time, contacts and parties; the demo parents have none', async () => {
    const page = (
      await ahmed.request('GET', '/api/counselling/cases?limit=200')
    ).json() as CounsellingCasePage;
    expect(page.total).toBeGreaterThanOrEqual(3);
    const first = page.items[0] as { id: string };
    const c = (await ahmed.request('GET', `/api/counselling/cases/${first.id}`)).json() as CounsellingCase;
    expect(c.goals.length).toBeGreaterThanOrEqual(2);
    expect(c.contacts.length).toBeGreaterThanOrEqual(1);
    expect(c.parties.length).toBeGreaterThanOrEqual(1);
    const mor = await login(env.app, 'mor@demo.dk', demoPassword);
    const familyId = (mor.me.families as { id: string }[])[0]?.id;
    const cases = await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx
        .selectFrom('counselling_case')
        .select('id')
        .where('family_id', '=', familyId as string)
        .execute(),
    );
    expect(cases).toEqual([]);
  });
});
