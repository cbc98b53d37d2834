import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { InfantAdmissionTable } from '../../db/schema';
import type { Tx } from '../../db/scope';
import { type FamilyDimRow, familyDimColumns } from '../indicators/indicator-dims.repo';

export async function organisationKind(tx: Tx, orgId: string) {
  const row = await tx.selectFrom('organisation').select('kind').where('id', '=', orgId).executeTakeFirst();
  return row?.kind ?? null;
}

/**
 * The children these CPR numbers belong to, with their family and its municipality. Runs as the
 * system: the region's file names children of every municipality. The oldest family wins when a
 * child has moved families (the admission then follows where the child was first registered).
 */
export async function findChildrenByCpr(tx: Tx, cprs: readonly string[]) {
  if (cprs.length === 0) return [];
  return tx
    .selectFrom('person as p')
    .innerJoin('family_member as fm', (j) => j.onRef('fm.person_id', '=', 'p.id').on('fm.role', '=', 'child'))
    .innerJoin('family as f', 'f.id', 'fm.family_id')
    .select(['p.id as person_id', 'p.cpr', 'p.birth_date', 'f.id as family_id', 'f.org_id'])
    .where(sql<boolean>`p.cpr = ANY (${sql.val([...cprs])}::text[])`)
    .orderBy('fm.created_at')
    .execute();
}

/** Adds the admission unless the same child, day and diagnosis is there already; its id when added. */
export async function insertAdmission(tx: Tx, row: Insertable<InfantAdmissionTable>) {
  const inserted = await tx
    .insertInto('infant_admission')
    .values(row)
    .onConflict((oc) => oc.columns(['child_person_id', 'admitted_on', 'icd10']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

/**
 * Live births of one municipality with the birth date (Europe/Copenhagen) in [from, to], each
 * with the child's admissions, the district and the mother's language: the readmissions facts.
 */
export async function liveBirthsWithAdmissions(tx: Tx, orgId: string, from: string, to: string) {
  // The same breakdowns as every other family indicator (indicators/indicator-dims.repo.ts).
  const { rows: births } = await sql<FamilyDimRow & { child_person_id: string; birth_date: string }>`
    SELECT b.child_person_id,
      to_char(b.birth_time AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD') AS birth_date,
      ${familyDimColumns()}
    FROM birth b JOIN family f ON f.id = b.family_id
    WHERE b.family_org_id = ${orgId}::uuid
      AND (b.birth_time AT TIME ZONE 'Europe/Copenhagen')::date BETWEEN ${from}::date AND ${to}::date`.execute(
    tx,
  );
  const children = births.map((b) => b.child_person_id);
  const admissions =
    children.length === 0
      ? []
      : await tx
          .selectFrom('infant_admission')
          .select(['child_person_id', 'admitted_on', 'cause'])
          .where(sql<boolean>`child_person_id = ANY (${sql.val(children)}::uuid[])`)
          .execute();
  return { births, admissions };
}
