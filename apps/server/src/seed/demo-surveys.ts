import { copenhagenDate } from '@familiespor/domain';
import type { Tx } from '../db/scope';
import { hashSurveyToken, newSurveyToken } from '../modules/surveys/survey-tokens';
import { mulberry32 } from './seeded-random';

/**
 * The survey link for the last held session of "Hold Efterår", left unanswered for one parent so
 * the answer page can be tried without an e-mail: /portal/spoergeskema/DEMA-SURV-EYHV-SESS-ION2.
 * Demo data only, like the demo password.
 */
export const demoSurveyToken = 'DEMA-SURV-EYHV-SESS-ION2';

const freeTexts = [
  'Rart at møde andre, der venter barn på samme tid.',
  'Mere tid til spørgsmål om søvn, tak.',
  'Sundhedsplejersken lyttede virkelig.',
  'Svært at nå fra arbejde kl. 15.',
];

/** Scores leaning to agreement, as such surveys do; now and then a lower one. */
function score(random: () => number): number {
  const r = random();
  return r < 0.05 ? 2 : r < 0.2 ? 3 : r < 0.55 ? 4 : 5;
}

/**
 * Step 8: satisfaction surveys already sent and partly answered, so "Forældrenes tilfredshed" has
 * figures: the end of "Hold Forår" (ended) and the last held session of "Hold Efterår".
 */
export async function seedSurveys(tx: Tx, now: Date): Promise<void> {
  const random = mulberry32(8008);
  const cohorts = await tx
    .selectFrom('cohort')
    .select(['id', 'org_id', 'offer_id', 'name', 'facilitator_user_id'])
    .where('name', 'in', ['Hold Forår', 'Hold Efterår'])
    .execute();
  for (const c of cohorts) {
    const held = await tx
      .selectFrom('course_session')
      .select(['id', 'starts_at'])
      .where('cohort_id', '=', c.id)
      .where('status', '=', 'held')
      .orderBy('starts_at', 'desc')
      .execute();
    const last = held[0];
    if (!last) continue;
    const atEnd = c.name === 'Hold Forår';
    const { id: surveyId } = await tx
      .insertInto('survey')
      .values({
        org_id: c.org_id,
        occasion: atEnd ? 'course_end' : 'session',
        offer_id: c.offer_id,
        session_id: atEnd ? null : last.id,
        cohort_id: atEnd ? c.id : null,
        case_id: null,
        occasion_date: copenhagenDate(last.starts_at),
        created_by: c.facilitator_user_id,
        created_at: last.starts_at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const parents = atEnd
      ? await tx
          .selectFrom('enrollment_participant as ep')
          .innerJoin('enrollment as e', 'e.id', 'ep.enrollment_id')
          .select(['ep.person_id', 'e.family_id'])
          .where('e.cohort_id', '=', c.id)
          .orderBy('ep.person_id')
          .execute()
      : await tx
          .selectFrom('attendance as a')
          .innerJoin('enrollment as e', 'e.id', 'a.enrollment_id')
          .select(['a.person_id', 'e.family_id'])
          .where('a.session_id', '=', last.id)
          .where('a.present', '=', true)
          .orderBy('a.person_id')
          .execute();
    for (const [i, p] of parents.entries()) {
      const demoLink = !atEnd && i === 0;
      const answered = !demoLink && random() < 0.75;
      await tx
        .insertInto('survey_link')
        .values({
          survey_id: surveyId,
          org_id: c.org_id,
          token_hash: hashSurveyToken(demoLink ? demoSurveyToken : newSurveyToken()),
          person_id: p.person_id,
          family_id: p.family_id,
          answered,
          created_at: last.starts_at,
        })
        .execute();
      if (!answered) continue;
      await tx
        .insertInto('survey_response')
        .values({
          survey_id: surveyId,
          org_id: c.org_id,
          offer_id: c.offer_id,
          answered_on: copenhagenDate(
            new Date(Math.min(now.getTime(), last.starts_at.getTime() + 86_400_000)),
          ),
          can_act: score(random),
          heard: score(random),
          satisfied: score(random),
          free_text: random() < 0.3 ? (freeTexts[Math.floor(random() * freeTexts.length)] ?? null) : null,
        })
        .execute();
    }
  }
}
