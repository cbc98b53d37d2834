import { describe, expect, it } from 'vitest';
import { syntheticCpr } from '../cpr/cpr';
import { causeOfIcd10, parseAdmissionsCsv } from './readmissions-file';

describe('causeOfIcd10', () => {
  it.each([
    ['P59.9', 'jaundice'],
    ['E86', 'dehydration'],
    ['R62.8', 'poor_thriving'],
    ['P92.6', 'poor_thriving'],
    ['p926', 'poor_thriving'],
    ['P92.1', 'feeding_problems'],
    ['J21.0', 'other'],
  ])('%s → %s', (code, cause) => expect(causeOfIcd10(code)).toBe(cause));
});

describe('parseAdmissionsCsv', () => {
  const cpr = syntheticCpr('2026-03-01', 1, 'female');
  it('reads good lines and reports bad ones with their line numbers', () => {
    const csv = [
      'child_cpr;admission_date;discharge_date;icd10',
      `${cpr};2026-03-05;2026-03-07;P59.9`,
      '12345;2026-03-05;2026-03-07;P59.9',
      `${cpr};2026-02-30;2026-03-07;P59.9`,
      '',
      `${cpr};2026-03-09;2026-03-08;E86`,
      `${cpr};2026-03-09;2026-03-10;banana`,
    ].join('\n');
    const parsed = parseAdmissionsCsv(csv);
    expect(parsed.lines).toBe(5);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        childCpr: cpr,
        admittedOn: '2026-03-05',
        dischargedOn: '2026-03-07',
        icd10: 'P59.9',
        cause: 'jaundice',
      },
    ]);
    expect(parsed.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'invalid_cpr'],
      [4, 'invalid_date'],
      [6, 'discharge_before_admission'],
      [7, 'invalid_icd10'],
    ]);
  });
  it('refuses a header without the columns', () => {
    expect(parseAdmissionsCsv('cpr,date\n1,2').errors[0]).toMatchObject({ line: 1, code: 'missing_columns' });
  });
});
