import type {
  PendingSurvey,
  SendSurveyBody,
  SentSurvey,
  SubmitSurveyResponseBody,
  SurveyResults,
} from '@familiespor/contracts';
import { api } from '../../api/api.client';

/** The satisfaction survey API (operationIds in brackets). */
export const surveysApi = {
  /** sendSurvey (staff) */
  send: (body: SendSurveyBody) => api.post<SentSurvey>('/api/surveys', body),
  /** submitSurveyResponse: by token (no login) or the logged-in parent's link */
  submit: (body: SubmitSurveyResponseBody) => api.post<{ answered: true }>('/api/surveys/responses', body),
  /** getSurveyByToken */
  byToken: (token: string) =>
    api.get<PendingSurvey>(`/api/surveys/by-token?token=${encodeURIComponent(token)}`),
  /** listMySurveys (parent) */
  mine: () => api.get<PendingSurvey[]>('/api/portal/surveys'),
  /** getSurveyResults (staff) */
  results: (offerId?: string) =>
    api.get<SurveyResults>(`/api/surveys/results${offerId ? `?offerId=${offerId}` : ''}`),
};
