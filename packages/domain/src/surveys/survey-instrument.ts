import type { SurveyQuestion } from '../indicators/indicator-facts';

/**
 * Familiespor's own short satisfaction form: three statements scored 1–5 and one free text. The
 * wording is ours (free to use, no licence), written to be read by a tired parent on a phone; the
 * statements follow the "I can act on what I came with / I felt heard / I am satisfied".
 */
export type SurveyLanguage = 'da' | 'en' | 'ar';
export type SurveyOccasion = 'session' | 'course_end' | 'case_close' | 'open_counselling';

export const surveyQuestions: readonly SurveyQuestion[] = ['can_act', 'heard', 'satisfied'];
export const surveyScoreMin = 1;
export const surveyScoreMax = 5;
export const surveyFreeTextMax = 1000;

export const surveyStatements: Record<SurveyQuestion, Record<SurveyLanguage, string>> = {
  can_act: {
    da: 'Jeg kan bruge det, jeg kom med',
    en: 'I can act on what I came with',
    ar: 'أستطيع أن أتصرف فيما جئت من أجله',
  },
  heard: {
    da: 'Jeg følte mig hørt',
    en: 'I felt heard',
    ar: 'شعرت بأنه تم الاستماع إليّ',
  },
  satisfied: {
    da: 'Jeg er tilfreds',
    en: 'I am satisfied',
    ar: 'أنا راضٍ',
  },
};

/** The scale's ends, said the same way under each statement. */
export const surveyScaleLabels: Record<SurveyLanguage, { low: string; high: string }> = {
  da: { low: 'Slet ikke enig', high: 'Helt enig' },
  en: { low: 'Strongly disagree', high: 'Strongly agree' },
  ar: { low: 'لا أوافق إطلاقًا', high: 'أوافق تمامًا' },
};

export type SurveyAnswers = {
  scores: Record<SurveyQuestion, number>;
  freeText: string | null;
};

export type SurveyAnswerError = { path: string; code: 'out_of_range' | 'too_long'; message: string };

/** Scores whole numbers 1–5; free text at most 1000 characters (after trimming). */
export function checkSurveyAnswers(a: SurveyAnswers): SurveyAnswerError[] {
  const errors: SurveyAnswerError[] = [];
  for (const q of surveyQuestions) {
    const s = a.scores[q];
    if (!Number.isInteger(s) || s < surveyScoreMin || s > surveyScoreMax)
      errors.push({ path: `scores.${q}`, code: 'out_of_range', message: 'A score from 1 to 5' });
  }
  if (a.freeText !== null && a.freeText.trim().length > surveyFreeTextMax)
    errors.push({ path: 'freeText', code: 'too_long', message: `At most ${surveyFreeTextMax} characters` });
  return errors;
}

/** Empty or blank free text is no free text. */
export function normaliseFreeText(text: string | null | undefined): string | null {
  const t = text?.trim() ?? '';
  return t.length === 0 ? null : t;
}
