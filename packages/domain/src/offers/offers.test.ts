import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time/calendar';
import {
  type PlannerCouple,
  type PlannerSite,
  planCohorts,
  planNaively,
  planStats,
  segment,
} from './cohort-planner';
import { catchUpSessionDates, checkTemplate, fivTemplate, sessionDate } from './course-template';
import { checkEligibility, type FamilyFacts, isReferredTo, type ReferralFacts } from './eligibility';

const today = '2026-11-23';
const family = (over: Partial<FamilyFacts> = {}): FamilyFacts => ({
  municipalityId: 'k1',
  firstTimeParents: true,
  activeDueDate: addDays(today, 16 * 7), // week 24
  childBirthDates: [],
  languages: ['da'],
  interpreterAvailable: false,
  referred: false,
  ...over,
});

describe('eligibility', () => {
  const fiv = { firstTimeParentsOnly: true, pregnancyWeeks: { from: 16, to: 30 }, municipalityIds: ['k1'] };

  it('lets first-time parents of the municipality join Familieiværksætterne in week 24', () => {
    const e = checkEligibility(fiv, family(), today);
    expect(e.now).toBe(true);
    expect(e.rules.every((r) => r.ok)).toBe(true);
    expect(e.window).toEqual({ from: addDays(today, -8 * 7), to: addDays(today, 6 * 7 + 6) });
  });

  it('says why not: second child, another municipality, no pregnancy', () => {
    expect(checkEligibility(fiv, family({ firstTimeParents: false }), today).rules).toContainEqual({
      rule: 'first_time_parents',
      ok: false,
    });
    expect(checkEligibility(fiv, family({ municipalityId: 'k2' }), today).now).toBe(false);
    expect(checkEligibility(fiv, family({ activeDueDate: null }), today).rules).toContainEqual({
      rule: 'pregnancy_weeks',
      ok: false,
    });
  });

  it('is "soon" when only the time window has not opened yet (within 8 weeks)', () => {
    const early = family({ activeDueDate: addDays(today, 28 * 7) }); // week 12: opens in 4 weeks
    const e = checkEligibility(fiv, early, today);
    expect(e.now).toBe(false);
    expect(e.soon).toBe(true);
    const veryEarly = family({ activeDueDate: addDays(today, 36 * 7) }); // week 4: opens in 12 weeks
    expect(checkEligibility(fiv, veryEarly, today).soon).toBe(false);
  });

  it('follows the youngest child for child-age offers (toddler parents 12–36 months)', () => {
    const rules = { childAgeMonths: { from: 12, to: 36 } };
    expect(
      checkEligibility(rules, family({ activeDueDate: null, childBirthDates: ['2025-06-01'] }), today).now,
    ).toBe(true);
    expect(
      checkEligibility(rules, family({ activeDueDate: null, childBirthDates: ['2026-06-01'] }), today).now,
    ).toBe(false);
  });

  it('needs a referral for referral-only offers, and a shared language or an interpreter', () => {
    expect(checkEligibility({ referralOnly: true }, family(), today).now).toBe(false);
    expect(checkEligibility({ referralOnly: true }, family({ referred: true }), today).now).toBe(true);
    const arabic = family({ languages: ['ar'] });
    expect(checkEligibility({ languages: ['da'] }, arabic, today).now).toBe(false);
    expect(
      checkEligibility({ languages: ['da'] }, { ...arabic, interpreterAvailable: true }, today).now,
    ).toBe(true);
    expect(checkEligibility({ languages: ['da', 'ar'] }, arabic, today).now).toBe(true);
  });

  it('counts an accepted referral to the offer, or an open sign-up made as a referral, as referred', () => {
    const none: ReferralFacts = { referrals: [], signUps: [] };
    expect(isReferredTo('klar', none)).toBe(false);
    const referral = (status: string, offerId = 'klar') => ({ ...none, referrals: [{ offerId, status }] });
    // Only the provider's yes opens the door, and only while the referral is accepted.
    expect(isReferredTo('klar', referral('accepted'))).toBe(true);
    for (const status of ['requested', 'received', 'rejected', 'completed'])
      expect(isReferredTo('klar', referral(status)), status).toBe(false);
    // A referral to another offer says nothing about this one.
    expect(isReferredTo('klar', referral('accepted', 'fiv'))).toBe(false);
    const signUp = (status: string, priority: string) => ({
      ...none,
      signUps: [{ offerId: 'klar', status, priority }],
    });
    expect(isReferredTo('klar', signUp('waitlisted', 'referred'))).toBe(true);
    expect(isReferredTo('klar', signUp('enrolled', 'referred'))).toBe(true);
    expect(isReferredTo('klar', signUp('enrolled', 'standard'))).toBe(false);
    expect(isReferredTo('klar', signUp('declined', 'referred'))).toBe(false);
    // With it, a referral-only offer in the pregnancy weeks is open now.
    const klar = { referralOnly: true, pregnancyWeeks: { from: 16, to: 34 } };
    const referred = isReferredTo('klar', referral('accepted'));
    expect(checkEligibility(klar, family({ referred }), today)).toMatchObject({
      now: true,
      rules: expect.arrayContaining([{ rule: 'referral', ok: true }]),
    });
  });

  it('is open to everyone when the offer has no rules', () => {
    expect(checkEligibility({}, family({ activeDueDate: null }), today)).toEqual({
      now: true,
      soon: false,
      window: null,
      rules: [],
    });
  });
});

describe('the Familieiværksætterne template', () => {
  it('has 16 sessions in the guide’s order, from about week 26 to 13–14 months', () => {
    expect(fivTemplate).toHaveLength(16);
    expect(fivTemplate[0]?.key).toBe('welcome');
    expect(fivTemplate.at(-1)?.key).toBe('upbringing_goodbye');
    expect(checkTemplate(fivTemplate, true)).toEqual([]);
    const due = '2027-03-15';
    expect(sessionDate(fivTemplate[0]?.offset ?? { from: 'due_date', days: 0 }, due)).toBe(addDays(due, -98)); // week 26
  });

  it('refuses fewer than 12 sessions for an FIV course, and sessions after the third birthday', () => {
    expect(checkTemplate(fivTemplate.slice(0, 11), true)).toContainEqual({
      index: null,
      code: 'too_few_sessions',
    });
    expect(checkTemplate(fivTemplate.slice(0, 11), false)).toEqual([]);
    const late = [
      ...fivTemplate,
      {
        key: 'x',
        title: 'x',
        theme: 'network_relations' as const,
        offset: { from: 'birth' as const, months: 36, days: 0 },
      },
    ];
    expect(checkTemplate(late, true)).toContainEqual({ index: 16, code: 'after_third_birthday' });
  });
});

const coupleArb = fc.record({
  familyId: fc.uuid(),
  dueDate: fc.integer({ min: 0, max: 365 }).map((d) => addDays('2027-01-01', d)),
  siteId: fc.constantFrom(null, 's1', 's2'),
  language: fc.constantFrom('da', 'da', 'da', 'ar', 'so'),
});
const sites: PlannerSite[] = [
  { id: 's1', maxCohorts: 20, languages: ['da', 'ar'] },
  { id: 's2', maxCohorts: 20, languages: ['da'] },
];

describe('the cohort planner', () => {
  it('places every couple exactly once, at most 10 per cohort, deterministically', () => {
    fc.assert(
      fc.property(fc.uniqueArray(coupleArb, { selector: (c) => c.familyId, maxLength: 150 }), (couples) => {
        const plan = planCohorts(couples, sites);
        const placed = [
          ...plan.cohorts.flatMap((c) => c.familyIds),
          ...plan.unassigned.map((u) => u.familyId),
        ];
        expect(placed.sort()).toEqual(couples.map((c) => c.familyId).sort());
        expect(plan.cohorts.every((c) => c.familyIds.length >= 1 && c.familyIds.length <= 10)).toBe(true);
        expect(planCohorts([...couples].reverse(), sites)).toEqual(plan);
      }),
    );
  });

  it('uses no more cohorts than needed and keeps the spread no wider than chronological chunks', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(coupleArb, { selector: (c) => c.familyId, minLength: 1, maxLength: 120 }),
        (couples) => {
          const one = couples.map((c) => ({ ...c, siteId: 's2', language: 'da' }));
          const plan = planCohorts(one, sites);
          const naive = planNaively(one, sites);
          expect(plan.cohorts.length).toBe(Math.ceil(one.length / 10));
          const sum = (p: typeof plan) => p.cohorts.reduce((n, c) => n + c.spreadDays, 0);
          expect(sum(plan)).toBeLessThanOrEqual(sum(naive));
        },
      ),
    );
  });

  it('splits 12 couples into two cohorts by due date instead of 10 + 2', () => {
    const couples: PlannerCouple[] = Array.from({ length: 12 }, (_, i) => ({
      familyId: `f${String(i).padStart(2, '0')}`,
      dueDate: addDays('2027-01-01', i < 6 ? i : 60 + i),
      siteId: 's2',
      language: 'da',
    }));
    const plan = planCohorts(couples, sites);
    expect(plan.cohorts.map((c) => c.familyIds.length)).toEqual([6, 6]);
    expect(planStats(plan).maxSpread).toBeLessThan(planStats(planNaively(couples, sites)).maxSpread);
  });

  it('gives a language its own cohort when the site holds it and enough couples speak it', () => {
    const couples: PlannerCouple[] = Array.from({ length: 14 }, (_, i) => ({
      familyId: `f${String(i).padStart(2, '0')}`,
      dueDate: addDays('2027-01-01', i),
      siteId: 's1',
      language: i < 5 ? 'ar' : 'da',
    }));
    const plan = planCohorts(couples, sites);
    // Cohorts come sorted by due date: the Arabic-speaking couples are due first.
    expect(plan.cohorts.map((c) => [c.language, c.familyIds.length])).toEqual([
      ['ar', 5],
      ['da', 9],
    ]);
  });

  it('respects the facilitators’ capacity: who does not fit waits for the next plan', () => {
    const couples: PlannerCouple[] = Array.from({ length: 25 }, (_, i) => ({
      familyId: `f${String(i).padStart(2, '0')}`,
      dueDate: addDays('2027-01-01', i),
      siteId: 's1',
      language: 'da',
    }));
    const plan = planCohorts(couples, [{ id: 's1', maxCohorts: 2, languages: ['da'] }]);
    expect(plan.cohorts).toHaveLength(2);
    expect(plan.unassigned).toHaveLength(5);
    expect(plan.unassigned.every((u) => u.reason === 'no_capacity')).toBe(true);
  });

  it('segments optimally on a small case', () => {
    const c = (d: number, id: string): PlannerCouple => ({
      familyId: id,
      dueDate: addDays('2027-01-01', d),
      siteId: null,
      language: 'da',
    });
    const groups = segment([c(0, 'a'), c(1, 'b'), c(50, 'c'), c(51, 'd')], 2, 10);
    expect(groups.map((g) => g.map((x) => x.familyId))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});

describe('attendance', async () => {
  const { missedTwoInARow, cohortFigures } = await import('./attendance');
  it('flags two missed sessions in a row, not one, not two apart', () => {
    expect(missedTwoInARow([true, false, false])).toBe(true);
    expect(missedTwoInARow([false, true, false])).toBe(false);
    expect(missedTwoInARow([false])).toBe(false);
    expect(missedTwoInARow([])).toBe(false);
  });
  it('counts mothers and fathers/co-parents apart (the Aarhus figures: 8.4 and 7.9 of 12)', () => {
    const f = cohortFigures(
      12,
      [
        { role: 'mother', attended: 9 },
        { role: 'mother', attended: 8 },
        { role: 'father', attended: 8 },
        { role: 'co_parent', attended: 7 },
      ],
      2,
      2,
    );
    expect(f.perParent).toEqual({ mothers: 8.5, partners: 7.5 });
    expect(f.partnerParticipation).toBeCloseTo(15 / 24);
  });
});

describe('sessions of a cohort planned late', () => {
  it('start a week from now and catch up weekly; later sessions keep their dates', () => {
    const dates = ['2026-11-02', '2026-11-16', '2026-11-30', '2026-12-28', '2027-01-25'];
    expect(catchUpSessionDates(dates, '2026-11-23')).toEqual([
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
      '2026-12-28',
      '2027-01-25',
    ]);
  });

  it('leave a cohort planned in time as it is, also sessions closer than a week', () => {
    const dates = ['2026-12-07', '2026-12-10', '2026-12-21'];
    expect(catchUpSessionDates(dates, '2026-11-30')).toEqual(dates);
  });

  it('never place a session before the earliest start or two on one day', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 400 }),
        (offsets, start) => {
          const dates = [...offsets].sort((a, b) => a - b).map((d) => addDays('2026-01-05', d));
          const earliest = addDays('2026-01-05', start);
          const out = catchUpSessionDates(dates, earliest);
          expect(out).toHaveLength(dates.length);
          for (const [i, d] of out.entries()) {
            expect(d >= earliest).toBe(true);
            expect(d >= (dates[i] as string)).toBe(true);
            if (i > 0 && (dates[i] as string) < earliest) expect(d > (out[i - 1] as string)).toBe(true);
          }
        },
      ),
    );
  });
});
