import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testCpr } from '../../../test/care-setting';
import { buildConsentSetting, type ConsentSetting, consentFamily } from '../../../test/consent';
import {
  acceptedReferral,
  backdateCase,
  countCounsellingRows,
  familyInCounselling,
  openBody,
  today,
} from '../../../test/counselling';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem } from '../../../test/http';

describeEachDatabase('counselling cases: bad input is refused and writes nothing', (kind) => {
  let env: TestEnv;
  let s: ConsentSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildConsentSetting(env);
  });
  afterAll(() => env?.close());

  const db = () => env.database.db;
  const counsellor = () => s.sessions2.familyCounsellor;
  const codes = (res: Parameters<typeof expectProblem>[0], status = 400) =>
    expectProblem(res, status).errors.map((e) => `${e.path}:${e.code}`);

  it('refuses to open a case from an unknown referral, or one to another organisation', async () => {
    const f = await consentFamily(env, s);
    const before = await countCounsellingRows(db(), f.familyId);
    const unknown = await counsellor().request('POST', '/api/counselling/cases', {
      openedFrom: 'referral',
      referralId: randomUUID(),
      reason: 'Henvist',
    });
    expect(codes(unknown)).toEqual(['referralId:unknown_referral']);
    // A referral to the municipality itself is not the secretariat's to open a case from.
    const toOthers = await s.sessions.healthVisitor.request('POST', '/api/referrals', {
      familyId: f.familyId,
      to: { organisationId: s.municipality.id },
      reason: 'Til Børn og Familie',
    });
    expect(toOthers.statusCode, toOthers.body).toBe(201);
    const other = await counsellor().request('POST', '/api/counselling/cases', {
      openedFrom: 'referral',
      referralId: (toOthers.json() as { id: string }).id,
      reason: 'Henvist',
    });
    expect(codes(other)).toEqual(['referralId:unknown_referral']);
    expect(await countCounsellingRows(db(), f.familyId)).toEqual(before);
  });

  it('refuses an open request that does not say whose, how, or until when, and a CPR number of no parent here', async () => {
    const f = await consentFamily(env, s);
    const before = await countCounsellingRows(db(), f.familyId);
    const open = (over: Record<string, unknown>) =>
      counsellor().request('POST', '/api/counselling/cases', openBody(env, f, over));
    expect(codes(await open({ capturedHow: undefined }))).toEqual(['capturedHow:custom']);
    expect(codes(await open({ reason: '   ' }))).toEqual(['reason:too_small']);
    expect(codes(await open({ parentCpr: undefined }))).toEqual(['parentCpr:custom']);
    expect(codes(await open({ referralId: randomUUID() }))).toEqual(['referralId:custom']);
    expect(codes(await open({ goals: [{ title: 'x'.repeat(201) }] }))).toEqual(['goals.0.title:too_big']);
    expect(codes(await open({ parentCpr: testCpr('1990-04-12', 'female') }))).toEqual([
      'parentCpr:unknown_parent',
    ]);
    expect(codes(await open({ consentValidTo: undefined }))).toEqual(['consentValidTo:required']);
    expect(codes(await open({ consentValidTo: today(env, -1) }))).toEqual(['consentValidTo:in_past']);
    expect(codes(await open({ consentValidTo: today(env, 4 * 366) }))).toEqual(['consentValidTo:too_long']);
    expect(codes(await open({ unitId: s.units.district.id }))).toEqual(['unitId:not_your_unit']);
    expect(
      codes(await open({ parentCpr: undefined, familyId: f.familyId, requestedByPersonId: randomUUID() })),
    ).toEqual(['requestedByPersonId:not_a_custodian']);
    expectProblem(
      await open({ parentCpr: undefined, familyId: randomUUID(), requestedByPersonId: f.motherId }),
      404,
    );
    expect(await countCounsellingRows(db(), f.familyId)).toEqual(before);
  });

  it('refuses a second open case for the family without writing the consent again', async () => {
    const { f } = await familyInCounselling(env, s);
    const before = await countCounsellingRows(db(), f.familyId);
    const again = await counsellor().request('POST', '/api/counselling/cases', openBody(env, f));
    expect(codes(again, 409)).toEqual(['familyId:case_open']);
    expect(await countCounsellingRows(db(), f.familyId)).toEqual(before);
  });

  it('refuses a goal score of 11, an unknown goal and a day before the case; nothing is written', async () => {
    const { f, c } = await familyInCounselling(env, s);
    const goal = c.goals[0]?.id as string;
    const before = await countCounsellingRows(db(), f.familyId);
    const score = (body: Record<string, unknown>) =>
      counsellor().request('POST', `/api/counselling/cases/${c.id}/scores`, {
        scoredOn: today(env),
        ...body,
      });
    expect(codes(await score({ scores: [{ goalId: goal, score: 11 }] }))).toEqual(['scores.0.score:too_big']);
    expect(codes(await score({ scores: [{ goalId: goal, score: -1 }] }))).toEqual([
      'scores.0.score:too_small',
    ]);
    expect(codes(await score({ scores: [{ goalId: goal, score: 4.5 }] }))).toEqual([
      'scores.0.score:invalid_type',
    ]);
    expect(codes(await score({ scores: [] }))).toEqual(['scores:too_small']);
    // One good score and one for a goal of no case: the good one is not written either.
    expect(
      codes(
        await score({
          scores: [
            { goalId: goal, score: 5 },
            { goalId: randomUUID(), score: 5 },
          ],
        }),
      ),
    ).toEqual(['scores.1.goalId:unknown_goal']);
    expect(
      codes(
        await score({
          scores: [
            { goalId: goal, score: 5 },
            { goalId: goal, score: 6 },
          ],
        }),
      ),
    ).toEqual(['scores.1.goalId:duplicate']);
    expect(codes(await score({ scoredOn: today(env, -1), scores: [{ goalId: goal, score: 5 }] }))).toEqual([
      'scoredOn:before_opened',
    ]);
    expect(codes(await score({ scoredOn: today(env, 1), scores: [{ goalId: goal, score: 5 }] }))).toEqual([
      'scoredOn:in_future',
    ]);
    expect(codes(await score({ scoredOn: '2026-02-30', scores: [{ goalId: goal, score: 5 }] }))).toEqual([
      'scoredOn:invalid_date',
    ]);
    expect(await countCounsellingRows(db(), f.familyId)).toEqual(before);
  });

  it('refuses a contact with a negative duration, no participants or a day before the case', async () => {
    const { f, c } = await familyInCounselling(env, s);
    await backdateCase(db(), c.id, 3);
    const before = await countCounsellingRows(db(), f.familyId);
    const contact = (body: Record<string, unknown>) =>
      counsellor().request('POST', `/api/counselling/cases/${c.id}/contacts`, {
        contactOn: today(env),
        form: 'office',
        durationMinutes: 45,
        participants: ['mother'],
        ...body,
      });
    expect(codes(await contact({ durationMinutes: -30 }))).toEqual(['durationMinutes:too_small']);
    expect(codes(await contact({ durationMinutes: 0 }))).toEqual(['durationMinutes:too_small']);
    expect(codes(await contact({ durationMinutes: 601 }))).toEqual(['durationMinutes:too_big']);
    expect(codes(await contact({ participants: [] }))).toEqual(['participants:too_small']);
    expect(codes(await contact({ participants: ['mother', 'mother'] }))).toEqual(['participants:custom']);
    expect(codes(await contact({ participants: ['neighbour'] }))).toEqual(['participants.0:invalid_value']);
    expect(codes(await contact({ form: 'letter' }))).toEqual(['form:invalid_value']);
    expect(codes(await contact({ contactOn: today(env, -4) }))).toEqual(['contactOn:before_opened']);
    expect(codes(await contact({ note: 'x'.repeat(4001) }))).toEqual(['note:too_big']);
    expect(await countCounsellingRows(db(), f.familyId)).toEqual(before);
  });

  it('refuses closing without an outcome, "other" without a note, and a closing day in the future', async () => {
    const { f, c } = await familyInCounselling(env, s);
    const before = await countCounsellingRows(db(), f.familyId);
    const close = (body: Record<string, unknown>) =>
      counsellor().request('POST', `/api/counselling/cases/${c.id}/close`, body);
    expect(codes(await close({}))).toEqual(['outcome:invalid_value']);
    expect(codes(await close({ outcome: 'better' }))).toEqual(['outcome:invalid_value']);
    expect(codes(await close({ outcome: 'other' }))).toEqual(['note:required']);
    expect(codes(await close({ outcome: 'moved', closedOn: today(env, 1) }))).toEqual(['closedOn:in_future']);
    expect(codes(await close({ outcome: 'moved', closedOn: today(env, -1) }))).toEqual([
      'closedOn:before_opened',
    ]);
    const after = await countCounsellingRows(db(), f.familyId);
    expect(after).toEqual(before);
    expect(after.cases.find((x) => x.id === c.id)?.status).toBe('open');
    expect(after.involvements.every((i) => i.ended_at === null)).toBe(true);
  });

  it('refuses a party with an unknown unit, a parent without custody, or no name at all', async () => {
    const { f, c } = await familyInCounselling(env, s);
    const before = await countCounsellingRows(db(), f.familyId);
    const party = (body: Record<string, unknown>) =>
      counsellor().request('POST', `/api/counselling/cases/${c.id}/parties`, { kind: 'daycare', ...body });
    expect(codes(await party({ unitId: randomUUID() }))).toEqual(['unitId:unknown_unit']);
    expect(codes(await party({}))).toEqual(['name:custom']);
    expect(codes(await party({ kind: 'grandmother', name: 'Mormor' }))).toEqual(['kind:invalid_value']);
    expect(
      codes(
        await party({
          name: 'Dagplejer Hanne',
          parentConsent: { grantedByPersonId: randomUUID(), capturedHow: 'verbal', givenOn: today(env) },
        }),
      ),
    ).toEqual(['parentConsent.grantedByPersonId:not_a_custodian']);
    expect(
      codes(
        await party({
          name: 'Dagplejer Hanne',
          parentConsent: { grantedByPersonId: f.motherId, capturedHow: 'verbal', givenOn: today(env, 2) },
        }),
      ),
    ).toEqual(['parentConsent.givenOn:in_future']);
    expect(await countCounsellingRows(db(), f.familyId)).toEqual(before);
  });

  it('leaves a refused close without effect: the case stays open, the referral it came from accepted', async () => {
    const f = await consentFamily(env, s);
    const r = await acceptedReferral(s, f.familyId);
    const opened = await counsellor().request('POST', '/api/counselling/cases', {
      openedFrom: 'referral',
      referralId: r.id,
      reason: 'Henvist fra sundhedsplejen',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = (opened.json() as { id: string }).id;
    expectProblem(
      await counsellor().request('POST', `/api/counselling/cases/${caseId}/close`, { outcome: 'other' }),
      400,
    );
    const referral = await s.sessions.healthVisitor.request('GET', `/api/referrals/${r.id}`);
    expect((referral.json() as { status: string }).status).toBe('accepted');
    expect((await countCounsellingRows(db(), f.familyId)).cases[0]?.status).toBe('open');
  });
});
