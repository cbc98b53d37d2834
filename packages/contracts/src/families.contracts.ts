import { careLevels, isoDate, parseCpr, stageKeys } from '@familiespor/domain';
import { z } from 'zod';
import { category } from './auth.contracts';
import { lineImportResult, uuid } from './common.contracts';

export const cpr = z
  .string()
  .trim()
  .refine((s) => parseCpr(s).ok, 'Not a valid CPR number (DDMMYY-SSSS)');
export const date = z.string().regex(isoDate, 'Use the date format YYYY-MM-DD');
const name = z.string().trim().min(1).max(100);
/** ISO 639-1 language code: the languages families speak are many more than the UI's three. */
export const spokenLanguage = z
  .string()
  .regex(/^[a-z]{2}$/, 'Use a two-letter language code (da, en, ar, …)');
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ]{8,16}$/, 'Use digits, e.g. +45 12 34 56 78');

const personBase = {
  givenName: name,
  familyName: name,
  preferredLanguage: spokenLanguage.default('da'),
  interpreterNeeded: z.boolean().default(false),
  phone: phone.nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  firstTimeParent: z.boolean(),
};

export const motherInput = z.strictObject({ ...personBase, cpr });
/** The partner — father or co-parent on equal footing; CPR optional, then the birth date is needed. */
export const partnerInput = z
  .strictObject({
    ...personBase,
    role: z.enum(['father', 'co_parent']),
    cpr: cpr.nullable().optional(),
    birthDate: date.nullable().optional(),
  })
  .refine((p) => Boolean(p.cpr) || Boolean(p.birthDate), {
    message: 'Give the CPR number or the birth date',
    path: ['birthDate'],
  });

export const addressInput = z.strictObject({
  street: z.string().trim().min(1).max(200),
  postcode: z.string().regex(/^\d{4}$/, 'A Danish postcode has four digits'),
  city: z.string().trim().min(1).max(100),
  municipalityCode: z.string().regex(/^\d{3}$/, 'A municipality code has three digits'),
});

export const registerPregnancyBody = z.strictObject({
  mother: motherInput,
  partner: partnerInput.nullable().optional(),
  dueDate: date,
  careLevel: z.union(
    careLevels.map((l) => z.literal(l)) as [
      z.ZodLiteral<1>,
      z.ZodLiteral<2>,
      z.ZodLiteral<3>,
      z.ZodLiteral<4>,
    ],
  ),
  address: addressInput,
  consent: z.strictObject({
    shareWithHealthVisiting: z.boolean(),
    capturedHow: z.enum(['verbal', 'paper']),
  }),
  duplicateOverrideReason: z.string().trim().min(5).max(500).optional(),
});
export type RegisterPregnancyBody = z.infer<typeof registerPregnancyBody>;

export const registerBirthBody = z.strictObject({
  pregnancyId: uuid.optional(),
  child: z.strictObject({
    cpr: cpr.nullable().optional(),
    givenName: name.nullable().optional(),
    familyName: name.nullable().optional(),
    sex: z.enum(['female', 'male']).nullable().optional(),
  }),
  birthTime: z.iso.datetime({ offset: true }),
  dischargeTime: z.iso.datetime({ offset: true }).nullable().optional(),
  birthplace: z.string().trim().max(200).nullable().optional(),
});
export type RegisterBirthBody = z.infer<typeof registerBirthBody>;

export const importBirthsBody = z.strictObject({
  format: z.enum(['csv', 'json']),
  content: z.string().min(1),
  filename: z.string().max(255).optional(),
});
export const importResult = lineImportResult.meta({ id: 'BirthImportResult' });
export type ImportResult = z.infer<typeof importResult>;

export const assignCoordinatorBody = z.strictObject({
  staffUserId: uuid,
  handoverNote: z.string().trim().min(10).max(4000).optional(),
});

const orgRef = z.object({ id: uuid, name: z.string() });
const staffRef = z.object({ id: uuid, name: z.string(), title: z.string().nullable(), organisation: orgRef });

export const familyMember = z.object({
  personId: uuid,
  role: z.enum(['mother', 'father', 'co_parent', 'child', 'other_caregiver']),
  givenName: z.string(),
  familyName: z.string(),
  cprMasked: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.enum(['female', 'male']).nullable(),
  preferredLanguage: z.string(),
  interpreterNeeded: z.boolean(),
  custody: z.boolean(),
  firstTimeParent: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const stage = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pregnancy'),
    key: z.enum(stageKeys),
    week: z.number(),
    day: z.number(),
    dueDate: z.string(),
  }),
  z.object({
    kind: z.literal('child'),
    key: z.enum(stageKeys),
    birthDate: z.string(),
    ageDays: z.number(),
    ageMonths: z.number(),
  }),
  z.object({ kind: z.literal('none') }),
]);

export const coordinator = z.object({
  assignmentId: uuid,
  staff: staffRef,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  handoverNote: z.string().nullable(),
  assignedByName: z.string().nullable(),
});

export const familyDetail = z
  .object({
    id: uuid,
    organisation: orgRef,
    district: z.object({ id: uuid, name: z.string() }).nullable(),
    address: z
      .object({ street: z.string().nullable(), postcode: z.string().nullable(), city: z.string().nullable() })
      .nullable(),
    members: z.array(familyMember),
    pregnancies: z.array(
      z.object({
        id: uuid,
        organisation: orgRef,
        dueDate: z.string(),
        careLevel: z.number().int(),
        firstChild: z.boolean(),
        status: z.enum(['active', 'born', 'ended']),
        registeredAt: z.string(),
      }),
    ),
    births: z.array(
      z.object({
        id: uuid,
        childPersonId: uuid,
        birthTime: z.string(),
        dischargeTime: z.string().nullable(),
        birthplace: z.string().nullable(),
      }),
    ),
    coordinator: coordinator.nullable(),
    coordinatorHistory: z.array(coordinator),
    involvements: z.array(
      z.object({
        organisation: orgRef,
        unit: z.object({ id: uuid, name: z.string() }).nullable(),
        kind: z.string(),
        since: z.string(),
      }),
    ),
    stage,
    /** Sections the caller may not see are left out, and named here. */
    hidden: z.array(category),
  })
  .meta({ id: 'FamilyDetail' });
export type FamilyDetail = z.infer<typeof familyDetail>;

export const timelineStatuses = ['done', 'upcoming', 'due', 'overdue', 'cancelled'] as const;
export const timelineEntry = z
  .object({
    id: z.string(),
    kind: z
      .string()
      .describe('What happened or will happen, e.g. pregnancy_week_16, birth, visit; the UI translates it'),
    date: z.string().nullable(),
    window: z.object({ start: z.string(), end: z.string() }).nullable(),
    organisation: orgRef,
    category,
    status: z.enum(timelineStatuses),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  })
  .meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const timelineQuery = z.strictObject({
  from: date.optional(),
  to: date.optional(),
});

export const familyTimeline = z
  .object({ familyId: uuid, stage, entries: z.array(timelineEntry) })
  .meta({ id: 'FamilyTimeline' });

export const teamMember = z.object({
  role: z.enum([
    'coordinator',
    'health_visiting',
    'midwifery',
    'family_counselling',
    'social_services',
    'daycare',
    'other',
  ]),
  name: z.string().nullable(),
  title: z.string().nullable(),
  organisation: orgRef,
  unit: z.object({ id: uuid, name: z.string() }).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export const myTimeline = z
  .object({
    familyId: uuid,
    stage,
    entries: z.array(timelineEntry),
    team: z.array(teamMember),
    children: z.array(z.object({ givenName: z.string(), birthDate: z.string().nullable() })),
    /** The family's parents, so a parent can sign the other one up too. */
    parents: z.array(z.object({ personId: uuid, name: z.string(), role: z.string() })),
  })
  .meta({ id: 'MyTimeline' });

export const familySummary = z
  .object({
    id: uuid,
    organisation: orgRef,
    district: z.object({ id: uuid, name: z.string() }).nullable(),
    parents: z.array(
      z.object({ personId: uuid, role: z.string(), name: z.string(), cprMasked: z.string().nullable() }),
    ),
    children: z.array(z.object({ personId: uuid, name: z.string(), birthDate: z.string().nullable() })),
    stage,
    coordinator: z.object({ id: uuid, name: z.string() }).nullable(),
    coordinatorSince: z.string().nullable(),
  })
  .meta({ id: 'FamilySummary' });
export type FamilySummary = z.infer<typeof familySummary>;

export const searchFamiliesQuery = z
  .strictObject({
    cpr: cpr.optional(),
    name: z.string().trim().min(2).max(100).optional(),
    childBirthDate: date.optional(),
  })
  .refine(
    (q) => Boolean(q.cpr || q.name || q.childBirthDate),
    'Search by CPR, name or the child’s birth date',
  );

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const familyPage = z.object({ total: z.number().int(), items: z.array(familySummary) });

export const revealedCpr = z.object({ personId: uuid, cpr: z.string() });

export const coordinatorCandidate = z.object({
  id: uuid,
  name: z.string(),
  title: z.string().nullable(),
  organisation: orgRef,
  roles: z.array(z.string()),
  inDistrict: z.boolean(),
});
