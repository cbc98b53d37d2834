import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema';
import { inScope } from '../src/db/scope';
import { type BuiltFamily, unique } from './factories';
import type { Mail } from './smtp';

// ---- Satisfaction survey helpers: a course to ask about, the link in the mail, the rows -------

/** The token in an e-mail's link (quoted-printable may wrap the line). */
export function tokenIn(mail: Mail): string {
  const text = mail.body.replace(/=\r?\n/g, '');
  const m = text.match(/\/spoergeskema\/([A-Z0-9]{20})/);
  if (!m?.[1]) throw new Error(`no survey link in ${text}`);
  return m[1];
}

/** A course offer with a cohort and one held session, attended by the families' parents. */
export async function buildCourse(
  db: Kysely<DB>,
  orgId: string,
  facilitatorId: string,
  families: BuiltFamily[],
) {
  return inScope(db, { kind: 'system' }, async (tx) => {
    const now = new Date('2026-11-20T10:00:00Z');
    const offer = await tx
      .insertInto('offer')
      .values({
        org_id: orgId,
        name: unique('Familieiværksætterne'),
        kind: 'course',
        level: 'universal',
        legal_basis: 'Sundhedsloven § 120',
        eligibility: '{}',
        capacity: null,
        schedule: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cohort = await tx
      .insertInto('cohort')
      .values({
        offer_id: offer.id,
        org_id: orgId,
        name: unique('Hold'),
        language: 'da',
        facilitator_user_id: facilitatorId,
        due_from: '2026-08-01',
        due_to: '2026-10-01',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const session = await tx
      .insertInto('course_session')
      .values({
        offer_id: offer.id,
        org_id: orgId,
        cohort_id: cohort.id,
        number: 1,
        title: 'Parforholdet',
        starts_at: now,
        ends_at: new Date(now.getTime() + 3 * 3600_000),
        place: 'Sundhedshuset',
        facilitator_user_id: facilitatorId,
        status: 'held',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const planned = await tx
      .insertInto('course_session')
      .values({
        offer_id: offer.id,
        org_id: orgId,
        cohort_id: cohort.id,
        number: 2,
        title: 'Søvn',
        starts_at: new Date('2026-12-20T10:00:00Z'),
        ends_at: new Date('2026-12-20T13:00:00Z'),
        place: 'Sundhedshuset',
        facilitator_user_id: facilitatorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const f of families) {
      const e = await tx
        .insertInto('enrollment')
        .values({
          offer_id: offer.id,
          org_id: orgId,
          family_id: f.id,
          family_org_id: f.orgId,
          status: 'enrolled',
          cohort_id: cohort.id,
          signed_up_at: now,
          enrolled_at: now,
          created_by_kind: 'staff',
          created_by: facilitatorId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const parent of f.parents) {
        await tx
          .insertInto('enrollment_participant')
          .values({ enrollment_id: e.id, person_id: parent.personId, org_id: orgId })
          .execute();
        await tx
          .insertInto('attendance')
          .values({
            session_id: session.id,
            person_id: parent.personId,
            enrollment_id: e.id,
            org_id: orgId,
            present: true,
            recorded_by: facilitatorId,
            recorded_at: now,
          })
          .execute();
      }
    }
    return { offerId: offer.id, cohortId: cohort.id, sessionId: session.id, plannedSessionId: planned.id };
  });
}

/** How many surveys, links and answers there are (of one survey, or in all). */
export async function countRows(db: Kysely<DB>, surveyId?: string) {
  return inScope(db, { kind: 'system' }, async (tx) => {
    const count = async (table: 'survey' | 'survey_link' | 'survey_response') => {
      let q = tx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
      if (surveyId) q = q.where(table === 'survey' ? 'id' : 'survey_id', '=', surveyId);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    return {
      surveys: await count('survey'),
      links: await count('survey_link'),
      responses: await count('survey_response'),
    };
  });
}
