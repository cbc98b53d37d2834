import { describe, expect, it } from 'vitest';
import type { VisitProgramme } from '../../api/api.types';
import { keyFromName, programmeFieldOfPath, programmeForm, programmeRequest } from './programme-form';

const programme: VisitProgramme = {
  organisation: { id: '00000000-0000-4000-8000-000000000001', name: 'Demo Kommune' },
  visitTypes: [
    {
      key: 'week_1',
      name: 'Inden for 1. uge',
      window: { from: 'birth', startDays: 3, endDays: 7 },
      target: 'all',
      kind: 'statutory',
    },
    {
      key: 'months_2',
      name: '2 måneder',
      window: { from: 'birth_months', startMonths: 2, endMonths: 2 },
      target: 'all',
      kind: 'statutory',
    },
    {
      key: 'pregnancy',
      name: 'Graviditetsbesøg',
      window: { from: 'pregnancy_week', startWeek: 28, endWeek: 32 },
      target: 'first_time_or_care_level_2_plus',
      kind: 'extended',
    },
  ],
  epdsCutoffs: { mother: 11, father: 10 },
  isDefault: true,
  updatedAt: null,
};

describe('the visit programme form', () => {
  it('round-trips the programme through the form', () => {
    const r = programmeRequest(programmeForm(programme));
    expect(r).toEqual({
      ok: true,
      body: { visitTypes: programme.visitTypes, epdsCutoffs: { mother: 11, father: 10 } },
    });
  });

  it('refuses missing names, non-numbers and cut-offs outside 1–30', () => {
    const v = programmeForm(programme);
    const [first, ...rest] = v.rows;
    if (first) v.rows = [{ ...first, name: ' ', end: 'en uge' }, ...rest];
    const r = programmeRequest({ ...v, epdsFather: '31' });
    expect(r.ok || r.errors).toEqual([
      { field: 'visit-type-0-name', code: 'required' },
      { field: 'visit-type-0-end', code: 'not_a_number' },
      { field: 'epds-father', code: 'cutoff_range' },
    ]);
  });

  it('makes a unique key from a Danish name', () => {
    expect(keyFromName('Ekstra besøg ved 5 måneder', [])).toBe('ekstra_besoeg_ved_5_maaneder');
    expect(keyFromName('2 måneder', ['2_maaneder'])).toBe('2_maaneder_2');
  });

  it('puts the server errors on the row', () => {
    expect(programmeFieldOfPath('visitTypes.2.window')).toBe('visit-type-2-start');
    expect(programmeFieldOfPath('visitTypes.1.window.endMonths')).toBe('visit-type-1-end');
    expect(programmeFieldOfPath('visitTypes.0.key')).toBe('visit-type-0-name');
    expect(programmeFieldOfPath('epdsCutoffs.mother')).toBe('epds-mother');
    expect(programmeFieldOfPath('other')).toBeNull();
  });
});
