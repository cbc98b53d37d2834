import { registerCrossOrgBasis } from '../../access/policy';
import { registerRelationship } from '../../access/relationships';
import { findConsentInForce, isActiveCoordinator, orgIsInvolved, unitIsInvolved } from './family-access.repo';

/**
 * How families tie staff to them (DESIGN §4). Imported once by the families routes; the
 * access policy asks these without knowing about families.
 */

// The family's coordinator works with it, whatever their unit.
registerRelationship((tx, p, familyId) => isActiveCoordinator(tx, p.userId, familyId));

// A unit with an open involvement (the midwives who registered the pregnancy, the district's
// health visitors after the birth) works with the family.
registerRelationship((tx, p, familyId) => unitIsInvolved(tx, p.unitIds, familyId));

// Consent: a parent let this category flow from the record's organisation to the user's.
registerCrossOrgBasis(async (tx, p, action, target, now) => {
  if (action !== 'read' || !target.familyId) return null;
  const consent = await findConsentInForce(tx, {
    familyId: target.familyId,
    fromOrgId: target.orgId,
    toOrgId: p.orgId,
    category: target.category,
    now,
  });
  return consent ? { basis: 'consent', consentId: consent.id } : null;
});

// An organisation involved in the family's care, or whose staff member is its coordinator,
// needs to know who the family is: identity only, never the other organisation's records.
registerCrossOrgBasis(async (tx, p, _action, target) => {
  if (target.category !== 'identity' || !target.familyId || target.orgId === p.orgId) return null;
  if (await orgIsInvolved(tx, p.orgId, target.familyId)) return { basis: 'legal_basis' };
  if (await isActiveCoordinator(tx, p.userId, target.familyId)) return { basis: 'legal_basis' };
  return null;
});

// An organisation involved with the family (the midwives during the pregnancy) may refer it —
// sign it up for the municipality's offers — without seeing the municipality's records.
registerCrossOrgBasis(async (tx, p, action, target) => {
  if (target.category !== 'referral' || action !== 'write' || !target.familyId || target.orgId === p.orgId)
    return null;
  return (await orgIsInvolved(tx, p.orgId, target.familyId)) ? { basis: 'legal_basis' } : null;
});
