import type { RecordScreeningResult } from '@familiespor/contracts';
import { addDays, epdsCredit } from '@familiespor/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  dayOnClock,
  deniedEventsOf,
  loginAsParent,
} from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { countHealthVisitRows, epdsAnswers, familyWithNewborn } from '../../../test/health-visiting';
import { expectProblem, login, type Session } from '../../../test/http';
import { inScope } from '../../db/scope';

describeEachDatabase('recordScreening: EPDS, ADBB and their follow-up tasks', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  type Newborn = Awaited<ReturnType<typeof familyWithNewborn>>;
  const screen = (body: Record<string, unknown>, session: Session = s.sessions.healthVisitor) =>
    session.request('POST', '/api/screenings', body);
  const epds = (f: Newborn, answers: number[], extra: Record<string, unknown> = {}) => ({
    familyId: f.familyId,
    instrument: 'epds',
    respondentPersonId: f.motherId,
    childPersonId: f.childId,
    answers,
    observedOn: dayOnClock(env),
    ...extra,
  });
  const tasksOf = (familyId: string) =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx
        .selectFrom('task')
        .select([
          'id',
          'kind',
          'state',
          'assignee_user_id',
          'assignee_unit_id',
          'due',
          'window_end',
          'rule',
          'key',
        ])
        .where('family_id', '=', familyId)
        .where('kind', 'in', ['self_harm_alert', 'epds_repeat', 'epds_referral', 'adbb_repeat'])
        .orderBy('created_at')
        .orderBy('kind')
        .execute(),
    );
  const assignCoordinator = async (familyId: string, staffUserId: string) => {
    const res = await s.sessions.healthVisitor.request('PUT', `/api/families/${familyId}/coordinator`, {
      staffUserId,
    });
    if (res.statusCode !== 200) throw new Error(`assignCoordinator: ${res.statusCode} ${res.body}`);
  };
  const lastDenied = async (actorId: string) => (await deniedEventsOf(env.database.db, actorId)).at(-1);

  describe('EPDS', () => {
    it('the 2-month visit: the mother’s EPDS below the cut-off is scored and stored answer by answer, no tasks', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 60 });
      const answers = [1, 1, 2, 0, 3, 2, 3, 2, 3, 3]; // items 1, 2, 4 forward; 3, 5–10 reversed: 1+1+1+0+0+1+0+1+0+0
      const res = await screen(epds(f, answers));
      expect(res.statusCode, res.body).toBe(201);
      const result = res.json() as RecordScreeningResult;
      expect(result).toMatchObject({
        instrument: 'epds',
        respondent: { personId: f.motherId, role: 'mother' },
        childPersonId: f.childId,
        answers,
        total: 5,
        cutoff: 11,
        band: 'below_cutoff',
        flags: [],
        inPregnancy: false,
        enteredBy: 'staff',
        credit: epdsCredit,
        followUpTasks: [],
      });
      expect(await tasksOf(f.familyId)).toEqual([]);
      const row = await inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx.selectFrom('screening').selectAll().where('id', '=', result.id).executeTakeFirstOrThrow(),
      );
      expect(row).toMatchObject({
        answers,
        org_id: s.municipality.id,
        recorded_by: s.users.healthVisitor.id,
      });
      expect(await auditOfRequest(env.database.db, res)).toEqual([
        expect.objectContaining({
          action: 'create',
          entity_type: 'screening',
          entity_id: result.id,
          family_id: f.familyId,
          person_id: f.motherId,
          basis: 'own_org',
        }),
      ]);
    });

    it('fathers and co-parents have cut-off 10, mothers 11', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 60 });
      const mother = (await screen(epds(f, epdsAnswers(10)))).json() as RecordScreeningResult;
      expect(mother).toMatchObject({ total: 10, cutoff: 11, band: 'below_cutoff', flags: [] });
      const partner = await screen(epds(f, epdsAnswers(10), { respondentPersonId: f.partnerId }));
      expect(partner.statusCode, partner.body).toBe(201);
      expect(partner.json()).toMatchObject({
        respondent: { personId: f.partnerId, role: 'co_parent' },
        total: 10,
        cutoff: 10,
        band: 'at_or_above_cutoff',
        flags: ['positive'],
        followUpTasks: [expect.objectContaining({ kind: 'epds_repeat', due: addDays(dayOnClock(env), 17) })],
      });
    });

    it('item 10 above 0 → an immediate alert task to the coordinator and to the district’s health visitors', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 60 });
      await assignCoordinator(f.familyId, s.users.otherHealthVisitor.id);
      const res = await screen(epds(f, epdsAnswers(3, 1)));
      expect(res.statusCode, res.body).toBe(201);
      const result = res.json() as RecordScreeningResult;
      expect(result).toMatchObject({ total: 3, band: 'below_cutoff', flags: ['self_harm'] });
      const today = dayOnClock(env);
      expect(await tasksOf(f.familyId)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'self_harm_alert',
            state: 'ready',
            assignee_user_id: s.users.otherHealthVisitor.id,
            due: today,
            rule: 'screening_follow_up',
          }),
          expect.objectContaining({
            kind: 'self_harm_alert',
            assignee_unit_id: s.units.district.id,
            due: today,
          }),
        ]),
      );
      expect(await tasksOf(f.familyId)).toHaveLength(2);
      expect(result.followUpTasks.map((t) => t.assignee)).toEqual(
        expect.arrayContaining([{ userId: s.users.otherHealthVisitor.id }, { unitId: s.units.district.id }]),
      );
    });

    it('9 answers, or an answer of 4 → 400 with field errors; nothing is written', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 60 });
      const before = await countHealthVisitRows(env.database.db, f.familyId);
      const nine = await screen(epds(f, [0, 0, 3, 0, 3, 3, 3, 3, 3]));
      expect(expectProblem(nine, 400, 'validation').errors).toEqual([
        expect.objectContaining({ path: 'answers', code: 'item_count' }),
      ]);
      const four = await screen(epds(f, [0, 0, 3, 4, 3, 3, 3, 3, 3, 3]));
      expect(expectProblem(four, 400, 'validation').errors).toEqual([
        expect.objectContaining({ path: 'answers.3', code: 'answer_range' }),
      ]);
      const noRespondent = await screen(epds(f, epdsAnswers(2), { respondentPersonId: f.childId }));
      expect(expectProblem(noRespondent, 400).errors).toEqual([
        expect.objectContaining({ path: 'respondentPersonId', code: 'not_a_parent_of_family' }),
      ]);
      expect(await countHealthVisitRows(env.database.db, f.familyId)).toEqual(before);
      expect(await auditOfRequest(env.database.db, four)).toEqual([]);
    });

    it('a parent fills in their own EPDS in the portal; not for the other parent, not ADBB', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 55 });
      const mother = await loginAsParent(env.app, env.database.db, f.motherId);
      const res = await screen(epds(f, epdsAnswers(4)), mother);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        enteredBy: 'parent',
        total: 4,
        respondent: { personId: f.motherId },
      });
      const before = await countHealthVisitRows(env.database.db, f.familyId);
      expectProblem(await screen(epds(f, epdsAnswers(4), { respondentPersonId: f.partnerId }), mother), 403);
      expectProblem(
        await screen(
          { ...epds(f, [0, 0, 0, 0, 0, 0, 0, 0]), instrument: 'adbb', respondentPersonId: undefined },
          mother,
        ),
        403,
      );
      expect(await lastDenied(f.motherId)).toMatchObject({ entity_type: 'screening', family_id: f.familyId });
      expect(await countHealthVisitRows(env.database.db, f.familyId)).toEqual(before);
    });
  });

  describe('ADBB', () => {
    const adbb = (f: Newborn, answers: number[]) => ({
      familyId: f.familyId,
      instrument: 'adbb',
      childPersonId: f.childId,
      answers,
      observedOn: dayOnClock(env),
    });

    it('only staff trained in ADBB record it: untrained → 403 audited; trained → scored, ≥ 5 → a new observation', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 70 });
      const before = await countHealthVisitRows(env.database.db, f.familyId);
      expectProblem(await screen(adbb(f, [1, 1, 1, 1, 1, 0, 0, 0])), 403, 'forbidden');
      expect(await lastDenied(s.users.healthVisitor.id)).toMatchObject({
        entity_type: 'screening',
        detail: expect.objectContaining({ reason: 'not trained in adbb' }),
      });
      expect(await countHealthVisitRows(env.database.db, f.familyId)).toEqual(before);

      await inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx
          .insertInto('staff_training')
          .values({
            staff_user_id: s.users.healthVisitor.id,
            org_id: s.municipality.id,
            instrument: 'adbb',
            since: dayOnClock(env, -100),
          })
          .execute(),
      );
      const bad = await screen(adbb(f, [1, 1, 1, 1, 5, 0, 0, 0]));
      expect(expectProblem(bad, 400).errors).toEqual([
        expect.objectContaining({ path: 'answers.4', code: 'answer_range' }),
      ]);
      const res = await screen(adbb(f, [1, 1, 1, 1, 1, 0, 0, 0]));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        instrument: 'adbb',
        respondent: null,
        total: 5,
        band: 'at_or_above_cutoff',
        flags: ['positive'],
        followUpTasks: [expect.objectContaining({ kind: 'adbb_repeat', due: addDays(dayOnClock(env), 10) })],
      });
    });
  });

  // Last: it moves the clock.
  describe('repeat, then referral', () => {
    it('at or above the cut-off → a repeat in 2–3 weeks; the repeat still above → a referral task, the repeat done', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 60 });
      await assignCoordinator(f.familyId, s.users.healthVisitor.id);
      const first = (await screen(epds(f, epdsAnswers(12)))).json() as RecordScreeningResult;
      expect(first).toMatchObject({ band: 'at_or_above_cutoff', flags: ['positive'] });
      const day0 = dayOnClock(env);
      const [repeat] = await tasksOf(f.familyId);
      expect(repeat).toMatchObject({
        kind: 'epds_repeat',
        state: 'ready',
        assignee_user_id: s.users.healthVisitor.id,
        due: addDays(day0, 17),
        window_end: addDays(day0, 21),
      });

      env.clock.advance(17 * 86_400_000);
      const hv = await login(env.app, s.users.healthVisitor.email, s.users.healthVisitor.password);
      const again = await screen(epds(f, epdsAnswers(14)), hv);
      expect(again.statusCode, again.body).toBe(201);
      expect(again.json()).toMatchObject({
        total: 14,
        followUpTasks: [expect.objectContaining({ kind: 'epds_referral', due: addDays(dayOnClock(env), 7) })],
      });
      const tasks = await tasksOf(f.familyId);
      expect(tasks.map((t) => `${t.kind}:${t.state}`)).toEqual([
        'epds_repeat:completed',
        'epds_referral:ready',
      ]);
      const history = await inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx
          .selectFrom('task_event')
          .select(['state', 'by_user'])
          .where('task_id', '=', repeat?.id as string)
          .orderBy('id')
          .execute(),
      );
      expect(history).toEqual([
        { state: 'ready', by_user: null },
        { state: 'completed', by_user: s.users.healthVisitor.id },
      ]);

      // Below the cut-off on a later repeat: no new task.
      env.clock.advance(7 * 86_400_000);
      const hv2 = await login(env.app, s.users.healthVisitor.email, s.users.healthVisitor.password);
      expect((await screen(epds(f, epdsAnswers(4)), hv2)).json()).toMatchObject({ followUpTasks: [] });
      expect(await tasksOf(f.familyId)).toHaveLength(2);
    });
  });
});
