import {
  childAgeBands,
  contactChannels,
  contactDurationLimits,
  contactNoteMaxLength,
  contactOutcomes,
  contactWho,
  counsellingTopics,
} from '@familiespor/domain';
import { z } from 'zod';
import { uuid } from './common.contracts';
import { date, spokenLanguage } from './families.contracts';

/**
 * Open anonymous counselling (step 7, issue #8): the weekly drop-in's slots (public), the
 * anonymous log of its conversations, and statistics with small-cell suppression.
 */

export const contactChannel = z.enum(contactChannels);
export const contactWhoEnum = z.enum(contactWho);
export const childAgeBand = z.enum(childAgeBands);
export const counsellingTopic = z.enum(counsellingTopics);
export const contactOutcome = z.enum(contactOutcomes);

const time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Use the time format HH:MM');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use the month format YYYY-MM');
const ref = z.object({ id: uuid, name: z.string() });

// ---- Slots ----

export const slotOccurrence = z.object({
  date,
  startsAt: z.string(),
  endsAt: z.string(),
  /** Closed that day (a public holiday), with the holiday's Danish name. */
  closed: z.object({ reason: z.literal('holiday'), name: z.string() }).nullable(),
});

/** A slot as anyone may see it: no login, given names of the counsellors only. */
export const publicOpenCounsellingSlot = z
  .object({
    id: uuid,
    organisation: ref,
    offer: ref.nullable(),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    startTime: time,
    endTime: time,
    walkIn: z.boolean(),
    placeName: z.string(),
    address: z.object({ street: z.string(), postcode: z.string(), city: z.string().nullable() }).nullable(),
    phone: z.string().nullable(),
    chatUrl: z.string().nullable(),
    languages: z.array(z.string()),
    publicNote: z.string(),
    counsellors: z.array(z.string()).describe('Given names of the counsellors on duty'),
    validFrom: date,
    validTo: date.nullable(),
    next: z.array(slotOccurrence),
  })
  .meta({ id: 'PublicOpenCounsellingSlot' });
export type PublicOpenCounsellingSlot = z.infer<typeof publicOpenCounsellingSlot>;

export const listOpenCounsellingSlotsQuery = z.strictObject({
  /** Slots serving the residents of this municipality (its partner NGO's included). */
  municipalityId: uuid.optional(),
  /** Slots at this postcode, or serving the municipality the postcode belongs to. */
  postcode: z
    .string()
    .regex(/^\d{4}$/, 'Four digits')
    .optional(),
  /** How many of the next dates to list per slot. */
  dates: z.coerce.number().int().min(1).max(8).default(4),
});
export type ListOpenCounsellingSlotsQuery = z.infer<typeof listOpenCounsellingSlotsQuery>;

export const publicOpenCounsellingSlots = z
  .object({
    slots: z.array(publicOpenCounsellingSlot),
    /** The municipalities the slots serve, for the page's filter. */
    municipalities: z.array(ref),
  })
  .meta({ id: 'PublicOpenCounsellingSlots' });
export type PublicOpenCounsellingSlots = z.infer<typeof publicOpenCounsellingSlots>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const createOpenCounsellingSlotBody = z.strictObject({
  /** The open_counselling offer of the catalogue the slot belongs to. */
  offerId: uuid.nullable().optional(),
  weekday: z.number().int().min(1).max(7),
  startTime: time,
  endTime: time,
  /** Parents can come by at the address. */
  walkIn: z.boolean(),
  placeName: z.string().trim().max(200).default(''),
  street: optionalText(200),
  postcode: z
    .string()
    .regex(/^\d{4}$/, 'Four digits')
    .nullable()
    .optional(),
  city: optionalText(100),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ]{8,16}$/, 'Use digits, e.g. +45 33 45 43 00')
    .nullable()
    .optional(),
  chatUrl: z
    .url({ protocol: /^https$/ })
    .max(500)
    .nullable()
    .optional(),
  languages: z.array(spokenLanguage).min(1).max(10).default(['da']),
  /** Default: the municipalities the organisation is in partnership with (or is). */
  municipalityIds: z.array(uuid).max(20).optional(),
  publicNote: z.string().trim().max(1000).default(''),
  validFrom: date,
  validTo: date.nullable().optional(),
  counsellorIds: z.array(uuid).max(20).default([]),
});
export type CreateOpenCounsellingSlotBody = z.infer<typeof createOpenCounsellingSlotBody>;
export type CreateOpenCounsellingSlotInput = z.input<typeof createOpenCounsellingSlotBody>;

export const endOpenCounsellingSlotBody = z.strictObject({
  /** The last day the slot is held; today or later. */
  lastDay: date,
});

export const organisationOpenCounsellingSlot = publicOpenCounsellingSlot
  .extend({
    counsellorsOnDuty: z.array(ref),
    municipalityIds: z.array(uuid),
    status: z.enum(['upcoming', 'active', 'ended']),
    endedAt: z.string().nullable(),
  })
  .meta({ id: 'OrganisationOpenCounsellingSlot' });
export type OrganisationOpenCounsellingSlot = z.infer<typeof organisationOpenCounsellingSlot>;

export const organisationOpenCounsellingSlots = z
  .object({
    slots: z.array(organisationOpenCounsellingSlot),
    /** Staff of the organisation who can be on duty. */
    counsellors: z.array(ref),
    /** The organisation's open_counselling offers a slot can belong to. */
    offers: z.array(ref),
  })
  .meta({ id: 'OrganisationOpenCounsellingSlots' });
export type OrganisationOpenCounsellingSlots = z.infer<typeof organisationOpenCounsellingSlots>;

// ---- The anonymous log ----

export const logAnonymousContactBody = z.strictObject({
  /** The day of the conversation; default today. No time of day is kept. */
  contactDate: date.optional(),
  slotId: uuid.nullable().optional(),
  channel: contactChannel,
  who: contactWhoEnum,
  childAgeBand,
  topics: z.array(counsellingTopic).min(1).max(counsellingTopics.length),
  durationMinutes: z
    .number()
    .int()
    .min(contactDurationLimits.min, 'A conversation lasts at least 1 minute')
    .max(contactDurationLimits.max, 'At most 480 minutes'),
  outcomes: z.array(contactOutcome).min(1).max(contactOutcomes.length),
  /** The offer the parent was pointed to (with outcome pointed_to_offer): an offer, never a person. */
  offerId: uuid.nullable().optional(),
  /** A short note for the statistics; refused when it holds a CPR number, phone number or e-mail. */
  note: z.string().trim().max(contactNoteMaxLength).optional(),
});
export type LogAnonymousContactBody = z.infer<typeof logAnonymousContactBody>;

export const anonymousContact = z
  .object({
    id: uuid,
    contactDate: date,
    slotId: uuid.nullable(),
    channel: contactChannel,
    who: contactWhoEnum,
    childAgeBand,
    topics: z.array(counsellingTopic),
    durationMinutes: z.number().int(),
    outcomes: z.array(contactOutcome),
    offer: ref.extend({ signUpPath: z.string() }).nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'AnonymousContact' });
export type AnonymousContact = z.infer<typeof anonymousContact>;

export const listAnonymousContactsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const anonymousContactPage = z
  .object({ total: z.number().int(), items: z.array(anonymousContact) })
  .meta({ id: 'AnonymousContactPage' });
export type AnonymousContactPage = z.infer<typeof anonymousContactPage>;

/** An offer the counsellor can point a parent to, with the link the parent signs up on. */
export const bridgeOffer = z
  .object({
    id: uuid,
    name: z.string(),
    organisation: ref,
    kind: z.string(),
    /** Needs a professional's referral: the parent cannot sign up alone. */
    referralOnly: z.boolean(),
    signUpPath: z.string(),
  })
  .meta({ id: 'BridgeOffer' });
export type BridgeOffer = z.infer<typeof bridgeOffer>;

// ---- Statistics ----

/** A count, or null when hidden: fewer than 5, or hidden so a small count cannot be worked out. */
export const statisticsCell = z.number().int().nullable();

export const statisticsDistribution = z.object({
  items: z.array(z.object({ key: z.string(), count: statisticsCell })),
  total: statisticsCell,
});

export const anonymousContactStatisticsQuery = z.strictObject({
  /** Whose contacts: default the user's own organisation. */
  orgId: uuid.optional(),
  /** First and last month (YYYY-MM); default the last 12 months. At most 24 months. */
  from: month.optional(),
  to: month.optional(),
});
export type AnonymousContactStatisticsQuery = z.infer<typeof anonymousContactStatisticsQuery>;

export const anonymousContactStatistics = z
  .object({
    organisation: ref,
    months: z.array(month),
    /** Topic × month: a contact counts once under each of its topics. */
    topicsByMonth: z.object({
      rows: z.array(
        z.object({ topic: counsellingTopic, counts: z.array(statisticsCell), total: statisticsCell }),
      ),
      /** Contacts per month (not the sum of the topics: a contact can have several). */
      contacts: z.array(statisticsCell),
      contactsTotal: statisticsCell,
    }),
    byChannel: statisticsDistribution,
    byWho: statisticsDistribution,
    byChildAgeBand: statisticsDistribution,
    byOutcome: statisticsDistribution,
    threshold: z.number().int(),
    /** How many cells are hidden in all (not which for which reason). */
    hiddenCells: z.number().int(),
  })
  .meta({ id: 'AnonymousContactStatistics' });
export type AnonymousContactStatistics = z.infer<typeof anonymousContactStatistics>;

export const statisticsOrganisation = z.object({
  id: uuid,
  name: z.string(),
  /** own: the user's organisation; partner: an NGO in partnership with the user's municipality. */
  relation: z.enum(['own', 'partner']),
});
export type StatisticsOrganisation = z.infer<typeof statisticsOrganisation>;
