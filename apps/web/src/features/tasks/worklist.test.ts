import { describe, expect, it } from 'vitest';
import { sectionOf, taskKindOf, worklistSectionsOf } from './worklist';

const today = '2026-11-23';
const task = (id: string, due: string, alert = false) => ({
  id,
  alert,
  window: { start: due, due, end: due },
});

describe('the worklist', () => {
  it('puts alerts first whatever their date, then today, overdue and later', () => {
    expect(sectionOf(task('a', '2026-11-20', true), today)).toBe('alerts');
    expect(sectionOf(task('b', today), today)).toBe('today');
    expect(sectionOf(task('c', '2026-11-22'), today)).toBe('overdue');
    expect(sectionOf(task('d', '2026-11-24'), today)).toBe('upcoming');
  });

  it('keeps the order within each section', () => {
    const s = worklistSectionsOf(
      [task('a', today, true), task('b', '2026-11-01'), task('c', '2026-11-10'), task('d', today)],
      today,
    );
    expect(s.alerts.map((t) => t.id)).toEqual(['a']);
    expect(s.overdue.map((t) => t.id)).toEqual(['b', 'c']);
    expect(s.today.map((t) => t.id)).toEqual(['d']);
    expect(s.upcoming).toEqual([]);
  });

  it('names unknown kinds "other"', () => {
    expect(taskKindOf('epds_repeat')).toBe('epds_repeat');
    expect(taskKindOf('something_new')).toBe('other');
  });
});
