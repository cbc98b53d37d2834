import { addMonths, daysBetween, monthsBetween } from '../time/calendar';
import { gestationalAge } from './pregnancy';

/** A child starts kindergarten at 2 years and 10 months. */
export const kindergartenStartMonths = 34;

export function kindergartenStart(birthDate: string): string {
  return addMonths(birthDate, kindergartenStartMonths);
}

export type ChildAge = { days: number; weeks: number; months: number };

export function childAge(birthDate: string, on: string): ChildAge {
  const days = daysBetween(birthDate, on);
  return { days, weeks: Math.floor(days / 7), months: monthsBetween(birthDate, on) };
}

/** Stages a parent reads a short text for; the texts live in the web app's language files. */
export const stageKeys = [
  'pregnancy_early',
  'pregnancy_middle',
  'pregnancy_late',
  'newborn',
  'infant_0_2m',
  'infant_2_6m',
  'infant_6_12m',
  'toddler_12_24m',
  'toddler_24_34m',
  'kindergarten',
] as const;
export type StageKey = (typeof stageKeys)[number];

export type FamilyStage =
  | { kind: 'pregnancy'; key: StageKey; week: number; day: number; dueDate: string }
  | { kind: 'child'; key: StageKey; birthDate: string; ageDays: number; ageMonths: number }
  | { kind: 'none' };

/**
 * The stage that matters most today: an ongoing pregnancy, else the youngest child until
 * kindergarten. (A family expecting a second child is in pregnancy stage.)
 */
export function familyStage(
  input: { activeDueDate: string | null; childBirthDates: readonly string[] },
  today: string,
): FamilyStage {
  if (input.activeDueDate) {
    const { weeks, days } = gestationalAge(input.activeDueDate, today);
    const key: StageKey = weeks < 13 ? 'pregnancy_early' : weeks < 28 ? 'pregnancy_middle' : 'pregnancy_late';
    return { kind: 'pregnancy', key, week: weeks, day: days, dueDate: input.activeDueDate };
  }
  const youngest = [...input.childBirthDates]
    .filter((d) => d <= today)
    .sort()
    .at(-1);
  if (!youngest) return { kind: 'none' };
  const age = childAge(youngest, today);
  const m = age.months;
  const key: StageKey =
    age.days < 14
      ? 'newborn'
      : m < 2
        ? 'infant_0_2m'
        : m < 6
          ? 'infant_2_6m'
          : m < 12
            ? 'infant_6_12m'
            : m < 24
              ? 'toddler_12_24m'
              : m < kindergartenStartMonths
                ? 'toddler_24_34m'
                : 'kindergarten';
  return { kind: 'child', key, birthDate: youngest, ageDays: age.days, ageMonths: m };
}
