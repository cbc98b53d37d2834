import type { Referral, ReferralSummary } from '@familiespor/contracts';
import { isReferralOverdue, nextReferralStatus, type ReferralAction } from '@familiespor/domain';
import { decide } from '../../access/policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { asSystem, type Tx } from '../../db/scope';
import * as repo from './referrals.repo';

type Row = repo.ReferralRow;

/** The receiving side: the receiving unit's staff, or the organisation's when no unit was named, and its programme lead. */
export function isReceiver(p: StaffPrincipal, r: { to_org_id: string; to_unit_id: string | null }): boolean {
  if (p.orgId !== r.to_org_id) return false;
  return r.to_unit_id === null || p.unitIds.includes(r.to_unit_id) || p.roles.includes('programme_lead');
}

/** The sending side: the professional who sent it, and the programme lead of the sender's organisation. */
export function isSender(p: StaffPrincipal, r: { org_id: string; sender_user_id: string }): boolean {
  return p.userId === r.sender_user_id || (p.orgId === r.org_id && p.roles.includes('programme_lead'));
}

export function toSummary(r: Row, names: ReadonlyMap<string, string[]>, today: string): ReferralSummary {
  const parents = names.get(r.family_id) ?? null;
  return {
    id: r.id,
    family: { id: r.family_id, names: parents?.join(' & ') ?? null, parents },
    status: r.status,
    urgency: r.urgency,
    from: {
      organisation: { id: r.org_id, name: r.org_name },
      sentBy: { id: r.sender_user_id, name: r.sender_name },
    },
    to: {
      organisation: { id: r.to_org_id, name: r.to_org_name },
      unit: r.to_unit_id ? { id: r.to_unit_id, name: r.to_unit_name ?? '' } : null,
      offer: r.to_offer_id ? { id: r.to_offer_id, name: r.to_offer_name ?? '' } : null,
    },
    ackDeadline: { workingDays: r.ack_working_days, dueOn: r.ack_due_on },
    overdue: isReferralOverdue({ status: r.status, ackDueOn: r.ack_due_on }, today),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** What the reader may do next: the receiving side moves the referral on, the sender only follows it. */
export function actionsFor(p: StaffPrincipal, r: Row): ReferralAction[] {
  if (!isReceiver(p, r)) return [];
  const all: ReferralAction[] = ['acknowledge', 'accept', 'reject', 'complete'];
  return all.filter((a) => nextReferralStatus(r.status, a) !== null);
}

export async function toReferral(
  tx: Tx,
  p: StaffPrincipal,
  r: Row,
  names: ReadonlyMap<string, string[]>,
  today: string,
): Promise<Referral> {
  const [attachments, events] = await Promise.all([repo.attachmentsOf(tx, r.id), repo.eventsOf(tx, r.id)]);
  return {
    ...toSummary(r, names, today),
    reason: r.reason,
    rejectionReason: r.rejection_reason,
    attachments: attachments.map((a) => ({
      category: a.category as Referral['attachments'][number]['category'],
      recordIds: a.record_ids,
      basis: a.basis,
      consentId: a.consent_id,
    })),
    events: events.map((e) => ({
      status: e.status,
      at: e.at.toISOString(),
      by: { id: e.by_user, name: e.by_name },
      note: e.note,
    })),
    actions: actionsFor(p, r),
  };
}

/**
 * The parents' names of the families the rows are about, for the families whose identity the
 * reader may see (decided once per family, for the family's own organisation); the others are
 * shown without a name. Returns the names and the decisions' bases for the audit event.
 */
export async function familyNames(
  tx: Tx,
  ctx: RequestContext,
  rows: readonly { family_id: string; family_org_id: string }[],
): Promise<Map<string, string[]>> {
  const allowed: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.family_id)) continue;
    seen.add(r.family_id);
    const d = await decide(tx, ctx, 'read', {
      orgId: r.family_org_id,
      category: 'identity',
      familyId: r.family_id,
    });
    if (d.allowed) allowed.push(r.family_id);
  }
  // Read after decide() allowed each family (architecture: asSystem for reads already decided).
  return asSystem(tx, () => repo.parentNames(tx, allowed));
}
