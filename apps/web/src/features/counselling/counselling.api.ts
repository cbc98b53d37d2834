import type {
  AddCounsellingContactBody,
  AddCounsellingGoalBody,
  AddCounsellingPartyBody,
  CloseCounsellingCaseBody,
  CounsellingCase,
  CounsellingCasePage,
  CounsellingCaseSummary,
  CounsellingStatistics,
  OpenCounsellingCaseInput,
  ScoreCounsellingGoalsBody,
} from '@familiespor/contracts';
import { api } from '../../api/api.client';
import { queryString } from '../../api/query-string';

const base = '/api/counselling/cases';

/** The family counselling API (operationIds in brackets); staff only. */
export const counsellingApi = {
  /** openCounsellingCase */
  open: (body: OpenCounsellingCaseInput) => api.post<CounsellingCase>(base, body),
  /** listCounsellingCases */
  list: (q: {
    scope: 'mine' | 'organisation';
    status: 'open' | 'closed' | 'all';
    limit: number;
    offset: number;
  }) => api.get<CounsellingCasePage>(`${base}${queryString(q)}`),
  /** getCounsellingCase */
  get: (caseId: string) => api.get<CounsellingCase>(`${base}/${caseId}`),
  /** listFamilyCounsellingCases */
  ofFamily: (familyId: string) =>
    api.get<CounsellingCaseSummary[]>(`/api/families/${familyId}/counselling-cases`),
  /** addCounsellingGoal */
  addGoal: (caseId: string, body: AddCounsellingGoalBody) =>
    api.post<CounsellingCase>(`${base}/${caseId}/goals`, body),
  /** scoreCounsellingGoals */
  score: (caseId: string, body: ScoreCounsellingGoalsBody) =>
    api.post<CounsellingCase>(`${base}/${caseId}/scores`, body),
  /** addCounsellingContact */
  addContact: (caseId: string, body: AddCounsellingContactBody) =>
    api.post<CounsellingCase>(`${base}/${caseId}/contacts`, body),
  /** addCounsellingParty */
  addParty: (caseId: string, body: AddCounsellingPartyBody) =>
    api.post<CounsellingCase>(`${base}/${caseId}/parties`, body),
  /** closeCounsellingCase */
  close: (caseId: string, body: CloseCounsellingCaseBody) =>
    api.post<CounsellingCase>(`${base}/${caseId}/close`, body),
  /** getCounsellingStatistics */
  statistics: (year?: number) =>
    api.get<CounsellingStatistics>(`/api/counselling/statistics${queryString({ year })}`),
};
