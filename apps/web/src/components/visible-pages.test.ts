import { describe, expect, it } from 'vitest';
import { visiblePages } from './visible-pages';

describe('visiblePages', () => {
  it('shows every page when there are few', () => {
    expect(visiblePages(2, 4)).toEqual([1, 2, 3, 4]);
  });
  it('shows the ends and the neighbours, with gaps between', () => {
    expect(visiblePages(1, 20)).toEqual([1, 2, 'gap', 20]);
    expect(visiblePages(10, 20)).toEqual([1, 'gap', 9, 10, 11, 'gap', 20]);
    expect(visiblePages(20, 20)).toEqual([1, 'gap', 19, 20]);
  });
});
