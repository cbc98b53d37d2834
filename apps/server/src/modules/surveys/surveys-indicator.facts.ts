import { type SurveyAnswerFact, surveyQuestions } from '@familiespor/domain';
import { registerIndicatorFacts } from '../indicators/indicator-facts.registry';
import { satisfactionFacts } from './surveys.repo';

/** Satisfaction: one fact per statement per response with an offer (a case's survey has none). */
registerIndicatorFacts({
  indicator: 'satisfaction',
  async facts(tx, q) {
    const rows = await satisfactionFacts(tx, q);
    return rows.flatMap((r): SurveyAnswerFact[] =>
      surveyQuestions.map((question) => ({
        answeredOn: r.answered_on,
        offerId: r.offer_id as string,
        question,
        score: r[question],
      })),
    );
  },
});
