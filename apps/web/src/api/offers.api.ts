import { api } from './api.client';
import type {
  CohortFigures,
  CohortPlan,
  ConfirmCohortPlanInput,
  ConfirmedCohorts,
  CourseSession,
  CreateOfferInput,
  Eligibility,
  EnrollInput,
  Enrollment,
  Offer,
  OfferForFamily,
  UpdateOfferInput,
  WithdrawInput,
} from './api.types';
import { queryString } from './query-string';

export type SessionQuery = { cohortId?: string; from?: string; to?: string };

/** Offers, sign-ups, cohorts and sessions for staff (operationIds in brackets). */
export const offersApi = {
  /** listOffers: the catalogue; with a family, whether it can join each offer now or soon. */
  list: (query: { familyId?: string; includeInactive?: boolean } = {}) =>
    api.get<OfferForFamily[]>(`/api/offers${queryString(query)}`),
  /** getOffer */
  offer: (offerId: string) => api.get<Offer>(`/api/offers/${offerId}`),
  /** createOffer: programme leads; a Familieiværksætterne course gets the 16-session template. */
  create: (body: CreateOfferInput) => api.post<Offer>('/api/offers', body),
  /** updateOffer */
  update: (offerId: string, body: UpdateOfferInput) => api.patch<Offer>(`/api/offers/${offerId}`, body),
  /** checkEligibility: rule by rule, audited as a read of the family. */
  eligibility: (offerId: string, familyId: string) =>
    api.get<Eligibility>(`/api/offers/${offerId}/eligibility${queryString({ familyId })}`),
  /** enrollInOffer: a professional signs a family up (or refers it, with a reason). */
  enroll: (offerId: string, body: EnrollInput) =>
    api.post<Enrollment>(`/api/offers/${offerId}/enrollments`, body),
  /** withdrawEnrollment */
  withdraw: (enrollmentId: string, body: WithdrawInput) =>
    api.post<Enrollment>(`/api/enrollments/${enrollmentId}/withdraw`, body),
  /** listFamilyEnrollments */
  familyEnrollments: (familyId: string) => api.get<Enrollment[]>(`/api/families/${familyId}/enrollments`),
  /** planCohorts: a preview; nothing is saved. */
  previewPlan: (body: { offerId: string; dueFrom: string; dueTo: string }) =>
    api.post<CohortPlan>('/api/cohort-plans/preview', body),
  /** confirmCohortPlan */
  confirmPlan: (body: ConfirmCohortPlanInput) => api.post<ConfirmedCohorts>('/api/cohort-plans', body),
  /** listSessions: the facilitator's own, the programme lead's all; with a cohort, its parents too. */
  sessions: (query: SessionQuery = {}) => api.get<CourseSession[]>(`/api/sessions${queryString(query)}`),
  /** recordAttendance: each parent on their own; refused more than 12 hours before the start. */
  recordAttendance: (sessionId: string, attendance: { personId: string; present: boolean }[]) =>
    api.put<CourseSession>(`/api/sessions/${sessionId}/attendance`, { attendance }),
  /** getCohortFigures: mothers and fathers/co-parents apart. */
  cohortFigures: (cohortId: string) => api.get<CohortFigures>(`/api/cohorts/${cohortId}/figures`),
};
