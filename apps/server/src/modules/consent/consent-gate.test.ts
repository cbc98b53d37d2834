import { type Category, defaultAccessMatrix, type StaffRole } from '@familiespor/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildConsentSetting,
  type ConsentSetting,
  consentFamily,
  grantInPortal,
  withdrawInPortal,
} from '../../../test/consent';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem } from '../../../test/http';
import { type AccessTarget, decide } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { inScope } from '../../db/scope';
import '../families/family-access';

/** Every role × category pair DESIGN §4 marks "consent". */
const consentCells = Object.entries(defaultAccessMatrix).flatMap(([role, row]) =>
  Object.entries(row)
    .filter(([, level]) => level === 'consent')
    .map(([category]) => ({ role: role as StaffRole, category: category as Category })),
);

describe('the matrix’s consent cells', () => {
  it('are health visitor × counselling, family counsellor × handover and caseworker × counselling', () => {
    expect(consentCells).toEqual([
      { role: 'health_visitor', category: 'counselling' },
      { role: 'family_counsellor', category: 'handover' },
      { role: 'caseworker', category: 'counselling' },
    ]);
  });
});

describeEachDatabase('the consent gate in decide(): each "consent" cell of the matrix', (kind) => {
  let env: TestEnv;
  let s: ConsentSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildConsentSetting(env);
  });
  afterAll(() => env?.close());

  /** The user of each role in the setting: their organisation, units and the other party. */
  const party = (role: StaffRole) => {
    if (role === 'family_counsellor')
      return {
        user: s.users2.familyCounsellor,
        orgId: s.housing.id,
        otherOrgId: s.municipality.id,
        units: [],
      };
    if (role === 'caseworker')
      return { user: s.users2.caseworker, orgId: s.municipality.id, otherOrgId: s.housing.id, units: [] };
    return {
      user: s.users.healthVisitor,
      orgId: s.municipality.id,
      otherOrgId: s.housing.id,
      units: [s.units.district.id],
    };
  };
  const ctxOf = (role: StaffRole, now = env.clock.now()): RequestContext => {
    const p = party(role);
    return {
      requestId: 'consent-gate-test',
      ip: null,
      now,
      principal: {
        kind: 'staff',
        userId: p.user.id,
        orgId: p.orgId,
        roles: [role],
        unitIds: p.units,
        sessionId: 'x',
      },
    };
  };
  const ask = (ctx: RequestContext, action: 'read' | 'write', target: AccessTarget) =>
    inScope(env.database.db, { kind: 'orgs', orgIds: [(ctx.principal as { orgId: string }).orgId] }, (tx) =>
      decide(tx, ctx, action, target),
    );

  for (const { role, category } of consentCells) {
    describe(`${role} × ${category}`, () => {
      it('another organisation’s record: refused before consent, allowed with it, refused after withdrawal', async () => {
        const f = await consentFamily(env, s);
        const p = party(role);
        const record: AccessTarget = { orgId: p.otherOrgId, category, familyId: f.familyId };
        const refused = { allowed: false, reason: 'no consent or legal basis' };
        expect(await ask(ctxOf(role), 'read', record)).toEqual(refused);

        // A consent for other categories, or to another organisation, does not count.
        await grantInPortal(env, f.mother, {
          familyId: f.familyId,
          categories: ['course', 'referral'],
          fromOrgId: p.otherOrgId,
          toOrgId: p.orgId,
        });
        await grantInPortal(env, f.mother, {
          familyId: f.familyId,
          categories: [category],
          fromOrgId: p.otherOrgId,
          toOrgId: s.ngo.id,
        });
        expect(await ask(ctxOf(role), 'read', record)).toEqual(refused);

        const c = await grantInPortal(env, f.mother, {
          familyId: f.familyId,
          categories: [category],
          fromOrgId: p.otherOrgId,
          toOrgId: p.orgId,
        });
        expect(await ask(ctxOf(role), 'read', record)).toEqual({
          allowed: true,
          basis: 'consent',
          consentId: c.id,
        });
        // Consent opens reading, never writing another organisation's records.
        expect((await ask(ctxOf(role), 'write', record)).allowed).toBe(false);
        // Past its last day it no longer counts.
        const later = new Date(new Date(c.validTo as string).getTime() + 1000);
        expect(await ask(ctxOf(role, later), 'read', record)).toEqual(refused);

        await withdrawInPortal(f.mother, c.id);
        expect(await ask(ctxOf(role), 'read', record)).toEqual(refused);
      });

      it('its own organisation’s record stays closed: no consent can name one organisation twice, nor does break-the-glass open it', async () => {
        const f = await consentFamily(env, s);
        const p = party(role);
        const record: AccessTarget = { orgId: p.orgId, category, familyId: f.familyId };
        const closed = {
          allowed: false,
          reason: `${category} is shown to this role only on consent or a legal basis`,
        };
        expect(await ask(ctxOf(role), 'read', record)).toEqual(closed);
        expectProblem(
          await f.mother.request('POST', '/api/consents', {
            familyId: f.familyId,
            categories: [category],
            fromOrgId: p.orgId,
            toOrgId: p.orgId,
            purpose: 'Inden for samme organisation',
            validTo: '2027-06-01',
          }),
          400,
          'validation',
        );
        // A consent from the other organisation covers that organisation's records only.
        await grantInPortal(env, f.mother, {
          familyId: f.familyId,
          categories: [category],
          fromOrgId: p.otherOrgId,
          toOrgId: p.orgId,
        });
        await inScope(env.database.db, { kind: 'system' }, (tx) =>
          tx
            .insertInto('break_glass_grant')
            .values({
              org_id: p.orgId,
              staff_user_id: p.user.id,
              family_id: f.familyId,
              reason: 'Akut bekymring, familien kan ikke træffes',
              granted_at: env.clock.now(),
              expires_at: new Date(env.clock.now().getTime() + 3_600_000),
            })
            .execute(),
        );
        expect(await ask(ctxOf(role), 'read', record)).toEqual(closed);
      });
    });
  }
});
