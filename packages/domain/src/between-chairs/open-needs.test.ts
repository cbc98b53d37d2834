import { describe, expect, it } from 'vitest';
import { betweenChairsTaskKey, summariseNeeds } from './open-needs';

describe('a family between chairs', () => {
  it('lists each kind of need once, from its earliest date, oldest first', () => {
    expect(
      summariseNeeds([
        { kind: 'course_dropout', since: '2026-10-01' },
        { kind: 'positive_screening', since: '2026-11-02' },
        { kind: 'positive_screening', since: '2026-09-15' },
        { kind: 'coordinator_task', since: '2026-10-01' },
      ]),
    ).toEqual({
      needs: [
        { kind: 'positive_screening', since: '2026-09-15' },
        { kind: 'coordinator_task', since: '2026-10-01' },
        { kind: 'course_dropout', since: '2026-10-01' },
      ],
      since: '2026-09-15',
    });
  });

  it('has no date when it has no need', () => {
    expect(summariseNeeds([])).toEqual({ needs: [], since: null });
  });

  it('gets one task per family: the key makes computing the list again idempotent', () => {
    expect(betweenChairsTaskKey('f-1')).toBe('between_chairs:f-1');
  });
});
