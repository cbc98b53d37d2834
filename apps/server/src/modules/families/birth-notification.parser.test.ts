import { describe, expect, it } from 'vitest';
import { parseCsv, parseJson } from './birth-notification.parser';

describe('birth notification files', () => {
  it('reads CSV with a header, comma or semicolon, quotes, and Danish local times', () => {
    const csv = [
      'mother_cpr;child_cpr;birth_time;discharge_time;birthplace',
      '7403954018;8011264001;2026-11-20 14:32;2026-11-21 10:00;"Fødeafdelingen; Demo Hospital"',
      '',
      '7403954018;8011264012;2026-11-20T14:40:00+01:00;;',
    ].join('\r\n');
    const r = parseCsv(csv);
    expect(r.errors).toEqual([]);
    expect(r.lines).toBe(2);
    expect(r.rows[0]).toMatchObject({
      line: 2,
      motherCpr: '7403954018',
      birthTime: new Date('2026-11-20T13:32:00Z'),
      dischargeTime: new Date('2026-11-21T09:00:00Z'),
      birthplace: 'Fødeafdelingen; Demo Hospital',
    });
    expect(r.rows[1]).toMatchObject({ line: 4, dischargeTime: null, birthplace: null });
  });

  it('reports bad lines with their number and reason, keeping the good ones', () => {
    const csv = [
      'mother_cpr,child_cpr,birth_time,discharge_time,birthplace',
      '7403954018,8011264001,2026-11-20 14:32,,',
      '7403954018,311326-4001,2026-11-20 14:32,,',
      '123,8011264001,2026-11-20 14:32,,',
      '7403954018,8011264001,i går,,',
      '7403954018,8011264001,2026-11-20 14:32,efter frokost,',
    ].join('\n');
    const r = parseCsv(csv);
    expect(r.rows.map((x) => x.line)).toEqual([2]);
    expect(r.errors).toEqual([
      { line: 3, field: 'child_cpr', code: 'invalid_cpr', reason: 'invalid CPR number (date)' },
      { line: 4, field: 'mother_cpr', code: 'invalid_cpr', reason: 'invalid CPR number (format)' },
      { line: 5, field: 'birth_time', code: 'invalid_time', reason: expect.stringContaining('not a time') },
      { line: 6, field: 'discharge_time', code: 'invalid_time', reason: 'not a time' },
    ]);
  });

  it('refuses a CSV without the required header', () => {
    expect(parseCsv('a,b,c\n1,2,3').errors).toEqual([
      {
        line: 1,
        field: null,
        code: 'missing_columns',
        reason: 'header lacks mother_cpr, child_cpr, birth_time',
      },
    ]);
  });

  it('reads a JSON array and reports unknown fields and wrong types per entry', () => {
    const json = JSON.stringify([
      {
        motherCpr: '740395-4018',
        childCpr: '801126-4001',
        birthTime: '2026-11-20T14:32:00+01:00',
        birthplace: 'Hjemmefødsel',
      },
      { motherCpr: '7403954018', childCpr: '8011264002', birthTime: '2026-11-20 15:00', weight: '3500' },
      { motherCpr: 7403954018 },
    ]);
    const r = parseJson(json);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({
      line: 1,
      motherCpr: '7403954018',
      childCpr: '8011264001',
      birthplace: 'Hjemmefødsel',
    });
    expect(r.errors).toEqual([
      { line: 2, field: 'weight', code: 'unknown_field', reason: 'unknown field' },
      { line: 3, field: 'motherCpr', code: 'not_a_string', reason: 'must be a string' },
    ]);
    expect(parseJson('{').errors[0]?.reason).toBe('not valid JSON');
  });
});
