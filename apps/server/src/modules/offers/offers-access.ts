import { registerRelationship } from '../../access/relationships';
import { isFacilitatorOfFamily } from './cohorts.repo';

// The health visitor who runs a family's cohort works with the family.
registerRelationship((tx, p, familyId) => isFacilitatorOfFamily(tx, p.userId, familyId));
