import { describe, expect, it } from 'vitest';
import { formatOf, importReasonCodes, importReasonOf } from './import-reasons';

describe('the import’s reasons', () => {
  it('are translated by their stable code, whatever the English text says', () => {
    expect(importReasonOf({ code: 'unknown_mother', reason: 'anything' })).toEqual({
      key: 'noPregnancy',
      detail: '',
    });
    expect(importReasonOf({ code: 'birth_in_future', reason: '' })?.key).toBe('inFuture');
    expect(importReasonOf({ code: 'discharge_before_birth', reason: '' })?.key).toBe('dischargeBeforeBirth');
    expect(importReasonOf({ code: 'no_access', reason: '' })?.key).toBe('noAccess');
    expect(importReasonOf({ code: 'already_registered', reason: '' })?.key).toBe('alreadyRegistered');
    expect(importReasonOf({ code: 'invalid_time', reason: 'not a time' })?.key).toBe('notATime');
  });

  it('know every code the API documents', () => {
    for (const code of importReasonCodes) expect(importReasonOf({ code, reason: '' }), code).not.toBeNull();
    expect(importReasonCodes).toHaveLength(19);
  });

  it('say which part of a CPR number is wrong when the reason names it, else the general text', () => {
    expect(importReasonOf({ code: 'invalid_cpr', reason: 'invalid CPR number (format)' })?.key).toBe(
      'cprFormat',
    );
    expect(importReasonOf({ code: 'invalid_cpr', reason: 'invalid CPR number (date)' })?.key).toBe('cprDate');
    expect(importReasonOf({ code: 'invalid_cpr', reason: 'invalid CPR number (century)' })?.key).toBe(
      'cprCentury',
    );
    expect(importReasonOf({ code: 'invalid_cpr', reason: 'Ugyldigt CPR-nummer' })?.key).toBe('cpr');
  });

  it('carry the missing columns when the reason lists them', () => {
    expect(
      importReasonOf({ code: 'missing_columns', reason: 'header lacks mother_cpr, birth_time' }),
    ).toEqual({
      key: 'headerLacks',
      detail: 'mother_cpr, birth_time',
    });
    expect(importReasonOf({ code: 'missing_columns', reason: 'columns are missing' })?.key).toBe(
      'headerLacksUnnamed',
    );
  });

  it('are left as sent when the code is unknown', () => {
    expect(importReasonOf({ code: 'something_new', reason: 'something new' })).toBeNull();
  });
});

describe('the file format', () => {
  it('follows the file name: .json is JSON, anything else CSV', () => {
    expect(formatOf('foedsler.JSON')).toBe('json');
    expect(formatOf('foedsler.csv')).toBe('csv');
    expect(formatOf('foedsler.txt')).toBe('csv');
  });
});
