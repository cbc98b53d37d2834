import type { FamilyDetail } from '@familiespor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  countSettingRows,
  dayOnClock,
  deniedEventsOf,
  freeCpr,
  registerFamily,
} from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { taskWithHistory } from '../../../test/health-visiting';
import { expectProblem, type Session } from '../../../test/http';
import { inScope } from '../../db/scope';

describeEachDatabase('registerBirth: a birth registered by hand', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  const system = <T>(fn: Parameters<typeof inScope<T>>[2]) =>
    inScope(env.database.db, { kind: 'system' }, fn);
  /** Yesterday afternoon, Danish time (the clock stands at 2026-11-23 10:00 in Copenhagen). */
  const yesterday = () => dayOnClock(env, -1);
  const at = (date: string, time = '14:32') => `${date}T${time}:00+01:00`;
  const birth = (session: Session, familyId: string, body: Record<string, unknown>) =>
    session.request('POST', `/api/families/${familyId}/births`, body);
  const expectingFamily = () => registerFamily(env, s, { dueInDays: 10 });
  const pregnancyVisitTask = (familyId: string) =>
    taskWithHistory(env.database.db, familyId, 'plan_pregnancy_visit');

  describe('the use case', () => {
    it('the district’s health visitor registers the birth: the child joins and health visiting begins', async () => {
      const f = await expectingFamily();
      const childCpr = await freeCpr(env.database.db, yesterday(), 'female');
      const res = await birth(s.sessions.healthVisitor, f.familyId, {
        child: { cpr: childCpr },
        birthTime: at(yesterday()),
        dischargeTime: at(yesterday(), '20:00'),
        birthplace: 'Odense Universitetshospital',
      });
      expect(res.statusCode, res.body).toBe(201);
      const family = res.json() as FamilyDetail;
      const child = family.members.find((m) => m.role === 'child');
      expect(child).toMatchObject({
        givenName: 'Pige',
        familyName: f.body.mother.familyName,
        birthDate: yesterday(),
        sex: 'female',
        cprMasked: `${childCpr.slice(0, 6)}-xxxx`,
        custody: false,
      });
      expect(family.births).toEqual([
        expect.objectContaining({
          childPersonId: child?.personId,
          birthTime: new Date(at(yesterday())).toISOString(),
          birthplace: 'Odense Universitetshospital',
        }),
      ]);
      expect(family.pregnancies[0]).toMatchObject({ id: f.pregnancyId, status: 'born' });
      expect(family.stage).toMatchObject({
        kind: 'child',
        key: 'newborn',
        birthDate: yesterday(),
        ageDays: 1,
      });

      const involvements = await system((tx) =>
        tx.selectFrom('involvement').selectAll().where('family_id', '=', f.familyId).execute(),
      );
      const care = involvements.filter((i) => i.kind === 'pregnancy_care');
      expect(care).toHaveLength(1);
      expect(care[0]).toMatchObject({ org_id: s.region.id });
      expect(care[0]?.ended_at).toBeInstanceOf(Date);
      const statutory = involvements.filter((i) => i.kind === 'statutory');
      expect(statutory).toHaveLength(1);
      expect(statutory[0]).toMatchObject({
        org_id: s.municipality.id,
        unit_id: s.units.district.id,
        ended_at: null,
      });
      expect(family.involvements.map((i) => [i.organisation.id, i.kind])).toEqual([
        [s.municipality.id, 'statutory'],
      ]);

      const row = await system((tx) =>
        tx.selectFrom('birth').selectAll().where('family_id', '=', f.familyId).executeTakeFirstOrThrow(),
      );
      expect(row).toMatchObject({
        source: 'manual',
        pregnancy_id: f.pregnancyId,
        org_id: s.municipality.id,
        registered_by: s.users.healthVisitor.id,
      });
      const audit = await auditOfRequest(env.database.db, res);
      expect(audit.find((e) => e.entity_type === 'birth')).toMatchObject({
        action: 'create',
        entity_id: row.id,
        family_id: f.familyId,
        person_id: child?.personId,
        actor_id: s.users.healthVisitor.id,
      });
    });

    it('the birth cancels the pregnancy visit still to be planned, saying the child is born', async () => {
      const f = await expectingFamily();
      expect(await pregnancyVisitTask(f.familyId)).toMatchObject({
        key: `plan_pregnancy_visit:${f.pregnancyId}`,
        state: 'ready',
      });
      const res = await birth(s.sessions.healthVisitor, f.familyId, {
        child: {},
        birthTime: at(yesterday()),
      });
      expect(res.statusCode, res.body).toBe(201);
      const task = await pregnancyVisitTask(f.familyId);
      expect(task.state).toBe('cancelled');
      expect(task.history.at(-1)).toMatchObject({ state: 'cancelled', by_user: s.users.healthVisitor.id });
      expect(task.history.at(-1)?.note).toMatch(/^Barnet er født/);
      const audit = await auditOfRequest(env.database.db, res);
      expect(audit.find((e) => e.entity_type === 'birth')?.detail).toMatchObject({
        pregnancyVisitTaskCancelled: task.id,
      });
    });

    it('an unnamed boy without a CPR yet is "Dreng" with the mother’s surname; a name is kept', async () => {
      const boy = await expectingFamily();
      const res = await birth(s.sessions.healthVisitor, boy.familyId, {
        child: { sex: 'male' },
        birthTime: at(yesterday(), '03:10'),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect((res.json() as FamilyDetail).members.find((m) => m.role === 'child')).toMatchObject({
        givenName: 'Dreng',
        familyName: boy.body.mother.familyName,
        sex: 'male',
        cprMasked: null,
      });

      const named = await expectingFamily();
      const res2 = await birth(s.sessions.healthVisitor, named.familyId, {
        child: { givenName: 'Layla', familyName: 'Nielsen', sex: 'female' },
        birthTime: at(dayOnClock(env), '06:00'),
      });
      expect(res2.statusCode, res2.body).toBe(201);
      expect((res2.json() as FamilyDetail).members.find((m) => m.role === 'child')).toMatchObject({
        givenName: 'Layla',
        familyName: 'Nielsen',
      });
    });

    it('the birth date follows Danish time: 00:30 in Copenhagen is that day, although UTC says yesterday', async () => {
      const f = await expectingFamily();
      const res = await birth(s.sessions.healthVisitor, f.familyId, {
        child: { sex: 'female' },
        birthTime: `${yesterday()}T00:30:00+01:00`,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect((res.json() as FamilyDetail).members.find((m) => m.role === 'child')?.birthDate).toBe(
        yesterday(),
      );
    });
    it('the next pregnancy of the same mother joins the same family, next to the first child', async () => {
      const f = await expectingFamily();
      const born = await birth(s.sessions.healthVisitor, f.familyId, {
        child: {},
        birthTime: at(yesterday()),
      });
      expect(born.statusCode, born.body).toBe(201);
      const next = await s.sessions.midwife.request('POST', '/api/pregnancies', {
        ...f.body,
        dueDate: dayOnClock(env, 40 * 7),
      });
      expect(next.statusCode, next.body).toBe(201);
      const family = next.json() as FamilyDetail;
      expect(family.id).toBe(f.familyId);
      expect(family.members.map((m) => m.role)).toEqual(['mother', 'co_parent', 'child']);
      expect(family.pregnancies.map((p) => p.status).sort()).toEqual(['active', 'born']);
      expect(family.stage).toMatchObject({ kind: 'pregnancy', week: 0 });
    });
  });

  describe('conflicts and bad input write nothing', () => {
    const expectNothingWritten = async (send: () => Promise<void>) => {
      const before = await countSettingRows(env.database.db, s);
      await send();
      expect(await countSettingRows(env.database.db, s)).toEqual(before);
    };

    it('the same child CPR twice → 409, in the same family and in another', async () => {
      const f = await expectingFamily();
      const childCpr = await freeCpr(env.database.db, yesterday(), 'male');
      const first = await birth(s.sessions.healthVisitor, f.familyId, {
        child: { cpr: childCpr },
        birthTime: at(yesterday()),
      });
      expect(first.statusCode, first.body).toBe(201);
      await expectNothingWritten(async () => {
        const again = await birth(s.sessions.healthVisitor, f.familyId, {
          child: { cpr: childCpr },
          birthTime: at(yesterday()),
        });
        expect(expectProblem(again, 409, 'conflict').errors[0]?.path).toBe('child.cpr');
      });
      const other = await expectingFamily();
      await expectNothingWritten(async () => {
        const elsewhere = await birth(s.sessions.healthVisitor, other.familyId, {
          child: { cpr: childCpr },
          birthTime: at(yesterday()),
        });
        expect(expectProblem(elsewhere, 409, 'conflict').errors[0]?.path).toBe('child.cpr');
      });
      const pregnancy = await system((tx) =>
        tx
          .selectFrom('pregnancy')
          .select('status')
          .where('id', '=', other.pregnancyId)
          .executeTakeFirstOrThrow(),
      );
      expect(pregnancy.status).toBe('active');
    });

    it('the child’s CPR must carry the birth date → 400 child.cpr', async () => {
      const f = await expectingFamily();
      const wrongDay = await freeCpr(env.database.db, dayOnClock(env, -3), 'female');
      await expectNothingWritten(async () => {
        const res = await birth(s.sessions.healthVisitor, f.familyId, {
          child: { cpr: wrongDay },
          birthTime: at(yesterday()),
        });
        expect(expectProblem(res, 400, 'validation').errors.map((e) => e.path)).toEqual(['child.cpr']);
      });
    });

    const badBodies: [string, (day: string) => Record<string, unknown>, string][] = [
      [
        'a birth before the pregnancy began (due − 280 days)',
        () => ({ child: { sex: 'female' }, birthTime: at(dayOnClock(env, 10 - 281)) }),
        'birthTime',
      ],
      ['a birth in the future', () => ({ child: {}, birthTime: at(dayOnClock(env, 1)) }), 'birthTime'],
      [
        'a discharge before the birth',
        (day) => ({ child: {}, birthTime: at(day, '14:00'), dischargeTime: at(day, '13:00') }),
        'dischargeTime',
      ],
      ['a birth time that is not a time', () => ({ child: {}, birthTime: 'i går' }), 'birthTime'],
      ['a malformed child CPR', (day) => ({ child: { cpr: '12-34' }, birthTime: at(day) }), 'child.cpr'],
      ['an unknown field', (day) => ({ child: {}, birthTime: at(day), weight: 3400 }), 'weight'],
      [
        'an unknown field on the child',
        (day) => ({ child: { weightGrams: 3400 }, birthTime: at(day) }),
        'child.weightGrams',
      ],
      [
        'a pregnancy of another family',
        (day) => ({ child: {}, birthTime: at(day), pregnancyId: '00000000-0000-4000-8000-000000000000' }),
        'pregnancyId',
      ],
    ];
    // Nothing is written by any of them, so they can share one expecting family.
    let shared: ReturnType<typeof expectingFamily> | undefined;
    for (const [what, body, path] of badBodies) {
      it(`${what} → 400 ${path}`, async () => {
        shared ??= expectingFamily();
        const f = await shared;
        await expectNothingWritten(async () => {
          const res = await birth(s.sessions.healthVisitor, f.familyId, body(yesterday()));
          expect(expectProblem(res, 400, 'validation').errors.map((e) => e.path)).toContain(path);
        });
      });
    }

    it('an unknown family → 404; a family id that is not a uuid → 400 familyId', async () => {
      const unknown = await birth(s.sessions.healthVisitor, '00000000-0000-4000-8000-000000000000', {
        child: {},
        birthTime: at(yesterday()),
      });
      expectProblem(unknown, 404, 'not_found');
      const malformed = await birth(s.sessions.healthVisitor, 'not-a-family', {
        child: {},
        birthTime: at(yesterday()),
      });
      expect(expectProblem(malformed, 400, 'validation').errors.map((e) => e.path)).toContain('familyId');
    });
  });

  describe('forbidden', () => {
    for (const who of ['ngo', 'otherHealthVisitor', 'daycare'] as const) {
      it(`${who}: 403, a denied audit event, nothing written`, async () => {
        const f = await expectingFamily();
        const before = await countSettingRows(env.database.db, s);
        const denied = (await deniedEventsOf(env.database.db, s.users[who].id)).length;
        const res = await birth(s.sessions[who], f.familyId, { child: {}, birthTime: at(yesterday()) });
        expectProblem(res, 403, 'forbidden');
        const events = await deniedEventsOf(env.database.db, s.users[who].id);
        expect(events).toHaveLength(denied + 1);
        expect(events.at(-1)).toMatchObject({ entity_type: 'birth', family_id: f.familyId });
        expect(await countSettingRows(env.database.db, s)).toEqual(before);
      });
    }

    it('after the birth, the family stays with its district: another district’s health visitor gets 403', async () => {
      const f = await expectingFamily();
      const res = await birth(s.sessions.healthVisitor, f.familyId, {
        child: {},
        birthTime: at(yesterday()),
      });
      expect(res.statusCode, res.body).toBe(201);
      const denied = (await deniedEventsOf(env.database.db, s.users.otherHealthVisitor.id)).length;
      const read = await s.sessions.otherHealthVisitor.request('GET', `/api/families/${f.familyId}`);
      expectProblem(read, 403, 'forbidden');
      expect(await deniedEventsOf(env.database.db, s.users.otherHealthVisitor.id)).toHaveLength(denied + 1);
    });
  });
});
