import type { CreateConcernReportInput } from './concern.api';

export const concernFields = [
  'subject',
  'unborn',
  'name',
  'cpr',
  'birthDate',
  'dueDate',
  'address',
  'municipalityOrgId',
  'worry',
  'observations',
  'parentsInformed',
  'urgency',
  'phone',
  'email',
] as const;
export type ConcernField = (typeof concernFields)[number];

export type ConcernFormValues = {
  /** With a family: "child:<personId>" or "pregnancy:<pregnancyId>". */
  subject: string;
  unborn: 'child' | 'unborn';
  name: string;
  cpr: string;
  birthDate: string;
  dueDate: string;
  address: string;
  municipalityOrgId: string;
  worry: string;
  observations: string;
  parentsInformed: '' | 'yes' | 'no' | 'unknown';
  urgency: '' | 'acute' | 'urgent' | 'normal';
  phone: string;
  email: string;
};

export const emptyConcernForm: ConcernFormValues = {
  subject: '',
  unborn: 'child',
  name: '',
  cpr: '',
  birthDate: '',
  dueDate: '',
  address: '',
  municipalityOrgId: '',
  worry: '',
  observations: '',
  parentsInformed: '',
  urgency: '',
  phone: '',
  email: '',
};

export const concernErrorCodes = [
  'required',
  'too_small',
  'invalid',
  'invalid_reference',
  'contact_required',
  'subject',
] as const;
export type ConcernErrorCode = (typeof concernErrorCodes)[number];
export type ConcernFormErrors = Partial<Record<ConcernField, ConcernErrorCode>>;

/**
 * The form's own checks, the same the server makes (it checks again): who the report is about,
 * what worries the sender, and how the caseworker reaches them. Returns the body or the errors.
 */
export function concernBody(
  v: ConcernFormValues,
  familyId: string | null,
): { body: CreateConcernReportInput } | { errors: ConcernFormErrors } {
  const errors: ConcernFormErrors = {};
  const need = (f: ConcernField, value: string) => {
    if (value.trim() === '') errors[f] = 'required';
  };
  if (familyId) need('subject', v.subject);
  else {
    need('name', v.name);
    need('address', v.address);
    need('municipalityOrgId', v.municipalityOrgId);
    if (v.cpr.trim() && !/^\d{6}-?\d{4}$/.test(v.cpr.trim())) errors.cpr = 'invalid';
  }
  for (const f of ['worry', 'observations'] as const) {
    if (v[f].trim() === '') errors[f] = 'required';
    else if (v[f].trim().length < 10) errors[f] = 'too_small';
  }
  need('parentsInformed', v.parentsInformed);
  need('urgency', v.urgency);
  if (!v.phone.trim() && !v.email.trim()) errors.phone = 'contact_required';
  if (v.phone.trim() && !/^\+?[0-9 ]{8,16}$/.test(v.phone.trim())) errors.phone = 'invalid';
  if (v.email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.email.trim())) errors.email = 'invalid';
  if (Object.keys(errors).length > 0) return { errors };

  const [kind, id] = v.subject.split(':');
  const subject: Partial<CreateConcernReportInput> = familyId
    ? kind === 'pregnancy'
      ? { familyId, pregnancyId: id }
      : { familyId, childPersonId: id }
    : {
        unregistered: {
          unborn: v.unborn === 'unborn',
          name: v.name.trim(),
          address: v.address.trim(),
          municipalityOrgId: v.municipalityOrgId,
          ...(v.cpr.trim() ? { cpr: v.cpr.trim() } : {}),
          ...(v.unborn === 'child' && v.birthDate ? { birthDate: v.birthDate } : {}),
          ...(v.unborn === 'unborn' && v.dueDate ? { dueDate: v.dueDate } : {}),
        },
      };
  return {
    body: {
      ...subject,
      worry: v.worry.trim(),
      observations: v.observations.trim(),
      parentsInformed: v.parentsInformed as 'yes' | 'no' | 'unknown',
      urgency: v.urgency as 'acute' | 'urgent' | 'normal',
      senderContact: {
        ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
        ...(v.email.trim() ? { email: v.email.trim() } : {}),
      },
    },
  };
}

/** Where a server error path lands in the form. */
export function concernFieldOfPath(path: string): ConcernField | null {
  if (path === 'subject' || path === 'familyId' || path === 'childPersonId' || path === 'pregnancyId')
    return 'subject';
  if (path.startsWith('senderContact.')) return path.endsWith('email') ? 'email' : 'phone';
  const inner = path.startsWith('unregistered.') ? path.slice('unregistered.'.length) : path;
  return (concernFields as readonly string[]).includes(inner) ? (inner as ConcernField) : null;
}
