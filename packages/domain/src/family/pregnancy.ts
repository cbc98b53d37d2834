import { addDays, daysBetween } from '../time/calendar';

/** A pregnancy lasts 280 days from the first day of the last period to the due date (DESIGN §5). */
export const pregnancyDays = 280;
/** A due date further ahead than this is not a pregnancy anyone can register yet. */
export const maxWeeksAhead = 44;

export function pregnancyStart(dueDate: string): string {
  return addDays(dueDate, -pregnancyDays);
}

export type GestationalAge = { weeks: number; days: number; totalDays: number };

/** Gestational age on a date, e.g. 24+3 (weeks+days). */
export function gestationalAge(dueDate: string, on: string): GestationalAge {
  const totalDays = pregnancyDays - daysBetween(on, dueDate);
  return { weeks: Math.floor(totalDays / 7), days: ((totalDays % 7) + 7) % 7, totalDays };
}

/** The date the pregnancy reaches a given week (week 16 = 16+0). */
export function dateAtWeek(dueDate: string, week: number): string {
  return addDays(pregnancyStart(dueDate), week * 7);
}

export type DueDateProblem = 'due_date_past' | 'due_date_too_far';

export function checkDueDate(dueDate: string, today: string): DueDateProblem | null {
  if (dueDate < today) return 'due_date_past';
  if (daysBetween(today, dueDate) > maxWeeksAhead * 7) return 'due_date_too_far';
  return null;
}

export type BirthProblem = 'birth_before_pregnancy' | 'birth_in_future' | 'discharge_before_birth';

/** A birth must fall inside the pregnancy and not in the future; discharge comes after it. */
export function checkBirth(
  dueDate: string,
  birthDate: string,
  today: string,
  birthTime: Date,
  dischargeTime: Date | null,
  now: Date,
): BirthProblem | null {
  if (birthDate < pregnancyStart(dueDate)) return 'birth_before_pregnancy';
  if (birthDate > today || birthTime.getTime() > now.getTime()) return 'birth_in_future';
  if (dischargeTime && dischargeTime.getTime() < birthTime.getTime()) return 'discharge_before_birth';
  return null;
}

/** Care levels of Danish antenatal care (Sundhedsstyrelsen): 1 basic … 4 complex. */
export const careLevels = [1, 2, 3, 4] as const;
export type CareLevel = (typeof careLevels)[number];
