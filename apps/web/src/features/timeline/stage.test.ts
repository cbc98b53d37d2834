import { describe, expect, it } from 'vitest';
import { ageOf, stageChildName } from './stage';

describe('a child’s age', () => {
  it('is told in days for the first two weeks, then weeks until two months', () => {
    expect(ageOf(0, 0)).toEqual({ unit: 'days', days: 0 });
    expect(ageOf(13, 0)).toEqual({ unit: 'days', days: 13 });
    expect(ageOf(14, 0)).toEqual({ unit: 'weeks', weeks: 2 });
    expect(ageOf(58, 1)).toEqual({ unit: 'weeks', weeks: 8 });
  });

  it('in months until two years, then in years and months', () => {
    expect(ageOf(61, 2)).toEqual({ unit: 'months', months: 2 });
    expect(ageOf(700, 23)).toEqual({ unit: 'months', months: 23 });
    expect(ageOf(731, 24)).toEqual({ unit: 'years', years: 2, months: 0 });
    expect(ageOf(1000, 32)).toEqual({ unit: 'years', years: 2, months: 8 });
  });
});

describe('the child a stage is about', () => {
  const stage = {
    kind: 'child',
    key: 'infant_0_2m',
    birthDate: '2026-10-24',
    ageDays: 30,
    ageMonths: 0,
  } as const;
  it('is the child born on the stage’s birth date', () => {
    expect(
      stageChildName(stage, [
        { givenName: 'Noah', birthDate: '2024-01-02' },
        { givenName: 'Lily', birthDate: '2026-10-24' },
      ]),
    ).toBe('Lily');
    expect(stageChildName(stage, [{ name: 'Lily Pedersen', birthDate: '2026-10-24' }])).toBe('Lily Pedersen');
    expect(stageChildName(stage, [])).toBeNull();
  });
});
