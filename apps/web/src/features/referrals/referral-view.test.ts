import { describe, expect, it } from 'vitest';
import { nextActions, receiverName, sentAlong, statusBadge } from './referral-view';

describe('referral view helpers', () => {
  it('offers the receiving side the next step only', () => {
    expect(nextActions('requested')).toEqual(['acknowledge']);
    expect(nextActions('received')).toEqual(['accept', 'reject']);
    expect(nextActions('accepted')).toEqual(['complete']);
    expect(nextActions('rejected')).toEqual([]);
    expect(nextActions('completed')).toEqual([]);
  });

  it('names the offer or unit before the organisation', () => {
    const org = { id: 'o', name: 'Demo Kommune' };
    expect(
      receiverName({ to: { organisation: org, unit: null, offer: { id: 'x', name: 'Klar til baby' } } }),
    ).toBe('Klar til baby, Demo Kommune');
    expect(receiverName({ to: { organisation: org, unit: null, offer: null } })).toBe('Demo Kommune');
    expect(statusBadge('accepted')).toBe('badge-success');
  });

  it('lists the records sent along, not the reason itself', () => {
    const consentId = '00000000-0000-4000-8000-000000000001';
    const attached = sentAlong([
      { category: 'referral', recordIds: [], basis: 'referral_content', consentId: null },
      { category: 'pregnancy', recordIds: [], basis: 'consent', consentId },
      { category: 'identity', recordIds: [], basis: 'own_org', consentId: null },
    ]);
    expect(attached.map((a) => [a.category, a.basis])).toEqual([
      ['pregnancy', 'consent'],
      ['identity', 'own_org'],
    ]);
    expect(
      sentAlong([{ category: 'referral', recordIds: [], basis: 'referral_content', consentId: null }]),
    ).toEqual([]);
  });
});
