import { registerRelationship } from '../../access/relationships';
import { worksOnCase } from './counselling-lookup.repo';

/**
 * How a counselling case ties staff to the family (DESIGN §4: caseload). The counsellor of a case
 * works with the family — also after it closed, so she can look back at her own case — and so does
 * her unit while the case is open. What they may see is still the matrix's answer; the family's
 * identity in another organisation comes from the case's involvement (open cases only).
 */
registerRelationship((tx, p, familyId) => worksOnCase(tx, p, familyId));
