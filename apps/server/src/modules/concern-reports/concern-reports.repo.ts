import { type Insertable, sql } from 'kysely';
import type { ConcernReportTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

// ---- what a report is about (run as system: the sender need not see the family) ----------

export async function findFamilyOrg(tx: Tx, familyId: string) {
  return tx.selectFrom('family').select(['id', 'org_id']).where('id', '=', familyId).executeTakeFirst();
}

export async function isChildOfFamily(tx: Tx, familyId: string, personId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('family_member')
    .select('person_id')
    .where('family_id', '=', familyId)
    .where('person_id', '=', personId)
    .where('role', '=', 'child')
    .executeTakeFirst();
  return row !== undefined;
}

export async function isPregnancyOfFamily(tx: Tx, familyId: string, pregnancyId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('pregnancy')
    .select('id')
    .where('family_id', '=', familyId)
    .where('id', '=', pregnancyId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Active municipalities, each with its social services unit (Børn og Familie) when it has one. */
export async function listRecipients(tx: Tx, orgId?: string) {
  let q = tx
    .selectFrom('organisation as o')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('unit')
          .select(['unit.id', 'unit.name'])
          .whereRef('unit.org_id', '=', 'o.id')
          .where('unit.service', '=', 'social_services')
          .where('unit.active', '=', true)
          .orderBy('unit.kind') // a department before its teams
          .orderBy('unit.name')
          .limit(1)
          .as('u'),
      (join) => join.onTrue(),
    )
    .select(['o.id as org_id', 'o.name as org_name', 'u.id as unit_id', 'u.name as unit_name'])
    .where('o.kind', '=', 'municipality')
    .where('o.active', '=', true);
  if (orgId) q = q.where('o.id', '=', orgId);
  return q.orderBy('o.name').execute();
}

export type InsertRow = Insertable<ConcernReportTable>;

export async function insertConcernReport(tx: Tx, row: InsertRow): Promise<void> {
  // No RETURNING: the sender's scope may insert the row but has no policy to read it back.
  await tx.insertInto('concern_report').values(row).execute();
}

// ---- the receiving municipality (under its own row-level-security scope) ----------------

const reportColumns = [
  'r.id',
  'r.org_id',
  'r.receiving_unit_id',
  'r.sender_org_id',
  'r.sender_user_id',
  'r.sender_phone',
  'r.sender_email',
  'r.family_id',
  'r.child_person_id',
  'r.pregnancy_id',
  'r.subject_unborn',
  'r.subject_name',
  'r.subject_cpr',
  'r.subject_birth_date',
  'r.subject_due_date',
  'r.subject_address',
  'r.worry',
  'r.observations',
  'r.parents_informed',
  'r.urgency',
  'r.received_at',
  'r.assessment_due_at',
  'r.receipt_due_on',
  'r.assessed_at',
  'r.assessed_by',
  'r.acute_risk',
  'r.assessment_note',
  'r.receipt_sent_at',
  'r.receipt_sent_by',
  'r.child_assessment',
  'r.child_assessment_at',
  'r.child_assessment_by',
] as const;

function reports(tx: Tx) {
  return tx
    .selectFrom('concern_report as r')
    .innerJoin('organisation as ro', 'ro.id', 'r.org_id')
    .leftJoin('unit as ru', 'ru.id', 'r.receiving_unit_id')
    .innerJoin('staff_user as s', 's.id', 'r.sender_user_id')
    .innerJoin('organisation as so', 'so.id', 'r.sender_org_id')
    .leftJoin('staff_user as ab', 'ab.id', 'r.assessed_by')
    .leftJoin('staff_user as rb', 'rb.id', 'r.receipt_sent_by')
    .leftJoin('staff_user as cb', 'cb.id', 'r.child_assessment_by')
    .select(reportColumns)
    .select([
      'ro.name as org_name',
      'ru.name as unit_name',
      's.name as sender_name',
      's.title as sender_title',
      'so.name as sender_org_name',
      'ab.name as assessed_by_name',
      'rb.name as receipt_sent_by_name',
      'cb.name as child_assessment_by_name',
    ]);
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

const isOpen = sql<boolean>`(r.assessed_at IS NULL OR r.receipt_sent_at IS NULL OR r.child_assessment IS NULL)`;
const overdue = (now: Date, today: string) =>
  sql<boolean>`((r.assessed_at IS NULL AND r.assessment_due_at < ${now})
    OR (r.receipt_sent_at IS NULL AND r.receipt_due_on < ${today}::date))`;

/** The municipality's inbox: reports with a deadline passed first, then the newest. */
export async function inboxReports(
  tx: Tx,
  orgId: string,
  o: { status: 'open' | 'all'; now: Date; today: string; limit: number },
) {
  let q = reports(tx).where('r.org_id', '=', orgId);
  if (o.status === 'open') q = q.where(isOpen);
  return q
    .orderBy(overdue(o.now, o.today), 'desc')
    .orderBy('r.received_at', 'desc')
    .orderBy('r.id')
    .limit(o.limit)
    .execute();
}

export async function inboxCounts(tx: Tx, orgId: string, now: Date, today: string) {
  return tx
    .selectFrom('concern_report as r')
    .select([
      sql<number>`count(*) FILTER (WHERE ${isOpen})::int`.as('open'),
      sql<number>`count(*) FILTER (WHERE ${overdue(now, today)})::int`.as('overdue'),
    ])
    .where('r.org_id', '=', orgId)
    .executeTakeFirstOrThrow();
}

export async function findReport(tx: Tx, id: string) {
  return reports(tx).where('r.id', '=', id).executeTakeFirst();
}

export async function recordAssessment(
  tx: Tx,
  id: string,
  v: { at: Date; by: string; acuteRisk: boolean; note: string | null },
): Promise<boolean> {
  const res = await tx
    .updateTable('concern_report')
    .set({ assessed_at: v.at, assessed_by: v.by, acute_risk: v.acuteRisk, assessment_note: v.note })
    .where('id', '=', id)
    .where('assessed_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function recordReceipt(tx: Tx, id: string, v: { at: Date; by: string }): Promise<boolean> {
  const res = await tx
    .updateTable('concern_report')
    .set({ receipt_sent_at: v.at, receipt_sent_by: v.by })
    .where('id', '=', id)
    .where('receipt_sent_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A started child assessment stays started; "not started" may still become "started". */
export async function recordChildAssessment(
  tx: Tx,
  id: string,
  v: { decision: 'started' | 'not_started'; at: Date; by: string },
): Promise<boolean> {
  const res = await tx
    .updateTable('concern_report')
    .set({ child_assessment: v.decision, child_assessment_at: v.at, child_assessment_by: v.by })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('child_assessment', 'is', null), eb('child_assessment', '=', 'not_started')]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Who a family-based report is about, read as system after the report itself was authorised:
 * its content (the child's identification) goes to its recipient by law (DESIGN §4, 2).
 */
export async function subjectsOf(
  tx: Tx,
  rows: readonly { family_id: string | null; child_person_id: string | null; pregnancy_id: string | null }[],
) {
  const familyIds = [...new Set(rows.map((r) => r.family_id).filter((id): id is string => id !== null))];
  const childIds = rows.map((r) => r.child_person_id).filter((id): id is string => id !== null);
  const pregnancyIds = rows.map((r) => r.pregnancy_id).filter((id): id is string => id !== null);
  const families = familyIds.length
    ? await tx
        .selectFrom('family')
        .select(['id', 'street', 'postcode', 'city'])
        .where('id', 'in', familyIds)
        .execute()
    : [];
  const children = childIds.length
    ? await tx
        .selectFrom('person')
        .select(['id', 'given_name', 'family_name', 'cpr', 'birth_date'])
        .where('id', 'in', childIds)
        .execute()
    : [];
  const pregnancies = pregnancyIds.length
    ? await tx
        .selectFrom('pregnancy as pg')
        .innerJoin('person as m', 'm.id', 'pg.mother_person_id')
        .select(['pg.id', 'pg.due_date', 'm.given_name', 'm.family_name', 'm.cpr'])
        .where('pg.id', 'in', pregnancyIds)
        .execute()
    : [];
  return {
    families: new Map(families.map((f) => [f.id, f])),
    children: new Map(children.map((c) => [c.id, c])),
    pregnancies: new Map(pregnancies.map((p) => [p.id, p])),
  };
}

// ---- the sender (through the view that shows only the status columns) ------------------

export async function sentReports(tx: Tx, userId: string, o: { limit: number; id?: string }) {
  let q = tx
    .selectFrom('concern_report_sent as v')
    .innerJoin('organisation as o', 'o.id', 'v.org_id')
    .leftJoin('unit as u', 'u.id', 'v.receiving_unit_id')
    .select([
      'v.id',
      'v.org_id',
      'o.name as org_name',
      'v.receiving_unit_id',
      'u.name as unit_name',
      'v.subject_unborn',
      'v.subject_name',
      'v.received_at',
      'v.receipt_sent_at',
      'v.child_assessment',
    ])
    .where('v.sender_user_id', '=', userId);
  if (o.id) q = q.where('v.id', '=', o.id);
  return q.orderBy('v.received_at', 'desc').orderBy('v.id').limit(o.limit).execute();
}
