import type { CounsellingCase, Referral } from '@familiespor/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../src/db/schema';
import { inScope } from '../src/db/scope';
import { dayOnClock } from './care-setting';
import { type ConsentSetting, consentFamily, validTo } from './consent';
import { buildStaffUser, buildUnit, unique } from './factories';
import type { TestEnv } from './harness';
import { login, type Session } from './http';

// ---- Step 7 (family counselling) helpers ---------------------------------------------------

export type CounsellingFamily = Awaited<ReturnType<typeof consentFamily>>;

/** The housing secretariat's counselling team and a family counsellor at the municipality too. */
export async function buildCounsellingSetting(env: TestEnv, s: ConsentSetting) {
  const db = env.database.db;
  const team = await buildUnit(db, s.municipality.id, {
    kind: 'team',
    name: unique('Familierådgivningen'),
    service: 'family_counselling',
  });
  const municipalCounsellor = await buildStaffUser(db, s.municipality.id, {
    roles: ['family_counsellor'],
    unitIds: [team.id],
  });
  const housingUnit = await inScope(db, { kind: 'system' }, (tx) =>
    tx.selectFrom('unit').select('id').where('org_id', '=', s.housing.id).executeTakeFirstOrThrow(),
  );
  return {
    municipalTeam: team,
    housingUnitId: housingUnit.id,
    municipalCounsellor,
    municipalCounsellorSession: await login(env.app, municipalCounsellor.email, municipalCounsellor.password),
  };
}

export const openBody = (env: TestEnv, f: CounsellingFamily, overrides: Record<string, unknown> = {}) => ({
  openedFrom: 'own_request',
  parentCpr: f.body.mother.cpr,
  capturedHow: 'verbal',
  consentValidTo: validTo(env, 365),
  reason: 'Mor er alene med barnet og har svært ved at overskue hverdagen.',
  goals: [{ title: 'Mor får struktur på hverdagen' }, { title: 'Barnet kommer i vuggestue' }],
  ...overrides,
});

/** The counsellor opens a case on the family's own request (CPR); fails loudly otherwise. */
export async function openCase(
  env: TestEnv,
  counsellor: Session,
  f: CounsellingFamily,
  overrides: Record<string, unknown> = {},
): Promise<CounsellingCase> {
  const res = await counsellor.request('POST', '/api/counselling/cases', openBody(env, f, overrides));
  if (res.statusCode !== 201) throw new Error(`openCounsellingCase: ${res.statusCode} ${res.body}`);
  return res.json() as CounsellingCase;
}

/** A family with an open case at the housing secretariat. */
export async function familyInCounselling(env: TestEnv, s: ConsentSetting) {
  const f = await consentFamily(env, s);
  const c = await openCase(env, s.sessions2.familyCounsellor, f);
  return { f, c };
}

/**
 * The district's health visitor refers the family to the housing secretariat, and its family
 * counsellor acknowledges and accepts it.
 */
export async function acceptedReferral(
  s: ConsentSetting,
  familyId: string,
  accept = true,
): Promise<Referral> {
  const sent = await s.sessions.healthVisitor.request('POST', '/api/referrals', {
    familyId,
    to: { organisationId: s.housing.id },
    reason: 'Familien har brug for støtte i hverdagen; mor ønsker en familierådgiver.',
    urgency: 'normal',
  });
  if (sent.statusCode !== 201) throw new Error(`createReferral: ${sent.statusCode} ${sent.body}`);
  const r = sent.json() as Referral;
  const c = s.sessions2.familyCounsellor;
  const ack = await c.request('POST', `/api/referrals/${r.id}/acknowledge`);
  if (ack.statusCode !== 200) throw new Error(`acknowledgeReferral: ${ack.statusCode} ${ack.body}`);
  if (!accept) return ack.json() as Referral;
  const decided = await c.request('POST', `/api/referrals/${r.id}/decision`, { decision: 'accept' });
  if (decided.statusCode !== 200) throw new Error(`decideReferral: ${decided.statusCode} ${decided.body}`);
  return decided.json() as Referral;
}

/** Everything a case wrote, and what opening it wrote around it, for one family. */
export async function countCounsellingRows(db: Kysely<DB>, familyId: string) {
  return inScope(db, { kind: 'system' }, async (tx) => {
    const cases = await tx
      .selectFrom('counselling_case')
      .select(['id', 'status', 'outcome'])
      .where('family_id', '=', familyId)
      .execute();
    const ids = cases.map((c) => c.id);
    const n = async (
      table: 'counselling_goal' | 'counselling_goal_score' | 'counselling_contact' | 'counselling_party',
    ) =>
      ids.length === 0
        ? 0
        : Number(
            (
              await tx
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('case_id', 'in', ids)
                .executeTakeFirstOrThrow()
            ).n,
          );
    const involvements = await tx
      .selectFrom('involvement')
      .select(['id', 'ended_at'])
      .where('family_id', '=', familyId)
      .where('kind', '=', 'counselling')
      .execute();
    const consents = await tx.selectFrom('consent').select('id').where('family_id', '=', familyId).execute();
    return {
      cases,
      goals: await n('counselling_goal'),
      scores: await n('counselling_goal_score'),
      contacts: await n('counselling_contact'),
      parties: await n('counselling_party'),
      involvements,
      consents: consents.length,
    };
  });
}

export const today = (env: TestEnv, days = 0) => dayOnClock(env, days);

/**
 * Moves a case's opening `days` back (its goals and involvement with it), so a test can record
 * scores and contacts over weeks without moving the clock past the sessions' idle timeout.
 */
export async function backdateCase(db: Kysely<DB>, caseId: string, days: number) {
  await inScope(db, { kind: 'system' }, async (tx) => {
    const c = await tx
      .updateTable('counselling_case')
      .set(() => ({
        opened_on: sql<string>`opened_on - ${days}::int`,
        opened_at: sql<Date>`opened_at - make_interval(days => ${days}::int)`,
      }))
      .where('id', '=', caseId)
      .returning('involvement_id')
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('involvement')
      .set({ started_at: sql<Date>`started_at - make_interval(days => ${days}::int)` })
      .where('id', '=', c.involvement_id)
      .execute();
  });
}
