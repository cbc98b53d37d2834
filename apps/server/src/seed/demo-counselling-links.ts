import { addDays, type CounsellingOutcome, startOfCopenhagenDay } from '@familiespor/domain';
import type { Tx } from '../db/scope';

// The demo's counselling cases (demo-counselling.ts): the referrals they came from and the parties
// the open ones work with.

export type Member = {
  family_id: string;
  person_id: string;
  role: string;
  custody: boolean;
  given_name: string;
  family_name: string;
  birth_date: string | null;
};

export type Plan = { openedOn: string; closedOn: string | null; outcome: CounsellingOutcome | null };

/**
 * A time on a Danish day: 10:00 plus a few hours, so the demo's records read like a working day;
 * never later than now (a case opened today was opened this morning at the latest).
 */
export type At = (day: string, hours?: number) => Date;
export const timesUpTo =
  (now: Date): At =>
  (day, hours = 0) => {
    const t = new Date(startOfCopenhagenDay(day).getTime() + (10 + hours) * 3_600_000);
    return t > now ? now : t;
  };

/** The referral a case came from: the district's health visitor referred, Ahmed accepted it. */
export async function seedReferral(
  tx: Tx,
  at: At,
  r: {
    familyId: string;
    kommune: string;
    bolig: string;
    frg: string;
    mette: string;
    ahmed: string;
    plan: Plan;
  },
): Promise<string> {
  const sent = at(addDays(r.plan.openedOn, -9));
  const received = at(addDays(r.plan.openedOn, -7));
  const accepted = at(addDays(r.plan.openedOn, -1));
  const completed = r.plan.closedOn ? at(r.plan.closedOn, 3) : null;
  const involvement = await tx
    .insertInto('involvement')
    .values({
      family_id: r.familyId,
      family_org_id: r.kommune,
      org_id: r.bolig,
      unit_id: r.frg,
      kind: 'referral',
      reason: 'Henvisning modtaget og accepteret',
      started_at: accepted,
      ended_at: completed,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const referral = await tx
    .insertInto('referral')
    .values({
      org_id: r.kommune,
      family_id: r.familyId,
      family_org_id: r.kommune,
      sender_user_id: r.mette,
      to_org_id: r.bolig,
      to_unit_id: r.frg,
      reason: 'Familien har brug for støtte i hverdagen; mor ønsker en familierådgiver i boligområdet.',
      urgency: 'normal',
      status: completed ? 'completed' : 'accepted',
      ack_working_days: 5,
      ack_due_on: addDays(r.plan.openedOn, -2),
      created_at: sent,
      received_at: received,
      received_by: r.ahmed,
      decided_at: accepted,
      decided_by: r.ahmed,
      completed_at: completed,
      completed_by: completed ? r.ahmed : null,
      involvement_id: involvement.id,
      updated_at: completed ?? accepted,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const events = [
    { status: 'requested' as const, at: sent, by: r.mette },
    { status: 'received' as const, at: received, by: r.ahmed },
    { status: 'accepted' as const, at: accepted, by: r.ahmed },
    ...(completed ? [{ status: 'completed' as const, at: completed, by: r.ahmed }] : []),
  ];
  await tx
    .insertInto('referral_event')
    .values(
      events.map((e) => ({
        referral_id: referral.id,
        org_id: r.kommune,
        to_org_id: r.bolig,
        status: e.status,
        at: e.at,
        by_user: e.by,
        note: e.status === 'completed' ? 'Rådgivningsforløbet er afsluttet' : null,
      })),
    )
    .execute();
  await tx
    .insertInto('referral_attachment')
    .values({
      referral_id: referral.id,
      org_id: r.kommune,
      to_org_id: r.bolig,
      category: 'referral',
      basis: 'referral_content',
    })
    .execute();
  return referral.id;
}

/** Open cases work with others: a childminder outside Familiespor, and every other one health visiting. */
export async function seedParties(
  tx: Tx,
  at: At,
  p: {
    caseId: string;
    bolig: string;
    ahmed: string;
    parent: Member;
    index: number;
    openedOn: string;
    today: string;
    familyId: string;
    kommune: string;
  },
) {
  // A week into the case, or today for a case opened this week.
  const addedOn = addDays(p.openedOn, 7) < p.today ? addDays(p.openedOn, 7) : p.today;
  const added = at(addedOn);
  await tx
    .insertInto('counselling_party')
    .values({
      case_id: p.caseId,
      org_id: p.bolig,
      kind: p.index % 2 === 0 ? 'childminder' : 'daycare',
      name: p.index % 2 === 0 ? 'Dagplejer Hanne Møller' : 'Vuggestuen Solsikken',
      contact: p.index % 2 === 0 ? '+45 22 33 44 55' : '+45 70 12 36 20',
      consent_person_id: p.parent.person_id,
      consent_how: 'paper',
      consent_on: addedOn,
      added_by: p.ahmed,
      added_at: added,
    })
    .execute();
  if (p.index % 2 === 1) return;
  const unit = await tx
    .selectFrom('family')
    .select('district_unit_id')
    .where('id', '=', p.familyId)
    .executeTakeFirst();
  if (!unit?.district_unit_id) return;
  const district = await tx
    .selectFrom('unit')
    .select(['name', 'phone'])
    .where('id', '=', unit.district_unit_id)
    .executeTakeFirstOrThrow();
  const consent = await tx
    .insertInto('consent')
    .values({
      family_id: p.familyId,
      family_org_id: p.kommune,
      granted_by_person_id: p.parent.person_id,
      categories: ['counselling'],
      from_org_id: p.bolig,
      to_org_id: p.kommune,
      purpose: 'Sundhedsplejen og familierådgiveren arbejder sammen om familiens mål',
      valid_from: added,
      valid_to: startOfCopenhagenDay(addDays(p.today, 365)),
      captured_how: 'paper',
      captured_by: p.ahmed,
      captured_at: added,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('counselling_party')
    .values({
      case_id: p.caseId,
      org_id: p.bolig,
      kind: 'health_visiting',
      name: `${district.name}, Demo Kommune`,
      contact: district.phone,
      party_unit_id: unit.district_unit_id,
      party_org_id: p.kommune,
      consent_id: consent.id,
      added_by: p.ahmed,
      added_at: added,
    })
    .execute();
}
