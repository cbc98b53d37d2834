import { addDays, addMonths } from '../time/calendar';

/** The four themes of Familieiværksætterne. */
export const fivThemes = [
  'pregnancy_parenthood_birth', // Graviditet, forældreskab og fødsel
  'individuals_to_family', // Fra individer til familie
  'child_development', // Barnets udvikling og trivsel
  'network_relations', // Netværk og relationer
] as const;
export type FivTheme = (typeof fivThemes)[number];

/**
 * When a session is held: days relative to the due date (before the birth), or months and days
 * after the birth. The cohort's dates follow from the cohort's median due date.
 */
export type SessionOffset =
  | { from: 'due_date'; days: number }
  | { from: 'birth'; months: number; days: number };

export type TemplateSession = { key: string; title: string; theme: FivTheme; offset: SessionOffset };

/** A course labelled Familieiværksætterne keeps at least this many sessions. */
export const fivMinimumSessions = 12;

/**
 * The 16 sessions in the order of the FIV session guide, from about pregnancy week 26 until the
 * child is 13–14 months. Titles are the municipality's to edit; these are the defaults.
 */
export const fivTemplate: readonly TemplateSession[] = [
  {
    key: 'welcome',
    title: 'Velkommen, forventninger og økonomi',
    theme: 'pregnancy_parenthood_birth',
    offset: { from: 'due_date', days: -98 },
  },
  {
    key: 'network_leave',
    title: 'Netværk og barsel',
    theme: 'network_relations',
    offset: { from: 'due_date', days: -84 },
  },
  {
    key: 'on_the_way',
    title: 'Barn og forældre på vej',
    theme: 'individuals_to_family',
    offset: { from: 'due_date', days: -70 },
  },
  {
    key: 'birth',
    title: 'Fødslen',
    theme: 'pregnancy_parenthood_birth',
    offset: { from: 'due_date', days: -49 },
  },
  {
    key: 'newborn',
    title: 'Det nyfødte barn',
    theme: 'child_development',
    offset: { from: 'due_date', days: -28 },
  },
  {
    key: 'becoming_family',
    title: 'At blive en familie',
    theme: 'individuals_to_family',
    offset: { from: 'birth', months: 1, days: 0 },
  },
  {
    key: 'birth_experiences',
    title: 'Fødselsoplevelser og hverdagsliv',
    theme: 'pregnancy_parenthood_birth',
    offset: { from: 'birth', months: 1, days: 21 },
  },
  {
    key: 'family_dynamics',
    title: 'Familiedynamik og barnets signaler',
    theme: 'child_development',
    offset: { from: 'birth', months: 2, days: 14 },
  },
  {
    key: 'time_and_help',
    title: 'Tid med barnet og at søge hjælp',
    theme: 'network_relations',
    offset: { from: 'birth', months: 3, days: 14 },
  },
  {
    key: 'food',
    title: 'Mad og måltider',
    theme: 'child_development',
    offset: { from: 'birth', months: 4, days: 14 },
  },
  {
    key: 'teeth_sickness',
    title: 'Tandsundhed og det syge barn',
    theme: 'child_development',
    offset: { from: 'birth', months: 5, days: 21 },
  },
  {
    key: 'language_safety',
    title: 'Tidligt sprog, vaner og sikkerhed',
    theme: 'child_development',
    offset: { from: 'birth', months: 7, days: 0 },
  },
  {
    key: 'work_daycare_sleep',
    title: 'Arbejde, dagtilbud og søvn',
    theme: 'individuals_to_family',
    offset: { from: 'birth', months: 8, days: 14 },
  },
  {
    key: 'personality_accidents',
    title: 'Personlighed og forebyggelse af ulykker',
    theme: 'child_development',
    offset: { from: 'birth', months: 10, days: 0 },
  },
  {
    key: 'everyday_life',
    title: 'Familiens hverdag',
    theme: 'individuals_to_family',
    offset: { from: 'birth', months: 11, days: 14 },
  },
  {
    key: 'upbringing_goodbye',
    title: 'Opdragelse og farvel',
    theme: 'network_relations',
    offset: { from: 'birth', months: 13, days: 14 },
  },
];

/** The session's date for a cohort whose children are (expected) born on `anchor`. */
export function sessionDate(offset: SessionOffset, anchor: string): string {
  return offset.from === 'due_date'
    ? addDays(anchor, offset.days)
    : addDays(addMonths(anchor, offset.months), offset.days);
}

/**
 * A cohort confirmed late — its first sessions' dates already past or too close for families to
 * plan for — starts at `earliest` instead and takes the missed sessions a week apart until it
 * has caught up with the template; sessions after that keep their dates.
 */
export function catchUpSessionDates(dates: readonly string[], earliest: string): string[] {
  const out: string[] = [];
  let catchingUp = false;
  for (const date of dates) {
    const previous = out.at(-1);
    const floor: string = previous === undefined ? earliest : catchingUp ? addDays(previous, 7) : earliest;
    catchingUp = date < floor;
    out.push(catchingUp ? floor : date);
  }
  return out;
}

export type TemplateProblem = {
  index: number | null;
  code: 'too_few_sessions' | 'after_third_birthday' | 'order';
};

/**
 * Checks a municipality's edited template: an FIV course keeps at least 12 sessions; no session
 * after the child's third birthday (when the red thread hands over to kindergarten); sessions in
 * date order.
 */
export function checkTemplate(sessions: readonly TemplateSession[], isFiv: boolean): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (isFiv && sessions.length < fivMinimumSessions) problems.push({ index: null, code: 'too_few_sessions' });
  const anchor = '2030-01-01';
  let previous = '';
  sessions.forEach((s, index) => {
    const date = sessionDate(s.offset, anchor);
    if (date >= addMonths(anchor, 36)) problems.push({ index, code: 'after_third_birthday' });
    if (date < previous) problems.push({ index, code: 'order' });
    previous = date;
  });
  return problems;
}
