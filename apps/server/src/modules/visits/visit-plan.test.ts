import type { ChildVisit } from '@familiespor/contracts';
import { addDays, addMonths, defaultVisitProgramme } from '@familiespor/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCareSetting,
  type CareSetting,
  dayOnClock,
  freeCpr,
  registerFamily,
} from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { countHealthVisitRows, familyWithNewborn, visitsOf } from '../../../test/health-visiting';
import { inScope } from '../../db/scope';

describeEachDatabase('the child’s visit plan, made at the birth', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  const byKey = (visits: ChildVisit[], key: string) => visits.find((v) => v.key === key) as ChildVisit;

  describe('the plan at birth', () => {
    it('a birth plans the statutory and extended visits from the default programme; no early visit after 4 days', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 1, dischargeHours: 96 });
      const visits = await visitsOf(s.sessions.healthVisitor, f.familyId);
      expect(visits.map((v) => v.key)).toEqual([
        'week1',
        'week3',
        'month1',
        'month2',
        'month4_6',
        'month8_10',
        'month12',
      ]);
      expect(
        visits.every((v) => v.status === 'planned' && v.childPersonId === f.childId && v.record === null),
      ).toBe(true);
      expect(byKey(visits, 'week1')).toMatchObject({
        kind: 'statutory',
        window: { start: addDays(f.born, 4), due: addDays(f.born, 7), end: addDays(f.born, 7) },
      });
      expect(byKey(visits, 'week3').kind).toBe('extended');
      expect(byKey(visits, 'month2').window.start).toBe(addMonths(f.born, 2));
    });

    it('discharged less than 72 hours after the birth: the early visit on day 2–3 is planned too', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 1, dischargeHours: 20 });
      const visits = await visitsOf(s.sessions.healthVisitor, f.familyId);
      expect(byKey(visits, 'early')).toMatchObject({
        name: 'Tidligt besøg',
        window: { start: addDays(f.born, 2), end: addDays(f.born, 3) },
      });
      expect(visits).toHaveLength(8);
    });

    it('the plan is written with the birth and audited as the municipality’s record', async () => {
      const f = await familyWithNewborn(env, s);
      const rows = await countHealthVisitRows(env.database.db, f.familyId);
      expect(rows.visits).toHaveLength(defaultVisitProgramme.filter((t) => t.target === 'all').length);
    });
  });

  describe('an imported birth notification', () => {
    it('the midwife’s import plans the visits as the municipality’s record; importing again plans nothing twice', async () => {
      const f = await registerFamily(env, s, { dueInDays: 3 });
      const born = dayOnClock(env, -1);
      const childCpr = await freeCpr(env.database.db, born, 'male');
      const content = [
        'mother_cpr,child_cpr,birth_time,discharge_time,birthplace',
        `${f.body.mother.cpr},${childCpr},${born} 08:15,${born} 22:00,OUH Odense`,
      ].join('\r\n');
      const importFile = () =>
        s.sessions.midwife.request('POST', '/api/birth-notifications', { format: 'csv', content });
      const first = await importFile();
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ created: 1, failed: 0 });
      const rows = await inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx
          .selectFrom('child_visit')
          .select(['org_id', 'visit_key', 'window_start', 'created_by'])
          .where('family_id', '=', f.familyId)
          .orderBy('window_start')
          .execute(),
      );
      expect(rows.map((r) => r.visit_key)).toEqual([
        'early',
        'week1',
        'week3',
        'month1',
        'month2',
        'month4_6',
        'month8_10',
        'month12',
      ]);
      expect(rows.every((r) => r.org_id === s.municipality.id && r.created_by === null)).toBe(true);
      expect(rows[0]?.window_start).toBe(addDays(born, 2));

      const before = await countHealthVisitRows(env.database.db, f.familyId);
      const again = await importFile();
      expect(again.json()).toMatchObject({ created: 0, unchanged: 1 });
      expect(await countHealthVisitRows(env.database.db, f.familyId)).toEqual(before);
    });
  });
});
