import { describe, expect, it } from 'vitest';
import { indicatorCatalogue, indicatorIds } from './indicator-catalogue';
import type {
  CounsellingCaseFact,
  CourseParticipantFact,
  EpdsScreeningFact,
  OpenNeedSnapshotFact,
  ReferralFact,
} from './indicator-facts';
import {
  aggregateIndicator,
  checkIndicatorPeriod,
  type IndicatorDefinition,
  type IndicatorGrain,
  type IndicatorPeriod,
  medianOf,
  summariseIndicator,
} from './indicator-model';

const year2026: IndicatorPeriod = { from: '2026-01', to: '2026-12' };

/** The whole-period figure of an indicator over hand-built facts. */
function figure<F>(
  definition: IndicatorDefinition<F>,
  facts: F[],
  options: {
    period?: IndicatorPeriod;
    grain?: IndicatorGrain;
    breakdown?: 'total' | 'parent_role' | 'topic' | 'district' | 'question' | 'visit_type';
    only?: string;
  } = {},
) {
  return summariseIndicator(definition, aggregateIndicator(definition, facts), {
    period: options.period ?? year2026,
    grain: options.grain ?? 'period',
    breakdown: options.breakdown ?? 'total',
    ...(options.only ? { only: options.only } : {}),
  });
}
const result = <F>(d: IndicatorDefinition<F>, facts: F[], o: Parameters<typeof figure>[2] = {}) =>
  figure(d, facts, o).map((p) => p.result);

const home = { district: 'Vest', language: 'da' } as const;

describe('the indicator catalogue', () => {
  it('keys every definition by its own id', () => {
    for (const id of indicatorIds) expect(indicatorCatalogue[id].id).toBe(id);
  });
});

describe('reach', () => {
  it('is enrolled first-time pregnancies over those registered, by due date (4 of 5 = 80 %)', () => {
    const facts = [true, true, false, true, true].map((enrolled, i) => ({
      ...home,
      dueDate: `2026-0${i + 1}-15`,
      enrolled,
    }));
    facts.push({ ...home, dueDate: '2025-12-31', enrolled: false }); // outside the period
    expect(result(indicatorCatalogue.reach, facts)).toEqual([0.8]);
    expect(figure(indicatorCatalogue.reach, facts)[0]).toMatchObject({ numerator: 4, denominator: 5 });
  });

  it('breaks down by district and by quarter', () => {
    const facts = [
      { district: 'Vest', language: 'da', dueDate: '2026-01-10', enrolled: true },
      { district: 'Vest', language: 'da', dueDate: '2026-02-10', enrolled: false },
      { district: 'Øst', language: 'ar', dueDate: '2026-04-10', enrolled: true },
    ];
    expect(
      figure(indicatorCatalogue.reach, facts, { breakdown: 'district', grain: 'quarter' }).filter(
        (p) => p.denominator,
      ),
    ).toEqual([
      { bucket: '2026-Q1', value: 'Vest', numerator: 1, denominator: 2, result: 0.5 },
      { bucket: '2026-Q2', value: 'Øst', numerator: 1, denominator: 1, result: 1 },
    ]);
  });
});

const participant = (
  parentRole: CourseParticipantFact['parentRole'],
  sessionsAttended: number,
  status: CourseParticipantFact['status'] = 'completed',
  courseEnded = true,
): CourseParticipantFact => ({
  ...home,
  offerId: 'klar-til-baby',
  parentRole,
  courseStart: '2026-03-02',
  sessionsAttended,
  status,
  courseEnded,
});

describe('attendance, completion and dropout', () => {
  const facts = [
    participant('mother', 9),
    participant('mother', 8),
    participant('mother', 8),
    participant('father', 8),
    participant('co_parent', 10),
    participant('father', 2, 'dropped_out'),
    participant('mother', 4, 'enrolled', false), // course still running
  ];

  it('averages sessions per enrolled parent, for fathers alone too', () => {
    expect(result(indicatorCatalogue.attendance, facts)).toEqual([49 / 7]);
    expect(
      result(indicatorCatalogue.attendance, facts, { breakdown: 'parent_role', only: 'father' }),
    ).toEqual([5]);
    expect(result(indicatorCatalogue.attendance, facts, { breakdown: 'parent_role' })).toEqual([
      10,
      5,
      29 / 4,
    ]);
  });

  it('counts completion among finished places and dropouts among all', () => {
    expect(figure(indicatorCatalogue.completion, facts)[0]).toMatchObject({ numerator: 5, denominator: 6 });
    expect(figure(indicatorCatalogue.dropout, facts)[0]).toMatchObject({ numerator: 1, denominator: 7 });
  });
});

describe('visit timeliness and the early visit', () => {
  it('counts a visit inside its window only, by the window’s end', () => {
    const v = (doneOn: string | null, windowEnd = '2026-05-31') => ({
      ...home,
      visitType: '2_months',
      windowStart: '2026-05-01',
      windowEnd,
      doneOn,
    });
    const facts = [
      v('2026-05-01'),
      v('2026-05-31'),
      v('2026-04-30'),
      v('2026-06-01'),
      v(null),
      v(null, '2027-01-31'),
    ];
    expect(figure(indicatorCatalogue.visit_timeliness, facts)[0]).toMatchObject({
      numerator: 2,
      denominator: 5,
    });
    expect(result(indicatorCatalogue.visit_timeliness, facts, { breakdown: 'visit_type' })).toEqual([0.4]);
  });

  it('counts 14 days from discharge, or from birth when there was none', () => {
    const b = (birthDate: string, dischargeDate: string | null, firstVisitOn: string | null) => ({
      ...home,
      birthDate,
      dischargeDate,
      firstVisitOn,
    });
    const facts = [
      b('2026-06-01', '2026-06-04', '2026-06-18'), // day 14 after discharge
      b('2026-06-01', '2026-06-04', '2026-06-19'), // day 15
      b('2026-06-10', null, '2026-06-20'), // home birth, day 10
      b('2026-06-10', '2026-06-12', null),
    ];
    expect(figure(indicatorCatalogue.early_visit, facts)[0]).toMatchObject({ numerator: 2, denominator: 4 });
  });
});

describe('EPDS', () => {
  const s = (p: Partial<EpdsScreeningFact>): EpdsScreeningFact => ({
    ...home,
    screenedOn: '2026-02-10',
    parentRole: 'mother',
    positive: false,
    followUpOn: null,
    item10Alert: false,
    alertHandledOn: null,
    ...p,
  });

  it('covers screened over eligible parents, by role', () => {
    const e = (parentRole: 'mother' | 'father', screened: boolean) => ({
      ...home,
      eligibleOn: '2026-02-01',
      parentRole,
      screened,
    });
    const facts = [
      e('mother', true),
      e('mother', true),
      e('father', true),
      e('father', false),
      e('father', false),
    ];
    expect(result(indicatorCatalogue.epds_coverage, facts, { breakdown: 'parent_role' })).toEqual([1 / 3, 1]);
  });

  it('gives the positive rate and the follow-ups within 14 days of the positives', () => {
    const facts = [
      s({ positive: true, followUpOn: '2026-02-24' }), // day 14
      s({ positive: true, followUpOn: '2026-02-25' }), // day 15
      s({ positive: true }),
      s({}),
      s({ parentRole: 'father' }),
    ];
    expect(result(indicatorCatalogue.epds_positive, facts)).toEqual([3 / 5]);
    expect(figure(indicatorCatalogue.epds_follow_up, facts)[0]).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
  });

  it('counts item-10 alerts handled the same day', () => {
    const facts = [
      s({ item10Alert: true, alertHandledOn: '2026-02-10' }),
      s({ item10Alert: true, alertHandledOn: '2026-02-11' }),
      s({ item10Alert: true }),
      s({}),
    ];
    expect(figure(indicatorCatalogue.epds_item10_same_day, facts)[0]).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
  });
});

describe('referrals', () => {
  const r = (p: Partial<ReferralFact>): ReferralFact => ({
    district: 'Vest',
    offerId: 'klar-til-baby',
    sentOn: '2026-03-02',
    deadline: '2026-03-09',
    acknowledgedOn: null,
    acceptedOn: null,
    asOf: '2026-12-01',
    ...p,
  });

  it('counts acknowledged by the deadline, leaving out those still inside it', () => {
    const facts = [
      r({ acknowledgedOn: '2026-03-09' }),
      r({ acknowledgedOn: '2026-03-10' }),
      r({}),
      r({ sentOn: '2026-11-30', deadline: '2026-12-07' }), // not late yet
    ];
    expect(figure(indicatorCatalogue.referral_on_time, facts)[0]).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
  });

  it('gives the median days to acceptance (the middle two of an even count)', () => {
    const facts = [
      r({ acceptedOn: '2026-03-03' }),
      r({ acceptedOn: '2026-03-05' }),
      r({ acceptedOn: '2026-03-12' }),
      r({ acceptedOn: '2026-04-01' }),
      r({}),
    ];
    expect(figure(indicatorCatalogue.referral_days_to_acceptance, facts)[0]).toMatchObject({
      numerator: 4,
      result: 6.5,
    });
  });
});

describe('coordinator coverage and families between chairs', () => {
  const n = (measuredOn: string, hasCoordinator: boolean, referralOverdue = false): OpenNeedSnapshotFact => ({
    ...home,
    measuredOn,
    hasCoordinator,
    referralOverdue,
  });
  const facts = [
    n('2026-01-31', false),
    n('2026-01-31', false),
    n('2026-01-31', true),
    n('2026-02-28', true),
    n('2026-02-28', true, true),
    n('2026-02-28', false),
    n('2026-02-28', true),
  ];

  it('measures at the end of the period, not summed over its months', () => {
    expect(
      result(indicatorCatalogue.coordinator_coverage, facts, { period: { from: '2026-01', to: '2026-03' } }),
    ).toEqual([3 / 4]);
    expect(
      result(indicatorCatalogue.between_chairs, facts, { period: { from: '2026-01', to: '2026-03' } }),
    ).toEqual([2]);
    expect(
      result(indicatorCatalogue.between_chairs, facts, { period: { from: '2026-01', to: '2026-01' } }),
    ).toEqual([2]);
    expect(
      result(indicatorCatalogue.coordinator_coverage, facts, {
        period: { from: '2026-01', to: '2026-02' },
        grain: 'month',
      }),
    ).toEqual([1 / 3, 3 / 4]);
  });
});

describe('counselling', () => {
  const c = (p: Partial<CounsellingCaseFact>): CounsellingCaseFact => ({
    district: 'Vollsmose',
    openedOn: '2026-02-03',
    closedOn: null,
    outcome: null,
    goals: [],
    asOf: '2026-11-24',
    ...p,
  });

  it('counts families counselled in a period: open at its start plus opened in it', () => {
    const facts = [
      c({ openedOn: '2025-06-10' }), // open all year
      c({ openedOn: '2025-09-01', closedOn: '2025-12-20', outcome: 'moved' }), // closed before
      c({ openedOn: '2026-02-03', closedOn: '2026-03-01', outcome: 'no_special_support' }),
      c({ openedOn: '2026-05-05' }),
    ];
    const d = indicatorCatalogue.counselling_families;
    expect(result(d, facts)).toEqual([3]);
    expect(result(d, facts, { period: { from: '2026-03', to: '2026-03' } })).toEqual([2]);
    expect(result(d, facts, { period: { from: '2026-04', to: '2026-04' } })).toEqual([1]);
    expect(result(d, facts, { period: { from: '2025-01', to: '2025-12' } })).toEqual([2]);
  });

  it('reads like Vollsmose 2017: 58 families counselled, 23 of the closed no longer need special support', () => {
    const facts: CounsellingCaseFact[] = [];
    for (let i = 0; i < 58; i++) {
      const closes = i < 40;
      facts.push(
        c({
          openedOn: i < 20 ? '2016-10-01' : '2017-03-01',
          closedOn: closes ? '2017-11-15' : null,
          outcome: closes ? (i < 23 ? 'no_special_support' : 'municipal_measure') : null,
          asOf: '2018-01-31',
        }),
      );
    }
    const year = { period: { from: '2017-01', to: '2017-12' } };
    expect(result(indicatorCatalogue.counselling_families, facts, year)).toEqual([58]);
    expect(figure(indicatorCatalogue.counselling_no_special_support, facts, year)[0]).toMatchObject({
      numerator: 23,
      denominator: 40,
    });
  });

  it('averages the goals’ change from first to last score over closed cases', () => {
    const facts = [
      c({
        closedOn: '2026-06-01',
        outcome: 'other',
        goals: [
          { first: 2, last: 7 },
          { first: 5, last: 4 },
        ],
      }),
      c({ closedOn: '2026-07-01', outcome: 'moved', goals: [{ first: 3, last: 6 }] }),
      c({ goals: [{ first: 0, last: 10 }] }), // still open
    ];
    expect(result(indicatorCatalogue.counselling_goal_progress, facts)).toEqual([7 / 3]);
  });
});

describe('anonymous contacts', () => {
  it('counts a contact once in the total and once under each of its topics', () => {
    const facts = [
      { contactOn: '2026-03-04', topics: ['divorce', 'finances'] },
      { contactOn: '2026-03-11', topics: ['divorce'] },
      { contactOn: '2026-04-01', topics: ['housing', 'housing'] },
    ];
    expect(result(indicatorCatalogue.anonymous_contacts, facts)).toEqual([3]);
    expect(
      figure(indicatorCatalogue.anonymous_contacts, facts, {
        breakdown: 'topic',
        grain: 'month',
        period: { from: '2026-03', to: '2026-04' },
      }).filter((p) => p.numerator),
    ).toEqual([
      { bucket: '2026-03', value: 'divorce', numerator: 2, denominator: null, result: 2 },
      { bucket: '2026-03', value: 'finances', numerator: 1, denominator: null, result: 1 },
      { bucket: '2026-04', value: 'housing', numerator: 1, denominator: null, result: 1 },
    ]);
  });
});

describe('child outcomes and satisfaction', () => {
  it('gives the share without a development concern at the 8–10-month visit', () => {
    const facts = [false, false, true, false].map((developmentConcern) => ({
      ...home,
      visitOn: '2026-08-20',
      developmentConcern,
    }));
    expect(result(indicatorCatalogue.development_no_concern, facts)).toEqual([0.75]);
  });

  it('counts each child readmitted within 28 days for the listed causes once', () => {
    const b = (admissions: { admittedOn: string; cause: 'jaundice' | 'dehydration' | 'other' }[]) => ({
      ...home,
      birthDate: '2026-05-01',
      admissions,
    });
    const facts = [
      b([
        { admittedOn: '2026-05-04', cause: 'jaundice' },
        { admittedOn: '2026-05-10', cause: 'dehydration' },
      ]),
      b([{ admittedOn: '2026-05-29', cause: 'dehydration' }]), // day 28
      b([{ admittedOn: '2026-05-30', cause: 'jaundice' }]), // day 29
      b([{ admittedOn: '2026-05-03', cause: 'other' }]),
      b([]),
    ];
    expect(figure(indicatorCatalogue.readmissions, facts)[0]).toMatchObject({ numerator: 2, denominator: 5 });
  });

  it('averages the survey answers per question', () => {
    const a = (question: 'can_act' | 'heard' | 'satisfied', score: number) => ({
      answeredOn: '2026-09-01',
      offerId: 'klar-til-baby',
      question,
      score,
    });
    const facts = [a('heard', 5), a('heard', 4), a('satisfied', 3), a('can_act', 4)];
    expect(result(indicatorCatalogue.satisfaction, facts, { breakdown: 'question' })).toEqual([4, 4.5, 3]);
  });
});

describe('periods and medians', () => {
  it('refuses a period that ends before it starts, a bad month or more than ten years', () => {
    expect(checkIndicatorPeriod({ from: '2026-01', to: '2026-12' })).toBeNull();
    expect(checkIndicatorPeriod({ from: '2026-05', to: '2026-04' })).toBe('end_before_start');
    expect(checkIndicatorPeriod({ from: '2026-13', to: '2026-12' })).toBe('bad_month');
    expect(checkIndicatorPeriod({ from: '2010-01', to: '2026-12' })).toBe('too_long');
  });

  it('takes the median of a histogram', () => {
    expect(medianOf(new Map([[3, 1]]), 1)).toBe(3);
    expect(
      medianOf(
        new Map([
          [1, 2],
          [9, 1],
        ]),
        3,
      ),
    ).toBe(1);
    expect(
      medianOf(
        new Map([
          [1, 2],
          [9, 2],
        ]),
        4,
      ),
    ).toBe(5);
    expect(medianOf(new Map(), 0)).toBeNull();
  });

  it('shows an empty month as zero, and a share with nothing to divide by as no figure', () => {
    expect(figure(indicatorCatalogue.reach, [], { grain: 'year' })).toEqual([
      { bucket: '2026', value: null, numerator: 0, denominator: 0, result: null },
    ]);
  });
});
