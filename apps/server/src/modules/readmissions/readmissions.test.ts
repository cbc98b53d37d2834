import {
  aggregateIndicator,
  indicatorCatalogue,
  type LiveBirthFact,
  summariseIndicator,
} from '@familiespor/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deniedEventsOf, freeCpr } from '../../../test/care-setting';
import { buildFamily, buildOrganisation, buildStaffUser } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, login, type Session } from '../../../test/http';
import { inScope } from '../../db/scope';
import { indicatorFactSource } from '../indicators/indicator-facts.registry';
import './readmissions-facts';

const header = 'child_cpr;admission_date;discharge_date;icd10';

describeEachDatabase('importReadmissions: the region’s file of infant admissions', (kind) => {
  let env: TestEnv;
  let region: { id: string };
  let muniA: { id: string };
  let muniB: { id: string };
  let regionMidwife: Session;
  let leadA: Session;
  let healthVisitorA: { session: Session; id: string };
  let analystA: { session: Session; id: string };

  const system = <T>(fn: Parameters<typeof inScope<T>>[2]) =>
    inScope(env.database.db, { kind: 'system' }, fn);

  /** A child born on the day in a family of the municipality, with a birth row as the birth import makes. */
  const child = async (orgId: string, birthDate: string) => {
    const family = await buildFamily(env.database.db, orgId, { parentRoles: ['mother'] });
    const cpr = await freeCpr(env.database.db, birthDate, 'female');
    const personId = await system(async (tx) => {
      const person = await tx
        .insertInto('person')
        .values({ cpr, given_name: 'Barn', family_name: 'Test', birth_date: birthDate })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('family_member')
        .values({ family_id: family.id, person_id: person.id, org_id: orgId, role: 'child' })
        .execute();
      await tx
        .insertInto('birth')
        .values({
          family_id: family.id,
          family_org_id: orgId,
          org_id: orgId,
          child_person_id: person.id,
          birth_time: new Date(`${birthDate}T10:00:00+01:00`),
          source: 'manual',
          created_at: new Date(),
        })
        .execute();
      return person.id;
    });
    return { cpr, personId, familyId: family.id };
  };
  const admissionsOf = (personIds: string[]) =>
    system((tx) =>
      tx
        .selectFrom('infant_admission')
        .selectAll()
        .where(sql<boolean>`child_person_id = ANY (${sql.val(personIds)}::uuid[])`)
        .orderBy('admitted_on')
        .execute(),
    );
  const importFile = (session: Session, content: string, extra: Record<string, unknown> = {}) =>
    session.request('POST', '/api/readmissions/import', { content, filename: 'indlaeggelser.csv', ...extra });

  beforeAll(async () => {
    env = await startTestApp(kind);
    const db = env.database.db;
    region = await buildOrganisation(db, { kind: 'region' });
    muniA = await buildOrganisation(db);
    muniB = await buildOrganisation(db);
    const rm = await buildStaffUser(db, region.id, { roles: ['midwife'] });
    regionMidwife = await login(env.app, rm.email, rm.password);
    const la = await buildStaffUser(db, muniA.id, { roles: ['programme_lead'] });
    leadA = await login(env.app, la.email, la.password);
    const hv = await buildStaffUser(db, muniA.id, { roles: ['health_visitor'] });
    healthVisitorA = { id: hv.id, session: await login(env.app, hv.email, hv.password) };
    const an = await buildStaffUser(db, muniA.id, { roles: ['analyst'] });
    analystA = { id: an.id, session: await login(env.app, an.email, an.password) };
  });
  afterAll(() => env?.close());

  it('imports the region’s file into each child’s municipality; re-importing it adds nothing', async () => {
    const a = await child(muniA.id, '2026-03-01');
    const b = await child(muniB.id, '2026-03-02');
    const content = [
      header,
      `${a.cpr};2026-03-05;2026-03-07;P59.9`,
      `${b.cpr};2026-03-10;2026-03-12;E86.0`,
      `${b.cpr};2026-03-20;2026-03-21;J21.0`,
    ].join('\r\n');
    const first = await importFile(regionMidwife, content);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ rows: 3, created: 3, unchanged: 0, failed: 0, errors: [] });
    const rows = await admissionsOf([a.personId, b.personId]);
    expect(rows.map((r) => [r.org_id, r.family_id, r.cause, r.imported_by_org_id])).toEqual([
      [muniA.id, a.familyId, 'jaundice', region.id],
      [muniB.id, b.familyId, 'dehydration', region.id],
      [muniB.id, b.familyId, 'other', region.id],
    ]);
    const again = await importFile(regionMidwife, content);
    expect(again.json()).toEqual({ rows: 3, created: 0, unchanged: 3, failed: 0, errors: [] });
    expect(await admissionsOf([a.personId, b.personId])).toHaveLength(3);
    // Each admission is in the audit trail with the family, so the parents' access log shows it.
    const audited = await system((tx) =>
      tx
        .selectFrom('audit_event')
        .select(['family_id', 'data_org_id'])
        .where('entity_type', '=', 'infant_admission')
        .where('family_id', 'in', [a.familyId, b.familyId])
        .execute(),
    );
    expect(audited).toHaveLength(3);
  });

  it('saves the good lines and reports each bad one with its line number', async () => {
    const a = await child(muniA.id, '2026-04-01');
    const unknown = await freeCpr(env.database.db, '2026-04-01', 'male');
    const content = [
      header,
      `${a.cpr};2026-04-03;2026-04-04;P92.6`,
      '12345;2026-04-03;2026-04-04;P59',
      `${a.cpr};2026-04-31;2026-05-01;P59`,
      `${unknown};2026-04-03;2026-04-04;P59`,
      `${a.cpr};2026-04-10;2026-04-08;P59`,
      `${a.cpr};2026-03-20;2026-03-22;P59`,
    ].join('\n');
    const res = await importFile(regionMidwife, content);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ rows: 6, created: 1, unchanged: 0, failed: 5 });
    expect(
      body.errors.map((e: { line: number; field: string; code: string }) => [e.line, e.field, e.code]),
    ).toEqual([
      [3, 'child_cpr', 'invalid_cpr'],
      [4, 'admission_date', 'invalid_date'],
      [5, 'child_cpr', 'unknown_child'],
      [6, 'discharge_date', 'discharge_before_admission'],
      [7, 'admission_date', 'admission_before_birth'],
    ]);
    expect((await admissionsOf([a.personId])).map((r) => r.cause)).toEqual(['poor_thriving']);
  });

  it('numbers the lines of a part of a big file from firstLine', async () => {
    const a = await child(muniA.id, '2026-04-02');
    const res = await importFile(
      regionMidwife,
      [header, `${a.cpr};2026-04-03;2026-04-04;P92.1`, 'x;y;z;w'].join('\n'),
      {
        firstLine: 502,
      },
    );
    expect(res.json().errors.map((e: { line: number }) => e.line)).toEqual([503]);
  });

  it('refuses a file with only bad lines (400) and writes nothing', async () => {
    const a = await child(muniA.id, '2026-05-01');
    const before = await system((tx) =>
      tx.selectFrom('audit_event').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    );
    const res = await importFile(
      regionMidwife,
      [header, `${a.cpr};2026-05-09;2026-05-08;P59`, 'nope;;;'].join('\n'),
    );
    const problem = expectProblem(res, 400, 'validation');
    expect(problem.errors.map((e) => e.code)).toEqual(['discharge_before_admission', 'invalid_cpr']);
    expect(await admissionsOf([a.personId])).toEqual([]);
    const after = await system((tx) =>
      tx.selectFrom('audit_event').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    );
    if (kind === 'pglite') expect(Number(after.n)).toBe(Number(before.n));
    expectProblem(await importFile(regionMidwife, 'cpr;date\n1;2'), 400, 'validation');
  });

  it('a municipality’s programme lead imports for its own children only', async () => {
    const own = await child(muniA.id, '2026-06-01');
    const other = await child(muniB.id, '2026-06-01');
    const res = await importFile(
      leadA,
      [header, `${own.cpr};2026-06-05;2026-06-06;P59`, `${other.cpr};2026-06-05;2026-06-06;P59`].join('\n'),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, errors: [{ line: 3, code: 'unknown_child' }] });
    expect(await admissionsOf([other.personId])).toEqual([]);
  });

  it('refuses a health visitor and an analyst (403, audited) and writes nothing', async () => {
    const a = await child(muniA.id, '2026-06-10');
    const content = [header, `${a.cpr};2026-06-12;2026-06-13;P59`].join('\n');
    for (const who of [healthVisitorA, analystA]) {
      expectProblem(await importFile(who.session, content), 403);
      const denied = await deniedEventsOf(env.database.db, who.id);
      expect(denied.at(-1)).toMatchObject({ entity_type: 'readmission_import', outcome: 'failure' });
    }
    expect(await admissionsOf([a.personId])).toEqual([]);
  });

  it('feeds the readmissions indicator: 2 of 5 children readmitted within 28 days for the listed causes', async () => {
    const muni = await buildOrganisation(env.database.db);
    const kids = [];
    for (let i = 0; i < 5; i++) kids.push(await child(muni.id, `2026-07-0${i + 1}`));
    const [k0, k1, k2, k3] = kids as [(typeof kids)[0], (typeof kids)[0], (typeof kids)[0], (typeof kids)[0]];
    const res = await importFile(
      regionMidwife,
      [
        header,
        `${k0.cpr};2026-07-05;2026-07-06;P59.0`, // jaundice on day 4: counts
        `${k0.cpr};2026-07-20;2026-07-21;E86`, // a second one: the child counts once
        `${k1.cpr};2026-07-30;2026-08-01;R62.8`, // poor thriving on day 28: counts
        `${k2.cpr};2026-08-10;2026-08-11;P59`, // day 38: too late
        `${k3.cpr};2026-07-06;2026-07-07;J21.0`, // another cause
      ].join('\n'),
    );
    expect(res.json()).toMatchObject({ created: 5, failed: 0 });
    const source = indicatorFactSource('readmissions');
    if (!source) throw new Error('no fact source for readmissions');
    const facts = (await system((tx) =>
      source.facts(tx, { orgId: muni.id, from: '2026-07-01', to: '2026-07-31', asOf: '2026-09-01' }),
    )) as LiveBirthFact[];
    expect(facts).toHaveLength(5);
    const definition = indicatorCatalogue.readmissions;
    const [point] = summariseIndicator(definition, aggregateIndicator(definition, facts), {
      period: { from: '2026-07', to: '2026-07' },
      grain: 'period',
    });
    expect(point).toMatchObject({ numerator: 2, denominator: 5, result: 0.4 });
  });
});
