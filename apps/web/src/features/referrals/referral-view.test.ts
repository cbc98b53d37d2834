import { describe, expect, it } from 'vitest';
import { nextActions, receiverName, statusBadge } from './referral-view';

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
});
