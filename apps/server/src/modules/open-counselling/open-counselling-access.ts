import type { StaffRole } from '@familiespor/domain';
import { requireOwnOrgRole, requireStaff } from '../../access/admin-policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import type { DeniedAttempt } from '../../errors';

/**
 * Who does what in open counselling. The log is the NGO counsellors' own: a family counsellor
 * keeps identified cases (step 7, counselling cases), and keeping the two apart keeps the
 * temptation to connect them out of one person's hands. Statistics are aggregates: the
 * organisation's counsellors, programme lead and analyst read them, and so do the programme lead
 * and analyst of a municipality in an active partnership with it (DESIGN §1: the NGO runs the
 * drop-in "in partnership with the municipality").
 */
export const contactLoggers: readonly StaffRole[] = ['ngo_counsellor'];
export const contactReaders: readonly StaffRole[] = ['ngo_counsellor', 'programme_lead'];
export const slotKeepers: readonly StaffRole[] = ['ngo_counsellor', 'programme_lead'];
export const ownStatisticsReaders: readonly StaffRole[] = ['ngo_counsellor', 'programme_lead', 'analyst'];
export const partnerStatisticsReaders: readonly StaffRole[] = ['programme_lead', 'analyst'];

type Attempt = Omit<DeniedAttempt, 'reason'>;

/** One of the roles, in the user's own organisation (403, audited as denied, otherwise). */
export function requireOwnRole(
  ctx: RequestContext,
  roles: readonly StaffRole[],
  attempt: Attempt,
): StaffPrincipal {
  const p = requireStaff(ctx, attempt);
  return requireOwnOrgRole(ctx, p.orgId, roles, attempt);
}

export const hasRole = (p: StaffPrincipal, roles: readonly StaffRole[]) =>
  p.roles.some((r) => roles.includes(r));
