import { randomUUID } from 'node:crypto';
import {
  addDays,
  copenhagenDate,
  copenhagenLocalToInstant,
  fivTemplate,
  sessionDate,
  type TemplateSession,
} from '@familiespor/domain';
import type { Tx } from '../db/scope';
import { mulberry32 } from './seeded-random';

type Ids = Map<string, string>;

const rng = mulberry32;

type Couple = { familyId: string; parents: { id: string; role: string }[]; due: string };

/**
 * Familieiværksætterne in every phase: a cohort before the birth, one after it, and one that
 * has ended and goes on as a parent network — with attendance per parent for held sessions —
 * and first-time parents signed up and waiting to be planned into a cohort.
 */
export async function createCohorts(
  tx: Tx,
  offerId: string,
  orgId: string,
  staff: Ids,
  now: Date,
): Promise<void> {
  const today = copenhagenDate(now);
  const random = rng(4711);
  const site = await tx
    .selectFrom('offer_site')
    .select(['id', 'name', 'address'])
    .where('offer_id', '=', offerId)
    .orderBy('name', 'desc')
    .executeTakeFirstOrThrow();
  const candidates = async (
    dueFrom: string,
    dueTo: string,
    limit: number,
    born: boolean,
  ): Promise<Couple[]> => {
    const rows = await tx
      .selectFrom('pregnancy as p')
      .innerJoin('family as f', 'f.id', 'p.family_id')
      .select(['p.family_id', 'p.due_date'])
      .where('p.first_child', '=', true)
      .where('p.status', '=', born ? 'born' : 'active')
      .where('p.due_date', '>=', dueFrom)
      .where('p.due_date', '<=', dueTo)
      .where('f.org_id', '=', orgId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('family_member as fm')
              .innerJoin('parent_account as pa', 'pa.person_id', 'fm.person_id')
              .select('pa.person_id')
              .whereRef('fm.family_id', '=', 'p.family_id'),
          ),
        ),
      )
      .orderBy('p.due_date')
      .limit(limit)
      .execute();
    const out: Couple[] = [];
    for (const r of rows) {
      const parents = await tx
        .selectFrom('family_member')
        .select(['person_id as id', 'role'])
        .where('family_id', '=', r.family_id)
        .where('role', '<>', 'child')
        .execute();
      out.push({ familyId: r.family_id, parents, due: r.due_date });
    }
    return out;
  };
  const enroll = async (c: Couple, cohortId: string | null, signedUp: Date) => {
    const id = randomUUID();
    await tx
      .insertInto('enrollment')
      .values({
        id,
        offer_id: offerId,
        org_id: orgId,
        family_id: c.familyId,
        family_org_id: orgId,
        status: 'enrolled',
        due_date: c.due,
        cohort_id: cohortId,
        signed_up_at: signedUp,
        enrolled_at: signedUp,
        created_by_kind: 'staff',
        created_by: staff.get('jordemoder@demo.dk') as string,
      })
      .execute();
    await tx
      .insertInto('enrollment_participant')
      .values(c.parents.map((p) => ({ enrollment_id: id, person_id: p.id, org_id: orgId })))
      .execute();
    await tx
      .insertInto('enrollment_event')
      .values({
        enrollment_id: id,
        org_id: orgId,
        status: 'enrolled',
        at: signedUp,
        by_kind: 'staff',
        by_id: null,
        reason: null,
      })
      .execute();
    return id;
  };
  const phases = [
    {
      name: 'Hold Vinter',
      dueFrom: addDays(today, 20),
      dueTo: addDays(today, 70),
      born: false,
      facilitator: 'sundhedsplejerske@demo.dk',
      status: 'running' as const,
    },
    {
      name: 'Hold Efterår',
      dueFrom: addDays(today, -150),
      dueTo: addDays(today, -100),
      born: true,
      facilitator: 'sundhedsplejerske@demo.dk',
      status: 'running' as const,
    },
    {
      name: 'Hold Forår',
      dueFrom: addDays(today, -470),
      dueTo: addDays(today, -420),
      born: true,
      facilitator: 'lise.dam@demo.dk',
      status: 'network' as const,
    },
  ];
  for (const phase of phases) {
    const couples = await candidates(phase.dueFrom, phase.dueTo, 10, phase.born);
    if (couples.length === 0) continue;
    const dues = couples.map((c) => c.due).sort();
    const anchor = dues[Math.floor((dues.length - 1) / 2)] as string;
    const facilitator = staff.get(phase.facilitator) as string;
    const { id: cohortId } = await tx
      .insertInto('cohort')
      .values({
        offer_id: offerId,
        org_id: orgId,
        site_id: site.id,
        name: phase.name,
        language: 'da',
        facilitator_user_id: facilitator,
        due_from: dues[0] as string,
        due_to: dues.at(-1) as string,
        status: phase.status,
        created_at: new Date(`${addDays(anchor, -120)}T09:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const enrollments = new Map<string, string>();
    for (const c of couples)
      enrollments.set(c.familyId, await enroll(c, cohortId, new Date(`${addDays(anchor, -130)}T09:00:00Z`)));
    for (const [k, t] of (fivTemplate as readonly TemplateSession[]).entries()) {
      const day = sessionDate(t.offset, anchor);
      const startsAt = copenhagenLocalToInstant(`${day} 17:00`) ?? new Date(`${day}T16:00:00Z`);
      const held = day < today;
      const { id: sessionId } = await tx
        .insertInto('course_session')
        .values({
          offer_id: offerId,
          org_id: orgId,
          cohort_id: cohortId,
          number: k + 1,
          template_key: t.key,
          title: t.title,
          theme: t.theme,
          starts_at: startsAt,
          ends_at: new Date(startsAt.getTime() + 2 * 3_600_000),
          place: `${site.name}, ${site.address}`,
          facilitator_user_id: facilitator,
          guest_presenters: JSON.stringify(
            t.key === 'network_leave'
              ? [
                  {
                    name: 'Jesper Kofoed',
                    organisation: 'Udbetaling Danmark',
                    topic: 'Barsel og orlov for begge forældre',
                  },
                ]
              : t.key === 'teeth_sickness'
                ? [
                    {
                      name: 'Tandlæge Rikke Bach',
                      organisation: 'Den kommunale tandpleje',
                      topic: 'Tænder fra første tand',
                    },
                  ]
                : [],
          ),
          status: held ? 'held' : 'planned',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!held) continue;
      for (const c of couples) {
        for (const parent of c.parents) {
          await tx
            .insertInto('attendance')
            .values({
              session_id: sessionId,
              person_id: parent.id,
              enrollment_id: enrollments.get(c.familyId) as string,
              org_id: orgId,
              present: random() < (parent.role === 'mother' ? 0.85 : 0.72),
              recorded_by: facilitator,
              recorded_at: new Date(startsAt.getTime() + 2 * 3_600_000),
            })
            .execute();
        }
      }
    }
  }
  // Signed up, waiting for the programme lead to plan the next cohorts.
  for (const c of await candidates(addDays(today, 84), addDays(today, 180), 24, false)) {
    await enroll(c, null, new Date(`${addDays(today, -Math.floor(random() * 30))}T10:00:00Z`));
  }
}
