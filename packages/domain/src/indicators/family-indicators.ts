import { daysBetween } from '../time/calendar';
import type {
  BirthFact,
  CourseParticipantFact,
  DevelopmentVisitFact,
  DueVisitFact,
  EpdsEligibleFact,
  EpdsScreeningFact,
  FirstPregnancyFact,
  LiveBirthFact,
  ReadmissionCause,
} from './indicator-facts';
import { familyDimensions, familyDims, one, within } from './indicator-helpers';
import { defineIndicator } from './indicator-model';

// The indicators of the family's own course: reach, courses, visits, screening, child outcomes.

/** Familieiværksætterne's reach (the Aarhus trial reached 80 %). */
export const reachIndicator = defineIndicator<FirstPregnancyFact>({
  id: 'reach',
  unit: 'share',
  timing: 'during',
  dimensions: familyDimensions,
  words: {
    numerator: 'first-time pregnancies with the due date in the period that are enrolled in a course',
    denominator: 'first-time pregnancies with the due date in the period registered in Familiespor',
    dated: 'due date',
  },
  contributions: (f) => [
    { date: f.dueDate, dims: familyDims(f), numerator: one(f.enrolled), denominator: 1 },
  ],
});

const course = (f: CourseParticipantFact) => ({
  ...familyDims(f),
  offer: f.offerId,
  parent_role: f.parentRole,
});
const courseDimensions = ['offer', 'parent_role', ...familyDimensions] as const;

/** Sessions attended per enrolled parent (Aarhus: mothers 8.4, partners 7.9 of 12). */
export const attendanceIndicator = defineIndicator<CourseParticipantFact>({
  id: 'attendance',
  unit: 'mean',
  timing: 'during',
  dimensions: courseDimensions,
  words: {
    numerator: 'sessions attended by the enrolled parents of courses that started in the period',
    denominator: 'parents enrolled on those courses',
    dated: 'the course’s first session',
  },
  contributions: (f) => [
    { date: f.courseStart, dims: course(f), numerator: f.sessionsAttended, denominator: 1 },
  ],
});

export const completionIndicator = defineIndicator<CourseParticipantFact>({
  id: 'completion',
  unit: 'share',
  timing: 'during',
  dimensions: courseDimensions,
  words: {
    numerator: 'parents who completed the course',
    denominator: 'parents enrolled on courses that started in the period and have ended, or who dropped out',
    dated: 'the course’s first session',
  },
  contributions: (f) =>
    f.courseEnded || f.status === 'dropped_out'
      ? [{ date: f.courseStart, dims: course(f), numerator: one(f.status === 'completed'), denominator: 1 }]
      : [],
});

export const dropoutIndicator = defineIndicator<CourseParticipantFact>({
  id: 'dropout',
  unit: 'share',
  timing: 'during',
  dimensions: courseDimensions,
  words: {
    numerator: 'parents who dropped out',
    denominator: 'parents enrolled on courses that started in the period',
    dated: 'the course’s first session',
  },
  contributions: (f) => [
    { date: f.courseStart, dims: course(f), numerator: one(f.status === 'dropped_out'), denominator: 1 },
  ],
});

export const visitTimelinessIndicator = defineIndicator<DueVisitFact>({
  id: 'visit_timeliness',
  unit: 'share',
  timing: 'during',
  dimensions: ['visit_type', ...familyDimensions],
  words: {
    numerator: 'visits done inside their window',
    denominator: 'visits whose window closed in the period',
    dated: 'the window’s last day',
  },
  contributions: (f) => [
    {
      date: f.windowEnd,
      dims: { ...familyDims(f), visit_type: f.visitType },
      numerator: one(f.doneOn !== null && f.doneOn >= f.windowStart && f.doneOn <= f.windowEnd),
      denominator: 1,
    },
  ],
});

/** The first visit within 14 days of coming home from the birthplace (of the birth when at home). */
export const earlyVisitIndicator = defineIndicator<BirthFact>({
  id: 'early_visit',
  unit: 'share',
  timing: 'during',
  dimensions: familyDimensions,
  words: {
    numerator: 'births with a health-visiting visit within 14 days of discharge',
    denominator: 'births in the period',
    dated: 'birth date',
  },
  contributions: (f) => [
    {
      date: f.birthDate,
      dims: familyDims(f),
      numerator: one(within(f.dischargeDate ?? f.birthDate, f.firstVisitOn, 14)),
      denominator: 1,
    },
  ],
});

const epdsDimensions = ['parent_role', ...familyDimensions] as const;

export const epdsCoverageIndicator = defineIndicator<EpdsEligibleFact>({
  id: 'epds_coverage',
  unit: 'share',
  timing: 'during',
  dimensions: epdsDimensions,
  words: {
    numerator: 'parents screened with EPDS',
    denominator: 'parents whose child reached the screening visit in the period',
    dated: 'the day the child reached the screening visit',
  },
  contributions: (f) => [
    {
      date: f.eligibleOn,
      dims: { ...familyDims(f), parent_role: f.parentRole },
      numerator: one(f.screened),
      denominator: 1,
    },
  ],
});

export const epdsPositiveRateIndicator = defineIndicator<EpdsScreeningFact>({
  id: 'epds_positive',
  unit: 'share',
  timing: 'during',
  dimensions: epdsDimensions,
  words: {
    numerator: 'screenings at or above the cut-off',
    denominator: 'screenings in the period',
    dated: 'screening date',
  },
  contributions: (f) => [
    {
      date: f.screenedOn,
      dims: { ...familyDims(f), parent_role: f.parentRole },
      numerator: one(f.positive),
      denominator: 1,
    },
  ],
});

export const epdsFollowUpIndicator = defineIndicator<EpdsScreeningFact>({
  id: 'epds_follow_up',
  unit: 'share',
  timing: 'during',
  dimensions: epdsDimensions,
  words: {
    numerator: 'positive screenings with a documented follow-up within 14 days',
    denominator: 'positive screenings in the period',
    dated: 'screening date',
  },
  contributions: (f) =>
    f.positive
      ? [
          {
            date: f.screenedOn,
            dims: { ...familyDims(f), parent_role: f.parentRole },
            numerator: one(within(f.screenedOn, f.followUpOn, 14)),
            denominator: 1,
          },
        ]
      : [],
});

export const item10SameDayIndicator = defineIndicator<EpdsScreeningFact>({
  id: 'epds_item10_same_day',
  unit: 'share',
  timing: 'during',
  dimensions: epdsDimensions,
  words: {
    numerator: 'item-10 alerts handled the same day',
    denominator: 'item-10 alerts (any answer above 0 on self-harm) in the period',
    dated: 'screening date',
  },
  contributions: (f) =>
    f.item10Alert
      ? [
          {
            date: f.screenedOn,
            dims: { ...familyDims(f), parent_role: f.parentRole },
            numerator: one(f.alertHandledOn === f.screenedOn),
            denominator: 1,
          },
        ]
      : [],
});

export const developmentNoConcernIndicator = defineIndicator<DevelopmentVisitFact>({
  id: 'development_no_concern',
  unit: 'share',
  timing: 'during',
  dimensions: familyDimensions,
  words: {
    numerator: 'children without a development concern at the 8–10-month visit',
    denominator: 'children seen at the 8–10-month visit in the period',
    dated: 'visit date',
  },
  contributions: (f) => [
    { date: f.visitOn, dims: familyDims(f), numerator: one(!f.developmentConcern), denominator: 1 },
  ],
});

export const readmissionCauses: readonly ReadmissionCause[] = [
  'dehydration',
  'jaundice',
  'poor_thriving',
  'feeding_problems',
];

export const readmissionsIndicator = defineIndicator<LiveBirthFact>({
  id: 'readmissions',
  unit: 'share',
  timing: 'during',
  dimensions: familyDimensions,
  words: {
    numerator:
      'children admitted within 28 days of birth for dehydration, jaundice, poor thriving or feeding problems (each child once)',
    denominator: 'live births in the period',
    dated: 'birth date',
  },
  contributions: (f) => [
    {
      date: f.birthDate,
      dims: familyDims(f),
      numerator: one(
        f.admissions.some(
          (a) =>
            readmissionCauses.includes(a.cause) &&
            a.admittedOn >= f.birthDate &&
            daysBetween(f.birthDate, a.admittedOn) <= 28,
        ),
      ),
      denominator: 1,
    },
  ],
});
