import { describe, expect, it } from 'vitest';
import type { Problem } from '../../api/api.types';
import { attendanceBody, initialAttendance, refusalOf } from './attendance';
import { draftErrors, serverErrors } from './plan-errors';

const problem = (errors: { path: string; code: string }[]): Problem => ({
  type: 'about:blank',
  title: 'x',
  status: 400,
  code: 'validation',
  requestId: 'r',
  errors: errors.map((e) => ({ ...e, message: 'm' })),
});

describe('errors on the cohort plan', () => {
  it('put checkDraft’s problems on the cohort’s fields', () => {
    expect(
      draftErrors([
        { cohort: 'cohort-2', field: 'facilitatorUserId', code: 'required' },
        { cohort: 'cohort-2', field: 'families', code: 'too_many' },
        { cohort: 'cohort-1', field: 'guest', index: 0, part: 'sessionNumber', code: 'invalid' },
      ]),
    ).toEqual([
      { id: 'plan-cohort-2-facilitator', cohort: 'cohort-2', field: 'facilitator', code: 'required' },
      { id: 'plan-cohort-2-heading', cohort: 'cohort-2', field: 'cohortFamilies', code: 'too_big' },
      { id: 'plan-cohort-1-guest-0-session', cohort: 'cohort-1', field: 'guestSession', code: 'invalid' },
    ]);
  });

  it('read the server’s cohort index as the cohorts sent, empty ones left out', () => {
    const sent = [
      { key: 'cohort-1', enrollmentIds: ['e1', 'e2'] },
      { key: 'cohort-3', enrollmentIds: ['e5', 'e6'] },
    ];
    const { errors, placed } = serverErrors(
      problem([
        { path: 'cohorts.1.facilitatorUserId', code: 'not_eligible' },
        { path: 'cohorts.1.enrollmentIds.1', code: 'not_plannable' },
        { path: 'cohorts.0', code: 'after_third_birthday' },
        { path: 'cohorts.0.guestPresenters.2.sessionNumber', code: 'invalid_reference' },
        { path: 'offerId', code: 'no_template' },
      ]),
      sent,
    );
    expect(placed).toBe(true);
    expect(errors.map((e) => [e.id, e.field, e.code])).toEqual([
      ['plan-cohort-3-facilitator', 'facilitator', 'not_eligible'],
      ['plan-move-e6', 'plannedFamily', 'not_plannable'],
      ['plan-cohort-1-heading', 'cohortFamilies', 'after_third_birthday'],
      ['plan-cohort-1-guest-2-session', 'guestSession', 'invalid_reference'],
      ['plan-offer', 'planOffer', 'no_template'],
    ]);
  });

  it('say when an error has no field, so the page shows the problem as well', () => {
    expect(serverErrors(problem([{ path: 'cohorts', code: 'too_small' }]), []).placed).toBe(false);
    expect(serverErrors(problem([{ path: 'cohorts.4.name', code: 'too_big' }]), []).placed).toBe(false);
    expect(serverErrors(null, []).placed).toBe(false);
  });
});

describe('attendance', () => {
  const parents = [
    { personId: 'p1', familyId: 'f1', name: 'Sara Jensen', role: 'mother', present: null },
    { personId: 'p2', familyId: 'f1', name: 'Mads Jensen', role: 'father', present: null },
  ];

  it('sends every parent, ticked or not', () => {
    expect(attendanceBody(parents, { p1: true })).toEqual([
      { personId: 'p1', present: true },
      { personId: 'p2', present: false },
    ]);
  });

  it('starts from what was recorded, else from nobody', () => {
    expect(initialAttendance(parents)).toEqual({ p1: false, p2: false });
    expect(initialAttendance([parents[0], { ...parents[1], present: true }] as never)).toEqual({
      p1: false,
      p2: true,
    });
  });

  it('tells the refusals it explains itself', () => {
    expect(refusalOf(problem([{ path: 'sessionId', code: 'in_the_future' }]))).toBe('too_early');
    expect(refusalOf(problem([{ path: 'attendance.0.personId', code: 'not_a_participant' }]))).toBe(
      'not_a_participant',
    );
    expect(refusalOf(null)).toBeNull();
  });
});
