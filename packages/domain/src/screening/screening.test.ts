import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adbbFollowUp, checkAdbbAnswers, scoreAdbb } from './adbb';
import { checkEpdsAnswers, epdsFollowUps, scoreEpds } from './epds';

const answers = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 });

describe('EPDS scoring (DESIGN §5)', () => {
  it('scores items 1, 2 and 4 top to bottom 0→3 and reverse-scores 3 and 5–10', () => {
    // Everyone chooses the top option: items 1, 2, 4 score 0; the seven others score 3 each.
    expect(scoreEpds(new Array(10).fill(0), 'mother').itemScores).toEqual([0, 0, 3, 0, 3, 3, 3, 3, 3, 3]);
    expect(scoreEpds(new Array(10).fill(3), 'mother').itemScores).toEqual([3, 3, 0, 3, 0, 0, 0, 0, 0, 0]);
  });

  it('totals 0–30', () => {
    fc.assert(
      fc.property(answers, fc.constantFrom('mother' as const, 'father' as const), (a, r) => {
        const res = scoreEpds(a, r);
        expect(res.total).toBe(res.itemScores.reduce((n, x) => n + x, 0));
        expect(res.total).toBeGreaterThanOrEqual(0);
        expect(res.total).toBeLessThanOrEqual(30);
      }),
    );
  });

  it('uses 11 for mothers and 10 for fathers, and a municipality’s own cut-offs', () => {
    // Answers that give exactly `target` points, never on item 10.
    const at = (target: number) => {
      const a = [0, 0, 3, 0, 3, 3, 3, 3, 3, 3]; // all zero scores
      const forward = [0, 1, 3];
      let left = target;
      for (const i of forward) {
        const take = Math.min(3, left);
        a[i] = take;
        left -= take;
      }
      for (const i of [2, 4, 5, 6, 7, 8]) {
        const take = Math.min(3, left);
        a[i] = 3 - take;
        left -= take;
      }
      return a;
    };
    expect(scoreEpds(at(10), 'mother')).toMatchObject({ total: 10, band: 'below_cutoff', flags: [] });
    expect(scoreEpds(at(10), 'father')).toMatchObject({
      total: 10,
      band: 'at_or_above_cutoff',
      flags: ['positive'],
    });
    expect(scoreEpds(at(11), 'mother')).toMatchObject({ total: 11, band: 'at_or_above_cutoff' });
    expect(scoreEpds(at(12), 'mother', { mother: 13, father: 12 })).toMatchObject({ band: 'below_cutoff' });
  });

  it('raises the self-harm flag on any item-10 score above 0, whatever the total', () => {
    const a = [0, 0, 3, 0, 3, 3, 3, 3, 3, 2]; // only item 10 scores (1)
    const res = scoreEpds(a, 'mother');
    expect(res.total).toBe(1);
    expect(res.flags).toEqual(['self_harm']);
    expect(epdsFollowUps(res, '2026-11-23', false)).toEqual([
      { kind: 'self_harm_alert', window: { start: '2026-11-23', due: '2026-11-23', end: '2026-11-24' } },
    ]);
  });

  it('repeats in 2–3 weeks when positive, and refers when the repeat is positive too', () => {
    const positive = scoreEpds([3, 3, 0, 3, 0, 0, 3, 3, 3, 3], 'mother');
    expect(positive.band).toBe('at_or_above_cutoff');
    expect(epdsFollowUps(positive, '2026-11-23', false)).toEqual([
      { kind: 'epds_repeat', window: { start: '2026-12-07', due: '2026-12-10', end: '2026-12-14' } },
    ]);
    expect(epdsFollowUps(positive, '2026-12-10', true).map((f) => f.kind)).toEqual(['epds_referral']);
    expect(
      epdsFollowUps(
        scoreEpds(
          new Array(10).fill(0).map((_, i) => ([0, 1, 3].includes(i) ? 0 : 3)),
          'mother',
        ),
        '2026-11-23',
        true,
      ),
    ).toEqual([]);
  });

  it('refuses 9 answers or an answer of 4', () => {
    expect(checkEpdsAnswers(new Array(9).fill(0))).toContainEqual({ item: null, code: 'item_count' });
    expect(checkEpdsAnswers([0, 0, 0, 4, 0, 0, 0, 0, 0, 0])).toEqual([{ item: 4, code: 'answer_range' }]);
    expect(() => scoreEpds([0, 0, 0, 4, 0, 0, 0, 0, 0, 0], 'mother')).toThrow(RangeError);
  });
});

describe('ADBB', () => {
  it('sums 8 items 0–4; 5 or more calls for a repeat within 1–2 weeks', () => {
    expect(scoreAdbb([1, 1, 1, 1, 0, 0, 0, 0])).toEqual({ total: 4, band: 'below_cutoff', flags: [] });
    const pos = scoreAdbb([1, 1, 1, 1, 1, 0, 0, 0]);
    expect(pos).toEqual({ total: 5, band: 'at_or_above_cutoff', flags: ['positive'] });
    expect(adbbFollowUp(pos, '2026-11-23')).toEqual([
      { kind: 'adbb_repeat', window: { start: '2026-11-30', due: '2026-12-03', end: '2026-12-07' } },
    ]);
    expect(checkAdbbAnswers([0, 0, 0, 0, 0, 0, 0, 5])).toEqual([{ item: 8, code: 'answer_range' }]);
    expect(checkAdbbAnswers([0, 0, 0])).toContainEqual({ item: null, code: 'item_count' });
  });
});
