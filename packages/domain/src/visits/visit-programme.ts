import { dateAtWeek } from '../family/pregnancy';
import { addDays, addMonths, daysBetween } from '../time/calendar';

/**
 * A municipality's home-visit programme (DESIGN §1, §3): visit types with a window relative to
 * the birth (or to the pregnancy week) and the families they are for.
 */
export type VisitTarget =
  | 'all'
  | 'first_time_parents'
  | 'care_level_2_plus'
  | 'first_time_or_care_level_2_plus'
  | 'early_discharge'
  | 'targeted';

export type VisitWindow =
  | { from: 'birth'; startDays: number; endDays: number }
  | { from: 'birth_months'; startMonths: number; endMonths: number }
  | { from: 'pregnancy_week'; startWeek: number; endWeek: number };

export type VisitType = {
  key: string;
  name: string;
  window: VisitWindow;
  target: VisitTarget;
  /** Part of the statutory programme, or the municipality's extended offer to all. */
  kind: 'statutory' | 'extended' | 'targeted';
};

/** The demo default (Step 5): the statutory visits, the early visit, and the extended offer. */
export const defaultVisitProgramme: readonly VisitType[] = [
  {
    key: 'pregnancy',
    name: 'Graviditetsbesøg',
    window: { from: 'pregnancy_week', startWeek: 28, endWeek: 32 },
    target: 'first_time_or_care_level_2_plus',
    kind: 'statutory',
  },
  {
    key: 'early',
    name: 'Tidligt besøg',
    window: { from: 'birth', startDays: 2, endDays: 3 },
    target: 'early_discharge',
    kind: 'statutory',
  },
  {
    key: 'week1',
    name: 'Etableringsbesøg',
    window: { from: 'birth', startDays: 4, endDays: 7 },
    target: 'all',
    kind: 'statutory',
  },
  {
    key: 'week3',
    name: 'Besøg ved 3 uger',
    window: { from: 'birth', startDays: 18, endDays: 24 },
    target: 'all',
    kind: 'extended',
  },
  {
    key: 'month1',
    name: 'Besøg inden for første måned',
    window: { from: 'birth', startDays: 25, endDays: 31 },
    target: 'all',
    kind: 'statutory',
  },
  {
    key: 'month2',
    name: 'Besøg ved 2 måneder',
    window: { from: 'birth_months', startMonths: 2, endMonths: 2 },
    target: 'all',
    kind: 'statutory',
  },
  {
    key: 'month4_6',
    name: 'Besøg ved 4–6 måneder',
    window: { from: 'birth_months', startMonths: 4, endMonths: 6 },
    target: 'all',
    kind: 'statutory',
  },
  {
    key: 'month8_10',
    name: 'Besøg ved 8–10 måneder',
    window: { from: 'birth_months', startMonths: 8, endMonths: 10 },
    target: 'all',
    kind: 'statutory',
  },
  {
    key: 'month12',
    name: 'Besøg ved 12 måneder',
    window: { from: 'birth_months', startMonths: 12, endMonths: 12 },
    target: 'all',
    kind: 'extended',
  },
];

export type VisitFacts = {
  birthDate: string | null;
  dueDate: string | null;
  firstTimeParents: boolean;
  careLevel: number | null;
  /** Mother and child went home less than 72 hours after the birth. */
  earlyDischarge: boolean;
};

export type PlannedVisit = {
  key: string;
  name: string;
  kind: VisitType['kind'];
  start: string;
  due: string;
  end: string;
};

export function appliesTo(target: VisitTarget, f: VisitFacts): boolean {
  switch (target) {
    case 'all':
      return true;
    case 'first_time_parents':
      return f.firstTimeParents;
    case 'care_level_2_plus':
      return (f.careLevel ?? 1) >= 2;
    case 'first_time_or_care_level_2_plus':
      return f.firstTimeParents || (f.careLevel ?? 1) >= 2;
    case 'early_discharge':
      return f.earlyDischarge;
    case 'targeted':
      return false; // targeted visits are added by a professional, with a reason
  }
}

/** The window's dates; a month window runs from the month's day to the end month's day + 1 month − 1. */
export function windowDates(
  w: VisitWindow,
  f: VisitFacts,
): { start: string; due: string; end: string } | null {
  if (w.from === 'pregnancy_week') {
    if (!f.dueDate) return null;
    const start = dateAtWeek(f.dueDate, w.startWeek);
    const end = addDays(dateAtWeek(f.dueDate, w.endWeek), 6);
    return { start, due: addDays(start, Math.floor(daysBetween(start, end) / 2)), end };
  }
  if (!f.birthDate) return null;
  if (w.from === 'birth') {
    return {
      start: addDays(f.birthDate, w.startDays),
      due: addDays(f.birthDate, w.endDays),
      end: addDays(f.birthDate, w.endDays),
    };
  }
  const start = addMonths(f.birthDate, w.startMonths);
  const end = addDays(addMonths(f.birthDate, w.endMonths + 1), -1);
  return {
    start,
    due:
      w.startMonths === w.endMonths
        ? addDays(start, 14)
        : addMonths(f.birthDate, Math.round((w.startMonths + w.endMonths) / 2)),
    end,
  };
}

/** The visits the programme plans for a family: pregnancy visits before the birth, the child's after. */
export function planVisits(programme: readonly VisitType[], f: VisitFacts): PlannedVisit[] {
  return programme
    .filter((t) => appliesTo(t.target, f))
    .filter((t) => (t.window.from === 'pregnancy_week' ? f.birthDate === null : f.birthDate !== null))
    .flatMap((t) => {
      const d = windowDates(t.window, f);
      return d ? [{ key: t.key, name: t.name, kind: t.kind, ...d }] : [];
    });
}

export type ProgrammeProblem = {
  index: number;
  code: 'window_order' | 'duplicate_key' | 'after_third_birthday';
};

export function checkProgramme(programme: readonly VisitType[]): ProgrammeProblem[] {
  const problems: ProgrammeProblem[] = [];
  const keys = new Set<string>();
  programme.forEach((t, index) => {
    if (keys.has(t.key)) problems.push({ index, code: 'duplicate_key' });
    keys.add(t.key);
    const w = t.window;
    const ordered =
      w.from === 'birth'
        ? w.startDays <= w.endDays
        : w.from === 'birth_months'
          ? w.startMonths <= w.endMonths
          : w.startWeek <= w.endWeek;
    if (!ordered) problems.push({ index, code: 'window_order' });
    if ((w.from === 'birth_months' && w.endMonths >= 36) || (w.from === 'birth' && w.endDays >= 3 * 365)) {
      problems.push({ index, code: 'after_third_birthday' });
    }
  });
  return problems;
}
