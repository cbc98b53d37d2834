import type { ReferralIntake, ReferralIntakeSummary } from '@familiespor/contracts';
import type { StaffRole } from '@familiespor/domain';
import {
  formatCpr,
  isReferralIntakeOverdue,
  nextReferralIntakeStatus,
  type ReferralIntakeAction,
  referralIntakeActions,
} from '@familiespor/domain';
import type { StaffPrincipal } from '../../access/request-context';
import { isReceiver, isSender } from '../referrals/referral.view';
import type { IntakeRow } from './referral-intake.repo';

export { isSender };

/**
 * The professionals who take a referral of a person not yet known in: it names a person (CPR,
 * phone, reason), so the receiving organisation's analysts, administrators and others who do not
 * work with families never see it, even when no unit was named (DESIGN §4).
 */
export const intakeReceiverRoles: readonly StaffRole[] = [
  'health_visitor',
  'family_counsellor',
  'caseworker',
  'programme_lead',
];

export const receivesIntakes = (p: StaffPrincipal) => p.roles.some((r) => intakeReceiverRoles.includes(r));

/** The receiving side of an intake: the receiving unit or organisation, in a receiving role. */
export function isIntakeReceiver(p: StaffPrincipal, r: IntakeRow): boolean {
  return receivesIntakes(p) && isReceiver(p, r);
}

export function toIntakeSummary(r: IntakeRow, today: string): ReferralIntakeSummary {
  return {
    id: r.id,
    personName: `${r.given_name} ${r.family_name}`,
    status: r.status,
    urgency: r.urgency,
    from: {
      organisation: { id: r.org_id, name: r.org_name },
      sentBy: { id: r.sender_user_id, name: r.sender_name },
    },
    to: {
      organisation: { id: r.to_org_id, name: r.to_org_name },
      unit: r.to_unit_id ? { id: r.to_unit_id, name: r.to_unit_name ?? '' } : null,
      offer: { id: r.to_offer_id, name: r.to_offer_name },
    },
    ackDeadline: { workingDays: r.ack_working_days, dueOn: r.ack_due_on },
    overdue: isReferralIntakeOverdue({ status: r.status, ackDueOn: r.ack_due_on }, today),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** What the reader may do next: the receiving side moves the intake on, the sender only follows it. */
export function intakeActionsFor(p: StaffPrincipal, r: IntakeRow): ReferralIntakeAction[] {
  if (!isIntakeReceiver(p, r)) return [];
  return referralIntakeActions.filter((a) => nextReferralIntakeStatus(r.status, a) !== null);
}

export function toIntake(p: StaffPrincipal, r: IntakeRow, today: string): ReferralIntake {
  return {
    ...toIntakeSummary(r, today),
    person: {
      givenName: r.given_name,
      familyName: r.family_name,
      role: r.parent_role,
      phone: r.phone,
      email: r.email,
      cpr: r.cpr ? formatCpr(r.cpr) : null,
      postcode: r.postcode,
      homeMunicipality: r.home_org_id ? { id: r.home_org_id, name: r.home_org_name ?? '' } : null,
      dueDate: r.due_date,
      childAgeMonths: r.child_age_months,
      preferredLanguage: r.preferred_language,
      interpreterNeeded: r.interpreter_needed,
    },
    reason: r.reason,
    consent: {
      capturedHow: r.consent_how,
      givenAt: r.consent_given_at.toISOString(),
      recordedBy: { id: r.sender_user_id, name: r.sender_name },
      purpose: r.consent_purpose,
    },
    rejectionReason: r.rejection_reason,
    referralId: r.referral_id,
    actions: intakeActionsFor(p, r),
  };
}
