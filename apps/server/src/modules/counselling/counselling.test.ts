import type {
  BetweenChairsPage,
  CounsellingCase,
  CounsellingCasePage,
  CounsellingCaseSummary,
  CounsellingStatistics,
  familyTimeline,
  Referral,
} from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { auditOfRequest } from '../../../test/care-setting';
import {
  buildConsentSetting,
  type ConsentSetting,
  consentFamily,
  grantInPortal,
} from '../../../test/consent';
import {
  acceptedReferral,
  backdateCase,
  countCounsellingRows,
  familyInCounselling,
  openBody,
  openCase,
  today,
} from '../../../test/counselling';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem } from '../../../test/http';
import { inScope } from '../../db/scope';

type Timeline = z.infer<typeof familyTimeline>;

describeEachDatabase('counselling cases: open, score, contacts, close, statistics', (kind) => {
  let env: TestEnv;
  let s: ConsentSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildConsentSetting(env);
  });
  afterAll(() => env?.close());

  const db = () => env.database.db;
  const counsellor = () => s.sessions2.familyCounsellor;

  it('opens on the family’s own request: the parent’s consent to identity is recorded, the case gives an involvement', async () => {
    const f = await consentFamily(env, s);
    const res = await counsellor().request('POST', '/api/counselling/cases', openBody(env, f));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as CounsellingCase;
    expect(c).toMatchObject({
      familyId: f.familyId,
      status: 'open',
      openedFrom: 'own_request',
      openedOn: today(env),
      organisation: { id: s.housing.id },
      counsellor: { id: s.users2.familyCounsellor.id },
      request: { byPersonId: f.motherId, capturedHow: 'verbal' },
      canWrite: true,
    });
    expect(c.familyName).toContain('Amira');
    expect(c.parents.map((p) => p.personId)).toContain(f.motherId);
    expect(c.goals.map((g) => g.title)).toEqual([
      'Mor får struktur på hverdagen',
      'Barnet kommer i vuggestue',
    ]);

    const rows = await countCounsellingRows(db(), f.familyId);
    expect(rows.involvements).toEqual([expect.objectContaining({ ended_at: null })]);
    const consent = await inScope(db(), { kind: 'system' }, (tx) =>
      tx
        .selectFrom('consent')
        .selectAll()
        .where('id', '=', c.request?.consentId as string)
        .executeTakeFirstOrThrow(),
    );
    expect(consent).toMatchObject({
      categories: ['identity'],
      from_org_id: s.municipality.id,
      to_org_id: s.housing.id,
      granted_by_person_id: f.motherId,
      captured_how: 'verbal',
      captured_by: s.users2.familyCounsellor.id,
    });
    const audit = await auditOfRequest(db(), res);
    expect(audit.map((e) => [e.action, e.entity_type])).toEqual([
      ['create', 'consent'],
      ['read', 'family'],
      ['create', 'counselling_case'],
    ]);
    expect(audit.find((e) => e.entity_type === 'counselling_case')).toMatchObject({
      basis: 'own_org',
      entity_id: c.id,
    });

    // The family is one the secretariat works with now: its page opens for the counsellor.
    expect((await counsellor().request('GET', `/api/families/${f.familyId}`)).statusCode).toBe(200);
    // And the parents see their counsellor in "Dit team".
    const portal = await f.mother.request('GET', '/api/portal/timeline');
    expect((portal.json() as { team: { role: string; name: string | null }[] }).team).toContainEqual(
      expect.objectContaining({
        role: 'family_counselling',
        name: expect.any(String),
        organisation: expect.objectContaining({ id: s.housing.id }),
      }),
    );
  });

  it('scores goals over time, records contacts, and shows the contacts in the timeline of those who may see counselling', async () => {
    const { f, c } = await familyInCounselling(env, s);
    await backdateCase(db(), c.id, 30);
    const [g1, g2] = c.goals as [CounsellingCase['goals'][number], CounsellingCase['goals'][number]];
    const first = await counsellor().request('POST', `/api/counselling/cases/${c.id}/scores`, {
      scoredOn: today(env, -30),
      scores: [
        { goalId: g1.id, score: 2, note: 'Mor føler sig overvældet' },
        { goalId: g2.id, score: 4 },
      ],
    });
    expect(first.statusCode, first.body).toBe(201);
    const contact = await counsellor().request('POST', `/api/counselling/cases/${c.id}/contacts`, {
      contactOn: today(env, -10),
      form: 'home_visit',
      durationMinutes: 90,
      participants: ['mother', 'child'],
      note: 'Vi lavede en ugeplan sammen. Mor vil ringe til vuggestuen.',
    });
    expect(contact.statusCode, contact.body).toBe(201);
    const second = await counsellor().request('POST', `/api/counselling/cases/${c.id}/scores`, {
      scoredOn: today(env),
      scores: [
        { goalId: g1.id, score: 6 },
        { goalId: g2.id, score: 5 },
      ],
    });
    expect(second.statusCode, second.body).toBe(201);
    const after = second.json() as CounsellingCase;
    expect(after.goals.map((g) => g.progress)).toEqual([
      { first: 2, latest: 6, change: 4, scored: 2 },
      { first: 4, latest: 5, change: 1, scored: 2 },
    ]);
    expect(after.goals[0]?.scores.map((x) => [x.score, x.note])).toEqual([
      [2, 'Mor føler sig overvældet'],
      [6, null],
    ]);
    expect(after.contacts).toEqual([
      expect.objectContaining({ form: 'home_visit', durationMinutes: 90, participants: ['mother', 'child'] }),
    ]);
    expect((await auditOfRequest(db(), contact)).map((e) => [e.action, e.entity_type, e.basis])).toEqual([
      ['create', 'counselling_contact', 'own_org'],
    ]);

    const kinds = (t: Timeline) => t.entries.filter((e) => e.category === 'counselling').map((e) => e.kind);
    const own = (
      await counsellor().request('GET', `/api/families/${f.familyId}/timeline`)
    ).json() as Timeline;
    expect(kinds(own)).toEqual(['counselling_opened', 'counselling_contact']);
    const entry = own.entries.find((e) => e.kind === 'counselling_contact');
    expect(entry?.params).toMatchObject({ caseId: c.id, form: 'home_visit', durationMinutes: 90 });
    expect(JSON.stringify(entry)).not.toContain('ugeplan');
    // The municipality's health visitor: no consent for counselling, no counselling entries.
    const hv = (
      await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}/timeline`)
    ).json() as Timeline;
    expect(kinds(hv)).toEqual([]);
    // With the parent's consent (counselling, from the secretariat to the municipality) they appear.
    await grantInPortal(env, f.mother, {
      familyId: f.familyId,
      categories: ['counselling'],
      fromOrgId: s.housing.id,
      toOrgId: s.municipality.id,
    });
    const hv2 = (
      await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}/timeline`)
    ).json() as Timeline;
    expect(kinds(hv2)).toEqual(['counselling_opened', 'counselling_contact']);
    // Parents never see the counselling entries.
    const portal = (await f.mother.request('GET', '/api/portal/timeline')).json() as Timeline;
    expect(kinds(portal)).toEqual([]);
  });

  it('lists my open cases, closes one as "no longer needs special support", and keeps it as history', async () => {
    const { f, c } = await familyInCounselling(env, s);
    await backdateCase(db(), c.id, 14);
    const mine = (await counsellor().request('GET', '/api/counselling/cases')).json() as CounsellingCasePage;
    expect(mine.items.map((i) => i.id)).toContain(c.id);
    const closed = await counsellor().request('POST', `/api/counselling/cases/${c.id}/close`, {
      outcome: 'no_special_support',
      note: 'Familien klarer hverdagen selv; barnet er startet i vuggestue.',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      outcome: 'no_special_support',
      closedOn: today(env),
      closedBy: { id: s.users2.familyCounsellor.id },
      canWrite: false,
    });
    const rows = await countCounsellingRows(db(), f.familyId);
    expect(rows.involvements.every((i) => i.ended_at !== null)).toBe(true);

    expectProblem(
      await counsellor().request('POST', `/api/counselling/cases/${c.id}/close`, { outcome: 'moved' }),
      409,
    );
    const late = await counsellor().request('POST', `/api/counselling/cases/${c.id}/contacts`, {
      contactOn: today(env),
      form: 'phone',
      durationMinutes: 10,
      participants: ['mother'],
    });
    expect(expectProblem(late, 409).errors[0]?.code).toBe('case_closed');
    // The counsellor still reads her closed case.
    expect((await counsellor().request('GET', `/api/counselling/cases/${c.id}`)).statusCode).toBe(200);
    const open = (await counsellor().request('GET', '/api/counselling/cases')).json() as CounsellingCasePage;
    expect(open.items.map((i) => i.id)).not.toContain(c.id);
    const all = (
      await counsellor().request('GET', '/api/counselling/cases?status=closed')
    ).json() as CounsellingCasePage;
    expect(all.items.map((i) => i.id)).toContain(c.id);
    // A new case for the same family may be opened now that the old one is closed.
    expect((await counsellor().request('POST', '/api/counselling/cases', openBody(env, f))).statusCode).toBe(
      201,
    );
  });

  it('opens from an accepted referral, only once, and closing completes the referral', async () => {
    const f = await consentFamily(env, s);
    const pending = await acceptedReferral(s, f.familyId, false);
    const early = await counsellor().request('POST', '/api/counselling/cases', {
      openedFrom: 'referral',
      referralId: pending.id,
      reason: 'Henvist fra sundhedsplejen',
    });
    expect(expectProblem(early, 409).errors[0]?.code).toBe('referral_not_accepted');
    const decided = await counsellor().request('POST', `/api/referrals/${pending.id}/decision`, {
      decision: 'accept',
    });
    expect(decided.statusCode, decided.body).toBe(200);

    const body = { openedFrom: 'referral', referralId: pending.id, reason: 'Henvist fra sundhedsplejen' };
    const res = await counsellor().request('POST', '/api/counselling/cases', body);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as CounsellingCase;
    expect(c).toMatchObject({ openedFrom: 'referral', referralId: pending.id, request: null });
    expect((await auditOfRequest(db(), res)).find((e) => e.entity_type === 'family')).toMatchObject({
      basis: 'legal_basis',
    });
    expect(
      expectProblem(await counsellor().request('POST', '/api/counselling/cases', body), 409).errors[0]?.code,
    ).toBe('case_exists');

    const closed = await counsellor().request('POST', `/api/counselling/cases/${c.id}/close`, {
      outcome: 'municipal_measure',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const r = (
      await s.sessions.healthVisitor.request('GET', `/api/referrals/${pending.id}`)
    ).json() as Referral;
    expect(r.status).toBe('completed');
  });

  it('opens from the family page when the parents consented in the portal: no second consent', async () => {
    const f = await consentFamily(env, s);
    const given = await grantInPortal(env, f.mother, {
      familyId: f.familyId,
      categories: ['identity'],
      fromOrgId: s.municipality.id,
      toOrgId: s.housing.id,
    });
    const before = await countCounsellingRows(db(), f.familyId);
    const c = await openCase(env, counsellor(), f, {
      parentCpr: undefined,
      familyId: f.familyId,
      requestedByPersonId: f.partnerId,
      capturedHow: 'paper',
      consentValidTo: undefined,
    });
    expect(c.request).toEqual({ byPersonId: f.partnerId, capturedHow: 'paper', consentId: given.id });
    expect((await countCounsellingRows(db(), f.familyId)).consents).toBe(before.consents);
    const onPage = (
      await counsellor().request('GET', `/api/families/${f.familyId}/counselling-cases`)
    ).json() as CounsellingCaseSummary[];
    expect(onPage.map((x) => x.id)).toEqual([c.id]);
  });

  it('adds parties: a unit in Familiespor on the consent register, a party outside it with the consent recorded', async () => {
    const { f, c } = await familyInCounselling(env, s);
    const hvUnit = { kind: 'health_visiting', unitId: s.units.district.id };
    const refused = await counsellor().request('POST', `/api/counselling/cases/${c.id}/parties`, hvUnit);
    expect(expectProblem(refused, 409).errors[0]).toMatchObject({ path: 'unitId', code: 'consent_missing' });
    const consent = await grantInPortal(env, f.mother, {
      familyId: f.familyId,
      categories: ['counselling'],
      fromOrgId: s.housing.id,
      toOrgId: s.municipality.id,
    });
    const added = await counsellor().request('POST', `/api/counselling/cases/${c.id}/parties`, hvUnit);
    expect(added.statusCode, added.body).toBe(201);
    expect((added.json() as CounsellingCase).parties).toEqual([
      expect.objectContaining({
        kind: 'health_visiting',
        unit: { id: s.units.district.id, name: expect.any(String) },
        organisation: { id: s.municipality.id, name: s.municipality.name },
        consent: { kind: 'register', consentId: consent.id, inForce: true },
      }),
    ]);

    const school = { kind: 'school', name: 'Vollsmose Skole, SFO', contact: '+45 65 51 00 00' };
    const noConsent = await counsellor().request('POST', `/api/counselling/cases/${c.id}/parties`, school);
    expect(expectProblem(noConsent, 409).errors[0]?.code).toBe('consent_missing');
    const withConsent = await counsellor().request('POST', `/api/counselling/cases/${c.id}/parties`, {
      ...school,
      parentConsent: { grantedByPersonId: f.motherId, capturedHow: 'paper', givenOn: today(env) },
    });
    expect(withConsent.statusCode, withConsent.body).toBe(201);
    expect((withConsent.json() as CounsellingCase).parties.find((x) => x.kind === 'school')).toMatchObject({
      name: 'Vollsmose Skole, SFO',
      unit: null,
      consent: {
        kind: 'recorded',
        grantedBy: { id: f.motherId, name: expect.stringContaining('Amira') },
        capturedHow: 'paper',
        givenOn: today(env),
      },
    });
  });

  it('puts a family in counselling without a coordinator on the municipality’s "Mellem to stole"', async () => {
    const { f } = await familyInCounselling(env, s);
    const page = (
      await s.sessions.programmeLead.request('GET', '/api/families/between-chairs?limit=100')
    ).json() as BetweenChairsPage;
    const item = page.items.find((i) => i.family.id === f.familyId);
    expect(item?.needs.map((n) => n.kind)).toContain('open_counselling_case');
  });

  it('gives the year’s figures: families counselled, closed, no longer needing special support, median duration', async () => {
    // A secretariat of its own, so the figures are this test's alone.
    const own = await buildConsentSetting(env);
    const c = own.sessions2.familyCounsellor;
    const year = Number(today(env).slice(0, 4));
    const open = async (days: number) => {
      const x = await familyInCounselling(env, own);
      await backdateCase(db(), x.c.id, days);
      return x.c;
    };
    const a = await open(40);
    const b = await open(20);
    const stillOpen = await open(5);
    const g = a.goals[0]?.id as string;
    for (const [score, on] of [
      [3, today(env, -40)],
      [7, today(env)],
    ] as const)
      await c.request('POST', `/api/counselling/cases/${a.id}/scores`, {
        scoredOn: on,
        scores: [{ goalId: g, score }],
      });
    const close = (id: string, outcome: string) =>
      c.request('POST', `/api/counselling/cases/${id}/close`, { outcome, closedOn: today(env) });
    expect((await close(a.id, 'no_special_support')).statusCode).toBe(200);
    expect((await close(b.id, 'moved')).statusCode).toBe(200);

    const res = await c.request('GET', `/api/counselling/statistics?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      organisation: { id: own.housing.id, name: own.housing.name },
      year,
      years: [year],
      untilDate: today(env),
      familiesCounselled: 3,
      casesOpened: 3,
      casesClosed: 2,
      openAtEnd: 1,
      outcomes: { no_special_support: 1, moved: 1, municipal_measure: 0, ended_by_family: 0, other: 0 },
      noSpecialSupport: { count: 1, shareOfClosed: 0.5, shareOfFamilies: 1 / 3 },
      medianDurationDays: 30,
      goals: { scoredTwice: 1, improved: 1 },
    } satisfies Partial<CounsellingStatistics>);
    expect(stillOpen.status).toBe('open');
    expect((await auditOfRequest(db(), res)).map((e) => [e.action, e.entity_type])).toEqual([
      ['read', 'counselling_statistics'],
    ]);
    // Last year: nothing yet; next year has not begun.
    expect((await c.request('GET', `/api/counselling/statistics?year=${year - 1}`)).json()).toMatchObject({
      familiesCounselled: 0,
      medianDurationDays: null,
    });
    expectProblem(await c.request('GET', `/api/counselling/statistics?year=${year + 1}`), 400);
  });
});
