import { fivThemes } from '@familiespor/domain';
import { z } from 'zod';
import { uuid } from './common.contracts';
import { date, spokenLanguage } from './families.contracts';

export const offerKinds = [
  'course',
  'group',
  'home_visits',
  'counselling',
  'open_counselling',
  'event',
] as const;
export const offerLevels = ['universal', 'extended', 'targeted', 'specialised'] as const;

const range = (max: number) =>
  z
    .strictObject({ from: z.number().int().min(0).max(max), to: z.number().int().min(0).max(max) })
    .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['to'] });

export const eligibilityRules = z.strictObject({
  firstTimeParentsOnly: z.boolean().optional(),
  pregnancyWeeks: range(42).optional(),
  childAgeMonths: range(36).optional(),
  municipalityIds: z.array(uuid).max(100).optional(),
  languages: z.array(spokenLanguage).max(20).optional(),
  referralOnly: z.boolean().optional(),
});

const sessionOffset = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('due_date'), days: z.number().int().min(-280).max(0) }),
  z.strictObject({
    from: z.literal('birth'),
    months: z.number().int().min(0).max(48),
    days: z.number().int().min(0).max(60),
  }),
]);
export const templateSession = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/),
  title: z.string().trim().min(1).max(200),
  theme: z.enum(fivThemes),
  offset: sessionOffset,
});

export const siteInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().min(1).max(300),
  maxCohorts: z.number().int().min(0).max(200).default(4),
  languages: z.array(spokenLanguage).min(1).max(10).default(['da']),
});

const offerFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  kind: z.enum(offerKinds),
  level: z.enum(offerLevels),
  municipalityIds: z.array(uuid).max(100).optional(),
  eligibility: eligibilityRules.default({}),
  capacity: z.number().int().min(1).max(10_000).nullable().default(null),
  languages: z.array(spokenLanguage).min(1).max(20).default(['da']),
  legalBasis: z.string().trim().min(3).max(500),
  referralOnly: z.boolean().default(false),
  fiv: z.boolean().default(false),
  schedule: z.string().trim().max(500).nullable().default(null),
};

export const createOfferBody = z.strictObject({
  ...offerFields,
  sites: z.array(siteInput).max(50).default([]),
  /** A course's sessions; a Familieiværksætterne course without them gets the standard 16. */
  template: z.array(templateSession).max(40).optional(),
});
export const updateOfferBody = z
  .strictObject({
    name: offerFields.name.optional(),
    description: z.string().trim().max(4000).optional(),
    eligibility: eligibilityRules.optional(),
    capacity: z.number().int().min(1).max(10_000).nullable().optional(),
    languages: z.array(spokenLanguage).min(1).max(20).optional(),
    legalBasis: offerFields.legalBasis.optional(),
    schedule: z.string().trim().max(500).nullable().optional(),
    active: z.boolean().optional(),
    template: z.array(templateSession).max(40).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const offer = z
  .object({
    id: uuid,
    organisation: z.object({ id: uuid, name: z.string() }),
    name: z.string(),
    description: z.string(),
    kind: z.enum(offerKinds),
    level: z.enum(offerLevels),
    municipalityIds: z.array(uuid),
    eligibility: eligibilityRules,
    capacity: z.number().nullable(),
    languages: z.array(z.string()),
    legalBasis: z.string(),
    referralOnly: z.boolean(),
    fiv: z.boolean(),
    schedule: z.string().nullable(),
    active: z.boolean(),
    sites: z.array(
      z.object({
        id: uuid,
        name: z.string(),
        address: z.string(),
        maxCohorts: z.number(),
        languages: z.array(z.string()),
      }),
    ),
    template: z.array(templateSession).nullable(),
    enrolled: z.number().int(),
    waitlisted: z.number().int(),
  })
  .meta({ id: 'Offer' });
export type Offer = z.infer<typeof offer>;

export const ruleNames = [
  'first_time_parents',
  'pregnancy_weeks',
  'child_age',
  'municipality',
  'language',
  'referral',
] as const;
export const eligibilityResult = z
  .object({
    offerId: uuid,
    familyId: uuid,
    now: z.boolean(),
    soon: z.boolean(),
    window: z.object({ from: z.string(), to: z.string() }).nullable(),
    rules: z.array(
      z.object({
        rule: z.enum(ruleNames),
        ok: z.boolean(),
        window: z.object({ from: z.string(), to: z.string() }).optional(),
      }),
    ),
    enrollment: z.object({ id: uuid, status: z.string() }).nullable(),
  })
  .meta({ id: 'Eligibility' });

export const listOffersQuery = z.strictObject({
  familyId: uuid.optional(),
  includeInactive: z.stringbool().default(false),
});
export const offerForFamily = offer.extend({
  eligibility: eligibilityRules,
  forFamily: eligibilityResult.nullable(),
});

export const enrollBody = z.strictObject({
  /** Staff name the family; a parent signs up their own. */
  familyId: uuid.optional(),
  /** Which parents take part: both, or one of them. */
  participantIds: z.array(uuid).min(1).max(4),
  /** A professional's referral: satisfies referral-only offers and goes first on the waitlist. */
  referralReason: z.string().trim().min(5).max(2000).optional(),
  targeted: z.boolean().optional(),
});

export const enrollmentStatuses = [
  'invited',
  'waitlisted',
  'enrolled',
  'declined',
  'dropped_out',
  'completed',
] as const;
export const enrollment = z
  .object({
    id: uuid,
    offerId: uuid,
    offerName: z.string(),
    familyId: uuid,
    status: z.enum(enrollmentStatuses),
    priority: z.enum(['referred', 'targeted', 'standard']),
    waitlistPosition: z.number().int().nullable(),
    participants: z.array(z.object({ personId: uuid, name: z.string() })),
    cohortId: uuid.nullable(),
    signedUpAt: z.string(),
    enrolledAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    endReason: z.string().nullable(),
  })
  .meta({ id: 'Enrollment' });
export type Enrollment = z.infer<typeof enrollment>;

export const withdrawBody = z.strictObject({
  /** declined: before the course; dropped_out: after it has begun. */
  status: z.enum(['declined', 'dropped_out']),
  reason: z.string().trim().min(3).max(2000),
});

export const planCohortsBody = z
  .strictObject({ offerId: uuid, dueFrom: date, dueTo: date })
  .refine((b) => b.dueFrom <= b.dueTo, { message: 'dueFrom must not be after dueTo', path: ['dueTo'] });

const plannedFamily = z.object({
  enrollmentId: uuid,
  familyId: uuid,
  names: z.string(),
  dueDate: z.string(),
  language: z.string(),
});
export const cohortPlan = z
  .object({
    offerId: uuid,
    cohorts: z.array(
      z.object({
        siteId: uuid,
        siteName: z.string(),
        language: z.string(),
        dueFrom: z.string(),
        dueTo: z.string(),
        spreadDays: z.number().int(),
        families: z.array(plannedFamily),
      }),
    ),
    unassigned: z.array(plannedFamily.extend({ reason: z.enum(['no_capacity', 'no_site', 'no_due_date']) })),
    stats: z.object({
      cohorts: z.number(),
      couples: z.number(),
      medianSpread: z.number(),
      maxSpread: z.number(),
      fillRate: z.number(),
    }),
  })
  .meta({ id: 'CohortPlan' });

export const guestPresenter = z.strictObject({
  name: z.string().trim().min(1).max(200),
  organisation: z.string().trim().min(1).max(200),
  topic: z.string().trim().min(1).max(300),
  sessionNumber: z.number().int().min(1).max(40),
});

export const confirmCohortPlanBody = z.strictObject({
  offerId: uuid,
  cohorts: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(200),
        siteId: uuid,
        language: spokenLanguage,
        enrollmentIds: z.array(uuid).min(1).max(10),
        facilitatorUserId: uuid,
        /** Local time the sessions start (Europe/Copenhagen) and how long they last. */
        startTime: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
          .default('17:00'),
        /** The weekday the cohort meets (1 Monday … 5 Friday); each session moves to it. */
        weekday: z.number().int().min(1).max(5).default(2),
        durationMinutes: z.number().int().min(30).max(300).default(120),
        room: z.string().trim().max(200).optional(),
        guestPresenters: z.array(guestPresenter).max(40).default([]),
      }),
    )
    .min(1)
    .max(200),
});

export const courseSession = z
  .object({
    id: uuid,
    offer: z.object({ id: uuid, name: z.string() }),
    cohort: z.object({ id: uuid, name: z.string() }).nullable(),
    number: z.number().int(),
    title: z.string(),
    theme: z.string().nullable(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string(),
    facilitator: z.object({ id: uuid, name: z.string() }).nullable(),
    guestPresenters: z.array(z.object({ name: z.string(), organisation: z.string(), topic: z.string() })),
    status: z.enum(['planned', 'held', 'cancelled']),
    /** For the facilitator: each parent of each family, checked in or not. */
    participants: z
      .array(
        z.object({
          personId: uuid,
          familyId: uuid,
          name: z.string(),
          role: z.string(),
          present: z.boolean().nullable(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'CourseSession' });

export const confirmedCohorts = z.object({
  cohorts: z.array(z.object({ id: uuid, name: z.string(), sessions: z.array(courseSession) })),
});

export const listSessionsQuery = z.strictObject({
  cohortId: uuid.optional(),
  from: date.optional(),
  to: date.optional(),
});

export const recordAttendanceBody = z.strictObject({
  attendance: z
    .array(z.strictObject({ personId: uuid, present: z.boolean() }))
    .min(1)
    .max(40),
});

export const calendarFeed = z.object({ url: z.string(), createdAt: z.string() }).meta({ id: 'CalendarFeed' });

export const networkChoice = z.strictObject({ shareName: z.boolean(), shareContact: z.boolean() });
export const networkMembers = z.object({
  cohortId: uuid,
  you: networkChoice.nullable(),
  members: z.array(
    z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
  ),
});

export const cohortFiguresResult = z
  .object({
    cohortId: uuid,
    name: z.string(),
    sessionsHeld: z.number().int(),
    families: z.number().int(),
    perParent: z.object({ mothers: z.number(), partners: z.number() }),
    partnerParticipation: z.number(),
  })
  .meta({ id: 'CohortFigures' });
