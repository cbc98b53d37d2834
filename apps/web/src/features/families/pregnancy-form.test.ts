import { registerPregnancyBody } from '@familiespor/contracts';
import { describe, expect, it } from 'vitest';
import {
  emptyPregnancyForm,
  type PregnancyFormValues,
  pregnancyFormSchema,
  toRegistration,
} from './pregnancy-form';

const filled: PregnancyFormValues = {
  ...emptyPregnancyForm,
  mother: {
    ...emptyPregnancyForm.mother,
    cpr: '740395-4018',
    givenName: 'Amira',
    familyName: 'Hansen',
    firstTimeParent: 'yes',
  },
  hasPartner: 'no',
  dueDate: '2027-03-15',
  careLevel: '2',
  address: { street: 'Skolevej 4', postcode: '9991', city: 'Demoby', municipalityCode: '999' },
  consent: { shareWithHealthVisiting: 'yes', capturedHow: 'verbal' },
};
const paths = (values: unknown) => {
  const r = pregnancyFormSchema.safeParse(values);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.code}`);
};

describe('the pregnancy form', () => {
  it('asks for every required answer when nothing is filled in, but not for the partner before it is chosen', () => {
    expect(paths(emptyPregnancyForm)).toEqual([
      'mother.givenName:too_small',
      'mother.familyName:too_small',
      'mother.firstTimeParent:invalid_value',
      'mother.cpr:custom',
      'hasPartner:invalid_value',
      'dueDate:invalid_format',
      'careLevel:invalid_value',
      'address.street:too_small',
      'address.postcode:invalid_format',
      'address.city:too_small',
      'address.municipalityCode:invalid_format',
      'consent.shareWithHealthVisiting:invalid_value',
      'consent.capturedHow:invalid_value',
    ]);
  });

  it('checks the partner when there is one: CPR or birth date, names, role', () => {
    const withPartner = { ...filled, hasPartner: 'yes' as const };
    expect(paths(withPartner)).toEqual([
      'partner.givenName:too_small',
      'partner.familyName:too_small',
      'partner.firstTimeParent:invalid_value',
      'partner.role:invalid_value',
      'partner.cpr:custom',
    ]);
    const byBirthDate = {
      ...withPartner,
      partner: { ...withPartner.partner, identifyBy: 'birthDate' as const, birthDate: '' },
    };
    expect(paths(byBirthDate)).toContain('partner.birthDate:invalid_format');
  });

  it('builds a body the contract accepts, with the partner on equal footing', () => {
    const values: PregnancyFormValues = {
      ...filled,
      hasPartner: 'yes',
      mother: {
        ...filled.mother,
        phone: ' +45 22 33 44 55 ',
        preferredLanguage: 'ar',
        interpreterNeeded: true,
      },
      partner: {
        ...filled.partner,
        role: 'co_parent',
        identifyBy: 'birthDate',
        cpr: '820993-1013',
        birthDate: '1993-09-22',
        givenName: 'Sara',
        familyName: 'Hansen',
        firstTimeParent: 'no',
      },
    };
    expect(paths(values)).toEqual([]);
    const body = toRegistration(values);
    expect(registerPregnancyBody.safeParse(body).success).toBe(true);
    expect(body.mother).toMatchObject({
      phone: '+45 22 33 44 55',
      email: null,
      preferredLanguage: 'ar',
      interpreterNeeded: true,
    });
    expect(body.partner).toMatchObject({
      role: 'co_parent',
      cpr: null,
      birthDate: '1993-09-22',
      firstTimeParent: false,
    });
    expect(body).toMatchObject({
      careLevel: 2,
      consent: { shareWithHealthVisiting: true, capturedHow: 'verbal' },
    });
    expect(body).not.toHaveProperty('duplicateOverrideReason');
  });

  it('leaves the partner out when there is none, and carries a confirmed duplicate’s reason', () => {
    const body = toRegistration(filled, '  Tjekket med moren: en anden person  ');
    expect(body.partner).toBeNull();
    expect(body.duplicateOverrideReason).toBe('Tjekket med moren: en anden person');
    expect(registerPregnancyBody.safeParse(body).success).toBe(true);
  });
});
