import { indicatorIds } from '@familiespor/domain';
import { describe, expect, it } from 'vitest';
import { indicatorGroups } from './indicator-groups';

describe('the dashboard sections', () => {
  it('hold every indicator of the catalogue exactly once', () => {
    const grouped = Object.values(indicatorGroups).flat();
    expect([...grouped].sort()).toEqual([...indicatorIds].sort());
  });
});
