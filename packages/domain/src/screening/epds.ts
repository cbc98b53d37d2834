import { addDays } from '../time/calendar';

/**
 * The Edinburgh Postnatal Depression Scale (Cox, Holden & Sagovsky 1987), DESIGN §5: 10 items
 * about the past 7 days, each answered by choosing one of four options (0 = the first, top
 * option). Items 1, 2 and 4 score 0→3 top to bottom; items 3 and 5–10 are reverse-scored.
 * Total 0–30. Any score above 0 on item 10 (thoughts of self-harm) is an alert, whatever the total.
 */
export const epdsCredit =
  'Cox, J.L., Holden, J.M., & Sagovsky, R. (1987). British Journal of Psychiatry, 150, 782–786.';
export const epdsItems = 10;
const forwardScored = new Set([1, 2, 4]);

export type EpdsRespondent = 'mother' | 'father' | 'co_parent';
export type EpdsCutoffs = { mother: number; father: number };
/** Danish practice: 11 for mothers, 10 for fathers and co-parents; a municipality may set its own. */
export const defaultEpdsCutoffs: EpdsCutoffs = { mother: 11, father: 10 };

export type EpdsResult = {
  itemScores: number[];
  total: number;
  cutoff: number;
  band: 'below_cutoff' | 'at_or_above_cutoff';
  flags: ('self_harm' | 'positive')[];
};

export type EpdsProblem = { item: number | null; code: 'item_count' | 'answer_range' };

export function checkEpdsAnswers(answers: readonly number[]): EpdsProblem[] {
  const problems: EpdsProblem[] = [];
  if (answers.length !== epdsItems) problems.push({ item: null, code: 'item_count' });
  answers.forEach((a, i) => {
    if (!Number.isInteger(a) || a < 0 || a > 3) problems.push({ item: i + 1, code: 'answer_range' });
  });
  return problems;
}

export function cutoffFor(respondent: EpdsRespondent, cutoffs: EpdsCutoffs = defaultEpdsCutoffs): number {
  return respondent === 'mother' ? cutoffs.mother : cutoffs.father;
}

/** Scores answers given as option indexes (0–3, top to bottom). Throws on invalid answers. */
export function scoreEpds(
  answers: readonly number[],
  respondent: EpdsRespondent,
  cutoffs: EpdsCutoffs = defaultEpdsCutoffs,
): EpdsResult {
  if (checkEpdsAnswers(answers).length > 0) throw new RangeError('EPDS needs 10 answers, each 0–3');
  const itemScores = answers.map((a, i) => (forwardScored.has(i + 1) ? a : 3 - a));
  const total = itemScores.reduce((n, x) => n + x, 0);
  const cutoff = cutoffFor(respondent, cutoffs);
  const flags: EpdsResult['flags'] = [];
  if ((itemScores[9] as number) > 0) flags.push('self_harm');
  if (total >= cutoff) flags.push('positive');
  return { itemScores, total, cutoff, band: total >= cutoff ? 'at_or_above_cutoff' : 'below_cutoff', flags };
}

export type EpdsFollowUp =
  | { kind: 'self_harm_alert'; window: { start: string; due: string; end: string } }
  | { kind: 'epds_repeat'; window: { start: string; due: string; end: string } }
  | { kind: 'epds_referral'; window: { start: string; due: string; end: string } };

/**
 * What a screening sets in motion (DESIGN §5): an immediate alert on item 10; at or above the
 * cut-off a repeat in 2–3 weeks before any referral; a repeat still at or above → a referral.
 * `previous` is the respondent's previous EPDS, if it was positive and within the last 6 weeks.
 */
export function epdsFollowUps(
  result: EpdsResult,
  takenOn: string,
  previousPositiveWithinWeeks: boolean,
): EpdsFollowUp[] {
  const out: EpdsFollowUp[] = [];
  if (result.flags.includes('self_harm'))
    out.push({ kind: 'self_harm_alert', window: { start: takenOn, due: takenOn, end: addDays(takenOn, 1) } });
  if (result.band === 'at_or_above_cutoff') {
    if (previousPositiveWithinWeeks) {
      out.push({
        kind: 'epds_referral',
        window: { start: takenOn, due: addDays(takenOn, 7), end: addDays(takenOn, 14) },
      });
    } else {
      out.push({
        kind: 'epds_repeat',
        window: { start: addDays(takenOn, 14), due: addDays(takenOn, 17), end: addDays(takenOn, 21) },
      });
    }
  }
  return out;
}
