import { registerCrossOrgBasis } from '../../access/policy';
import { findConsentInForce } from '../families/family-access.repo';

/**
 * The consent gate (DESIGN §4, rule 2): another organisation's record becomes readable when a
 * parent with custody let its category flow from the record's organisation to the reader's.
 * Asked afresh on every decision — nothing is cached — so a withdrawal bites on the next read.
 *
 * A consent names two organisations, so it never answers inside one: there the relationship
 * decides, and a "consent" cell of the matrix stays closed (docs/consent.md). It also opens reads
 * only; writing another organisation's records needs a legal basis.
 */
registerCrossOrgBasis(async (tx, p, action, target, now) => {
  if (action !== 'read' || !target.familyId || target.orgId === p.orgId) return null;
  const consent = await findConsentInForce(tx, {
    familyId: target.familyId,
    fromOrgId: target.orgId,
    toOrgId: p.orgId,
    category: target.category,
    now,
  });
  return consent ? { basis: 'consent', consentId: consent.id } : null;
});
