import type { CounsellingCase } from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditOfRequest, deniedEventsOf } from '../../../test/care-setting';
import {
  buildConsentSetting,
  type ConsentSetting,
  consentFamily,
  grantInPortal,
  withdrawInPortal,
} from '../../../test/consent';
import { buildCounsellingSetting, familyInCounselling, openCase, today } from '../../../test/counselling';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, type Session } from '../../../test/http';

describeEachDatabase('counselling cases: who may read and write them', (kind) => {
  let env: TestEnv;
  let s: ConsentSetting;
  let m: Awaited<ReturnType<typeof buildCounsellingSetting>>;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildConsentSetting(env);
    m = await buildCounsellingSetting(env, s);
  });
  afterAll(() => env?.close());

  const db = () => env.database.db;
  const read = (session: Session, id: string) => session.request('GET', `/api/counselling/cases/${id}`);

  /** A case the municipality's own family counsellor opened (the family is the municipality's). */
  async function municipalCase() {
    const f = await consentFamily(env, s);
    const c = await openCase(env, m.municipalCounsellorSession, f, { consentValidTo: undefined });
    return { f, c };
  }

  it('opens a municipal case on the family’s own request without a consent (one organisation), with the team’s involvement', async () => {
    const { c } = await municipalCase();
    expect(c).toMatchObject({ organisation: { id: s.municipality.id }, unit: { id: m.municipalTeam.id } });
    expect(c.request?.consentId).toBeNull();
  });

  it('refuses an NGO counsellor a municipal case: 403, audited as denied', async () => {
    const { c, f } = await municipalCase();
    expectProblem(await read(s.sessions.ngo, c.id), 403, 'forbidden');
    const denied = await deniedEventsOf(db(), s.users.ngo.id);
    expect(denied.at(-1)).toMatchObject({
      entity_type: 'counselling_case',
      entity_id: c.id,
      family_id: f.familyId,
      data_org_id: s.municipality.id,
    });
  });

  it('refuses a family counsellor of another organisation without consent, and lets her read it on one', async () => {
    const { c, f } = await municipalCase();
    const other = s.sessions2.familyCounsellor; // the housing secretariat's
    expectProblem(await read(other, c.id), 403);
    expect((await deniedEventsOf(db(), s.users2.familyCounsellor.id)).at(-1)).toMatchObject({
      entity_type: 'counselling_case',
      entity_id: c.id,
    });
    const consent = await grantInPortal(env, f.mother, {
      familyId: f.familyId,
      categories: ['counselling'],
      fromOrgId: s.municipality.id,
      toOrgId: s.housing.id,
    });
    const res = await read(other, c.id);
    expect(res.statusCode, res.body).toBe(200);
    // Consent opens reading, never writing.
    expect((res.json() as CounsellingCase).canWrite).toBe(false);
    expect((await auditOfRequest(db(), res)).at(-1)).toMatchObject({
      basis: 'consent',
      consent_id: consent.id,
    });
    expectProblem(
      await other.request('POST', `/api/counselling/cases/${c.id}/goals`, { title: 'Skjult mål' }),
      403,
    );
  });

  it.each([
    // The district's health visitor works with the family; the caseworker has no case of her own.
    ['health visitor', () => s.sessions.healthVisitor, () => s.users.healthVisitor.id, true],
    ['caseworker', () => s.sessions2.caseworker, () => s.users2.caseworker.id, false],
  ] as const)(
    'lets the municipality’s %s read the secretariat’s case only while the consent for counselling is in force',
    async (_role, session, userId, seesFamily) => {
      const { f, c } = await familyInCounselling(env, s);
      expectProblem(await read(session(), c.id), 403);
      expect((await deniedEventsOf(db(), userId())).at(-1)).toMatchObject({
        entity_type: 'counselling_case',
        entity_id: c.id,
      });
      const consent = await grantInPortal(env, f.mother, {
        familyId: f.familyId,
        categories: ['counselling'],
        fromOrgId: s.housing.id,
        toOrgId: s.municipality.id,
      });
      const ok = await read(session(), c.id);
      expect(ok.statusCode, ok.body).toBe(200);
      expect((ok.json() as CounsellingCase).goals).toHaveLength(2);
      expect((await auditOfRequest(db(), ok)).at(-1)).toMatchObject({
        action: 'read',
        entity_type: 'counselling_case',
        basis: 'consent',
        consent_id: consent.id,
        data_org_id: s.housing.id,
      });
      const onPage = await session().request('GET', `/api/families/${f.familyId}/counselling-cases`);
      if (seesFamily) expect((onPage.json() as { id: string }[]).map((x) => x.id)).toEqual([c.id]);
      // Without a relationship of her own the family page is closed, and so is its list.
      else expectProblem(onPage, 403);

      await withdrawInPortal(f.mother, consent.id);
      expectProblem(await read(session(), c.id), 403);
      if (seesFamily) {
        const after = await session().request('GET', `/api/families/${f.familyId}/counselling-cases`);
        expect(after.json()).toEqual([]);
      }
    },
  );

  it('keeps the "consent" cell closed inside one organisation: the municipality’s health visitor and its own case', async () => {
    const { f, c } = await municipalCase();
    expectProblem(await read(s.sessions.healthVisitor, c.id), 403);
    // The district's health visitor sees the family, but not its counselling.
    const list = await s.sessions.healthVisitor.request(
      'GET',
      `/api/families/${f.familyId}/counselling-cases`,
    );
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([]);
  });

  it('lets only family counsellors open cases, and only the case’s organisation write in it', async () => {
    const f = await consentFamily(env, s);
    const body = {
      openedFrom: 'own_request',
      parentCpr: f.body.mother.cpr,
      capturedHow: 'verbal',
      consentValidTo: today(env, 200),
      reason: 'Forsøg',
    };
    expectProblem(await s.sessions.healthVisitor.request('POST', '/api/counselling/cases', body), 403);
    expectProblem(await s.sessions.programmeLead.request('POST', '/api/counselling/cases', body), 403);
    expectProblem(await s.sessions.ngo.request('POST', '/api/counselling/cases', body), 403);
    expect((await deniedEventsOf(db(), s.users.ngo.id)).at(-1)).toMatchObject({
      entity_type: 'counselling_case',
      detail: expect.objectContaining({ attempted: 'create' }),
    });

    const { c } = await familyInCounselling(env, s);
    const contact = { contactOn: today(env), form: 'phone', durationMinutes: 15, participants: ['mother'] };
    expectProblem(
      await s.sessions.healthVisitor.request('POST', `/api/counselling/cases/${c.id}/contacts`, contact),
      403,
    );
    expectProblem(
      await m.municipalCounsellorSession.request('POST', `/api/counselling/cases/${c.id}/close`, {
        outcome: 'moved',
      }),
      403,
    );
    expectProblem(await s.sessions.midwife.request('GET', '/api/counselling/cases'), 403);
    expectProblem(
      await s.sessions2.familyCounsellor.request('GET', '/api/counselling/cases?scope=organisation'),
      403,
    );
    expectProblem(await s.sessions.healthVisitor.request('GET', '/api/counselling/statistics'), 403);
    // A parent has no staff pages at all.
    const f2 = await consentFamily(env, s);
    expectProblem(await f2.mother.request('GET', `/api/counselling/cases/${c.id}`), 403);
  });

  it('shows the organisation’s figures to its programme lead, and no one else’s', async () => {
    await municipalCase();
    const lead = await s.sessions.programmeLead.request('GET', '/api/counselling/statistics');
    expect(lead.statusCode, lead.body).toBe(200);
    expect(lead.json()).toMatchObject({ organisation: { id: s.municipality.id } });
    expect((lead.json() as { familiesCounselled: number }).familiesCounselled).toBeGreaterThanOrEqual(1);
    const org = await s.sessions.programmeLead.request(
      'GET',
      '/api/counselling/cases?scope=organisation&status=all',
    );
    expect(org.statusCode, org.body).toBe(200);
    expect(
      (org.json() as { items: { organisation: { id: string } }[] }).items.every(
        (i) => i.organisation.id === s.municipality.id,
      ),
    ).toBe(true);
  });
});
