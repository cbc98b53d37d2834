import { describe, expect, it } from 'vitest';
import { completeAnswers, itemOfPath, noAnswers, unanswered } from './answers';

describe('screening answers', () => {
  it('starts with every item unanswered', () => {
    expect(noAnswers('epds')).toHaveLength(10);
    expect(noAnswers('adbb')).toHaveLength(8);
    expect(unanswered(noAnswers('adbb'))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('sends the answers only when all are there, 0 included', () => {
    const a = [0, 1, 2, 3, 0, 1, 2, 3, 0, null];
    expect(unanswered(a)).toEqual([9]);
    expect(completeAnswers(a)).toBeNull();
    expect(completeAnswers([...a.slice(0, 9), 0])).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 0]);
  });

  it('reads the item from a server error path', () => {
    expect(itemOfPath('answers.3')).toBe(3);
    expect(itemOfPath('answers')).toBeNull();
  });
});
