import { type FivTheme, fivThemes } from '@familiespor/domain';
import type { Problem, SessionParticipant } from '../../api/api.types';

export const parentRoles = ['mother', 'father', 'co_parent', 'other_caregiver'] as const;
export type ParentRole = (typeof parentRoles)[number];

export function parentRole(role: string): ParentRole {
  return (parentRoles as readonly string[]).includes(role) ? (role as ParentRole) : 'other_caregiver';
}

/** A session's theme, when it is one of the four the texts name (a session may have none). */
export function themeOf(theme: string | null): FivTheme | null {
  return theme && (fivThemes as readonly string[]).includes(theme) ? (theme as FivTheme) : null;
}

/** Who is ticked when the page opens: what was recorded for the session, else nobody. */
export function initialAttendance(participants: readonly SessionParticipant[]): Record<string, boolean> {
  return Object.fromEntries(participants.map((p) => [p.personId, p.present ?? false]));
}

/** The whole list for recordAttendance: every parent of the cohort, present or not. */
export function attendanceBody(
  participants: readonly SessionParticipant[],
  present: Readonly<Record<string, boolean>>,
): { personId: string; present: boolean }[] {
  return participants.map((p) => ({ personId: p.personId, present: present[p.personId] === true }));
}

/** Refusals the page explains in its own words; anything else is shown as the problem it is. */
export function refusalOf(problem: Problem | null): 'too_early' | 'not_a_participant' | null {
  const codes = (problem?.errors ?? []).map((e) => e.code);
  if (codes.includes('in_the_future')) return 'too_early';
  if (codes.includes('not_a_participant')) return 'not_a_participant';
  return null;
}
