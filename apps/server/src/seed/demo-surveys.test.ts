import type { PendingSurvey, SurveyResults } from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, startTestApp, type TestEnv, testClock } from '../../test/harness';
import { login } from '../../test/http';
import { demoPassword, seedDemo } from './demo-seed';
import { demoSurveyToken } from './demo-surveys';

describeEachDatabase('demo satisfaction surveys', (kind) => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await startTestApp(kind, { config: { demo: true }, clock: testClock(new Date()) });
    await seedDemo({ db: env.database.db, clock: env.clock, config: env.config });
  });
  afterAll(() => env?.close());

  it('has answers for the programme lead and an open demo link after a session', async () => {
    const lead = await login(env.app, 'ledende.sundhedsplejerske@demo.dk', demoPassword);
    const results = (await lead.request('GET', '/api/surveys/results')).json<SurveyResults>();
    const fiv = results.offers.find((o) => o.offer?.name === 'Familieiværksætterne');
    expect(typeof fiv?.responses).toBe('number');
    // Part 0009_outcomes adds the surveys of two years' cohorts: both kinds, many times.
    expect([...new Set(fiv?.occasions.map((o) => o.occasion))].sort()).toEqual(['course_end', 'session']);

    const res = await env.app.inject({
      method: 'GET',
      url: `/api/surveys/by-token?token=${demoSurveyToken}`,
    });
    expect(res.json<PendingSurvey>()).toMatchObject({
      occasion: 'session',
      offerName: 'Familieiværksætterne',
    });
  });
});
