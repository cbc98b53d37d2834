import { addDays } from '../time/calendar';

/**
 * The Alarm Distress Baby Scale (Guedeney & Fermanian 2001): 8 items observed in the infant,
 * each 0–4; a total of 5 or more calls for a new observation within 1–2 weeks. Only staff
 * trained in ADBB record it.
 */
export const adbbCredit =
  'Guedeney, A., & Fermanian, J. (2001). Infant Mental Health Journal, 22(5), 559–575.';
export const adbbItems = 8;
export const adbbCutoff = 5;

export type AdbbResult = { total: number; band: 'below_cutoff' | 'at_or_above_cutoff'; flags: 'positive'[] };

export function checkAdbbAnswers(
  answers: readonly number[],
): { item: number | null; code: 'item_count' | 'answer_range' }[] {
  const problems: { item: number | null; code: 'item_count' | 'answer_range' }[] = [];
  if (answers.length !== adbbItems) problems.push({ item: null, code: 'item_count' });
  answers.forEach((a, i) => {
    if (!Number.isInteger(a) || a < 0 || a > 4) problems.push({ item: i + 1, code: 'answer_range' });
  });
  return problems;
}

export function scoreAdbb(answers: readonly number[]): AdbbResult {
  if (checkAdbbAnswers(answers).length > 0) throw new RangeError('ADBB needs 8 answers, each 0–4');
  const total = answers.reduce((n, x) => n + x, 0);
  const positive = total >= adbbCutoff;
  return {
    total,
    band: positive ? 'at_or_above_cutoff' : 'below_cutoff',
    flags: positive ? ['positive'] : [],
  };
}

export function adbbFollowUp(result: AdbbResult, observedOn: string) {
  return result.band === 'at_or_above_cutoff'
    ? [
        {
          kind: 'adbb_repeat' as const,
          window: {
            start: addDays(observedOn, 7),
            due: addDays(observedOn, 10),
            end: addDays(observedOn, 14),
          },
        },
      ]
    : [];
}
