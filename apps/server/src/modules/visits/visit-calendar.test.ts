import type { VisitCalendar } from '@familiespor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  deniedEventsOf,
} from '../../../test/care-setting';
import { buildStaffUser } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { familyWithNewborn, visitsOf } from '../../../test/health-visiting';
import { expectProblem, login } from '../../../test/http';
import { bookAs, calendarOf, visitByKey, visitIds } from '../../../test/visit-booking';

// The test clock stands at Monday 23 November 2026, 10:00 in Copenhagen: ISO week 2026-W48.
// A child born 5 days ago (18 November) has its week-1 visit in the window 22–25 November and
// the 3-week visit 6–12 December.
describeEachDatabase('listMyVisitCalendar: the health visitor’s week', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  const book = (visitId: string, body: Record<string, unknown>, session = s.sessions.healthVisitor) =>
    bookAs(session, visitId, body);

  describe('what is booked, what is still to book, bad input and forbidden access', () => {
    it('lists her district’s planned, unbooked visits whose window overlaps the week, soonest end first', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 5 });
      const visits = await visitsOf(s.sessions.healthVisitor, f.familyId);
      const [week1, week3] = [visitByKey(visits, 'week1'), visitByKey(visits, 'week3')];

      const w48 = await calendarOf(s.sessions.healthVisitor, '2026-W48');
      expect(visitIds(w48.toBook)).toContain(week1.id);
      expect(visitIds(w48.toBook)).not.toContain(week3.id); // 6–12 December
      expect(w48.toBookTotal).toBeGreaterThanOrEqual(w48.toBook.length);
      const ends = w48.toBook.map((v) => v.window.end);
      expect(ends).toEqual([...ends].sort());
      expect(w48.toBook.find((v) => v.visitId === week1.id)).toMatchObject({
        booking: null,
        family: { id: f.familyId },
        window: week1.window,
      });

      const w50 = await calendarOf(s.sessions.healthVisitor, '2026-W50');
      expect(visitIds(w50.toBook)).toContain(week3.id);
      expect(visitIds(w50.toBook)).not.toContain(week1.id);

      // The other district's health visitor has none of them, until she coordinates the family.
      expect(visitIds((await calendarOf(s.sessions.otherHealthVisitor, '2026-W48')).toBook)).not.toContain(
        week1.id,
      );
      const assign = await s.sessions.healthVisitor.request(
        'PUT',
        `/api/families/${f.familyId}/coordinator`,
        {
          staffUserId: s.users.otherHealthVisitor.id,
        },
      );
      expect(assign.statusCode, assign.body).toBe(200);
      expect(visitIds((await calendarOf(s.sessions.otherHealthVisitor, '2026-W48')).toBook)).toContain(
        week1.id,
      );
    });

    it('holds only her own bookings, from Monday 00:00 to Sunday 24:00 Copenhagen time', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 5 });
      const week1 = visitByKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1');
      // A health visitor of the same district with her own calendar.
      const other = await buildStaffUser(env.database.db, s.municipality.id, {
        roles: ['health_visitor'],
        unitIds: [s.units.district.id],
      });
      const otherSession = await login(env.app, other.email, other.password);
      // Sunday 29 November 23:30 Copenhagen is 22:30 UTC: still week 48.
      await book(week1.id, { at: '2026-11-29T23:30:00+01:00', place: 'phone' });
      expect(visitIds((await calendarOf(s.sessions.healthVisitor, '2026-W48')).booked)).toContain(week1.id);
      expect(visitIds((await calendarOf(s.sessions.healthVisitor, '2026-W49')).booked)).not.toContain(
        week1.id,
      );
      const theirs = await calendarOf(otherSession, '2026-W48');
      expect(visitIds(theirs.booked)).toEqual([]);
      expect(visitIds(theirs.toBook)).not.toContain(week1.id); // booked: no longer to book, for anyone
      // Monday 30 November 00:00 Copenhagen is 29 November 23:00 UTC: week 49.
      await book(week1.id, { at: '2026-11-29T23:00:00Z', place: 'phone' });
      expect(visitIds((await calendarOf(s.sessions.healthVisitor, '2026-W49')).booked)).toContain(week1.id);
    });

    it('reads are audited once per request, with the families listed', async () => {
      const res = await s.sessions.healthVisitor.request('GET', '/api/visits/calendar?week=2026-W48');
      expect(res.statusCode).toBe(200);
      const body = res.json() as VisitCalendar;
      const events = await auditOfRequest(env.database.db, res);
      expect(events).toEqual([
        expect.objectContaining({
          action: 'read',
          entity_type: 'child_visit',
          purpose: 'calendar',
          basis: 'own_org',
          detail: expect.objectContaining({ list: 'visit_calendar', week: '2026-W48' }),
        }),
      ]);
      const families = (events[0]?.detail as { familyIds?: string[] } | undefined)?.familyIds ?? [];
      expect(new Set(families)).toEqual(new Set([...body.booked, ...body.toBook].map((v) => v.family.id)));
    });

    it('a week that is no week → 400 on "week"', async () => {
      const hv = s.sessions.healthVisitor;
      for (const week of ['2026-W60', '2027-W53', '2026-48', 'next']) {
        const bad = expectProblem(
          await hv.request('GET', `/api/visits/calendar?week=${week}`),
          400,
          'validation',
        );
        expect(
          bad.errors.map((e) => e.path),
          week,
        ).toEqual(['week']);
      }
    });

    it('a midwife, an NGO counsellor or a daycare educator has no visit calendar → 403, audited', async () => {
      for (const who of ['midwife', 'ngo', 'daycare'] as const) {
        expectProblem(await s.sessions[who].request('GET', '/api/visits/calendar'), 403, 'forbidden');
        expect((await deniedEventsOf(env.database.db, s.users[who].id)).at(-1), who).toMatchObject({
          entity_type: 'child_visit',
          detail: expect.objectContaining({ attempted: 'read' }),
        });
      }
    });
  });
});
