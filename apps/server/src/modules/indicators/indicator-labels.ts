import type { IndicatorFigures } from '@familiespor/contracts';
import { defaultVisitProgramme, type IndicatorId } from '@familiespor/domain';

/**
 * The Danish words of an exported file: a programme lead pastes the sheet into a committee paper,
 * so it must read as the dashboard does — names, not ids. The dashboard itself takes its words
 * from the web's text bundles (Danish and English); the file is Danish, as its header row.
 */
export const indicatorNamesDa: Record<IndicatorId, string> = {
  reach: 'Rækkevidde af Familieiværksætterne',
  attendance: 'Fremmøde pr. tilmeldt forælder',
  completion: 'Gennemført forløb',
  dropout: 'Frafald',
  visit_timeliness: 'Besøg inden for tidsvinduet',
  early_visit: 'Tidligt besøg inden 14 dage',
  epds_coverage: 'EPDS – screenede forældre',
  epds_positive: 'EPDS – positive screeninger',
  epds_follow_up: 'EPDS – opfølgning inden 14 dage',
  epds_item10_same_day: 'EPDS spørgsmål 10 – håndteret samme dag',
  referral_on_time: 'Henvisninger kvitteret til tiden',
  referral_days_to_acceptance: 'Dage til accept af henvisning',
  coordinator_coverage: 'Familier med åbent behov og tovholder',
  between_chairs: 'Familier mellem to stole',
  counselling_families: 'Familier i rådgivning',
  counselling_no_special_support: 'Afsluttet uden behov for særlig støtte',
  counselling_goal_progress: 'Fremgang på mål i rådgivningen',
  anonymous_contacts: 'Anonyme samtaler',
  development_no_concern: 'Børn uden bekymring ved 8–10 måneder',
  readmissions: 'Genindlæggelser inden 28 dage',
  satisfaction: 'Forældrenes tilfredshed',
};

const breakdownDa: Record<IndicatorFigures['breakdown'], string> = {
  total: 'I alt',
  district: 'Distrikt',
  offer: 'Tilbud',
  parent_role: 'Forælder',
  care_level: 'Indsatsniveau',
  language: 'Sprog',
  visit_type: 'Besøg',
  topic: 'Emne',
  question: 'Spørgsmål',
};

const valueDa: Partial<Record<IndicatorFigures['breakdown'], Record<string, string>>> = {
  parent_role: { mother: 'Mor', father: 'Far', co_parent: 'Medmor/medforælder' },
  care_level: { '1': 'Niveau 1', '2': 'Niveau 2', '3': 'Niveau 3', '4': 'Niveau 4' },
  language: { da: 'Dansk', en: 'Engelsk', ar: 'Arabisk' },
  visit_type: Object.fromEntries(defaultVisitProgramme.map((v) => [v.key, v.name])),
  topic: {
    divorce: 'Skilsmisse',
    finances: 'Økonomi',
    child_wellbeing: 'Barnets trivsel',
    relationship: 'Parforhold',
    co_parenting: 'Samarbejde efter brud',
    abortion_considerations: 'Overvejer abort',
    housing: 'Bolig',
    other: 'Andet',
  },
  question: {
    can_act: 'Jeg kan bruge det, jeg kom med',
    heard: 'Jeg følte mig hørt',
    satisfied: 'Jeg er tilfreds',
  },
};

export const breakdownNameDa = (b: IndicatorFigures['breakdown']) => breakdownDa[b];

/** A point's breakdown value in words: the server's label (an offer's name), a known word, or as stored. */
export function valueNameDa(f: IndicatorFigures, p: IndicatorFigures['points'][number]): string {
  if (p.value === null) return 'I alt';
  return p.label ?? valueDa[f.breakdown]?.[p.value] ?? p.value;
}
