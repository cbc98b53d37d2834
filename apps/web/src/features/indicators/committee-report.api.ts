import type { CommitteeReport } from '@familiespor/contracts';
import { api } from '../../api/api.client';

export type CommitteePeriodQuery = { from: string; to: string } | null;

export const committeeReportApi = {
  /** getCommitteeReport; null: the last 12 whole months. */
  get: (q: CommitteePeriodQuery) =>
    api.get<CommitteeReport>(
      q ? `/api/indicators/committee-report?from=${q.from}&to=${q.to}` : '/api/indicators/committee-report',
    ),
};
