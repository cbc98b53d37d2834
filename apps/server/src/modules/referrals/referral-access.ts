import { attachmentReadableStatuses, openReferralStatuses, referralStatuses } from '@familiespor/domain';
import { registerCrossOrgBasis } from '../../access/policy';
import { registerRelationship } from '../../access/relationships';
import { attachedBetween, referralBetween, unitReceivesReferral } from './referrals.repo';

/**
 * How a referral lets the receiver work with the family (DESIGN §4, 2: "the content attached to a
 * referral goes to its recipient"). Imported by the referral service and routes, so every code
 * path that decides about referrals has these rules.
 */

// A unit asked to take on a family works with it while the referral is open; accepting adds the
// lasting tie (the involvement), which stays until the referral is completed.
registerRelationship((tx, p, familyId) => unitReceivesReferral(tx, p.unitIds, familyId));

registerCrossOrgBasis(async (tx, p, action, target) => {
  if (!target.familyId || target.orgId === p.orgId) return null;
  const familyId = target.familyId;
  // The referral itself: the receiver reads what it was sent and acts on it (the status machine
  // says which step is still possible).
  if (target.category === 'referral') {
    const found = await referralBetween(tx, {
      familyId,
      fromOrgId: target.orgId,
      toOrgId: p.orgId,
      statuses: referralStatuses,
    });
    return found ? { basis: 'legal_basis' } : null;
  }
  if (action !== 'read') return null;
  // Who the family is: a referral names the family it is about, whoever holds its identity.
  if (
    target.category === 'identity' &&
    (await referralBetween(tx, {
      familyId,
      fromOrgId: null,
      toOrgId: p.orgId,
      statuses: openReferralStatuses,
    }))
  ) {
    return { basis: 'legal_basis' };
  }
  // The records attached, from receipt on: the sender's organisation's records of that category.
  const attached = await attachedBetween(tx, {
    familyId,
    fromOrgId: target.orgId,
    toOrgId: p.orgId,
    category: target.category,
    statuses: attachmentReadableStatuses,
  });
  return attached ? { basis: 'legal_basis' } : null;
});
