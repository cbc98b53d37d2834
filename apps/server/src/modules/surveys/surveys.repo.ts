import type { Tx } from '../../db/scope';
import type { SurveyOccasionColumn } from '../../db/surveys.schema';

/** A parent to ask: who, in which family, and where an e-mail can reach them. */
export type Addressee = {
  person_id: string;
  family_id: string;
  email: string | null;
  preferred_language: string;
};

export async function findSessionOccasion(tx: Tx, sessionId: string) {
  return tx
    .selectFrom('course_session as s')
    .innerJoin('offer as o', 'o.id', 's.offer_id')
    .leftJoin('cohort as c', 'c.id', 's.cohort_id')
    .where('s.id', '=', sessionId)
    .select([
      's.id',
      's.org_id',
      's.offer_id',
      's.title',
      's.starts_at',
      's.status',
      's.facilitator_user_id',
      'c.facilitator_user_id as cohort_facilitator_id',
      'o.name as offer_name',
    ])
    .executeTakeFirst();
}

export async function findCohortOccasion(tx: Tx, cohortId: string) {
  return tx
    .selectFrom('cohort as c')
    .innerJoin('offer as o', 'o.id', 'c.offer_id')
    .where('c.id', '=', cohortId)
    .select(['c.id', 'c.org_id', 'c.offer_id', 'c.name', 'c.facilitator_user_id', 'o.name as offer_name'])
    .select((eb) =>
      eb
        .selectFrom('course_session as s')
        .whereRef('s.cohort_id', '=', 'c.id')
        .where('s.status', '<>', 'cancelled')
        .select((e) => e.fn.max('s.starts_at').as('last'))
        .as('last_session_at'),
    )
    .executeTakeFirst();
}

export async function findCaseOccasion(tx: Tx, caseId: string) {
  return tx
    .selectFrom('counselling_case')
    .where('id', '=', caseId)
    .select(['id', 'org_id', 'family_id', 'counsellor_id', 'status', 'closed_on'])
    .executeTakeFirst();
}

export async function findOwnOffer(tx: Tx, offerId: string) {
  return tx
    .selectFrom('offer')
    .where('id', '=', offerId)
    .select(['id', 'org_id', 'name', 'kind'])
    .executeTakeFirst();
}

const addresseeColumns = ['p.id as person_id', 'p.email', 'p.preferred_language'] as const;

/** The parents checked in as present at the session. */
export async function parentsAtSession(tx: Tx, sessionId: string): Promise<Addressee[]> {
  return tx
    .selectFrom('attendance as a')
    .innerJoin('enrollment as e', 'e.id', 'a.enrollment_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .where('a.session_id', '=', sessionId)
    .where('a.present', '=', true)
    .select([...addresseeColumns, 'e.family_id'])
    .orderBy('p.id')
    .execute();
}

/** The parents signed up with the cohort who did not drop out. */
export async function parentsInCohort(tx: Tx, cohortId: string): Promise<Addressee[]> {
  return tx
    .selectFrom('enrollment_participant as ep')
    .innerJoin('enrollment as e', 'e.id', 'ep.enrollment_id')
    .innerJoin('person as p', 'p.id', 'ep.person_id')
    .where('e.cohort_id', '=', cohortId)
    .where('e.status', 'in', ['enrolled', 'completed'])
    .select([...addresseeColumns, 'e.family_id'])
    .orderBy('p.id')
    .execute();
}

/** The family's parents (not the children) for a closed counselling case. */
export async function parentsOfFamily(tx: Tx, familyId: string): Promise<Addressee[]> {
  return tx
    .selectFrom('family_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .where('m.family_id', '=', familyId)
    .where('m.role', 'in', ['mother', 'father', 'co_parent', 'other_caregiver'])
    .select([...addresseeColumns, 'm.family_id'])
    .orderBy('p.id')
    .execute();
}

export async function findSurveyFor(
  tx: Tx,
  key: { occasion: SurveyOccasionColumn; sessionId?: string; cohortId?: string; caseId?: string },
) {
  let q = tx.selectFrom('survey').selectAll().where('occasion', '=', key.occasion);
  if (key.sessionId) q = q.where('session_id', '=', key.sessionId);
  if (key.cohortId) q = q.where('cohort_id', '=', key.cohortId);
  if (key.caseId) q = q.where('case_id', '=', key.caseId);
  return q.executeTakeFirst();
}

export async function insertSurvey(
  tx: Tx,
  row: {
    org_id: string;
    occasion: SurveyOccasionColumn;
    offer_id: string | null;
    session_id: string | null;
    cohort_id: string | null;
    case_id: string | null;
    occasion_date: string;
    created_by: string;
    created_at: Date;
  },
) {
  return tx.insertInto('survey').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function askedPersons(tx: Tx, surveyId: string): Promise<Set<string>> {
  const rows = await tx
    .selectFrom('survey_link')
    .where('survey_id', '=', surveyId)
    .where('person_id', 'is not', null)
    .select('person_id')
    .execute();
  return new Set(rows.map((r) => r.person_id as string));
}

export async function insertLink(
  tx: Tx,
  row: {
    survey_id: string;
    org_id: string;
    token_hash: string;
    person_id: string | null;
    family_id: string | null;
    created_at: Date;
  },
) {
  return tx.insertInto('survey_link').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function markEmailed(tx: Tx, linkId: string) {
  await tx.updateTable('survey_link').set({ emailed: true }).where('id', '=', linkId).execute();
}

const linkView = (tx: Tx) =>
  tx
    .selectFrom('survey_link as l')
    .innerJoin('survey as s', 's.id', 'l.survey_id')
    .innerJoin('organisation as org', 'org.id', 's.org_id')
    .leftJoin('offer as o', 'o.id', 's.offer_id')
    .leftJoin('course_session as cs', 'cs.id', 's.session_id')
    .select([
      'l.id',
      'l.survey_id',
      'l.person_id',
      'l.family_id',
      'l.answered',
      's.org_id',
      's.offer_id',
      's.occasion',
      's.occasion_date',
      'o.name as offer_name',
      'org.name as org_name',
      'cs.title as session_title',
    ]);

export type LinkRow = NonNullable<Awaited<ReturnType<typeof findLinkByHash>>>;

export async function findLinkByHash(tx: Tx, tokenHash: string) {
  return linkView(tx).where('l.token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findLinkById(tx: Tx, linkId: string) {
  return linkView(tx).where('l.id', '=', linkId).executeTakeFirst();
}

export async function linksOfPerson(tx: Tx, personId: string) {
  return linkView(tx)
    .where('l.person_id', '=', personId)
    .orderBy('s.occasion_date', 'desc')
    .orderBy('l.id')
    .execute();
}

/** Uses the link; false when it was used already (a concurrent answer included). */
export async function markAnswered(tx: Tx, linkId: string): Promise<boolean> {
  const r = await tx
    .updateTable('survey_link')
    .set({ answered: true })
    .where('id', '=', linkId)
    .where('answered', '=', false)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertResponse(
  tx: Tx,
  row: {
    survey_id: string;
    org_id: string;
    offer_id: string | null;
    answered_on: string;
    can_act: number;
    heard: number;
    satisfied: number;
    free_text: string | null;
  },
) {
  await tx.insertInto('survey_response').values(row).execute();
}

/** Responses of the organisations' surveys in the period, with the survey they answer. */
export async function responsesOf(
  tx: Tx,
  q: { orgIds: string[]; offerId?: string | undefined; from?: string | undefined; to?: string | undefined },
) {
  let query = tx
    .selectFrom('survey_response as r')
    .innerJoin('survey as s', 's.id', 'r.survey_id')
    .innerJoin('organisation as org', 'org.id', 's.org_id')
    .leftJoin('offer as o', 'o.id', 's.offer_id')
    .leftJoin('course_session as cs', 'cs.id', 's.session_id')
    .leftJoin('cohort as c', 'c.id', 's.cohort_id')
    .where('s.org_id', 'in', q.orgIds)
    .select([
      'r.can_act',
      'r.heard',
      'r.satisfied',
      'r.free_text',
      's.id as survey_id',
      's.occasion',
      's.occasion_date',
      's.org_id',
      'org.name as org_name',
      's.offer_id',
      'o.name as offer_name',
      'cs.title as session_title',
      'c.name as cohort_name',
    ]);
  if (q.offerId) query = query.where('s.offer_id', '=', q.offerId);
  if (q.from) query = query.where('r.answered_on', '>=', q.from);
  if (q.to) query = query.where('r.answered_on', '<=', q.to);
  return query.orderBy('s.occasion_date').orderBy('s.id').execute();
}

/** Municipalities that work with the organisation (either side of a partnership). */
export async function partnerOrgIds(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('partnership')
    .where('active', '=', true)
    .where((eb) => eb.or([eb('municipality_org_id', '=', orgId), eb('partner_org_id', '=', orgId)]))
    .select(['municipality_org_id', 'partner_org_id'])
    .execute();
  return rows.map((r) => (r.municipality_org_id === orgId ? r.partner_org_id : r.municipality_org_id));
}

/** The satisfaction indicator's facts: one per statement per response, no person in sight. */
export async function satisfactionFacts(tx: Tx, q: { orgId: string; from: string; to: string }) {
  return tx
    .selectFrom('survey_response')
    .where('org_id', '=', q.orgId)
    .where('answered_on', '>=', q.from)
    .where('answered_on', '<=', q.to)
    .where('offer_id', 'is not', null)
    .select(['answered_on', 'offer_id', 'can_act', 'heard', 'satisfied'])
    .execute();
}
