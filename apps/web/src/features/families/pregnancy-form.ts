import { addressInput, cpr, date, motherInput, registerPregnancyBody } from '@familiespor/contracts';
import { z } from 'zod';
import type { RegisterPregnancyInput } from '../../api/api.types';

/**
 * The pregnancy form's values and rules. Inputs hold text, so the contract's rules are used
 * field by field with the form's empty values allowed where the contract allows "not given";
 * `toRegistration` then builds the contract's body.
 */
const phone = z.union([z.literal(''), motherInput.shape.phone.unwrap().unwrap()]);
const email = z.union([z.literal(''), z.string().trim().pipe(z.email().max(254))]);
const yesNo = z.enum(['yes', 'no']);

const person = {
  givenName: motherInput.shape.givenName,
  familyName: motherInput.shape.familyName,
  preferredLanguage: z.string(),
  interpreterNeeded: z.boolean(),
  phone,
  email,
  firstTimeParent: yesNo,
};

const partnerSchema = z
  .object({
    ...person,
    role: z.enum(['father', 'co_parent']),
    identifyBy: z.enum(['cpr', 'birthDate']),
    cpr: z.string(),
    birthDate: z.string(),
  })
  .superRefine(
    (p, ctx) => {
      // CPR or birth date: a partner without a Danish CPR number is registered by birth date.
      const by = p.identifyBy === 'birthDate' ? 'birthDate' : 'cpr';
      const r = (by === 'cpr' ? cpr : date).safeParse(p[by]);
      if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: [by] });
    },
    // Run also when another field is wrong, so every error shows at once.
    { when: () => true },
  );

/** Values as the inputs hold them; the partner's fields count only when there is a partner. */
const valuesShape = z.object({
  mother: z.object({ ...person, cpr }),
  hasPartner: yesNo,
  // Checked below, and only when there is a partner.
  partner: z.looseObject({}),
  dueDate: date,
  careLevel: z.enum(['1', '2', '3', '4']),
  address: addressInput,
  consent: z.object({ shareWithHealthVisiting: yesNo, capturedHow: z.enum(['verbal', 'paper']) }),
});

export const pregnancyFormSchema = valuesShape.superRefine(
  (v, ctx) => {
    if (v.hasPartner !== 'yes') return;
    const r = partnerSchema.safeParse(v.partner);
    if (!r.success)
      for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: ['partner', ...issue.path] });
  },
  { when: () => true },
);

type Person = {
  givenName: string;
  familyName: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  phone: string;
  email: string;
  firstTimeParent: '' | 'yes' | 'no';
};
/** What the form holds; '' is "not answered yet". */
export type PregnancyFormValues = {
  mother: Person & { cpr: string };
  hasPartner: '' | 'yes' | 'no';
  partner: Person & {
    role: '' | 'father' | 'co_parent';
    identifyBy: 'cpr' | 'birthDate';
    cpr: string;
    birthDate: string;
  };
  dueDate: string;
  careLevel: '' | '1' | '2' | '3' | '4';
  address: { street: string; postcode: string; city: string; municipalityCode: string };
  consent: { shareWithHealthVisiting: '' | 'yes' | 'no'; capturedHow: '' | 'verbal' | 'paper' };
};

const emptyPerson: Person = {
  givenName: '',
  familyName: '',
  preferredLanguage: 'da',
  interpreterNeeded: false,
  phone: '',
  email: '',
  firstTimeParent: '',
};

export const emptyPregnancyForm: PregnancyFormValues = {
  mother: { ...emptyPerson, cpr: '' },
  hasPartner: '',
  partner: { ...emptyPerson, role: '', identifyBy: 'cpr', cpr: '', birthDate: '' },
  dueDate: '',
  careLevel: '',
  address: { street: '', postcode: '', city: '', municipalityCode: '' },
  consent: { shareWithHealthVisiting: '', capturedHow: '' },
};

const personBody = (p: Person) => ({
  givenName: p.givenName.trim(),
  familyName: p.familyName.trim(),
  preferredLanguage: p.preferredLanguage,
  interpreterNeeded: p.interpreterNeeded,
  phone: p.phone.trim() || null,
  email: p.email.trim() || null,
  firstTimeParent: p.firstTimeParent === 'yes',
});

/** The contract's body from validated values (and the reason, when a possible duplicate was confirmed). */
export function toRegistration(
  v: PregnancyFormValues,
  duplicateOverrideReason?: string,
): RegisterPregnancyInput {
  const partner = v.partner;
  return {
    mother: { ...personBody(v.mother), cpr: v.mother.cpr.trim() },
    partner:
      v.hasPartner === 'yes'
        ? {
            ...personBody(partner),
            role: partner.role === 'co_parent' ? 'co_parent' : 'father',
            ...(partner.identifyBy === 'cpr'
              ? { cpr: partner.cpr.trim(), birthDate: null }
              : { cpr: null, birthDate: partner.birthDate }),
          }
        : null,
    dueDate: v.dueDate,
    careLevel: Number(v.careLevel) as 1 | 2 | 3 | 4,
    address: {
      street: v.address.street.trim(),
      postcode: v.address.postcode.trim(),
      city: v.address.city.trim(),
      municipalityCode: v.address.municipalityCode.trim(),
    },
    consent: {
      shareWithHealthVisiting: v.consent.shareWithHealthVisiting === 'yes',
      capturedHow: v.consent.capturedHow === 'paper' ? 'paper' : 'verbal',
    },
    ...(duplicateOverrideReason ? { duplicateOverrideReason: duplicateOverrideReason.trim() } : {}),
  };
}

/** The rule for the reason a midwife gives when a possible duplicate is another person. */
export const duplicateReason = registerPregnancyBody.shape.duplicateOverrideReason.unwrap();

/** Languages families in Denmark often speak (ISO 639-1); each is named in the reader's language. */
export const spokenLanguages = [
  'da',
  'en',
  'ar',
  'so',
  'tr',
  'ur',
  'fa',
  'ps',
  'ku',
  'ti',
  'am',
  'uk',
  'pl',
  'ro',
  'lt',
  'bg',
  'sq',
  'bs',
  'de',
  'es',
  'fr',
  'ru',
  'vi',
  'th',
  'tl',
  'ta',
  'zh',
] as const;
