import { registerRelationship } from '../../access/relationships';
import { hasBookedVisit } from './visit-booking.repo';

// The health visitor a planned visit is booked with is the one who goes to the family — a
// colleague covering another district included — so, like holding a task for it (DESIGN §4),
// the booking is a reason to see the family's record until the visit is recorded.
registerRelationship((tx, p, familyId) => hasBookedVisit(tx, p.userId, familyId));
