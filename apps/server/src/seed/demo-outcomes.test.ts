import type { IndicatorFigures } from '@familiespor/contracts';
import { addMonths, copenhagenDate } from '@familiespor/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, startTestApp, type TestEnv, testClock } from '../../test/harness';
import { login, type Session } from '../../test/http';
import { inScope } from '../db/scope';
import { demoPassword, seedDemo } from './demo-seed';

/** The cohorts part 0009 adds are named after their families' due month ("Hold marts 2026"). */
const outcomeCohortName =
  /^Hold (januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) \d{4}( II)?$/;

// On a shared PostgreSQL test database the demo may have been seeded on an earlier day; the
// figures are read relative to the day it is seeded and hold for any such day.
describeEachDatabase('demo outcome figures (seed part 0009_outcomes)', (kind) => {
  let env: TestEnv;
  let lead: Session;
  let lastTwelve: string;
  let window: string;

  beforeAll(async () => {
    env = await startTestApp(kind, { config: { demo: true }, clock: testClock(new Date()) });
    await seedDemo({ db: env.database.db, clock: env.clock, config: env.config });
    lead = await login(env.app, 'ledende.sundhedsplejerske@demo.dk', demoPassword);
    const refreshed = await lead.request('POST', '/api/indicators/refresh');
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const thisMonth = `${copenhagenDate(env.clock.now()).slice(0, 7)}-01`;
    const lastWhole = addMonths(thisMonth, -1).slice(0, 7);
    lastTwelve = `from=${addMonths(thisMonth, -12).slice(0, 7)}&to=${lastWhole}`;
    // The refresh window: two years back, the running month left out.
    window = `from=${addMonths(thisMonth, -23).slice(0, 7)}&to=${lastWhole}`;
  }, 120_000);
  afterAll(() => env?.close());

  const figures = async (query: string) => {
    const res = await lead.request('GET', `/api/indicators/figures?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<IndicatorFigures>();
  };
  const whole = async (indicator: string, period: string, only?: string) => {
    const f = await figures(
      `indicator=${indicator}&${period}&grain=period${only ? `&breakdown=parent_role&only=${only}` : ''}`,
    );
    return f.points[0] as IndicatorFigures['points'][number];
  };

  it('Familieiværksætterne reaches about four in five first-time families, varying from month to month', async () => {
    const reach = await whole('reach', lastTwelve);
    expect(reach.denominator).toBeGreaterThanOrEqual(20);
    expect(reach.result).toBeGreaterThanOrEqual(0.65);
    expect(reach.result).toBeLessThanOrEqual(0.9);
    const months = (await figures(`indicator=reach&${lastTwelve}&grain=month`)).points;
    const shown = new Set(months.filter((p) => p.result !== null).map((p) => p.result?.toFixed(2)));
    expect(shown.size).toBeGreaterThan(2);
  });

  it('mothers and fathers are counted at the sessions, and some families drop out', async () => {
    for (const role of ['mother', 'father']) {
      const attendance = await whole('attendance', lastTwelve, role);
      expect(attendance.denominator, role).toBeGreaterThanOrEqual(10);
      expect(attendance.result, role).toBeGreaterThan(2);
    }
    expect((await whole('dropout', window)).numerator).toBeGreaterThan(0);
    // Courses begun two years ago have finished: most of their parents completed.
    expect((await whole('completion', window)).result).toBeGreaterThan(0.5);
  });

  it('EPDS covers most mothers and fewer fathers; positives are followed up, item-10 alerts at once', async () => {
    const mothers = await whole('epds_coverage', lastTwelve, 'mother');
    const fathers = await whole('epds_coverage', lastTwelve, 'father');
    expect(mothers.result).toBeGreaterThan(0.8);
    expect(fathers.result).toBeGreaterThan(0.3);
    expect(fathers.result).toBeLessThan(mothers.result as number);
    const positive = await whole('epds_positive', window);
    expect(positive.numerator).toBeGreaterThan(3);
    expect(positive.result).toBeLessThan(0.2);
    expect((await whole('epds_follow_up', window)).result).toBeGreaterThanOrEqual(0.6);
    expect((await whole('epds_item10_same_day', window)).denominator).toBeGreaterThan(0);
  });

  it('has readmissions, development without concern and satisfaction answers', async () => {
    const readmissions = await whole('readmissions', window);
    expect(readmissions.numerator).toBeGreaterThan(0);
    expect(readmissions.result).toBeLessThan(0.15);
    expect((await whole('development_no_concern', lastTwelve)).result).toBeGreaterThan(0.8);
    expect((await whole('satisfaction', lastTwelve)).denominator).toBeGreaterThan(20);
  });

  it('leaves the demo health visitor’s cohorts, the demo family and the worklists as they were', async () => {
    const mette = await login(env.app, 'sundhedsplejerske@demo.dk', demoPassword);
    const sessions = (await mette.request('GET', '/api/sessions')).json<
      { cohort: { name: string } | null }[]
    >();
    expect(sessions.filter((s) => outcomeCohortName.test(s.cohort?.name ?? ''))).toEqual([]);
    const settled = copenhagenDate(new Date(env.clock.now().getTime() - 45 * 86_400_000));
    const stray = await inScope(env.database.db, { kind: 'system' }, async (tx) => ({
      demoFamily: await tx
        .selectFrom('enrollment as e')
        .innerJoin('cohort as c', 'c.id', 'e.cohort_id')
        .innerJoin('family_member as fm', 'fm.family_id', 'e.family_id')
        .innerJoin('parent_account as pa', 'pa.person_id', 'fm.person_id')
        .select('c.name')
        .execute(),
      // The follow-ups of screenings the part made or rescored are all done.
      openFollowUps: (
        await sql<{ key: string }>`
          SELECT t.key FROM task t JOIN screening s ON split_part(t.key, ':', 2) = s.id::text
          WHERE t.kind IN ('epds_repeat', 'epds_referral') AND t.state = 'ready'
            AND s.observed_on < ${settled}::date`.execute(tx)
      ).rows,
    }));
    expect(stray.demoFamily.filter((c) => outcomeCohortName.test(c.name))).toEqual([]);
    expect(stray.openFollowUps).toEqual([]);
  });
});
