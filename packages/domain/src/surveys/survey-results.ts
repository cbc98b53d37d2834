import type { SurveyQuestion } from '../indicators/indicator-facts';
import { cellOut, smallCellThreshold, suppressDistribution } from '../statistics/small-cell-suppression';
import { surveyQuestions } from './survey-instrument';

export type SurveyScoreRow = Record<SurveyQuestion, number>;

/** Counts per score 1..5 (null where hidden) and the mean, for one statement. */
export type QuestionSummary = {
  question: SurveyQuestion;
  counts: (number | null)[] | null;
  mean: number | null;
};

export type SurveySummary = {
  /** The number of responses, or '<5' when there are too few to show anything else. */
  responses: number | '<5';
  questions: QuestionSummary[];
};

/**
 * A group of responses as it may be shown: fewer than five responses show "<5" and nothing else —
 * no counts, no means — so a parent in a small group cannot be picked out. With five or more, the
 * counts per score go through the complementary suppression (a score given by fewer than five is
 * hidden, and another with it so it cannot be worked out from the total); the mean is shown
 * only where no count is hidden.
 */
export function summariseSurvey(rows: readonly SurveyScoreRow[]): SurveySummary {
  if (rows.length < smallCellThreshold) {
    return {
      responses: '<5',
      questions: surveyQuestions.map((question) => ({ question, counts: null, mean: null })),
    };
  }
  return {
    responses: rows.length,
    questions: surveyQuestions.map((question) => {
      const counts = [1, 2, 3, 4, 5].map((score) => rows.filter((r) => r[question] === score).length);
      const shown = suppressDistribution(counts, rows.length);
      const sum = rows.reduce((acc, r) => acc + r[question], 0);
      // With a count hidden, the mean and the total are two equations that give the hidden counts
      // back (6×5 and 1×1 of 7 is the only way to a mean of 4.43): then the mean is hidden too.
      const anyHidden = shown.cells.some((c) => c.suppressed);
      return {
        question,
        counts: shown.cells.map(cellOut),
        mean: anyHidden ? null : Math.round((sum / rows.length) * 100) / 100,
      };
    }),
  };
}
