import type { CounsellingFamilyCopyJson } from '../../db/schema';

type Member = {
  person_id: string;
  role: string;
  given_name: string;
  family_name: string;
  birth_date: string | null;
};

/** The case's own copy of who the family is, so a closed case still reads right (like a handover). */
export function familyCopy(members: readonly Member[]): CounsellingFamilyCopyJson {
  return {
    parents: members
      .filter((m) => m.role !== 'child')
      .map((m) => ({
        personId: m.person_id,
        role: m.role,
        givenName: m.given_name,
        familyName: m.family_name,
      })),
    children: members
      .filter((m) => m.role === 'child')
      .map((m) => ({
        personId: m.person_id,
        givenName: m.given_name,
        familyName: m.family_name,
        birthDate: m.birth_date,
      })),
  };
}
