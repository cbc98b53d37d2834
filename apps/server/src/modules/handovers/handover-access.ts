import { registerRelationship } from '../../access/relationships';
import { unitsReceivedHandover } from './handovers.repo';

/**
 * A unit that received a handover for a family works with it from then on, like one with an
 * accepted referral: the daycare the child starts in, Børn og Familie for the specialised area.
 * What its staff may see of the family is still the matrix's answer — for a daycare educator
 * the handover ('received') and nothing else. Withdrawing the consent ends the tie.
 */
registerRelationship((tx, p, familyId) => unitsReceivedHandover(tx, p.unitIds, familyId));
