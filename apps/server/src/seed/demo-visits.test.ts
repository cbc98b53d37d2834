import type { ChildVisit, Screening, VisitProgramme } from '@familiespor/contracts';
import { checkMeasurement, defaultVisitProgramme } from '@familiespor/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../test/harness';
import { login } from '../../test/http';
import { systemClock } from '../clock';
import { inScope } from '../db/scope';
import { demoPassword, seedDemo } from './demo-seed';

// On the shared PostgreSQL test database the demo may have been seeded by an earlier run on
// another day; the checks below hold for any seeding day.
describeEachDatabase('demo data for health visiting (seed part 0004_visits)', (kind) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestApp(kind, { config: { demo: true } });
    await seedDemo({ db: env.database.db, clock: systemClock, config: env.config });
  });
  afterAll(() => env?.close());

  const system = <T>(fn: Parameters<typeof inScope<T>>[2]) =>
    inScope(env.database.db, { kind: 'system' }, fn);
  // Other tests write visits and tasks of their own municipalities into the same database.
  const demoKommune = () =>
    system((tx) =>
      tx.selectFrom('organisation').select('id').where('name', '=', 'Demo Kommune').executeTakeFirstOrThrow(),
    ).then((o) => o.id);

  it('Demo Kommune has the default programme stored, and the health visitor is trained in ADBB', async () => {
    const lead = await login(env.app, 'ledende.sundhedsplejerske@demo.dk', demoPassword);
    const programme = (await lead.request('GET', '/api/visit-programme')).json() as VisitProgramme;
    expect(programme).toMatchObject({ isDefault: false, visitTypes: defaultVisitProgramme });
    const trained = await system((tx) =>
      tx
        .selectFrom('staff_training as t')
        .innerJoin('staff_user as s', 's.id', 't.staff_user_id')
        .select(['s.email', 't.instrument'])
        .execute(),
    );
    expect(trained).toContainEqual({ email: 'sundhedsplejerske@demo.dk', instrument: 'adbb' });
  });

  it('the task rules have run over the demo (seed part 0005_task_rules): visits are due on "I dag" at once', async () => {
    const mette = await login(env.app, 'sundhedsplejerske@demo.dk', demoPassword);
    const res = await mette.request('GET', '/api/tasks/mine?due=all&limit=200');
    expect(res.statusCode, res.body).toBe(200);
    const kinds = (res.json() as { items: { kind: string }[] }).items.map((t) => t.kind);
    expect(kinds).toContain('visit_due');
  });

  it('one EPDS with an item-10 alert sits with the health visitor’s district, who reads it and the child’s visits', async () => {
    const kommune = await demoKommune();
    const alerts = await system((tx) =>
      tx
        .selectFrom('task')
        .where('org_id', '=', kommune)
        .select(['family_id', 'key', 'assignee_unit_id', 'assignee_user_id'])
        .where('kind', '=', 'self_harm_alert')
        .where('rule', '=', 'screening_follow_up')
        .execute(),
    );
    const unitAlert = alerts.find((a) => a.assignee_unit_id !== null);
    expect(unitAlert).toBeDefined();
    const screeningId = unitAlert?.key.split(':')[1] as string;
    const mette = await login(env.app, 'sundhedsplejerske@demo.dk', demoPassword);
    const screening = await mette.request('GET', `/api/screenings/${screeningId}`);
    expect(screening.statusCode, screening.body).toBe(200);
    expect(screening.json() as Screening).toMatchObject({
      instrument: 'epds',
      flags: expect.arrayContaining(['self_harm']),
      respondent: { role: 'mother' },
    });

    const res = await mette.request('GET', `/api/families/${unitAlert?.family_id}/visits`);
    expect(res.statusCode, res.body).toBe(200);
    const visits = res.json() as ChildVisit[];
    const month2 = visits.find((v) => v.key === 'month2');
    expect(month2?.status).toBe('done');
    expect(month2?.record?.weightG).toBeGreaterThan(0);
  });

  it('every demo child has a plan; past visits are done with plausible measurements or missed', async () => {
    const kommune = await demoKommune();
    const rows = await system((tx) =>
      tx
        .selectFrom('child_visit as v')
        .where('v.org_id', '=', kommune)
        .innerJoin('person as p', 'p.id', 'v.child_person_id')
        .select(['v.status', 'v.done_on', 'v.weight_g', 'v.length_cm', 'v.head_cm', 'p.birth_date'])
        .execute(),
    );
    const done = rows.filter((r) => r.status === 'done');
    expect(done.length).toBeGreaterThan(100);
    expect(rows.some((r) => r.status === 'planned')).toBe(true);
    expect(rows.some((r) => r.status === 'missed')).toBe(true);
    for (const r of done.filter((x) => x.weight_g !== null)) {
      const on = r.done_on as string;
      const born = r.birth_date as string;
      expect(checkMeasurement('weight_g', r.weight_g as number, born, on)).toBe('ok');
      expect(checkMeasurement('length_cm', Number(r.length_cm), born, on)).toBe('ok');
      expect(checkMeasurement('head_cm', Number(r.head_cm), born, on)).toBe('ok');
    }
  });
});
