import { z } from 'zod';
import { isoDateTime, uuid } from './common.contracts';

export const surveyOccasions = ['session', 'course_end', 'case_close', 'open_counselling'] as const;
export const surveyOccasion = z.enum(surveyOccasions);
export const surveyQuestionKeys = ['can_act', 'heard', 'satisfied'] as const;
export const surveyQuestion = z.enum(surveyQuestionKeys);

/** What the survey is sent after: one course session, a cohort's course, a closed case, or open counselling. */
export const sendSurveyBody = z.discriminatedUnion('occasion', [
  z.strictObject({ occasion: z.literal('session'), sessionId: uuid }),
  z.strictObject({ occasion: z.literal('course_end'), cohortId: uuid }),
  z.strictObject({ occasion: z.literal('case_close'), caseId: uuid }),
  z.strictObject({ occasion: z.literal('open_counselling'), offerId: uuid.nullable().optional() }),
]);
export type SendSurveyBody = z.infer<typeof sendSurveyBody>;

export const sentSurvey = z.object({
  surveyId: uuid,
  occasion: surveyOccasion,
  /** Parents asked now (new links); a repeat send asks only those not asked before. */
  linksCreated: z.number().int(),
  /** Parents asked before this send: not asked again. */
  alreadyAsked: z.number().int(),
  emailed: z.number().int(),
  /** Open counselling only: the one-time code and link to hand to the parent. Shown once. */
  anonymous: z.object({ code: z.string(), url: z.string() }).nullable(),
});
export type SentSurvey = z.infer<typeof sentSurvey>;

const score = z.int().min(1).max(5);

/** Answering: by the token from the link or code, or by the logged-in parent's own link. */
export const submitSurveyResponseBody = z
  .strictObject({
    token: z.string().min(16).max(128).optional(),
    linkId: uuid.optional(),
    scores: z.strictObject({ can_act: score, heard: score, satisfied: score }),
    freeText: z.string().max(1000).nullable().optional(),
  })
  .refine((b) => (b.token === undefined) !== (b.linkId === undefined), {
    message: 'Give the token or the link, not both',
    path: ['token'],
  });
export type SubmitSurveyResponseBody = z.infer<typeof submitSurveyResponseBody>;

export const surveyResponseReceipt = z.object({ answered: z.literal(true) });

/** A survey waiting for the logged-in parent, or one looked up by token. */
export const pendingSurvey = z.object({
  linkId: uuid.nullable(),
  occasion: surveyOccasion,
  offerName: z.string().nullable(),
  organisationName: z.string(),
  occasionDate: z.iso.date(),
  title: z.string().nullable(),
  answered: z.boolean(),
});
export type PendingSurvey = z.infer<typeof pendingSurvey>;

export const surveyByTokenQuery = z.strictObject({ token: z.string().min(16).max(128) });

export const surveyResultsQuery = z.strictObject({
  offerId: uuid.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type SurveyResultsQuery = z.infer<typeof surveyResultsQuery>;

export const questionSummary = z.object({
  question: surveyQuestion,
  counts: z.array(z.number().int().nullable()).nullable(),
  mean: z.number().nullable(),
});
export const surveySummary = z.object({
  responses: z.union([z.number().int(), z.literal('<5')]),
  questions: z.array(questionSummary),
});

export const surveyOccasionResult = surveySummary.extend({
  surveyId: uuid,
  occasion: surveyOccasion,
  occasionDate: z.iso.date(),
  title: z.string().nullable(),
});

export const surveyOfferResult = surveySummary.extend({
  offer: z.object({ id: uuid, name: z.string() }).nullable(),
  organisation: z.object({ id: uuid, name: z.string() }),
  occasions: z.array(surveyOccasionResult),
  /** Only for the offer's own organisation; null for others. Never tied to an occasion or a date. */
  freeText: z.array(z.string()).nullable(),
});
export const surveyResults = z.object({ generatedAt: isoDateTime, offers: z.array(surveyOfferResult) });
export type SurveyResults = z.infer<typeof surveyResults>;
export type SurveyOfferResult = z.infer<typeof surveyOfferResult>;
