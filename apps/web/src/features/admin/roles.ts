import { staffRoles } from '@familiespor/domain';
import type { StaffRole } from '../../api/api.types';

/** Only the platform's operator can hand out the operator role (the server refuses it otherwise). */
export function grantableRoles(platformAdmin: boolean): StaffRole[] {
  return staffRoles.filter((r) => platformAdmin || r !== 'platform_admin');
}
