import { describe, expect, it } from 'vitest';
import { checkSurveyAnswers, normaliseFreeText, surveyStatements } from './survey-instrument';
import { summariseSurvey } from './survey-results';

const row = (can_act: number, heard: number, satisfied: number) => ({ can_act, heard, satisfied });

describe('the survey instrument', () => {
  it('has each statement in Danish, English and Arabic', () => {
    for (const s of Object.values(surveyStatements)) {
      expect(s.da.length).toBeGreaterThan(0);
      expect(s.en.length).toBeGreaterThan(0);
      expect(s.ar).toMatch(/[\u0600-\u06ff]/);
    }
  });
  it('accepts scores 1–5 and refuses others and long free text', () => {
    expect(checkSurveyAnswers({ scores: row(1, 5, 3), freeText: null })).toEqual([]);
    const errors = checkSurveyAnswers({ scores: row(0, 6, 2.5), freeText: 'x'.repeat(1001) });
    expect(errors.map((e) => e.path)).toEqual([
      'scores.can_act',
      'scores.heard',
      'scores.satisfied',
      'freeText',
    ]);
  });
  it('treats blank free text as none', () => {
    expect(normaliseFreeText('  ')).toBeNull();
    expect(normaliseFreeText(' tak ')).toBe('tak');
  });
});

describe('survey results', () => {
  it('shows "<5" and nothing else for fewer than five responses', () => {
    const s = summariseSurvey([row(5, 5, 5), row(4, 4, 4), row(3, 3, 3), row(2, 2, 2)]);
    expect(s.responses).toBe('<5');
    expect(s.questions.every((q) => q.counts === null && q.mean === null)).toBe(true);
  });
  it('shows the counts that are safe to show, and a mean only where no count is hidden', () => {
    const rows = [...Array(6)].map(() => row(5, 4, 5)).concat([row(1, 4, 5)]);
    const s = summariseSurvey(rows);
    expect(s.responses).toBe(7);
    const canAct = s.questions.find((q) => q.question === 'can_act');
    // 6×5 and 1×1: the single "1" is hidden, and the 6 with it, or it could be worked out from 7;
    // the mean (4.43) would give both back with the total, so it is hidden as well.
    expect(canAct?.mean).toBeNull();
    expect(canAct?.counts?.[0]).toBeNull();
    expect(canAct?.counts?.[4]).toBeNull();
    const heard = s.questions.find((q) => q.question === 'heard');
    expect(heard?.counts).toEqual([0, 0, 0, 7, 0]);
    expect(heard?.mean).toBe(4);
  });
});
