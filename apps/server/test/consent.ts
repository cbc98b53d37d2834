import type { Consent } from '@familiespor/contracts';
import { addDays, copenhagenDate } from '@familiespor/domain';
import { buildCareSetting, loginAsParent, registerFamily } from './care-setting';
import { buildOrganisation, buildStaffUser, buildUnit, unique } from './factories';
import type { TestEnv } from './harness';
import { login, type Session } from './http';

export type ConsentSetting = Awaited<ReturnType<typeof buildConsentSetting>>;

/**
 * The care setting plus a housing secretariat with a family counsellor, and a caseworker of the
 * municipality's social services: the parties a family's records cross between in step 6.
 */
export async function buildConsentSetting(env: TestEnv) {
  const db = env.database.db;
  const s = await buildCareSetting(env.app, db);
  const housing = await buildOrganisation(db, { kind: 'housing_social', municipality_code: null });
  const counselling = await buildUnit(db, housing.id, {
    kind: 'team',
    name: unique('Familierådgivningen'),
    service: 'family_counselling',
  });
  const socialServices = await buildUnit(db, s.municipality.id, {
    kind: 'department',
    name: unique('Børn og Familie'),
    service: 'social_services',
  });
  const familyCounsellor = await buildStaffUser(db, housing.id, {
    roles: ['family_counsellor'],
    unitIds: [counselling.id],
    name: unique('Familierådgiver'),
  });
  const caseworker = await buildStaffUser(db, s.municipality.id, {
    roles: ['caseworker'],
    unitIds: [socialServices.id],
  });
  return {
    ...s,
    housing,
    users2: { familyCounsellor, caseworker },
    sessions2: {
      familyCounsellor: await login(env.app, familyCounsellor.email, familyCounsellor.password),
      caseworker: await login(env.app, caseworker.email, caseworker.password),
    },
  };
}

/** A family the midwife registered, with the mother logged in to the portal. */
export async function consentFamily(env: TestEnv, s: ConsentSetting) {
  const f = await registerFamily(env, s);
  const mother = await loginAsParent(env.app, env.database.db, f.motherId);
  const partner = f.family.members.find((m) => m.role !== 'mother' && m.role !== 'child');
  return { ...f, mother, partnerId: partner?.personId as string };
}

export const validTo = (env: TestEnv, days = 90) => addDays(copenhagenDate(env.clock.now()), days);

/** The parent gives a consent in the portal; fails loudly otherwise. */
export async function grantInPortal(
  env: TestEnv,
  parent: Session,
  body: { familyId: string; categories: string[]; fromOrgId: string; toOrgId: string },
): Promise<Consent> {
  const res = await parent.request('POST', '/api/consents', {
    purpose: 'Familierådgiveren kan støtte familien',
    validTo: validTo(env),
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`grantConsent: ${res.statusCode} ${res.body}`);
  return res.json() as Consent;
}

export async function withdrawInPortal(parent: Session, consentId: string): Promise<Consent> {
  const res = await parent.request('POST', `/api/consents/${consentId}/withdraw`, {});
  if (res.statusCode !== 200) throw new Error(`withdrawConsent: ${res.statusCode} ${res.body}`);
  return res.json() as Consent;
}
