import type { AccessLogEntry, Consent } from '@familiespor/contracts';
import { describe, expect, it } from 'vitest';
import { draftBody, draftProblems, emptyDraft, groupByDay, sortConsents, whenOf } from './consent-form';

const today = '2026-11-23';
const filled = {
  ...emptyDraft(),
  toOrgId: 'b',
  fromOrgId: 'a',
  categories: ['course' as const, 'identity' as const],
  purpose: '  Familierådgivning  ',
  validTo: '2027-03-01',
};

describe('the consent form', () => {
  it('asks for everything a parent must say, and more from staff', () => {
    expect(draftProblems(emptyDraft(), false, today)).toEqual({
      toOrgId: 'required',
      categories: 'required',
      fromOrgId: 'required',
      purpose: 'required',
      validTo: 'required',
    });
    expect(draftProblems(filled, false, today)).toEqual({});
    expect(draftProblems(filled, true, today)).toEqual({
      grantedByPersonId: 'required',
      capturedHow: 'required',
    });
    expect(draftProblems({ ...filled, fromOrgId: 'b', validTo: '2026-11-22' }, false, today)).toEqual({
      fromOrgId: 'same_organisation',
      validTo: 'in_past',
    });
  });

  it('sends the categories in the matrix’s order and the staff fields only for staff', () => {
    expect(draftBody(filled, 'f', false)).toEqual({
      familyId: 'f',
      categories: ['identity', 'course'],
      fromOrgId: 'a',
      toOrgId: 'b',
      purpose: 'Familierådgivning',
      validTo: '2027-03-01',
    });
    expect(draftBody({ ...filled, grantedByPersonId: 'p', capturedHow: 'verbal' }, 'f', true)).toMatchObject({
      grantedByPersonId: 'p',
      capturedHow: 'verbal',
    });
  });
});

describe('lists', () => {
  it('puts consents in force first', () => {
    const c = (id: string, status: Consent['status'], capturedAt: string) =>
      ({ id, status, capturedAt }) as Consent;
    const sorted = sortConsents([
      c('old', 'withdrawn', '2026-11-20'),
      c('a', 'active', '2026-10-01'),
      c('b', 'active', '2026-11-01'),
      c('x', 'expired', '2026-11-22'),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['b', 'a', 'x', 'old']);
  });

  it('groups the access log by the Danish day, also around midnight', () => {
    const e = (id: string, occurredAt: string) => ({ id, occurredAt }) as AccessLogEntry;
    const groups = groupByDay([
      e('3', '2026-11-23T23:30:00Z'), // 24 Nov in Denmark
      e('2', '2026-11-23T08:00:00Z'),
      e('1', '2026-11-22T22:59:00Z'),
    ]);
    expect(groups.map((g) => [g.day, g.entries.map((x) => x.id)])).toEqual([
      ['2026-11-24', ['3']],
      ['2026-11-23', ['2']],
      ['2026-11-22', ['1']],
    ]);
  });

  it('says when a row happened: its time, or the span and how many times for grouped reads', () => {
    expect(
      whenOf({ occurredAt: '2026-11-23T09:09:00Z', firstOccurredAt: '2026-11-23T09:09:00Z', count: 1 }),
    ).toEqual({ kind: 'once', at: '2026-11-23T09:09:00Z' });
    expect(
      whenOf({ occurredAt: '2026-11-23T09:09:00Z', firstOccurredAt: '2026-11-23T09:02:00Z', count: 4 }),
    ).toEqual({ kind: 'repeated', from: '2026-11-23T09:02:00Z', to: '2026-11-23T09:09:00Z', count: 4 });
  });
});
