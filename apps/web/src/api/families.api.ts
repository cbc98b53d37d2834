import { api } from './api.client';
import type {
  CoordinatorCandidate,
  FamilyDetail,
  FamilyPage,
  FamilySummary,
  FamilyTimeline,
  ImportResult,
  RegisterBirthInput,
  RegisterPregnancyInput,
} from './api.types';

export type FamilySearch = { cpr?: string; name?: string; childBirthDate?: string };

const query = (params: Record<string, string | number | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
};

/** The families API (operationIds in brackets); staff only, except the portal's own timeline. */
export const familiesApi = {
  /** listMyFamilies: "Mine familier", the families the user coordinates. */
  mine: () => api.get<FamilySummary[]>('/api/my/families'),
  /** listFamiliesWithoutCoordinator */
  withoutCoordinator: (page: { limit: number; offset: number }) =>
    api.get<FamilyPage>(`/api/families/without-coordinator${query(page)}`),
  /** searchFamilies: only the families the user may see come back. */
  search: (terms: FamilySearch) => api.get<FamilySummary[]>(`/api/families/search${query(terms)}`),
  /** getFamily */
  family: (familyId: string) => api.get<FamilyDetail>(`/api/families/${familyId}`),
  /** getFamilyTimeline */
  timeline: (familyId: string) => api.get<FamilyTimeline>(`/api/families/${familyId}/timeline`),
  /** revealCpr: audited on the server. */
  revealCpr: (personId: string) =>
    api.post<{ personId: string; cpr: string }>(`/api/persons/${personId}/cpr-reveal`),
  /** listCoordinatorCandidates: the district's health visitors first. */
  coordinatorCandidates: (familyId: string) =>
    api.get<CoordinatorCandidate[]>(`/api/families/${familyId}/coordinator-candidates`),
  /** assignCoordinator: a change needs a handover note. */
  assignCoordinator: (familyId: string, body: { staffUserId: string; handoverNote?: string }) =>
    api.put<FamilyDetail>(`/api/families/${familyId}/coordinator`, body),
  /** registerPregnancy */
  registerPregnancy: (body: RegisterPregnancyInput) => api.post<FamilyDetail>('/api/pregnancies', body),
  /** registerBirth */
  registerBirth: (familyId: string, body: RegisterBirthInput) =>
    api.post<FamilyDetail>(`/api/families/${familyId}/births`, body),
  /** importBirthNotifications */
  importBirths: (body: { format: 'csv' | 'json'; content: string; filename?: string }) =>
    api.post<ImportResult>('/api/birth-notifications', body),
};
