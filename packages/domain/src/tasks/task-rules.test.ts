import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epdsFollowUps, scoreEpds } from '../screening/epds';
import { addDays } from '../time/calendar';
import { defaultVisitProgramme, planVisits } from '../visits/visit-programme';
import {
  consentExpiring,
  coordinatorMissing,
  type FamilySnapshot,
  followUpOfKey,
  runTaskRules,
  screeningFollowUp,
  visitDue,
} from './task-rules';

const today = '2026-11-23';
const base = (over: Partial<FamilySnapshot> = {}): FamilySnapshot => ({
  familyId: 'f1',
  orgId: 'k1',
  districtUnitId: 'unit-nord',
  coordinatorUserId: null,
  openInvolvementSince: '2026-11-01',
  children: [],
  screenings: [],
  consents: [],
  ...over,
});

const childBornOn = (birthDate: string) => ({
  personId: 'c1',
  visits: planVisits(defaultVisitProgramme, {
    birthDate,
    dueDate: birthDate,
    firstTimeParents: true,
    careLevel: 1,
    earlyDischarge: false,
  }).map((v) => ({
    ...v,
    status: 'planned' as const,
  })),
});

describe('task rules', () => {
  it('makes a visit task when the window opens within two weeks, for the district or the coordinator', () => {
    const f = base({ children: [childBornOn(addDays(today, -50))] }); // 2-month visit opens in ~10 days
    const keys = visitDue(f, today).map((d) => d.key);
    expect(keys).toContain('visit_due:c1:month2');
    expect(keys).not.toContain('visit_due:c1:month4_6');
    expect(visitDue({ ...f, coordinatorUserId: 'hv1' }, today)[0]?.assignee).toEqual({ userId: 'hv1' });
  });

  it('sends the item-10 alert to both the coordinator and the district, due today', () => {
    const res = scoreEpds([0, 0, 3, 0, 3, 3, 3, 3, 3, 1], 'mother');
    const f = base({
      coordinatorUserId: 'hv1',
      screenings: [
        {
          id: 's1',
          takenOn: today,
          respondentId: 'm1',
          followUps: epdsFollowUps(res, today, false),
          superseded: false,
        },
      ],
    });
    const drafts = screeningFollowUp(f, today);
    expect(drafts.map((d) => [d.kind, d.assignee])).toEqual([
      ['self_harm_alert', { userId: 'hv1' }],
      ['self_harm_alert', { unitId: 'unit-nord' }],
    ]);
    expect(drafts.every((d) => d.window.due === today)).toBe(true);
    // Both copies belong to one follow-up: closing one closes the other.
    expect(drafts.map((d) => followUpOfKey(d.key))).toEqual(['self_harm_alert:s1', 'self_harm_alert:s1']);
  });

  it('finds the follow-up of a per-assignee key only', () => {
    expect(followUpOfKey('epds_repeat:s1:g:unit-nord')).toBe('epds_repeat:s1');
    expect(followUpOfKey('visit_due:c1:month2')).toBeNull();
    expect(followUpOfKey('plan_pregnancy_visit:p1')).toBeNull();
  });

  it('drops a repeat once a later screening has been done, never the alert', () => {
    const fu = [
      { kind: 'epds_repeat' as const, window: { start: today, due: today, end: today } },
      { kind: 'self_harm_alert' as const, window: { start: today, due: today, end: today } },
    ];
    const f = base({
      screenings: [{ id: 's1', takenOn: today, respondentId: 'm1', followUps: fu, superseded: true }],
    });
    expect(screeningFollowUp(f, today).map((d) => d.kind)).toEqual(['self_harm_alert']);
  });

  it('flags a family without a coordinator after a week, and a consent ending within 30 days', () => {
    expect(coordinatorMissing(base({ openInvolvementSince: addDays(today, -3) }), today)).toEqual([]);
    expect(coordinatorMissing(base(), today)[0]).toMatchObject({
      kind: 'assign_coordinator',
      assignee: { unitId: 'unit-nord' },
    });
    expect(coordinatorMissing(base({ coordinatorUserId: 'hv1' }), today)).toEqual([]);
    const f = base({
      consents: [
        { id: 'k1', validTo: addDays(today, 20), withdrawn: false },
        { id: 'k2', validTo: addDays(today, 90), withdrawn: false },
      ],
    });
    expect(consentExpiring(f, today).map((d) => d.key)).toEqual(['consent_expiring:k1']);
  });

  const snapshot = fc.record({
    born: fc.integer({ min: 0, max: 900 }),
    coordinator: fc.option(fc.constant('hv1'), { nil: null }),
    since: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    answers: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 }),
    consentDays: fc.integer({ min: -10, max: 100 }),
  });
  const build = (x: {
    born: number;
    coordinator: string | null;
    since: number | null;
    answers: number[];
    consentDays: number;
  }) =>
    base({
      coordinatorUserId: x.coordinator,
      openInvolvementSince: x.since === null ? null : addDays(today, -x.since),
      children: [childBornOn(addDays(today, -x.born))],
      screenings: [
        {
          id: 's1',
          takenOn: today,
          respondentId: 'm1',
          followUps: epdsFollowUps(scoreEpds(x.answers, 'mother'), today, false),
          superseded: false,
        },
      ],
      consents: [{ id: 'k1', validTo: addDays(today, x.consentDays), withdrawn: false }],
    });

  it('is idempotent: re-running gives the same tasks with unique keys', () => {
    fc.assert(
      fc.property(snapshot, (x) => {
        const f = build(x);
        const first = runTaskRules(f, today);
        const second = runTaskRules(f, today);
        expect(second).toEqual(first);
        expect(new Set(first.map((d) => d.key)).size).toBe(first.length);
        // Applying the second run's drafts to a store keyed by `key` adds nothing.
        const store = new Map(first.map((d) => [d.key, d]));
        for (const d of second) store.set(d.key, store.get(d.key) ?? d);
        expect(store.size).toBe(first.length);
      }),
    );
  });

  it('keeps every window in order', () => {
    fc.assert(
      fc.property(snapshot, (x) => {
        for (const d of runTaskRules(build(x), today))
          expect(d.window.start <= d.window.due && d.window.due <= d.window.end).toBe(true);
      }),
    );
  });
});
