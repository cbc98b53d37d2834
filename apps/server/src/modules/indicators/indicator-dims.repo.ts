import type { FamilyDims } from '@familiespor/domain';
import { type RawBuilder, sql } from 'kysely';

/** The breakdown value of a family with no district: kept apart rather than dropped. */
export const noDistrict = '(uden distrikt)';

/**
 * The usual breakdowns of a family, as three columns of a select over a table aliased `f`
 * (family): the district unit's name, the language of the mother (else the first parent), and
 * the care level of the latest pregnancy. Names of units, never of persons.
 */
export function familyDimColumns(): RawBuilder<unknown> {
  return sql`coalesce((SELECT u.name FROM unit u WHERE u.id = f.district_unit_id), ${noDistrict}) AS district,
    coalesce((SELECT p.preferred_language FROM family_member m JOIN person p ON p.id = m.person_id
      WHERE m.family_id = f.id AND m.role IN ('mother', 'father', 'co_parent')
      ORDER BY (m.role = 'mother') DESC, m.created_at, p.id LIMIT 1), 'da') AS language,
    (SELECT pr.care_level FROM pregnancy pr WHERE pr.family_id = f.id
      ORDER BY pr.due_date DESC LIMIT 1) AS care_level`;
}

export type FamilyDimRow = { district: string; language: string; care_level: number | null };

export function familyDimsOf(r: FamilyDimRow): FamilyDims {
  const level = r.care_level;
  return {
    district: r.district,
    language: r.language,
    careLevel: level === 1 || level === 2 || level === 3 || level === 4 ? level : null,
  };
}

/** A timestamp's day in Europe/Copenhagen, as YYYY-MM-DD text. */
export const danishDay = (column: string) =>
  sql<string>`to_char((${sql.ref(column)} AT TIME ZONE 'Europe/Copenhagen')::date, 'YYYY-MM-DD')`;
