import type { Consent, ConsentOverview, FamilyDetail, familyTimeline } from '@familiespor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { auditOfRequest, deniedEventsOf, loginAsParent } from '../../../test/care-setting';
import {
  buildConsentSetting,
  type ConsentSetting,
  consentFamily,
  grantInPortal,
  validTo,
  withdrawInPortal,
} from '../../../test/consent';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem } from '../../../test/http';
import { inScope } from '../../db/scope';

type FamilyTimeline = z.infer<typeof familyTimeline>;

describeEachDatabase('consent: grantConsent, withdrawConsent and the consent gate', (kind) => {
  let env: TestEnv;
  let s: ConsentSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildConsentSetting(env);
  });
  afterAll(() => env?.close());

  const consentsOf = (familyId: string) =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('consent').selectAll().where('family_id', '=', familyId).orderBy('captured_at').execute(),
    );
  const setCustody = (familyId: string, personId: string, custody: boolean) =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx
        .updateTable('family_member')
        .set({ custody })
        .where('family_id', '=', familyId)
        .where('person_id', '=', personId)
        .execute(),
    );

  describe('the gate through the HTTP app', () => {
    it('a housing secretariat’s family counsellor: 403 before consent, 200 with it, 403 after withdrawal', async () => {
      const f = await consentFamily(env, s);
      const read = () => s.sessions2.familyCounsellor.request('GET', `/api/families/${f.familyId}`);
      const before = await read();
      expectProblem(before, 403, 'forbidden');
      expect((await deniedEventsOf(env.database.db, s.users2.familyCounsellor.id)).at(-1)).toMatchObject({
        entity_type: 'family',
        family_id: f.familyId,
        data_org_id: s.municipality.id,
        detail: { attempted: 'read', reason: 'no consent or legal basis' },
      });

      const c = await grantInPortal(env, f.mother, {
        familyId: f.familyId,
        categories: ['identity'],
        fromOrgId: s.municipality.id,
        toOrgId: s.housing.id,
      });
      expect(c).toMatchObject({
        status: 'active',
        capturedHow: 'portal',
        capturedBy: null,
        from: { id: s.municipality.id, name: s.municipality.name },
        to: { id: s.housing.id, name: s.housing.name },
        grantedBy: { personId: f.motherId },
      });

      const after = await read();
      expect(after.statusCode, after.body).toBe(200);
      const detail = after.json() as FamilyDetail;
      // Identity only: the region's pregnancy is not in the consent.
      expect(detail.pregnancies).toEqual([]);
      expect(detail.hidden).toContain('pregnancy');
      expect(await auditOfRequest(env.database.db, after)).toContainEqual(
        expect.objectContaining({
          action: 'read',
          entity_type: 'family',
          actor_id: s.users2.familyCounsellor.id,
          data_org_id: s.municipality.id,
          basis: 'consent',
          consent_id: c.id,
        }),
      );
      const timeline = await s.sessions2.familyCounsellor.request(
        'GET',
        `/api/families/${f.familyId}/timeline`,
      );
      expect(timeline.statusCode, timeline.body).toBe(200);
      const entries = (timeline.json() as FamilyTimeline).entries;
      expect(entries.find((e) => e.id === `consent:${c.id}`)).toMatchObject({
        kind: 'consent_granted',
        category: 'identity',
        params: {
          fromOrganisation: s.municipality.name,
          toOrganisation: s.housing.name,
          categories: 'identity',
        },
      });
      expect(entries.some((e) => e.category === 'pregnancy')).toBe(false);

      const withdrawn = await withdrawInPortal(f.mother, c.id);
      expect(withdrawn).toMatchObject({
        status: 'withdrawn',
        withdrawnHow: 'portal',
        withdrawnBy: { kind: 'parent' },
      });
      expectProblem(await read(), 403, 'forbidden');
      expectProblem(
        await s.sessions2.familyCounsellor.request('GET', `/api/families/${f.familyId}/timeline`),
        403,
        'forbidden',
      );
    });

    it('a consent covers its own categories, from and to its own organisations only', async () => {
      const f = await consentFamily(env, s);
      // Counselling records may flow to the housing secretariat — but not who the family is.
      await grantInPortal(env, f.mother, {
        familyId: f.familyId,
        categories: ['counselling', 'course'],
        fromOrgId: s.municipality.id,
        toOrgId: s.housing.id,
      });
      expectProblem(
        await s.sessions2.familyCounsellor.request('GET', `/api/families/${f.familyId}`),
        403,
        'forbidden',
      );
      // An identity consent to the NGO does not open the family to the housing secretariat.
      await grantInPortal(env, f.mother, {
        familyId: f.familyId,
        categories: ['identity'],
        fromOrgId: s.municipality.id,
        toOrgId: s.ngo.id,
      });
      expectProblem(
        await s.sessions2.familyCounsellor.request('GET', `/api/families/${f.familyId}`),
        403,
        'forbidden',
      );
    });
  });

  describe('grantConsent', () => {
    it('a professional records a paper consent from the other parent; the timeline shows it to staff and parents', async () => {
      const f = await consentFamily(env, s);
      const res = await s.sessions.healthVisitor.request('POST', '/api/consents', {
        familyId: f.familyId,
        grantedByPersonId: f.partnerId,
        categories: ['counselling'],
        fromOrgId: s.housing.id,
        toOrgId: s.municipality.id,
        purpose: 'Sundhedsplejersken kan følge op på familierådgivningen',
        validTo: validTo(env, 365),
        capturedHow: 'paper',
      });
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json() as Consent;
      expect(c).toMatchObject({
        capturedHow: 'paper',
        capturedBy: { id: s.users.healthVisitor.id },
        grantedBy: { personId: f.partnerId },
        categories: ['counselling'],
      });
      expect(await auditOfRequest(env.database.db, res)).toEqual([
        expect.objectContaining({
          action: 'create',
          entity_type: 'consent',
          entity_id: c.id,
          person_id: f.partnerId,
          basis: 'own_org',
          consent_id: c.id,
        }),
      ]);
      const portal = await f.mother.request('GET', '/api/portal/timeline');
      expect((portal.json() as FamilyTimeline).entries.map((e) => e.id)).toContain(`consent:${c.id}`);
    });

    it('refuses bad input with 400 and field errors, and writes nothing', async () => {
      const f = await consentFamily(env, s);
      const before = await consentsOf(f.familyId);
      const base = {
        familyId: f.familyId,
        categories: ['identity'],
        fromOrgId: s.municipality.id,
        toOrgId: s.housing.id,
        purpose: 'Familierådgivning',
        validTo: validTo(env),
      };
      const portalCases: [Record<string, unknown>, string | null][] = [
        [{ categories: ['gossip'] }, 'categories.0'],
        [{ categories: ['identity', 'concern'] }, 'categories.1'],
        [{ categories: [] }, 'categories'],
        [{ toOrgId: s.municipality.id }, 'toOrgId'],
        [{ fromOrgId: crypto.randomUUID() }, 'fromOrgId'],
        [{ validTo: '2020-01-01' }, 'validTo'],
        [{ validTo: '2026-13-01' }, 'validTo'],
        [{ purpose: '' }, 'purpose'],
        [{ capturedHow: 'paper' }, 'capturedHow'],
        [{ extra: true }, null],
      ];
      for (const [change, path] of portalCases) {
        const problem = expectProblem(
          await f.mother.request('POST', '/api/consents', { ...base, ...change }),
          400,
          'validation',
        );
        if (path)
          expect(
            problem.errors.map((e) => e.path),
            JSON.stringify(change),
          ).toContain(path);
      }
      const unknown = expectProblem(
        await f.mother.request('POST', '/api/consents', { ...base, toOrgId: crypto.randomUUID() }),
        400,
      );
      expect(unknown.errors).toContainEqual(
        expect.objectContaining({ path: 'toOrgId', code: 'unknown_organisation' }),
      );

      const staff = { ...base, grantedByPersonId: f.motherId, capturedHow: 'verbal' };
      await setCustody(f.familyId, f.partnerId, false);
      const staffCases: [Record<string, unknown>, string, string][] = [
        [{ capturedHow: undefined }, 'capturedHow', 'required'],
        [{ grantedByPersonId: undefined }, 'grantedByPersonId', 'required'],
        [{ grantedByPersonId: crypto.randomUUID() }, 'grantedByPersonId', 'not_a_parent_of_family'],
        [{ grantedByPersonId: f.partnerId }, 'grantedByPersonId', 'no_custody'],
      ];
      for (const [change, path, code] of staffCases) {
        const problem = expectProblem(
          await s.sessions.healthVisitor.request('POST', '/api/consents', { ...staff, ...change }),
          400,
          'validation',
        );
        expect(problem.errors).toContainEqual(expect.objectContaining({ path, code }));
      }
      expect(await consentsOf(f.familyId)).toEqual(before);
    });

    it('refuses, audited and writing nothing: a parent without custody, another family, a stranger, a non-party', async () => {
      const f = await consentFamily(env, s);
      const other = await consentFamily(env, s);
      const before = await consentsOf(f.familyId);
      const body = {
        familyId: f.familyId,
        categories: ['identity'],
        fromOrgId: s.municipality.id,
        toOrgId: s.housing.id,
        purpose: 'Familierådgivning',
        validTo: validTo(env),
      };
      await setCustody(f.familyId, f.partnerId, false);
      const partner = await loginAsParent(env.app, env.database.db, f.partnerId);
      expectProblem(await partner.request('POST', '/api/consents', body), 403, 'forbidden');
      expect((await deniedEventsOf(env.database.db, f.partnerId)).at(-1)).toMatchObject({
        entity_type: 'consent',
        detail: { attempted: 'create', reason: 'only a parent with custody gives or withdraws consent' },
      });
      expectProblem(
        await f.mother.request('POST', '/api/consents', { ...body, grantedByPersonId: f.partnerId }),
        403,
      );
      expectProblem(await other.mother.request('POST', '/api/consents', body), 403, 'forbidden');
      // A health visitor of another district has no relationship to the family.
      const stranger = { ...body, grantedByPersonId: f.motherId, capturedHow: 'paper' };
      expectProblem(await s.sessions.otherHealthVisitor.request('POST', '/api/consents', stranger), 403);
      // The midwife may see the family, but this consent is between two other organisations.
      expectProblem(await s.sessions.midwife.request('POST', '/api/consents', stranger), 403);
      expect((await deniedEventsOf(env.database.db, s.users.midwife.id)).at(-1)).toMatchObject({
        detail: { attempted: 'create', reason: 'the organisation is not a party to the consent' },
      });
      expect(await consentsOf(f.familyId)).toEqual(before);
      expectProblem(
        await f.mother.request('POST', '/api/consents', { ...body, familyId: crypto.randomUUID() }),
        404,
      );
    });
  });

  describe('withdrawConsent', () => {
    it('a professional records a withdrawal by phone; a second withdrawal is 409', async () => {
      const f = await consentFamily(env, s);
      const c = await grantInPortal(env, f.mother, {
        familyId: f.familyId,
        categories: ['course'],
        fromOrgId: s.municipality.id,
        toOrgId: s.housing.id,
      });
      const res = await s.sessions.healthVisitor.request('POST', `/api/consents/${c.id}/withdraw`, {
        withdrawnByPersonId: f.motherId,
        capturedHow: 'verbal',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'withdrawn',
        withdrawnHow: 'verbal',
        withdrawnBy: { kind: 'staff' },
      });
      expect(await auditOfRequest(env.database.db, res)).toEqual([
        expect.objectContaining({
          action: 'update',
          entity_id: c.id,
          detail: { how: 'verbal', withdrawn: true },
        }),
      ]);
      expectProblem(await f.mother.request('POST', `/api/consents/${c.id}/withdraw`, {}), 409, 'conflict');
    });

    it('refuses bad input, strangers and parents without custody; unknown consent 404; nothing changes', async () => {
      const f = await consentFamily(env, s);
      const other = await consentFamily(env, s);
      const c = await grantInPortal(env, f.mother, {
        familyId: f.familyId,
        categories: ['course'],
        fromOrgId: s.municipality.id,
        toOrgId: s.housing.id,
      });
      const url = `/api/consents/${c.id}/withdraw`;
      expectProblem(await f.mother.request('POST', url, { capturedHow: 'paper' }), 400, 'validation');
      expectProblem(await f.mother.request('POST', url, { reason: 'x' }), 400, 'validation');
      expectProblem(await s.sessions.healthVisitor.request('POST', url, {}), 400, 'validation');
      expectProblem(
        await s.sessions.healthVisitor.request('POST', url, {
          withdrawnByPersonId: crypto.randomUUID(),
          capturedHow: 'paper',
        }),
        400,
      );
      expectProblem(await other.mother.request('POST', url, {}), 403, 'forbidden');
      expectProblem(
        await s.sessions.otherHealthVisitor.request('POST', url, {
          withdrawnByPersonId: f.motherId,
          capturedHow: 'paper',
        }),
        403,
      );
      await setCustody(f.familyId, f.partnerId, false);
      const partner = await loginAsParent(env.app, env.database.db, f.partnerId);
      expectProblem(await partner.request('POST', url, {}), 403, 'forbidden');
      expectProblem(
        await f.mother.request('POST', `/api/consents/${crypto.randomUUID()}/withdraw`, {}),
        404,
        'not_found',
      );
      expect((await consentsOf(f.familyId)).find((r) => r.id === c.id)).toMatchObject({ withdrawn_at: null });
    });
  });

  describe('listMyConsents and listFamilyConsents', () => {
    it('the parent sees every consent — active, expired, withdrawn — with the organisations in plain names', async () => {
      const f = await consentFamily(env, s);
      const active = await grantInPortal(env, f.mother, {
        familyId: f.familyId,
        categories: ['identity', 'course'],
        fromOrgId: s.municipality.id,
        toOrgId: s.housing.id,
      });
      const withdrawn = await grantInPortal(env, f.mother, {
        familyId: f.familyId,
        categories: ['counselling'],
        fromOrgId: s.housing.id,
        toOrgId: s.municipality.id,
      });
      await withdrawInPortal(f.mother, withdrawn.id);
      const now = env.clock.now();
      await inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx
          .insertInto('consent')
          .values({
            family_id: f.familyId,
            family_org_id: s.municipality.id,
            granted_by_person_id: f.motherId,
            categories: ['health_visit'],
            from_org_id: s.municipality.id,
            to_org_id: s.ngo.id,
            purpose: 'Udløbet samtykke',
            valid_from: new Date(now.getTime() - 100 * 86_400_000),
            valid_to: new Date(now.getTime() - 86_400_000),
            captured_how: 'verbal',
            captured_by: s.users.healthVisitor.id,
            captured_at: new Date(now.getTime() - 100 * 86_400_000),
          })
          .execute(),
      );
      const res = await f.mother.request('GET', '/api/portal/consents');
      expect(res.statusCode, res.body).toBe(200);
      const o = res.json() as ConsentOverview;
      const statuses = Object.fromEntries(
        o.consents.map((c) => [c.purpose === 'Udløbet samtykke' ? 'old' : c.id, c.status]),
      );
      expect(statuses).toMatchObject({ [active.id]: 'active', [withdrawn.id]: 'withdrawn', old: 'expired' });
      // The region's pregnancy consent from the registration is there too.
      expect(o.consents.some((c) => c.from.id === s.region.id && c.categories.includes('pregnancy'))).toBe(
        true,
      );
      expect(o.organisations.map((x) => x.id)).toEqual(
        expect.arrayContaining([s.municipality.id, s.region.id, s.housing.id, s.ngo.id]),
      );
      expect(o.parents.find((p) => p.personId === f.motherId)).toMatchObject({ custody: true });
      expect(await auditOfRequest(env.database.db, res)).toEqual([
        expect.objectContaining({
          action: 'read',
          entity_type: 'consent',
          basis: 'self',
          actor_id: f.motherId,
        }),
      ]);

      const staff = await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}/consents`);
      expect(staff.statusCode, staff.body).toBe(200);
      expect((staff.json() as ConsentOverview).consents).toHaveLength(o.consents.length);
    });

    it('refuses those who may not see the family, staff in the portal list and parents in the staff list', async () => {
      const f = await consentFamily(env, s);
      const other = await consentFamily(env, s);
      expectProblem(await s.sessions.ngo.request('GET', `/api/families/${f.familyId}/consents`), 403);
      expectProblem(
        await s.sessions2.familyCounsellor.request('GET', `/api/families/${f.familyId}/consents`),
        403,
      );
      expectProblem(await f.mother.request('GET', `/api/families/${f.familyId}/consents`), 403);
      expectProblem(await s.sessions.healthVisitor.request('GET', '/api/portal/consents'), 403);
      expectProblem(await f.mother.request('GET', `/api/portal/consents?familyId=${other.familyId}`), 403);
      expectProblem(await f.mother.request('GET', '/api/portal/consents?familyId=nope'), 400, 'validation');
      expectProblem(
        await s.sessions.healthVisitor.request('GET', `/api/families/${crypto.randomUUID()}/consents`),
        404,
      );
    });
  });
});
