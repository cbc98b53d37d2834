import type { PendingSurvey, SentSurvey, SurveyResults } from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deniedEventsOf } from '../../../test/care-setting';
import { type BuiltFamily, buildFamily, buildOrganisation, buildStaffUser } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, login, type Session } from '../../../test/http';
import { type Mail, startSmtp } from '../../../test/smtp';
import { buildCourse, countRows, tokenIn } from '../../../test/surveys';
import { inScope } from '../../db/scope';

const answer = (s: number, freeText: string | null = null) => ({
  scores: { can_act: s, heard: s, satisfied: s },
  freeText,
});

describeEachDatabase('satisfaction surveys', (kind) => {
  let env: TestEnv;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let facilitator: Session;
  let lead: Session;
  let analyst: Session;
  let otherLead: Session;
  let families: BuiltFamily[];
  let course: Awaited<ReturnType<typeof buildCourse>>;
  let sent: SentSurvey;
  let facilitatorId: string;
  let analystId: string;
  let otherLeadId: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    env = await startTestApp(kind, {
      config: { mail: { smtpUrl: smtp.url, from: 'Familiespor <noreply@test.familiespor.dk>' } },
    });
    const org = await buildOrganisation(env.database.db);
    const other = await buildOrganisation(env.database.db);
    const hv = await buildStaffUser(env.database.db, org.id, { roles: ['health_visitor'] });
    facilitatorId = hv.id;
    const pl = await buildStaffUser(env.database.db, org.id, { roles: ['programme_lead'] });
    const an = await buildStaffUser(env.database.db, org.id, { roles: ['analyst'] });
    const opl = await buildStaffUser(env.database.db, other.id, { roles: ['programme_lead'] });
    analystId = an.id;
    otherLeadId = opl.id;
    families = [];
    for (let i = 0; i < 3; i++) families.push(await buildFamily(env.database.db, org.id));
    course = await buildCourse(env.database.db, org.id, hv.id, families);
    facilitator = await login(env.app, hv.email, hv.password);
    lead = await login(env.app, pl.email, pl.password);
    analyst = await login(env.app, an.email, an.password);
    otherLead = await login(env.app, opl.email, opl.password);
  });
  afterAll(async () => {
    await env?.close();
    await smtp?.close();
  });

  it('sends one link per parent present, by e-mail, and again asks nobody twice', async () => {
    const res = await facilitator.request('POST', '/api/surveys', {
      occasion: 'session',
      sessionId: course.sessionId,
    });
    expect(res.statusCode, res.body).toBe(201);
    sent = res.json();
    expect(sent).toMatchObject({ occasion: 'session', linksCreated: 6, alreadyAsked: 0, emailed: 6 });
    const addresses = families.flatMap((f) => f.parents.map((p) => p.email)).sort();
    expect(smtp.received.map((m) => m.to).sort()).toEqual(addresses);
    // Only the hash of the token is stored.
    const token = tokenIn(smtp.received[0] as Mail);
    const stored = await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('survey_link').select('token_hash').where('survey_id', '=', sent.surveyId).execute(),
    );
    expect(stored.map((s) => s.token_hash)).not.toContain(token);

    const again = await lead.request('POST', '/api/surveys', {
      occasion: 'session',
      sessionId: course.sessionId,
    });
    expect(again.json()).toMatchObject({ surveyId: sent.surveyId, linksCreated: 0, alreadyAsked: 6 });
    expect(smtp.received).toHaveLength(6);
  });

  it('answers once per link by token, without login; the second answer is 409 and writes nothing', async () => {
    const token = tokenIn(smtp.received[0] as Mail);
    const about = await env.app.inject({ method: 'GET', url: `/api/surveys/by-token?token=${token}` });
    expect(about.json<PendingSurvey>()).toMatchObject({
      occasion: 'session',
      title: 'Parforholdet',
      answered: false,
    });

    const first = await env.app.inject({
      method: 'POST',
      url: '/api/surveys/responses',
      payload: { token, ...answer(5, 'Rart at møde andre forældre') },
    });
    expect(first.statusCode, first.body).toBe(201);
    const before = await countRows(env.database.db, sent.surveyId);
    const second = await env.app.inject({
      method: 'POST',
      url: '/api/surveys/responses',
      payload: { token, ...answer(1) },
    });
    expectProblem(second, 409);
    expect(await countRows(env.database.db, sent.surveyId)).toEqual(before);
    // The response carries no link, person or family.
    const columns = await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('survey_response').selectAll().where('survey_id', '=', sent.surveyId).execute(),
    );
    expect(Object.keys(columns[0] ?? {}).sort()).toEqual(
      [
        'answered_on',
        'can_act',
        'free_text',
        'heard',
        'id',
        'offer_id',
        'org_id',
        'satisfied',
        'survey_id',
      ].sort(),
    );
  });

  it('shows the parent the survey in the portal and takes the answer by the link there', async () => {
    // A parent other than the one who answered by the first e-mail's token.
    const answered = smtp.received[0]?.to;
    const parents = families.flatMap((f) => f.parents).filter((p) => p.email !== answered);
    const parent = parents[0] as BuiltFamily['parents'][number];
    const mine = await login(env.app, parent.email, 'correct horse battery staple');
    const list = (await mine.request('GET', '/api/portal/surveys')).json<PendingSurvey[]>();
    expect(list).toHaveLength(1);
    const linkId = list[0]?.linkId as string;
    // Another parent cannot answer it: 403, audited.
    const otherParent = parents[1] as BuiltFamily['parents'][number];
    const other = await login(env.app, otherParent.email, 'correct horse battery staple');
    expectProblem(await other.request('POST', '/api/surveys/responses', { linkId, ...answer(3) }), 403);
    expect((await deniedEventsOf(env.database.db, otherParent.personId)).length).toBeGreaterThan(0);

    const res = await mine.request('POST', '/api/surveys/responses', { linkId, ...answer(4) });
    expect(res.statusCode, res.body).toBe(201);
    expect((await mine.request('GET', '/api/portal/surveys')).json<PendingSurvey[]>()[0]?.answered).toBe(
      true,
    );
    expectProblem(await mine.request('POST', '/api/surveys/responses', { linkId, ...answer(4) }), 409);
  });

  it('suppresses results under five, and from five hides small counts and a mean that would reveal them', async () => {
    const read = async (s: Session) =>
      (await s.request('GET', `/api/surveys/results?offerId=${course.offerId}`)).json<SurveyResults>();
    let r = await read(lead);
    expect(r.offers[0]?.responses).toBe('<5');
    expect(r.offers[0]?.questions.every((q) => q.mean === null && q.counts === null)).toBe(true);
    expect(r.offers[0]?.occasions[0]?.responses).toBe('<5');

    for (const mail of smtp.received.slice(1)) {
      const token = tokenIn(mail);
      await env.app.inject({
        method: 'POST',
        url: '/api/surveys/responses',
        payload: { token, ...answer(4) },
      });
    }
    r = await read(lead);
    const offer = r.offers[0];
    // 6 links: 1 by the first token, 1 in the portal (its e-mail token then 409), 4 more.
    expect(offer?.responses).toBe(6);
    // 5×4 and 1×5: the single 5 is hidden with its complement, so the mean (4.17), which would
    // give them back with the total, is hidden too (survey-results.ts).
    expect(offer?.questions[0]?.counts).toEqual([0, 0, 0, null, null]);
    expect(offer?.questions[0]?.mean).toBeNull();
    expect(offer?.freeText).toEqual(['Rart at møde andre forældre']);
  });

  it('hides free text from the analyst and forbids another municipality (403, audited)', async () => {
    const mine = (
      await analyst.request('GET', `/api/surveys/results?offerId=${course.offerId}`)
    ).json<SurveyResults>();
    expect(mine.offers[0]?.responses).toBe(6);
    expect(mine.offers[0]?.freeText).toBeNull();

    const res = await otherLead.request('GET', `/api/surveys/results?offerId=${course.offerId}`);
    expectProblem(res, 403);
    const denied = await deniedEventsOf(env.database.db, otherLeadId);
    expect(denied.some((d) => d.entity_type === 'survey_response')).toBe(true);
  });

  it('lets only the facilitator or the programme lead send, and refuses bad input writing nothing', async () => {
    const before = await countRows(env.database.db);
    expectProblem(
      await analyst.request('POST', '/api/surveys', { occasion: 'session', sessionId: course.sessionId }),
      403,
    );
    expectProblem(
      await otherLead.request('POST', '/api/surveys', { occasion: 'course_end', cohortId: course.cohortId }),
      403,
    );
    expect((await deniedEventsOf(env.database.db, analystId)).length).toBeGreaterThan(0);
    expectProblem(
      await facilitator.request('POST', '/api/surveys', {
        occasion: 'session',
        sessionId: course.plannedSessionId,
      }),
      409,
    );
    expectProblem(await facilitator.request('POST', '/api/surveys', { occasion: 'session' }), 400);
    expect(await countRows(env.database.db)).toEqual(before);

    const token = tokenIn(smtp.received[0] as Mail);
    for (const bad of [answer(0), answer(6), answer(3, 'x'.repeat(1001))]) {
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/surveys/responses',
        payload: { token, ...bad },
      });
      const problem = expectProblem(res, 400);
      expect(problem.errors.length).toBeGreaterThan(0);
    }
    expect(await countRows(env.database.db)).toEqual(before);
    expect(facilitatorId).toBeTruthy();
  });

  it('refuses an unknown or malformed link, a period ending before it starts, and staff in the parents’ list', async () => {
    const byToken = (token: string) =>
      env.app.inject({ method: 'GET', url: `/api/surveys/by-token?token=${encodeURIComponent(token)}` });
    expectProblem(await byToken('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ'), 404);
    expectProblem(await byToken('short'), 400);
    const period = expectProblem(
      await lead.request(
        'GET',
        `/api/surveys/results?offerId=${course.offerId}&from=2026-06-01&to=2026-05-01`,
      ),
      400,
    );
    expect(period.errors).toEqual([expect.objectContaining({ path: 'to', code: 'end_before_start' })]);
    expectProblem(await lead.request('GET', '/api/portal/surveys'), 403);
  });

  it('gives an anonymous code after open counselling that is tied to nobody and answers once', async () => {
    const ngo = await buildOrganisation(env.database.db, { kind: 'ngo' });
    const c = await buildStaffUser(env.database.db, ngo.id, { roles: ['ngo_counsellor'] });
    const counsellor = await login(env.app, c.email, c.password);
    const res = await counsellor.request('POST', '/api/surveys', { occasion: 'open_counselling' });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json<SentSurvey>();
    expect(s.anonymous?.code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){4}$/);
    const link = await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('survey_link').selectAll().where('survey_id', '=', s.surveyId).executeTakeFirstOrThrow(),
    );
    expect(link.person_id).toBeNull();
    expect(link.family_id).toBeNull();
    const code = (s.anonymous?.code ?? '').toLowerCase();
    const ok = await env.app.inject({
      method: 'POST',
      url: '/api/surveys/responses',
      payload: { token: code, ...answer(5) },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const twice = await env.app.inject({
      method: 'POST',
      url: '/api/surveys/responses',
      payload: { token: code, ...answer(5) },
    });
    expectProblem(twice, 409);
  });
});
