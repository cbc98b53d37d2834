import type { ChildVisit, TimelineEntry } from '@familiespor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  deniedEventsOf,
} from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { familyWithNewborn, visitsOf } from '../../../test/health-visiting';
import { expectProblem } from '../../../test/http';
import { bookAs, bookingRows, calendarOf, unbookAs, visitByKey, visitIds } from '../../../test/visit-booking';

// The test clock stands at Monday 23 November 2026, 10:00 in Copenhagen: ISO week 2026-W48.
// A child born 5 days ago (18 November) has its week-1 visit in the window 22–25 November.
describeEachDatabase('bookVisit and cancelVisitBooking: the booked time of a planned visit', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  const book = (visitId: string, body: Record<string, unknown>, session = s.sessions.healthVisitor) =>
    bookAs(session, visitId, body);
  const unbook = (visitId: string, session = s.sessions.healthVisitor) => unbookAs(session, visitId);
  const rows = (familyId: string) => bookingRows(env.database.db, familyId);

  describe('bookVisit', () => {
    it('the health visitor books the week-1 visit at home: on the visit, in her week and in the timeline', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 5 });
      const week1 = visitByKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1');
      expect(week1).toMatchObject({ booking: null, bookingOutsideWindow: false });

      const res = await book(week1.id, { at: '2026-11-24T10:00:00+01:00', place: 'home' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        id: week1.id,
        status: 'planned',
        booking: {
          at: '2026-11-24T09:00:00.000Z',
          place: 'home',
          healthVisitor: { id: s.users.healthVisitor.id, name: expect.any(String) },
        },
        bookingOutsideWindow: false,
      });
      expect(await auditOfRequest(env.database.db, res)).toEqual([
        expect.objectContaining({
          action: 'update',
          entity_type: 'child_visit',
          entity_id: week1.id,
          family_id: f.familyId,
          person_id: f.childId,
          basis: 'own_org',
          detail: expect.objectContaining({
            booking: 'booked',
            healthVisitorId: s.users.healthVisitor.id,
            outsideWindow: false,
          }),
        }),
      ]);
      expect(visitByKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1').booking).toMatchObject(
        {
          place: 'home',
        },
      );

      // Her week: this week by default (the clock's), Monday to Sunday.
      const week = await calendarOf(s.sessions.healthVisitor);
      expect(week).toMatchObject({
        week: '2026-W48',
        previousWeek: '2026-W47',
        nextWeek: '2026-W49',
        days: [
          '2026-11-23',
          '2026-11-24',
          '2026-11-25',
          '2026-11-26',
          '2026-11-27',
          '2026-11-28',
          '2026-11-29',
        ],
      });
      const entry = week.booked.find((v) => v.visitId === week1.id);
      expect(entry).toMatchObject({
        name: week1.name,
        kind: 'statutory',
        child: { personId: f.childId },
        family: { id: f.familyId, names: expect.arrayContaining([expect.stringContaining('Amira')]) },
        booking: { at: '2026-11-24T09:00:00.000Z', place: 'home' },
        bookingOutsideWindow: false,
      });
      // Mother first, as lists name the family.
      expect(entry?.family.names[0]?.startsWith('Amira')).toBe(true);
      expect(visitIds(week.toBook)).not.toContain(week1.id);
      expect(visitIds((await calendarOf(s.sessions.healthVisitor, '2026-W49')).booked)).not.toContain(
        week1.id,
      );

      // The family timeline puts the visit on the booked day, with the time and the place.
      const timeline = await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}/timeline`);
      expect(timeline.statusCode, timeline.body).toBe(200);
      const visitEntry = (timeline.json() as { entries: TimelineEntry[] }).entries.find(
        (e) => e.id === `child_visit:${week1.id}`,
      );
      expect(visitEntry).toMatchObject({
        kind: 'visit_planned',
        date: '2026-11-24',
        window: { start: week1.window.start, end: week1.window.end },
        status: 'upcoming',
        params: { place: 'home', time: '2026-11-24T09:00:00.000Z' },
      });
    });

    it('booking again replaces the booking; a day outside the window is kept and flagged', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 5 });
      const week1 = visitByKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1');
      expect((await book(week1.id, { at: '2026-11-25T13:30:00+01:00', place: 'clinic' })).statusCode).toBe(
        200,
      );
      // The family is away until December: the visit is moved past the window's end (25 November).
      const res = await book(week1.id, { at: '2026-12-01T09:00:00+01:00', place: 'video' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        booking: { at: '2026-12-01T08:00:00.000Z', place: 'video' },
        bookingOutsideWindow: true,
      });
      expect((await auditOfRequest(env.database.db, res))[0]?.detail).toMatchObject({
        booking: 'rebooked',
        outsideWindow: true,
        replacedHealthVisitorId: s.users.healthVisitor.id,
      });
      expect(visitIds((await calendarOf(s.sessions.healthVisitor, '2026-W48')).booked)).not.toContain(
        week1.id,
      );
      const next = await calendarOf(s.sessions.healthVisitor, '2026-W49');
      expect(next.booked.find((v) => v.visitId === week1.id)).toMatchObject({
        bookingOutsideWindow: true,
        booking: { place: 'video' },
      });
      // 00:30 on 26 November is the day after the window in Copenhagen, though 25 November in UTC.
      const late = await book(week1.id, { at: '2026-11-25T23:30:00Z', place: 'home' });
      expect(late.json()).toMatchObject({ bookingOutsideWindow: true });
    });

    it('cancelVisitBooking calls the time off: the visit is to be booked again; twice is 409', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 5 });
      const week1 = visitByKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1');
      await book(week1.id, { at: '2026-11-25T11:00:00+01:00', place: 'home' });
      expect(visitIds((await calendarOf(s.sessions.healthVisitor)).toBook)).not.toContain(week1.id);

      const res = await unbook(week1.id);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: week1.id, status: 'planned', booking: null });
      expect(await auditOfRequest(env.database.db, res)).toEqual([
        expect.objectContaining({
          action: 'update',
          entity_id: week1.id,
          detail: expect.objectContaining({
            booking: 'cancelled',
            healthVisitorId: s.users.healthVisitor.id,
          }),
        }),
      ]);
      const week = await calendarOf(s.sessions.healthVisitor);
      expect(visitIds(week.booked)).not.toContain(week1.id);
      expect(visitIds(week.toBook)).toContain(week1.id);
      expect(expectProblem(await unbook(week1.id), 409, 'conflict').errors[0]?.code).toBe('not_booked');
    });

    it('books with another health visitor of the municipality: it is in her week, and she may open the family', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 5 });
      const week1 = visitByKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1');
      const colleague = s.sessions.otherHealthVisitor; // Sundhedsplejen Syd: not the family's district
      expectProblem(await colleague.request('GET', `/api/families/${f.familyId}/visits`), 403);

      const res = await book(week1.id, {
        at: '2026-11-26T09:30:00+01:00',
        place: 'home',
        healthVisitorId: s.users.otherHealthVisitor.id,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ booking: { healthVisitor: { id: s.users.otherHealthVisitor.id } } });
      expect(visitIds((await calendarOf(colleague)).booked)).toContain(week1.id);
      expect(visitIds((await calendarOf(s.sessions.healthVisitor)).booked)).not.toContain(week1.id);
      // The booking is her relationship to the family until it is called off.
      expect((await colleague.request('GET', `/api/families/${f.familyId}/visits`)).statusCode).toBe(200);
      expect((await unbook(week1.id)).statusCode).toBe(200);
      expectProblem(await colleague.request('GET', `/api/families/${f.familyId}/visits`), 403);
    });

    it('a programme lead who is not a health visitor names the one who will visit', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 5 });
      const week1 = visitByKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1');
      const lead = s.sessions.programmeLead;
      const unnamed = expectProblem(
        await book(week1.id, { at: '2026-11-24T12:00:00+01:00', place: 'home' }, lead),
        400,
        'validation',
      );
      expect(unnamed.errors).toEqual([
        expect.objectContaining({ path: 'healthVisitorId', code: 'required' }),
      ]);
      const named = await book(
        week1.id,
        { at: '2026-11-24T12:00:00+01:00', place: 'home', healthVisitorId: s.users.healthVisitor.id },
        lead,
      );
      expect(named.statusCode, named.body).toBe(200);
    });

    it('only a planned visit can be booked or have its booking cancelled → 409', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 5 });
      const week1 = visitByKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1');
      await book(week1.id, { at: '2026-11-23T14:00:00+01:00', place: 'home' });
      const done = await s.sessions.healthVisitor.request('POST', `/api/visits/${week1.id}/record`, {
        outcome: 'done',
        doneOn: '2026-11-23',
        place: 'home',
      });
      expect(done.statusCode, done.body).toBe(200);
      const before = await rows(f.familyId);
      const again = expectProblem(
        await book(week1.id, { at: '2026-11-24T10:00:00+01:00', place: 'home' }),
        409,
        'conflict',
      );
      expect(again.errors[0]?.code).toBe('visit_not_planned');
      expectProblem(await unbook(week1.id), 409, 'conflict');
      // A recorded visit keeps the booking it had, and leaves the calendar.
      expect((done.json() as { visit: ChildVisit }).visit.booking).toMatchObject({ place: 'home' });
      expect(visitIds((await calendarOf(s.sessions.healthVisitor)).booked)).not.toContain(week1.id);
      expect(await rows(f.familyId)).toEqual(before);
    });
  });

  describe('bad input and forbidden access', () => {
    it('a car as place, a time without offset or in the past, an unknown health visitor → 400, nothing written', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 5 });
      const week1 = visitByKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1');
      const before = await rows(f.familyId);
      const cases: [Record<string, unknown>, string, string?][] = [
        [{ at: '2026-11-24T10:00:00+01:00', place: 'car' }, 'place'],
        [{ at: '2026-11-24T10:00:00', place: 'home' }, 'at'],
        [{ at: 'tomorrow', place: 'home' }, 'at'],
        [{ place: 'home' }, 'at'],
        [{ at: '2026-11-23T08:00:00+01:00', place: 'home' }, 'at', 'in_past'],
        [
          { at: '2026-11-24T10:00:00+01:00', place: 'home', healthVisitorId: crypto.randomUUID() },
          'healthVisitorId',
          'invalid_reference',
        ],
        // The midwife is a real user, but not a health visitor of the municipality.
        [
          { at: '2026-11-24T10:00:00+01:00', place: 'home', healthVisitorId: s.users.midwife.id },
          'healthVisitorId',
          'invalid_reference',
        ],
        [{ at: '2026-11-24T10:00:00+01:00', place: 'home', healthVisitorId: 'mette' }, 'healthVisitorId'],
        [{ at: '2026-11-24T10:00:00+01:00', place: 'home', when: 'soon' }, 'when'],
      ];
      for (const [body, path, code] of cases) {
        const res = await book(week1.id, body);
        const problem = expectProblem(res, 400, 'validation');
        expect(
          problem.errors.map((e) => e.path),
          JSON.stringify(body),
        ).toEqual([path]);
        if (code) expect(problem.errors[0]?.code).toBe(code);
        expect(await auditOfRequest(env.database.db, res)).toEqual([]);
      }
      expectProblem(await book('not-a-uuid', { at: '2026-11-24T10:00:00+01:00', place: 'home' }), 400);
      expectProblem(await unbook('not-a-uuid'), 400);
      expectProblem(
        await book(crypto.randomUUID(), { at: '2026-11-24T10:00:00+01:00', place: 'home' }),
        404,
        'not_found',
      );
      expectProblem(await unbook(crypto.randomUUID()), 404, 'not_found');
      expect(await rows(f.familyId)).toEqual(before);
    });

    it('a midwife, an NGO counsellor or the other district’s health visitor cannot book → 403, audited, nothing written', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 5 });
      const week1 = visitByKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1');
      const before = await rows(f.familyId);
      const body = { at: '2026-11-24T10:00:00+01:00', place: 'home' };
      for (const who of ['midwife', 'ngo', 'otherHealthVisitor'] as const) {
        expectProblem(await book(week1.id, body, s.sessions[who]), 403, 'forbidden');
        expect((await deniedEventsOf(env.database.db, s.users[who].id)).at(-1), who).toMatchObject({
          entity_type: 'child_visit',
          entity_id: week1.id,
          outcome: 'failure',
          detail: expect.objectContaining({ attempted: 'write' }),
        });
      }
      await book(week1.id, body);
      const booked = await rows(f.familyId);
      expectProblem(await unbook(week1.id, s.sessions.midwife), 403, 'forbidden');
      expect(await rows(f.familyId)).toEqual(booked);
      expect(booked).not.toEqual(before);
    });
  });
});
