import { randomUUID } from 'node:crypto';
import type { FamilyDetail, FamilySummary } from '@familiespor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  dayOnClock,
  deniedEventsOf,
  freeCpr,
  loginAsParent,
  registerFamily,
} from '../../../test/care-setting';
import { buildOrganisation, unique } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, type Session } from '../../../test/http';
import { inScope } from '../../db/scope';

describeEachDatabase('getFamily, revealCpr and searchFamilies', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  const dashed = (cpr: string) => `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
  const search = async (session: Session, query: string) => {
    const res = await session.request('GET', `/api/families/search?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return { res, found: (res.json() as FamilySummary[]).map((f) => f.id) };
  };

  describe('getFamily and the CPR number', () => {
    it('shows CPR numbers masked (DDMMYY-xxxx), never whole', async () => {
      const { familyId, body } = await registerFamily(env, s, {
        overrides: {
          partner: {
            role: 'father',
            cpr: await freeCpr(env.database.db, '1988-02-03', 'male'),
            givenName: 'Ali',
            familyName: unique('Far').replace(' ', ''),
            firstTimeParent: true,
          },
        },
      });
      const res = await s.sessions.healthVisitor.request('GET', `/api/families/${familyId}`);
      expect(res.statusCode).toBe(200);
      const family = res.json() as FamilyDetail;
      const mother = family.members.find((m) => m.role === 'mother');
      expect(mother?.cprMasked).toBe(`${body.mother.cpr.slice(0, 6)}-xxxx`);
      expect(family.members.find((m) => m.role === 'father')?.cprMasked).toMatch(/^\d{6}-xxxx$/);
      expect(res.body).not.toContain(body.mother.cpr);
      expect(res.body).not.toContain(dashed(body.mother.cpr));
    });

    it('revealCpr gives DDMMYY-SSSS and is audited as person_cpr with the basis', async () => {
      const { familyId, motherId, body } = await registerFamily(env, s);
      const res = await s.sessions.healthVisitor.request('POST', `/api/persons/${motherId}/cpr-reveal`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ personId: motherId, cpr: dashed(body.mother.cpr) });
      const audit = (await auditOfRequest(env.database.db, res)).filter(
        (e) => e.entity_type === 'person_cpr',
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'read',
        entity_id: motherId,
        person_id: motherId,
        family_id: familyId,
        actor_id: s.users.healthVisitor.id,
        purpose: 'cpr_reveal',
        basis: 'own_org',
      });
      expect(JSON.stringify(audit[0]?.detail ?? null)).not.toContain(body.mother.cpr);
    });

    it('an NGO counsellor, or the other district, revealing → 403 and a denied audit event', async () => {
      const { motherId, body } = await registerFamily(env, s);
      for (const who of ['ngo', 'otherHealthVisitor'] as const) {
        const denied = (await deniedEventsOf(env.database.db, s.users[who].id)).length;
        const res = await s.sessions[who].request('POST', `/api/persons/${motherId}/cpr-reveal`);
        expectProblem(res, 403, 'forbidden');
        // Not the number itself (a pattern like \d{6}-\d{4} could match a request id's hex digits).
        expect(res.body).not.toContain(body.mother.cpr);
        expect(res.body).not.toContain(body.mother.cpr.replace('-', ''));
        const events = await deniedEventsOf(env.database.db, s.users[who].id);
        expect(events).toHaveLength(denied + 1);
        expect(events.at(-1)).toMatchObject({ entity_type: 'person_cpr', entity_id: motherId });
      }
    });

    it('an NGO counsellor reading the family → 403 and a denied audit event', async () => {
      const { familyId } = await registerFamily(env, s);
      const denied = (await deniedEventsOf(env.database.db, s.users.ngo.id)).length;
      expectProblem(await s.sessions.ngo.request('GET', `/api/families/${familyId}`), 403, 'forbidden');
      const events = await deniedEventsOf(env.database.db, s.users.ngo.id);
      expect(events).toHaveLength(denied + 1);
      expect(events.at(-1)).toMatchObject({ entity_type: 'family', family_id: familyId });
    });

    it('unknown ids → 404; ids that are not uuids → 400 naming the parameter', async () => {
      const hv = s.sessions.healthVisitor;
      const none = '00000000-0000-4000-8000-000000000000';
      expectProblem(await hv.request('GET', `/api/families/${none}`), 404, 'not_found');
      // An unknown person is refused like an inaccessible one, so person ids cannot be probed.
      expectProblem(await hv.request('POST', `/api/persons/${none}/cpr-reveal`), 403, 'forbidden');
      const badFamily = expectProblem(await hv.request('GET', '/api/families/1234'), 400, 'validation');
      expect(badFamily.errors.map((e) => e.path)).toContain('familyId');
      const badPerson = expectProblem(
        await hv.request('POST', '/api/persons/1234/cpr-reveal'),
        400,
        'validation',
      );
      expect(badPerson.errors.map((e) => e.path)).toContain('personId');
    });
  });

  describe('searchFamilies', () => {
    it('by CPR: the district’s health visitor finds the family; the NGO and the other district find nothing', async () => {
      const { familyId, body } = await registerFamily(env, s);
      expect((await search(s.sessions.healthVisitor, `cpr=${body.mother.cpr}`)).found).toEqual([familyId]);
      expect((await search(s.sessions.healthVisitor, `cpr=${dashed(body.mother.cpr)}`)).found).toEqual([
        familyId,
      ]);
      expect((await search(s.sessions.midwife, `cpr=${body.mother.cpr}`)).found).toEqual([familyId]);
      expect((await search(s.sessions.ngo, `cpr=${body.mother.cpr}`)).found).toEqual([]);
      expect((await search(s.sessions.otherHealthVisitor, `cpr=${body.mother.cpr}`)).found).toEqual([]);
    });

    it('by name: a prefix of the family name, any case, also given and family name together', async () => {
      const { familyId, body } = await registerFamily(env, s);
      const prefix = body.mother.familyName.slice(0, 12);
      expect((await search(s.sessions.healthVisitor, `name=${prefix}`)).found).toEqual([familyId]);
      expect((await search(s.sessions.healthVisitor, `name=${prefix.toLowerCase()}`)).found).toEqual([
        familyId,
      ]);
      const both = encodeURIComponent(`${body.mother.givenName} ${prefix}`);
      expect((await search(s.sessions.healthVisitor, `name=${both}`)).found).toEqual([familyId]);
      expect((await search(s.sessions.ngo, `name=${prefix}`)).found).toEqual([]);
    });

    it('by the child’s birth date', async () => {
      // Not yesterday, where the other tests' children are born: the search looks at 200 candidates at most.
      const born = dayOnClock(env, -2 - Math.floor(Math.random() * 12));
      const { familyId } = await registerFamily(env, s, { dueInDays: 10 });
      const res = await s.sessions.healthVisitor.request('POST', `/api/families/${familyId}/births`, {
        child: { cpr: await freeCpr(env.database.db, born, 'male') },
        birthTime: `${born}T05:00:00+01:00`,
      });
      expect(res.statusCode, res.body).toBe(201);
      const { found } = await search(s.sessions.healthVisitor, `childBirthDate=${born}`);
      expect(found).toContain(familyId);
      expect((await search(s.sessions.ngo, `childBirthDate=${born}`)).found).not.toContain(familyId);
    });

    it('audits the search as family_search without the CPR number or the name searched for', async () => {
      const { familyId, body } = await registerFamily(env, s);
      const byCpr = await search(s.sessions.healthVisitor, `cpr=${dashed(body.mother.cpr)}`);
      const byName = await search(s.sessions.healthVisitor, `name=${body.mother.familyName}`);
      for (const { res } of [byCpr, byName]) {
        const events = (await auditOfRequest(env.database.db, res)).filter(
          (e) => e.entity_type === 'family_search',
        );
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ action: 'read', actor_id: s.users.healthVisitor.id });
        const detail = JSON.stringify(events[0]?.detail);
        expect(detail).toContain(familyId);
        expect(detail).not.toContain(body.mother.cpr.slice(0, 6));
        expect(detail).not.toContain(body.mother.cpr.slice(6));
        expect(detail.toLowerCase()).not.toContain(body.mother.familyName.toLowerCase());
      }
      expect((await auditOfRequest(env.database.db, byCpr.res))[0]?.detail).toMatchObject({ by: ['cpr'] });
    });

    it('finds the caller’s own family even when more than 200 families elsewhere share the name', async () => {
      // A common surname in a national deployment (there are ~200,000 Hansens in Denmark).
      const surname = unique('Faelles').replace(' ', '');
      const mine = await registerFamily(env, s, {
        overrides: {
          mother: {
            cpr: await freeCpr(env.database.db, '1992-05-06', 'female'),
            givenName: 'Amira',
            familyName: surname,
            firstTimeParent: true,
          },
        },
      });
      const elsewhere = await buildOrganisation(env.database.db, { kind: 'municipality' });
      // Ids that sort first, so that an arbitrary cut of the candidates leaves ours out.
      const rows = Array.from({ length: 201 }, () => ({
        family: `00000000-${randomUUID().slice(9)}`,
        person: randomUUID(),
      }));
      await inScope(env.database.db, { kind: 'system' }, async (tx) => {
        await tx
          .insertInto('family')
          .values(rows.map((r) => ({ id: r.family, org_id: elsewhere.id })))
          .execute();
        await tx
          .insertInto('person')
          .values(rows.map((r) => ({ id: r.person, given_name: 'Anden', family_name: surname })))
          .execute();
        await tx
          .insertInto('family_member')
          .values(
            rows.map((r) => ({
              family_id: r.family,
              person_id: r.person,
              org_id: elsewhere.id,
              role: 'mother',
            })),
          )
          .execute();
      });
      expect((await search(s.sessions.healthVisitor, `name=${surname}`)).found).toEqual([mine.familyId]);
    });

    const bad: [string, string][] = [
      ['cpr=123456-78', 'cpr'],
      ['cpr=3213901234', 'cpr'],
      ['name=A', 'name'],
      ['childBirthDate=22-11-2026', 'childBirthDate'],
      ['postcode=5000', 'postcode'],
    ];
    for (const [query, path] of bad) {
      it(`?${query} → 400 ${path}`, async () => {
        const res = await s.sessions.healthVisitor.request('GET', `/api/families/search?${query}`);
        expect(expectProblem(res, 400, 'validation').errors.map((e) => e.path)).toContain(path);
      });
    }

    it('no criterion at all → 400', async () => {
      expectProblem(await s.sessions.healthVisitor.request('GET', '/api/families/search'), 400, 'validation');
    });

    it('a parent may not search: 403, audited', async () => {
      const { motherId, body } = await registerFamily(env, s);
      const parent = await loginAsParent(env.app, env.database.db, motherId);
      const denied = (await deniedEventsOf(env.database.db, motherId)).length;
      expectProblem(
        await parent.request('GET', `/api/families/search?cpr=${body.mother.cpr}`),
        403,
        'forbidden',
      );
      expect(await deniedEventsOf(env.database.db, motherId)).toHaveLength(denied + 1);
    });
  });
});
