import type { confirmedCohorts, courseSession, FamilyDetail, Offer } from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  countOfferRows,
  createTestOffer,
  deniedEventsOf,
  enrollAsStaff,
  loginAsParent,
  registerCouple,
} from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, login, type Session } from '../../../test/http';
import { inScope } from '../../db/scope';

type CourseSession = z.infer<typeof courseSession>;
type Confirmed = z.infer<typeof confirmedCohorts>;
type Couple = Awaited<ReturnType<typeof registerCouple>>;

describeEachDatabase('listSessions and recordAttendance: check-in per parent, dropout risk', (kind) => {
  let env: TestEnv;
  let s: CareSetting;
  let offer: Offer;
  /** Cohort X: families A (mother and father) and B (mother and co-parent); cohort Y: family C. */
  let a: Couple;
  let b: Couple;
  let c: Couple;
  let x: Confirmed['cohorts'][number];
  let y: Confirmed['cohorts'][number];
  let facilitator: Session;

  const parentsOf = (family: FamilyDetail) => family.members.filter((m) => m.role !== 'child');
  const idOf = (family: FamilyDetail, role: string) =>
    family.members.find((m) => m.role === role)?.personId as string;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
    facilitator = s.sessions.healthVisitor;
    offer = await createTestOffer(s);
    a = await registerCouple(env, s, { partner: { role: 'father', givenName: 'Jonas' } });
    b = await registerCouple(env, s, { dueInDays: 114 });
    c = await registerCouple(env, s, { dueInDays: 140 });
    const enrolled = [];
    for (const f of [a, b, c])
      enrolled.push(await enrollAsStaff(s.sessions.healthVisitor, offer.id, f.family));
    const cohort = (name: string, ids: string[], facilitatorUserId: string, weekday: number) => ({
      name,
      siteId: offer.sites[0]?.id,
      language: 'da',
      enrollmentIds: ids,
      facilitatorUserId,
      weekday,
    });
    const res = await s.sessions.programmeLead.request('POST', '/api/cohort-plans', {
      offerId: offer.id,
      cohorts: [
        cohort('Hold X', [enrolled[0]?.id, enrolled[1]?.id] as string[], s.users.healthVisitor.id, 2),
        cohort('Hold Y', [enrolled[2]?.id] as string[], s.users.otherHealthVisitor.id, 4),
      ],
    });
    if (res.statusCode !== 201) throw new Error(`confirmCohortPlan: ${res.statusCode} ${res.body}`);
    [x, y] = (res.json() as Confirmed).cohorts as [typeof x, typeof y];
    // Family B's coordinator is a health visitor who neither runs the cohort nor serves the district.
    const assigned = await s.sessions.healthVisitor.request(
      'PUT',
      `/api/families/${b.familyId}/coordinator`,
      {
        staffUserId: s.users.otherHealthVisitor.id,
      },
    );
    if (assigned.statusCode !== 200)
      throw new Error(`assignCoordinator: ${assigned.statusCode} ${assigned.body}`);
  });
  afterAll(() => env?.close());

  const sessions = async (session: Session, query = '') => {
    const res = await session.request('GET', `/api/sessions${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as CourseSession[];
  };
  const record = (
    session: Session,
    sessionId: string,
    attendance: { personId: string; present: boolean }[],
  ) => session.request('PUT', `/api/sessions/${sessionId}/attendance`, { attendance });
  const session = (n: number) => x.sessions[n - 1] as CourseSession;
  /** Moves the app clock to an hour after a session began; staff log in again (30 idle minutes). */
  const duringSession = async (n: number) => {
    env.clock.set(new Date(Date.parse(session(n).startsAt) + 3_600_000));
    facilitator = await login(env.app, s.users.healthVisitor.email, s.users.healthVisitor.password);
  };
  const dropoutTasks = (familyId: string) =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx
        .selectFrom('task')
        .select(['assignee_user_id', 'assignee_unit_id', 'state', 'rule'])
        .where('family_id', '=', familyId)
        .where('kind', '=', 'course_dropout_risk')
        .execute(),
    );
  const lastDenied = async (actorId: string) => (await deniedEventsOf(env.database.db, actorId)).at(-1);

  it('the facilitator’s view of a cohort lists every parent of every family to check in; the read is audited', async () => {
    const res = await facilitator.request('GET', `/api/sessions?cohortId=${x.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as CourseSession[];
    expect(list.map((l) => l.id)).toEqual(x.sessions.map((l) => l.id));
    const expected = [a, b].flatMap((f) =>
      parentsOf(f.family).map((m) => ({
        personId: m.personId,
        familyId: f.familyId,
        name: `${m.givenName} ${m.familyName}`,
        role: m.role,
        present: null,
      })),
    );
    expect(list[0]?.participants).toHaveLength(4);
    expect(list[0]?.participants).toEqual(expect.arrayContaining(expected));
    expect(list[0]?.participants?.map((p) => p.role).sort()).toEqual([
      'co_parent',
      'father',
      'mother',
      'mother',
    ]);
    const audit = (await auditOfRequest(env.database.db, res)).find((e) => e.action === 'read');
    expect(audit).toMatchObject({ entity_type: 'enrollment', purpose: 'course_facilitation' });
    expect([...((audit?.detail as { familyIds?: string[] } | undefined)?.familyIds ?? [])].sort()).toEqual(
      [a.familyId, b.familyId].sort(),
    );

    const own = await sessions(facilitator);
    expect(own.map((l) => l.cohort?.id)).toEqual(Array(16).fill(x.id));
    expect(own[0]?.participants).toBeUndefined();
    expect(await sessions(s.sessions.otherHealthVisitor, `?cohortId=${x.id}`)).toEqual([]);
    const lead = await sessions(s.sessions.programmeLead);
    expect(new Set(lead.map((l) => l.cohort?.id))).toEqual(new Set([x.id, y.id]));
  });

  it('a daycare educator may not list sessions: 403 and a denied row', async () => {
    expectProblem(await s.sessions.daycare.request('GET', '/api/sessions'), 403, 'forbidden');
    expect(await lastDenied(s.users.daycare.id)).toMatchObject({ entity_type: 'course_session' });
    expectProblem(await s.sessions.daycare.request('GET', '/api/sessions?cohortId=nope'), 400, 'validation');
  });

  it('“Mine aftaler”: parents see their own family’s sessions only, without the other parents', async () => {
    const parentA = await loginAsParent(env.app, env.database.db, a.motherId);
    const mine = await sessions(parentA);
    expect(mine.map((l) => l.id)).toEqual(x.sessions.map((l) => l.id));
    expect(mine.every((l) => l.participants === undefined)).toBe(true);
    expect(await sessions(parentA, `?cohortId=${y.id}`)).toEqual([]);
    const first = mine[0] as CourseSession;
    const day = first.startsAt.slice(0, 10);
    expect((await sessions(parentA, `?from=${day}&to=${day}`)).map((l) => l.id)).toEqual([first.id]);
    const parentC = await loginAsParent(env.app, env.database.db, c.motherId);
    expect((await sessions(parentC)).map((l) => l.id)).toEqual(y.sessions.map((l) => l.id));
  });

  it('only the cohort’s facilitator (or the lead) records attendance: another health visitor gets 403 and a denied row', async () => {
    const before = await countOfferRows(env.database.db, offer.id);
    const body = [{ personId: a.motherId, present: true }];
    for (const who of ['otherHealthVisitor', 'daycare'] as const) {
      expectProblem(await record(s.sessions[who], session(1).id, body), 403, 'forbidden');
      expect(await lastDenied(s.users[who].id)).toMatchObject({
        entity_type: 'attendance',
        entity_id: session(1).id,
        detail: { attempted: 'write' },
      });
    }
    expect(await countOfferRows(env.database.db, offer.id)).toEqual(before);
  });

  it('a session more than 12 hours ahead cannot be recorded yet: 400 in_the_future, nothing written', async () => {
    env.clock.set(new Date(Date.parse(session(1).startsAt) - 13 * 3_600_000));
    facilitator = await login(env.app, s.users.healthVisitor.email, s.users.healthVisitor.password);
    const res = await record(facilitator, session(1).id, [{ personId: a.motherId, present: true }]);
    expect(expectProblem(res, 400).errors).toEqual([
      { path: 'sessionId', code: 'in_the_future', message: expect.any(String) },
    ]);
    expect(await countOfferRows(env.database.db, offer.id)).toMatchObject({ attendance: 0 });
    expect((await sessions(facilitator, `?cohortId=${x.id}`))[0]?.status).toBe('planned');
  });

  it('the facilitator checks in the mother and the father separately; strangers and unknown fields are 400', async () => {
    await duringSession(1);
    const res = await record(facilitator, session(1).id, [
      { personId: a.motherId, present: true },
      { personId: idOf(a.family, 'father'), present: false },
      { personId: b.motherId, present: false },
      { personId: idOf(b.family, 'co_parent'), present: false },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const held = res.json() as CourseSession;
    expect(held.status).toBe('held');
    const present = Object.fromEntries((held.participants ?? []).map((p) => [p.personId, p.present]));
    expect(present).toEqual({
      [a.motherId]: true,
      [idOf(a.family, 'father')]: false,
      [b.motherId]: false,
      [idOf(b.family, 'co_parent')]: false,
    });
    expect(await dropoutTasks(b.familyId)).toEqual([]); // one missed session is not yet a pattern
    // The register, opened again, shows what was recorded for this session and nothing for the next.
    const reread = (
      await facilitator.request('GET', `/api/sessions?cohortId=${x.id}`)
    ).json() as CourseSession[];
    const presentIn = (id: string) =>
      Object.fromEntries(
        (reread.find((r) => r.id === id)?.participants ?? []).map((p) => [p.personId, p.present]),
      );
    expect(presentIn(session(1).id)).toEqual(present);
    expect(Object.values(presentIn(session(2).id))).toEqual([null, null, null, null]);

    const before = await countOfferRows(env.database.db, offer.id);
    const stranger = await record(facilitator, session(1).id, [{ personId: c.motherId, present: true }]);
    expect(expectProblem(stranger, 400).errors).toEqual([
      { path: 'attendance.0.personId', code: 'not_a_participant', message: expect.any(String) },
    ]);
    const unknown = await facilitator.request('PUT', `/api/sessions/${session(1).id}/attendance`, {
      attendance: [{ personId: a.motherId, present: true, late: true }],
    });
    expectProblem(unknown, 400, 'validation');
    expect(await countOfferRows(env.database.db, offer.id)).toEqual(before);
  });

  it('a family that misses two sessions in a row gets a dropout-risk task for its coordinator — once', async () => {
    await duringSession(2);
    const attendance = [
      { personId: a.motherId, present: true },
      { personId: idOf(a.family, 'father'), present: true },
      { personId: b.motherId, present: false },
      { personId: idOf(b.family, 'co_parent'), present: false },
    ];
    const res = await record(facilitator, session(2).id, attendance);
    expect(res.statusCode, res.body).toBe(200);
    expect(await dropoutTasks(b.familyId)).toEqual([
      {
        assignee_user_id: s.users.otherHealthVisitor.id,
        assignee_unit_id: null,
        state: 'ready',
        rule: 'missed_two_sessions',
      },
    ]);
    expect(await dropoutTasks(a.familyId)).toEqual([]);
    expect(
      (await auditOfRequest(env.database.db, res)).find((e) => e.entity_type === 'attendance'),
    ).toMatchObject({
      action: 'update',
      detail: { present: 2, absent: 2, dropoutTasks: 1 },
    });

    const again = await record(facilitator, session(2).id, attendance);
    expect(again.statusCode, again.body).toBe(200);
    expect(await dropoutTasks(b.familyId)).toHaveLength(1);
  });

  it('per-cohort figures count mothers and fathers/co-parents apart (facilitator and lead only)', async () => {
    // Held: 2. Family A: mother 2 of 2, father 1 of 2; family B: nobody came.
    const expected = {
      cohortId: x.id,
      name: 'Hold X',
      sessionsHeld: 2,
      families: 2,
      perParent: { mothers: 1, partners: 0.5 },
      partnerParticipation: 0.25,
    };
    const res = await facilitator.request('GET', `/api/cohorts/${x.id}/figures`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(expected);
    const lead = await login(env.app, s.users.programmeLead.email, s.users.programmeLead.password);
    expect((await lead.request('GET', `/api/cohorts/${x.id}/figures`)).json()).toEqual(expected);
    const other = await login(env.app, s.users.otherHealthVisitor.email, s.users.otherHealthVisitor.password);
    expectProblem(await other.request('GET', `/api/cohorts/${x.id}/figures`), 403, 'forbidden');
    expect(await lastDenied(s.users.otherHealthVisitor.id)).toMatchObject({
      entity_type: 'cohort',
      entity_id: x.id,
    });
  });

  it('the programme lead may correct the attendance of a held session', async () => {
    const lead = await login(env.app, s.users.programmeLead.email, s.users.programmeLead.password);
    const res = await record(lead, session(1).id, [{ personId: idOf(a.family, 'father'), present: true }]);
    expect(res.statusCode, res.body).toBe(200);
    const father = (res.json() as CourseSession).participants?.find(
      (p) => p.personId === idOf(a.family, 'father'),
    );
    expect(father?.present).toBe(true);
  });
});
