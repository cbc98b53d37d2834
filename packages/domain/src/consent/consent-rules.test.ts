import { describe, expect, it } from 'vitest';
import { checkConsent, consentableCategories, consentStatus, consentValidity } from './consent-rules';

const ok = { categories: ['identity', 'course'], fromOrgId: 'a', toOrgId: 'b', validTo: '2027-03-01' };
const today = '2026-11-23';
const codes = (c: Parameters<typeof checkConsent>[0]) =>
  checkConsent(c, today).map((p) => `${p.path}:${p.code}`);

describe('a consent before it is stored', () => {
  it('passes with known categories, two organisations and an end in the future', () => {
    expect(checkConsent(ok, today)).toEqual([]);
    expect(checkConsent({ ...ok, validFrom: today, validTo: today }, today)).toEqual([]);
  });

  it('never covers concern reports, and names each category once', () => {
    expect(consentableCategories).not.toContain('concern');
    expect(codes({ ...ok, categories: ['identity', 'concern'] })).toEqual(['categories.1:not_consentable']);
    expect(codes({ ...ok, categories: ['gossip'] })).toEqual(['categories.0:not_consentable']);
    expect(codes({ ...ok, categories: [] })).toEqual(['categories:required']);
    expect(codes({ ...ok, categories: ['course', 'course'] })).toEqual(['categories:duplicate']);
  });

  it('is about records crossing from one organisation to another', () => {
    expect(codes({ ...ok, toOrgId: 'a' })).toEqual(['toOrgId:same_organisation']);
  });

  it('runs forward in time and at most three years', () => {
    expect(codes({ ...ok, validTo: '2026-11-22' })).toEqual(['validTo:in_past']);
    expect(codes({ ...ok, validFrom: '2026-11-20' })).toEqual(['validFrom:in_past']);
    expect(codes({ ...ok, validFrom: '2027-04-01' })).toEqual(['validTo:before_valid_from']);
    expect(codes({ ...ok, validTo: '2029-11-23' })).toEqual([]);
    expect(codes({ ...ok, validTo: '2029-11-24' })).toEqual(['validTo:too_long']);
    expect(codes({ ...ok, validTo: '2027-02-30' })).toEqual(['validTo:invalid_date']);
    expect(codes({ ...ok, validFrom: '2026-13-01' })).toEqual(['validFrom:invalid_date']);
  });
});

describe('the instants a consent runs between', () => {
  const now = new Date('2026-11-23T09:00:00Z');

  it('starts now when it starts today, and covers the whole last day in Denmark', () => {
    const v = consentValidity({ validTo: '2027-03-01' }, now);
    expect(v.validFrom).toEqual(now);
    expect(v.validTo.toISOString()).toBe('2027-03-01T23:00:00.000Z'); // midnight CET
    const summer = consentValidity({ validFrom: '2027-06-01', validTo: '2027-07-01' }, now);
    expect(summer.validFrom.toISOString()).toBe('2027-05-31T22:00:00.000Z'); // midnight CEST
    expect(summer.validTo.toISOString()).toBe('2027-07-01T22:00:00.000Z');
  });
});

describe('where a consent stands', () => {
  const now = new Date('2026-11-23T09:00:00Z');
  const base = { validFrom: new Date('2026-01-01'), validTo: new Date('2027-01-01'), withdrawnAt: null };

  it('is active, pending, expired or withdrawn — withdrawal first', () => {
    expect(consentStatus(base, now)).toBe('active');
    expect(consentStatus({ ...base, validTo: null }, now)).toBe('active');
    expect(consentStatus({ ...base, validFrom: new Date('2026-12-01') }, now)).toBe('pending');
    expect(consentStatus({ ...base, validTo: now }, now)).toBe('expired');
    expect(consentStatus({ ...base, validTo: now, withdrawnAt: new Date('2026-02-01') }, now)).toBe(
      'withdrawn',
    );
  });
});
