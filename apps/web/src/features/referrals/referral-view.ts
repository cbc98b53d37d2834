import type { Referral, ReferralSummary } from '@familiespor/contracts';
import { nextReferralStatus, type ReferralAction, type ReferralStatus } from '@familiespor/domain';

export type Box = 'received' | 'sent';

const order: readonly ReferralAction[] = ['acknowledge', 'accept', 'reject', 'complete'];

/** The steps the receiving side can take from a status, in the order the buttons show them. */
export function nextActions(status: ReferralStatus): ReferralAction[] {
  return order.filter((a) => nextReferralStatus(status, a) !== null);
}

/** DKFDS badge per status: waiting is a warning, accepted and completed are good news. */
export function statusBadge(status: ReferralStatus): string {
  if (status === 'accepted' || status === 'completed') return 'badge-success';
  if (status === 'rejected') return 'badge-error';
  if (status === 'requested') return 'badge-warning';
  return 'badge-info';
}

/** The most precise name of the receiver: the offer, else the unit, with the organisation. */
export function receiverName(r: Pick<ReferralSummary, 'to'>): string {
  const first = r.to.offer?.name ?? r.to.unit?.name;
  return first ? `${first}, ${r.to.organisation.name}` : r.to.organisation.name;
}

type Attachment = Referral['attachments'][number];

/**
 * The records that went with the referral, for the reader: the reason itself (`referral`) is
 * shown on its own, so only the categories a consent or the own organisation let go are listed.
 */
export function sentAlong(
  attachments: readonly Attachment[],
): (Attachment & { basis: 'consent' | 'own_org' })[] {
  return attachments.filter(
    (a): a is Attachment & { basis: 'consent' | 'own_org' } =>
      a.category !== 'referral' && a.basis !== 'referral_content',
  );
}
