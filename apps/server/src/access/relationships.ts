import type { Tx } from '../db/scope';
import type { StaffPrincipal } from './request-context';

/**
 * Whether a staff user works with a family: their unit serves its district, they are its
 * coordinator, they facilitate its cohort, they hold a task or an accepted referral for it.
 * Each module that creates such a tie registers a source; any one suffices.
 */
export type RelationshipSource = (tx: Tx, principal: StaffPrincipal, familyId: string) => Promise<boolean>;

const sources: RelationshipSource[] = [];

export function registerRelationship(source: RelationshipSource): void {
  sources.push(source);
}

export async function hasRelationship(tx: Tx, principal: StaffPrincipal, familyId: string): Promise<boolean> {
  for (const source of sources) {
    if (await source(tx, principal, familyId)) return true;
  }
  return false;
}

// A programme lead oversees every family of the organisation.
registerRelationship(async (_tx, p) => p.roles.includes('programme_lead'));

// A unit that serves the family's district (e.g. the health visitors of Sundhedsplejen Nord).
registerRelationship(async (tx, p, familyId) => {
  if (p.unitIds.length === 0) return false;
  const row = await tx
    .selectFrom('family')
    .select('id')
    .where('id', '=', familyId)
    .where('district_unit_id', 'in', p.unitIds)
    .executeTakeFirst();
  return row !== undefined;
});
