import type { Stage } from '../../api/api.types';

/** A child's age the way families and health visitors count it: days, then weeks, months, years. */
export type Age =
  | { unit: 'days'; days: number }
  | { unit: 'weeks'; weeks: number }
  | { unit: 'months'; months: number }
  | { unit: 'years'; years: number; months: number };

export function ageOf(ageDays: number, ageMonths: number): Age {
  if (ageDays < 14) return { unit: 'days', days: Math.max(0, ageDays) };
  if (ageMonths < 2) return { unit: 'weeks', weeks: Math.floor(ageDays / 7) };
  if (ageMonths < 24) return { unit: 'months', months: ageMonths };
  return { unit: 'years', years: Math.floor(ageMonths / 12), months: ageMonths % 12 };
}

export type ChildStage = Extract<Stage, { kind: 'child' }>;
export type PregnancyStage = Extract<Stage, { kind: 'pregnancy' }>;

/** The child the stage is about (the youngest): its given name, when the family list has it. */
export function stageChildName(
  stage: ChildStage,
  children: readonly { givenName?: string; name?: string; birthDate: string | null }[],
): string | null {
  const child = children.find((c) => c.birthDate === stage.birthDate);
  return child?.givenName ?? child?.name ?? null;
}
