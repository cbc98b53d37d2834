import { readFileSync } from 'node:fs';
import { indicatorIds } from '@familiespor/domain';
import { describe, expect, it } from 'vitest';
import { indicatorNamesDa } from './indicator-labels';

// The dashboard's Danish texts: the export must name an indicator as the page it came from does.
const dashboardDa = JSON.parse(
  readFileSync(new URL('../../../../web/src/i18n/dashboard/da.json', import.meta.url), 'utf8'),
) as { dashboard: { indicators: Record<string, { name: string }> } };

describe('the export names each indicator', () => {
  it('as the dashboard does, in Danish', () => {
    for (const id of indicatorIds)
      expect(indicatorNamesDa[id], id).toBe(dashboardDa.dashboard.indicators[id]?.name);
  });
});
