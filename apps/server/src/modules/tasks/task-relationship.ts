import { registerRelationship } from '../../access/relationships';
import { holdsOpenTask } from './tasks.repo';

// Holding an open task for a family (DESIGN §4: "assigned task") is a reason to see its record.
registerRelationship((tx, p, familyId) =>
  holdsOpenTask(tx, { userId: p.userId, unitIds: p.unitIds }, familyId),
);
