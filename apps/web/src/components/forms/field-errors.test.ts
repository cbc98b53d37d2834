import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api.client';
import {
  applyProblemToForm,
  fieldErrorList,
  fieldOfPath,
  problemFieldErrors,
  summaryEntries,
} from './field-errors';

describe('server field errors on the form', () => {
  it('find their field: itself, the longest field they lie under, or an alias', () => {
    expect(fieldOfPath('unitIds.0', ['name', 'unitIds'])).toBe('unitIds');
    expect(fieldOfPath('mother.cpr', ['mother', 'mother.cpr'])).toBe('mother.cpr');
    expect(fieldOfPath('address.municipalityCode', ['address.street', 'address.municipalityCode'])).toBe(
      'address.municipalityCode',
    );
    expect(fieldOfPath('mother', ['mother.cpr'])).toBeNull();
    expect(fieldOfPath('birthTime', ['birthDate'], { birthTime: 'birthDate' })).toBe('birthDate');
    expect(fieldOfPath('unknown', ['name'])).toBeNull();
  });

  it('are all placed, or the caller is told something is left over', () => {
    const set: string[] = [];
    const setError = ((name: string, e: { type: string }) => set.push(`${name}:${e.type}`)) as never;
    const problem = (paths: string[]) => ({
      type: 'x',
      title: 'x',
      status: 400,
      code: 'validation' as const,
      requestId: 'r',
      errors: paths.map((path) => ({ path, code: 'invalid', message: 'm' })),
    });
    expect(applyProblemToForm(problem(['dueDate', 'mother.cpr']), ['dueDate', 'mother.cpr'], setError)).toBe(
      true,
    );
    expect(set).toEqual(['dueDate:invalid', 'mother.cpr:invalid']);
    expect(applyProblemToForm(problem(['dueDate', 'somethingElse']), ['dueDate'], setError)).toBe(false);
    expect(applyProblemToForm(null, ['dueDate'], setError)).toBe(false);
  });

  it('list nested errors in the summary in the order of the form', () => {
    const t = ((keys: string[]) => keys[0]) as unknown as TFunction;
    const entries = summaryEntries(
      t,
      { dueDate: { type: 'required' }, mother: { cpr: { type: 'custom' } } } as never,
      [
        { name: 'mother.cpr', id: 'mother-cpr' },
        { name: 'dueDate', id: 'due-date' },
      ] as never,
    );
    expect(entries).toEqual([
      { id: 'mother-cpr', text: 'fieldErrors.mother.cpr.custom' },
      { id: 'due-date', text: 'fieldErrors.dueDate.required' },
    ]);
  });

  it('of a failed request land on the fields; the general alert is wanted only for what is left', () => {
    const failed = (paths: string[]) =>
      new ApiError(400, {
        type: 'x',
        title: 'x',
        status: 400,
        code: 'validation',
        requestId: 'r',
        errors: paths.map((path) => ({ path, code: 'too_small', message: 'm' })),
      });
    const fieldOf = (path: string) => (path === 'date' || path === 'time' ? path : null);
    expect(problemFieldErrors(failed(['date']), fieldOf)).toEqual({
      placed: [{ field: 'date', code: 'too_small' }],
      unplaced: false,
    });
    expect(problemFieldErrors(failed(['date', 'body']), fieldOf).unplaced).toBe(true);
    expect(problemFieldErrors(failed([]), fieldOf)).toEqual({ placed: [], unplaced: true });
    expect(problemFieldErrors(new TypeError('offline'), fieldOf)).toEqual({ placed: [], unplaced: true });
  });

  it('kept as a list read per field, and the summary follows the form, not the list', () => {
    const t = ((keys: string[]) => keys[0]) as unknown as TFunction;
    const { err, entries } = fieldErrorList(
      t,
      [
        { field: 'place', code: 'required' },
        { field: 'date', code: 'too_small' },
      ],
      'booking',
      ['date', 'time', 'place'],
      (f) => `b-${f}`,
    );
    expect(err('time')).toBeUndefined();
    expect(err('place')).toBe('fieldErrors.booking.place.required');
    expect(entries).toEqual([
      { id: 'b-date', text: 'fieldErrors.booking.date.too_small' },
      { id: 'b-place', text: 'fieldErrors.booking.place.required' },
    ]);
  });
});
