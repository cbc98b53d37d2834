import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time/calendar';
import { checkMeasurement, plausibleRange } from './measurements';
import { checkProgramme, defaultVisitProgramme, planVisits, type VisitFacts } from './visit-programme';

const born: VisitFacts = {
  birthDate: '2026-11-01',
  dueDate: '2026-11-05',
  firstTimeParents: false,
  careLevel: 1,
  earlyDischarge: false,
};

describe('the visit programme', () => {
  it('plans the statutory and extended visits for every child, the early visit after early discharge', () => {
    expect(planVisits(defaultVisitProgramme, born).map((v) => v.key)).toEqual([
      'week1',
      'week3',
      'month1',
      'month2',
      'month4_6',
      'month8_10',
      'month12',
    ]);
    const early = planVisits(defaultVisitProgramme, { ...born, earlyDischarge: true });
    expect(early.find((v) => v.key === 'early')).toMatchObject({ start: '2026-11-03', end: '2026-11-04' });
  });

  it('plans the pregnancy visit in week 28–32 for first-time parents and care level 2 or more', () => {
    const pregnant: VisitFacts = {
      birthDate: null,
      dueDate: '2027-03-15',
      firstTimeParents: true,
      careLevel: 1,
      earlyDischarge: false,
    };
    const [v] = planVisits(defaultVisitProgramme, pregnant);
    expect(v).toMatchObject({
      key: 'pregnancy',
      start: addDays('2027-03-15', -280 + 28 * 7),
      end: addDays('2027-03-15', -280 + 32 * 7 + 6),
    });
    expect(planVisits(defaultVisitProgramme, { ...pregnant, firstTimeParents: false })).toEqual([]);
    expect(
      planVisits(defaultVisitProgramme, { ...pregnant, firstTimeParents: false, careLevel: 2 }),
    ).toHaveLength(1);
  });

  it('has windows in order, start ≤ due ≤ end for any birth date', () => {
    expect(checkProgramme(defaultVisitProgramme)).toEqual([]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (d) => {
        for (const v of planVisits(defaultVisitProgramme, {
          ...born,
          birthDate: addDays('2020-01-01', d),
          earlyDischarge: true,
        })) {
          expect(v.start <= v.due && v.due <= v.end).toBe(true);
        }
      }),
    );
  });

  it('refuses a programme edit with windows backwards or past the third birthday', () => {
    const bad = [
      ...defaultVisitProgramme,
      {
        key: 'x',
        name: 'x',
        window: { from: 'birth_months' as const, startMonths: 40, endMonths: 38 },
        target: 'all' as const,
        kind: 'extended' as const,
      },
    ];
    expect(checkProgramme(bad).map((p) => p.code)).toEqual(['window_order', 'after_third_birthday']);
  });
});

describe('measurement plausibility', () => {
  it('accepts a normal 2-month-old and refuses a 40 kg infant or a 6 cm length', () => {
    expect(checkMeasurement('weight_g', 5200, '2026-09-23', '2026-11-23')).toBe('ok');
    expect(checkMeasurement('weight_g', 40_000, '2026-09-23', '2026-11-23')).toBe('implausible');
    expect(checkMeasurement('length_cm', 6, '2026-09-23', '2026-11-23')).toBe('implausible');
    expect(checkMeasurement('head_cm', 39, '2026-09-23', '2026-11-23')).toBe('ok');
  });
  it('widens with age, never inverts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1100 }),
        fc.constantFrom('weight_g' as const, 'length_cm' as const, 'head_cm' as const),
        (d, m) => {
          const r = plausibleRange(m, d);
          expect(r.min).toBeLessThan(r.max);
        },
      ),
    );
  });
});
