import { parseIsoWeek } from '@familiespor/domain';
import { z } from 'zod';
import { isoDateTime, uuid } from './common.contracts';
import { date } from './families.contracts';

/** Health visiting (step 5): the visit programme, the child's visits and their records. */

export const visitTargets = [
  'all',
  'first_time_parents',
  'care_level_2_plus',
  'first_time_or_care_level_2_plus',
  'early_discharge',
  'targeted',
] as const;
export const visitKinds = ['statutory', 'extended', 'targeted'] as const;
export const visitStatuses = ['planned', 'done', 'missed', 'rescheduled', 'cancelled'] as const;
export const visitPlaces = ['home', 'clinic', 'phone', 'video'] as const;

const visitWindow = z.discriminatedUnion('from', [
  z.strictObject({
    from: z.literal('birth'),
    startDays: z.number().int().min(0).max(1200),
    endDays: z.number().int().min(0).max(1200),
  }),
  z.strictObject({
    from: z.literal('birth_months'),
    startMonths: z.number().int().min(0).max(48),
    endMonths: z.number().int().min(0).max(48),
  }),
  z.strictObject({
    from: z.literal('pregnancy_week'),
    startWeek: z.number().int().min(4).max(42),
    endWeek: z.number().int().min(4).max(42),
  }),
]);

export const visitType = z
  .strictObject({
    key: z.string().regex(/^[a-z0-9_]{1,40}$/),
    name: z.string().trim().min(1).max(200),
    window: visitWindow,
    target: z.enum(visitTargets),
    kind: z.enum(visitKinds),
  })
  .meta({ id: 'VisitType' });

const cutoff = z.number().int().min(1).max(30);
export const epdsCutoffs = z.strictObject({ mother: cutoff, father: cutoff });

export const visitProgramme = z
  .object({
    organisation: z.object({ id: uuid, name: z.string() }),
    visitTypes: z.array(visitType),
    epdsCutoffs,
    /** true: the municipality has not set its own programme; the statutory default applies. */
    isDefault: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'VisitProgramme' });
export type VisitProgramme = z.infer<typeof visitProgramme>;

export const visitProgrammeQuery = z.strictObject({ orgId: uuid.optional() });
export const updateVisitProgrammeBody = z.strictObject({
  visitTypes: z.array(visitType).min(1).max(40),
  epdsCutoffs: epdsCutoffs.optional(),
});

const staffRef = z.object({ id: uuid, name: z.string() });

/** The appointment made with the family for a planned visit (booked time, place, who visits). */
export const visitBooking = z
  .object({
    at: z.string().describe('The booked time, an ISO 8601 instant (UTC)'),
    place: z.enum(visitPlaces),
    healthVisitor: staffRef,
  })
  .meta({ id: 'VisitBooking' });
export type VisitBooking = z.infer<typeof visitBooking>;

const grams = z.number().int().min(1).max(100_000);
const centimetres = z.number().min(1).max(200);

export const childVisit = z
  .object({
    id: uuid,
    familyId: uuid,
    childPersonId: uuid,
    key: z.string(),
    name: z.string(),
    kind: z.enum(visitKinds),
    reason: z.string().nullable(),
    window: z.object({ start: date, due: date, end: date }),
    status: z.enum(visitStatuses),
    statusReason: z.string().nullable(),
    rescheduledFrom: uuid.nullable(),
    record: z
      .object({
        doneOn: date,
        place: z.enum(visitPlaces),
        weightG: z.number().nullable(),
        lengthCm: z.number().nullable(),
        headCm: z.number().nullable(),
        topics: z.array(z.string()),
        development: z.enum(['age_appropriate', 'concern']).nullable(),
        developmentNote: z.string().nullable(),
        pkuDone: z.boolean().nullable(),
        hearingDone: z.boolean().nullable(),
        notes: z.string().nullable(),
        recordedBy: z.object({ id: uuid, name: z.string() }).nullable(),
      })
      .nullable(),
    /** Set while the visit is planned and booked; a recorded visit keeps the booking it had. */
    booking: visitBooking.nullable(),
    /** The booked day (Copenhagen) lies outside the window: allowed, and the UI warns. */
    bookingOutsideWindow: z.boolean(),
  })
  .meta({ id: 'ChildVisit' });
export type ChildVisit = z.infer<typeof childVisit>;

export const listChildVisitsQuery = z.strictObject({ childPersonId: uuid.optional() });

const text = (max: number) => z.string().trim().min(1).max(max);

export const recordVisitBody = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('done'),
    doneOn: date,
    place: z.enum(visitPlaces),
    weightG: grams.nullable().default(null),
    lengthCm: centimetres.nullable().default(null),
    headCm: centimetres.nullable().default(null),
    topics: z.array(text(100)).max(30).default([]),
    development: z
      .discriminatedUnion('status', [
        z.strictObject({ status: z.literal('age_appropriate') }),
        z.strictObject({ status: z.literal('concern'), note: text(2000) }),
      ])
      .nullable()
      .default(null),
    pkuDone: z.boolean().nullable().default(null),
    hearingDone: z.boolean().nullable().default(null),
    notes: z.string().trim().max(4000).nullable().default(null),
  }),
  z.strictObject({
    outcome: z.literal('missed'),
    reason: z.string().trim().max(500).nullable().default(null),
    /** A new planned visit in this window; without it the visit stays missed. */
    rescheduleTo: z.strictObject({ start: date, end: date }).optional(),
  }),
  z.strictObject({ outcome: z.literal('cancelled'), reason: text(500) }),
]);
export type RecordVisitBody = z.infer<typeof recordVisitBody>;

export const addTargetedVisitBody = z.strictObject({
  childPersonId: uuid,
  name: text(200),
  reason: text(1000),
  windowStart: date,
  windowEnd: date,
});

export const recordVisitResult = z
  .object({ visit: childVisit, rescheduledTo: childVisit.nullable() })
  .meta({ id: 'RecordVisitResult' });

export const bookVisitBody = z.strictObject({
  at: isoDateTime.describe('The booked time with its offset, e.g. 2026-11-24T10:00:00+01:00'),
  place: z.enum(visitPlaces),
  /** The health visitor who will make the visit; default the caller. */
  healthVisitorId: uuid.optional(),
});
export type BookVisitBody = z.infer<typeof bookVisitBody>;

/** An ISO 8601 week, "2026-W48"; a week 53 only in the years that have one. */
export const isoWeek = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, { message: 'Use an ISO week such as 2026-W48', abort: true })
  .refine((w) => parseIsoWeek(w) !== null, 'The year has no such week');

export const visitCalendarQuery = z.strictObject({ week: isoWeek.optional() });

/** A visit in the week calendar, booked or still to be booked, with whom it is for. */
export const calendarVisit = z
  .object({
    visitId: uuid,
    name: z.string(),
    kind: z.enum(visitKinds),
    window: z.object({ start: date, due: date, end: date }),
    child: z.object({ personId: uuid, givenName: z.string() }),
    /** The family as lists name it: the parents' names, mother first, for the reader's language to join. */
    family: z.object({ id: uuid, names: z.array(z.string()) }),
    booking: visitBooking.nullable(),
    bookingOutsideWindow: z.boolean(),
  })
  .meta({ id: 'CalendarVisit' });
export type CalendarVisit = z.infer<typeof calendarVisit>;

export const visitCalendar = z
  .object({
    week: z.string(),
    previousWeek: z.string(),
    nextWeek: z.string(),
    /** Monday to Sunday. */
    days: z.array(date),
    /** The caller's booked visits that week, by time. */
    booked: z.array(calendarVisit),
    /**
     * Planned visits without a booking whose window overlaps the week, of the families the
     * caller coordinates or whose district is one of her units; soonest window end first.
     */
    toBook: z.array(calendarVisit),
    /** How many there are in all; `toBook` holds the first 50. */
    toBookTotal: z.number().int(),
  })
  .meta({ id: 'VisitCalendar' });
export type VisitCalendar = z.infer<typeof visitCalendar>;
