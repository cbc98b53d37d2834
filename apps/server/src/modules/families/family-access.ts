import { registerCrossOrgBasis } from '../../access/policy';
import { registerRelationship } from '../../access/relationships';
// The consent gate lives with consents (step 6); every path that decides about families loads it here.
import '../consent/consent-gate';
import { isActiveCoordinator, orgIsInvolved, unitIsInvolved } from './family-access.repo';

/**
 * How families tie staff to them (DESIGN §4). Imported once by the families routes; the
 * access policy asks these without knowing about families.
 */

// The family's coordinator works with it, whatever their unit.
registerRelationship((tx, p, familyId) => isActiveCoordinator(tx, p.userId, familyId));

// A unit with an open involvement (the midwives who registered the pregnancy, the district's
// health visitors after the birth) works with the family.
registerRelationship((tx, p, familyId) => unitIsInvolved(tx, p.unitIds, familyId));

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
