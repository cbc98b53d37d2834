import type {
  AssessConcernReportBody,
  ConcernInbox,
  ConcernRecipient,
  ConcernReport,
  CreateConcernReportBody,
  SentConcernReport,
} from '@familiespor/contracts';
import { api } from '../../api/api.client';
import { queryString } from '../../api/query-string';

export type { ConcernInbox, ConcernRecipient, ConcernReport, SentConcernReport };
export type CreateConcernReportInput = CreateConcernReportBody;

/** Concern reports (underretninger): sending, the caseworkers' inbox, the sender's own list. */
export const concernApi = {
  /** createConcernReport */
  send: (body: CreateConcernReportInput) => api.post<SentConcernReport>('/api/concern-reports', body),
  /** listConcernRecipients: the municipalities and their social services. */
  recipients: () => api.get<ConcernRecipient[]>('/api/concern-reports/recipients'),
  /** listMySentConcernReports: received (receipt date) and whether a child assessment began. */
  mine: () => api.get<SentConcernReport[]>('/api/my/concern-reports'),
  /** listConcernReports: the inbox, past a deadline first, then the newest. */
  inbox: (status: 'open' | 'all') => api.get<ConcernInbox>(`/api/concern-reports${queryString({ status })}`),
  /** assessConcernReport */
  assess: (id: string, body: AssessConcernReportBody) =>
    api.post<ConcernReport>(`/api/concern-reports/${id}/assessment`, body),
  /** sendConcernReceipt */
  receipt: (id: string) => api.post<ConcernReport>(`/api/concern-reports/${id}/receipt`),
  /** recordChildAssessmentStarted */
  childAssessment: (id: string, started: boolean) =>
    api.post<ConcernReport>(`/api/concern-reports/${id}/child-assessment`, { started }),
};
