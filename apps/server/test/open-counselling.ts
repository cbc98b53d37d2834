import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema';
import { inScope } from '../src/db/scope';
import { buildCareSetting } from './care-setting';
import { buildFamily, buildOrganisation, buildStaffUser, testPassword, unique } from './factories';
import type { TestEnv } from './harness';
import { login, type Session } from './http';

/**
 * The parties around an NGO's open counselling, for the integration tests: the care setting's
 * municipality and NGO in an active partnership, the NGO's counsellors, programme lead and
 * analyst, the municipality's programme lead and analyst, a municipality with no partnership
 * (its health visitor and programme lead), and a parent.
 */
export async function buildOpenCounsellingSetting(env: TestEnv) {
  const db = env.database.db;
  const s = await buildCareSetting(env.app, db);
  const other = await buildOrganisation(db, { kind: 'municipality', municipality_code: null });
  const now = env.clock.now();
  const { offerId, municipalOfferId } = await inScope(db, { kind: 'system' }, async (tx) => {
    await tx
      .insertInto('partnership')
      .values({
        municipality_org_id: s.municipality.id,
        partner_org_id: s.ngo.id,
        description: 'Åben anonym rådgivning og bro til kommunens tilbud',
        record_categories: ['referral'],
      })
      .execute();
    const offer = (kind: 'open_counselling' | 'group', orgId: string, name: string) =>
      tx
        .insertInto('offer')
        .values({
          org_id: orgId,
          name: unique(name),
          kind,
          level: 'universal',
          municipality_ids: [s.municipality.id],
          eligibility: '{}',
          legal_basis: 'Barnets lov § 29',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    return {
      offerId: (await offer('open_counselling', s.ngo.id, 'Åben anonym rådgivning')).id,
      municipalOfferId: (await offer('group', s.municipality.id, 'Fædregruppe')).id,
    };
  });
  const users = {
    colleague: await buildStaffUser(db, s.ngo.id, { roles: ['ngo_counsellor'], name: 'Sara Holm Jensen' }),
    ngoLead: await buildStaffUser(db, s.ngo.id, { roles: ['programme_lead'] }),
    ngoAnalyst: await buildStaffUser(db, s.ngo.id, { roles: ['analyst'] }),
    municipalAnalyst: await buildStaffUser(db, s.municipality.id, { roles: ['analyst'] }),
    otherHealthVisitor: await buildStaffUser(db, other.id, { roles: ['health_visitor'] }),
    otherLead: await buildStaffUser(db, other.id, { roles: ['programme_lead'] }),
  };
  const sessions: Record<keyof typeof users, Session> = {} as Record<keyof typeof users, Session>;
  for (const [key, u] of Object.entries(users) as [keyof typeof users, (typeof users)[keyof typeof users]][])
    sessions[key] = await login(env.app, u.email, u.password);
  const family = await buildFamily(db, s.municipality.id);
  const parent = await login(env.app, family.parents[0]?.email as string, testPassword);
  return {
    ...s,
    other,
    offerId,
    municipalOfferId,
    users2: users,
    more: sessions,
    parent,
  };
}
export type OpenCounsellingSetting = Awaited<ReturnType<typeof buildOpenCounsellingSetting>>;

/** All anonymous contacts of an organisation, read as the system (what a test counts). */
export async function contactsOf(db: Kysely<DB>, orgId: string) {
  return inScope(db, { kind: 'system' }, (tx) =>
    tx.selectFrom('anonymous_contact').selectAll().where('org_id', '=', orgId).execute(),
  );
}

/** A valid conversation; override what a test is about. */
export function contactBody(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'walk_in',
    who: 'mother',
    childAgeBand: 'under_1',
    topics: ['finances', 'divorce'],
    durationMinutes: 35,
    outcomes: ['advice'],
    note: 'Bekymret for økonomien efter bruddet; fik råd om budget og børnebidrag.',
    ...overrides,
  };
}
