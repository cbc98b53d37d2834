import { randomUUID } from 'node:crypto';
import type { calendarFeed, confirmedCohorts, Offer } from '@familiespor/contracts';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  parentAccount,
  registerCouple,
  registerFamily,
} from '../../../test/care-setting';
import { buildStaffUser } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, login, type Session } from '../../../test/http';

type Cohort = z.infer<typeof confirmedCohorts>['cohorts'][number];
type Feed = z.infer<typeof calendarFeed>;
type Couple = Awaited<ReturnType<typeof registerCouple>>;
type Account = Awaited<ReturnType<typeof parentAccount>>;

describeEachDatabase('parents’ portal: calendar feed, an NGO’s offer, parent network', (kind) => {
  let env: TestEnv;
  let s: CareSetting;
  let offer: Offer;
  const bEmail = `birgitte-${randomUUID().slice(0, 8)}@example.dk`;
  let a: Couple;
  let b: Couple;
  let c: Couple;
  /** Cohort P: families A and B; cohort Q: family C, on another weekday. */
  let p: Cohort;
  let q: Cohort;
  const accounts = {} as Record<'aMother' | 'aFather' | 'bMother' | 'bPartner' | 'cMother', Account>;
  const parents = {} as Record<keyof typeof accounts, Session>;
  const loginAll = async () => {
    for (const key of Object.keys(accounts) as (keyof typeof accounts)[])
      parents[key] = await accounts[key].login();
  };

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
    // Commas, semicolons and Danish letters in a long name: escaping and folding at 75 octets.
    offer = await createTestOffer(s, {
      name: 'Familieiværksætterne; hold for førstegangsforældre, Ærø, Æbelø og Øster Åby',
    });
    a = await registerCouple(env, s, {
      mother: { email: `amira-${randomUUID().slice(0, 8)}@example.dk` },
      partner: { role: 'father', givenName: 'Jonas', phone: '+45 31 32 33 34' },
    });
    b = await registerCouple(env, s, { mother: { givenName: 'Birgitte', email: bEmail } });
    c = await registerCouple(env, s, { dueInDays: 130 });
    const ids = [];
    for (const f of [a, b, c])
      ids.push((await enrollAsStaff(s.sessions.healthVisitor, offer.id, f.family)).id);
    const cohort = (name: string, enrollmentIds: string[], weekday: number) => ({
      name,
      siteId: offer.sites[0]?.id,
      language: 'da',
      enrollmentIds,
      facilitatorUserId: s.users.healthVisitor.id,
      weekday,
      room: 'Salen, 1. sal',
    });
    const res = await s.sessions.programmeLead.request('POST', '/api/cohort-plans', {
      offerId: offer.id,
      cohorts: [
        cohort('Hold P', ids.slice(0, 2) as string[], 2),
        cohort('Hold Q', ids.slice(2) as string[], 4),
      ],
    });
    if (res.statusCode !== 201) throw new Error(`confirmCohortPlan: ${res.statusCode} ${res.body}`);
    [p, q] = (res.json() as { cohorts: Cohort[] }).cohorts as [Cohort, Cohort];
    const partner = (f: Couple) => f.family.members.find((m) => m.role !== 'mother')?.personId as string;
    accounts.aMother = await parentAccount(env.app, env.database.db, a.motherId);
    accounts.aFather = await parentAccount(env.app, env.database.db, partner(a));
    accounts.bMother = await parentAccount(env.app, env.database.db, b.motherId);
    accounts.bPartner = await parentAccount(env.app, env.database.db, partner(b));
    accounts.cMother = await parentAccount(env.app, env.database.db, c.motherId);
    await loginAll();
  });
  afterAll(() => env?.close());

  const newFeed = async (parent: Session) => {
    const res = await parent.request('POST', '/api/portal/calendar-feed');
    expect(res.statusCode, res.body).toBe(200);
    const feed = res.json() as Feed;
    expect(feed.url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{20,64}\.ics$/);
    return new URL(feed.url).pathname;
  };
  /** The feed as a phone calendar fetches it: no cookie, only the secret address. */
  const fetchFeed = (path: string) => env.app.inject({ method: 'GET', url: path });
  const events = (text: string) =>
    new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => ({
      uid: String(v.getFirstPropertyValue('uid')),
      start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
      end: (v.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString(),
      summary: String(v.getFirstPropertyValue('summary')),
      location: String(v.getFirstPropertyValue('location')),
    }));

  describe('calendar feed', () => {
    it('holds the family’s own sessions only, with the right start times, and parses as iCalendar', async () => {
      const path = await newFeed(parents.aMother);
      const res = await fetchFeed(path);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      expect(res.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
      const got = events(res.body);
      expect(got).toEqual(
        p.sessions.map((x) => ({
          uid: `${x.id}@familiespor`,
          start: x.startsAt,
          end: x.endsAt,
          summary: `${offer.name}: ${x.title}`,
          location: x.place,
        })),
      );
      const theirs = new Set(q.sessions.map((x) => `${x.id}@familiespor`));
      expect(got.filter((e) => theirs.has(e.uid))).toEqual([]);
      expect(new Set(got.map((e) => e.start)).size).toBe(16);
      expect(q.sessions.some((x) => got.some((e) => e.start === x.startsAt))).toBe(false);
      expect((await auditOfRequest(env.database.db, res)).find((e) => e.action === 'read')).toMatchObject({
        entity_type: 'calendar_feed',
        family_id: a.familyId,
        person_id: a.motherId,
        purpose: 'calendar_subscription',
      });

      const other = events((await fetchFeed(await newFeed(parents.cMother))).body);
      expect(other.map((e) => e.uid)).toEqual(q.sessions.map((x) => `${x.id}@familiespor`));
    });

    it('a new address stops the old one; revoking stops it; unknown addresses are 404', async () => {
      const old = await newFeed(parents.bMother);
      const fresh = await newFeed(parents.bMother);
      expect(fresh).not.toBe(old);
      expectProblem(await fetchFeed(old), 404, 'not_found');
      expect((await fetchFeed(fresh)).statusCode).toBe(200);

      const partnerFeed = await newFeed(parents.bPartner); // each parent has an address of their own
      const revoke = await parents.bMother.request('DELETE', '/api/portal/calendar-feed');
      expect(revoke.statusCode, revoke.body).toBe(204);
      expectProblem(await fetchFeed(fresh), 404, 'not_found');
      expect((await fetchFeed(partnerFeed)).statusCode).toBe(200);

      expectProblem(await fetchFeed(`/api/calendar/${'x'.repeat(32)}.ics`), 404, 'not_found');
      expectProblem(await fetchFeed('/api/calendar/short.ics'), 400);
      expectProblem(await s.sessions.healthVisitor.request('POST', '/api/portal/calendar-feed'), 403);
    });
  });

  describe('an NGO’s offer for the municipality’s residents', () => {
    const enroll = (session: Session, offerId: string, body: Record<string, unknown>) =>
      session.request('POST', `/api/offers/${offerId}/enrollments`, body);
    const withdraw = (session: Session, enrollmentId: string, body: Record<string, unknown>) =>
      session.request('POST', `/api/enrollments/${enrollmentId}/withdraw`, body);

    /** An NGO's group for the municipality's residents, added by the NGO's own programme lead. */
    const ngoOffer = async (capacity: number) => {
      const ngoLead = await buildStaffUser(env.database.db, s.ngo.id, { roles: ['programme_lead'] });
      const session = await login(env.app, ngoLead.email, ngoLead.password);
      const created = await session.request('POST', '/api/offers', {
        name: 'Mødregruppe i Vollsmose',
        kind: 'group',
        level: 'targeted',
        legalBasis: 'Frivilligt tilbud i partnerskab med kommunen',
        municipalityIds: [s.municipality.id],
        capacity,
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json() as Offer;
    };

    it('an NGO’s offer with capacity 1: the health visitor’s second sign-up goes on the waitlist', async () => {
      const offer = await ngoOffer(1);
      const a = await registerFamily(env, s);
      const b = await registerFamily(env, s);
      expect(await enrollAsStaff(s.sessions.healthVisitor, offer.id, a.family)).toMatchObject({
        status: 'enrolled',
      });
      const second = await enrollAsStaff(s.sessions.healthVisitor, offer.id, b.family);
      expect(second.status).toBe('waitlisted');
      expect((await countOfferRows(env.database.db, offer.id)).enrolled).toBe(1);
    });

    it('parents sign up for an NGO’s offer in the portal (201, enrolled)', async () => {
      const offer = await ngoOffer(5);
      const a = await registerFamily(env, s);
      const parent = await loginAsParent(env.app, env.database.db, a.motherId);
      const res = await enroll(parent, offer.id, { participantIds: [a.motherId] });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ status: 'enrolled', familyId: a.familyId });
    });

    it('parents withdraw from an NGO’s offer in the portal (200, declined)', async () => {
      const offer = await ngoOffer(5);
      const a = await registerFamily(env, s);
      const enrollment = await enrollAsStaff(s.sessions.healthVisitor, offer.id, a.family);
      const parent = await loginAsParent(env.app, env.database.db, a.motherId);
      const res = await withdraw(parent, enrollment.id, { status: 'declined', reason: 'Vi har ikke tid' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'declined' });
    });
  });

  describe('parent network', () => {
    const network = (parent: Session, cohortId = p.id) =>
      parent.request('GET', `/api/portal/cohorts/${cohortId}/network`);
    const choose = (parent: Session, choice: Record<string, unknown>, cohortId = p.id) =>
      parent.request('PUT', `/api/portal/cohorts/${cohortId}/network`, choice);
    const nameOf = (f: Couple, role = 'mother') => {
      const m = f.family.members.find((x) => x.role === role);
      return `${m?.givenName} ${m?.familyName}`;
    };

    it('opens only when the course has ended: before the last session a choice is 409', async () => {
      expectProblem(await choose(parents.aMother, { shareName: true, shareContact: false }), 409, 'conflict');
    });

    it('only parents of the cohort see it or join it: 403 and a denied row', async () => {
      expectProblem(await network(parents.cMother), 403, 'forbidden');
      expectProblem(await choose(parents.cMother, { shareName: true, shareContact: true }), 403, 'forbidden');
      expect((await deniedEventsOf(env.database.db, c.motherId)).at(-1)).toMatchObject({
        entity_type: 'network_member',
        entity_id: p.id,
      });
    });

    it('after the course each parent chooses: names are shared, contact details only when chosen', async () => {
      const last = Math.max(...[...p.sessions, ...q.sessions].map((x) => Date.parse(x.startsAt)));
      env.clock.set(new Date(last + 86_400_000));
      await loginAll();

      const aChoice = await choose(parents.aMother, { shareName: true, shareContact: false });
      expect(aChoice.statusCode, aChoice.body).toBe(200);
      expect(aChoice.json()).toEqual({
        cohortId: p.id,
        you: { shareName: true, shareContact: false },
        members: [],
      });
      const bChoice = await choose(parents.bMother, { shareName: true, shareContact: true });
      expect(bChoice.json()).toEqual({
        cohortId: p.id,
        you: { shareName: true, shareContact: true },
        members: [{ name: nameOf(a), phone: null, email: null }],
      });
      expect((await network(parents.aMother)).json()).toMatchObject({
        members: [{ name: nameOf(b), phone: '+45 20 30 40 50', email: bEmail }],
      });

      // A parent who has shared nothing sees nobody.
      expect((await network(parents.aFather)).json()).toEqual({ cohortId: p.id, you: null, members: [] });
      const none = await choose(parents.bPartner, { shareName: false, shareContact: false });
      expect(none.json()).toEqual({
        cohortId: p.id,
        you: { shareName: false, shareContact: false },
        members: [],
      });
      expect((await network(parents.bMother)).json()).toMatchObject({ members: [{ name: nameOf(a) }] });

      expectProblem(
        await choose(parents.aFather, { shareName: false, shareContact: true }),
        400,
        'validation',
      );
      expectProblem(await choose(parents.aFather, { shareName: true }), 400, 'validation');
    });

    it('reading the network (other parents’ names and contact details) is audited', async () => {
      const res = await network(parents.aMother);
      expect(res.statusCode, res.body).toBe(200);
      const reads = (await auditOfRequest(env.database.db, res)).filter((e) => e.action === 'read');
      expect(reads).toContainEqual(
        expect.objectContaining({ entity_type: 'network_member', actor_id: a.motherId }),
      );
    });
  });
});
