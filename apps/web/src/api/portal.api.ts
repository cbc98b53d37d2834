import { api } from './api.client';
import type {
  CalendarFeed,
  CourseSession,
  Enrollment,
  MyTimeline,
  NetworkChoice,
  NetworkMembers,
  OfferForFamily,
} from './api.types';

/** The parent portal's API: the parent's own family only. */
export const portalApi = {
  /** getMyFamilyTimeline: the timeline, "Dit team" and the children. */
  timeline: () => api.get<MyTimeline>('/api/portal/timeline'),
  /** listOffers: for a parent every offer says whether the family can join it now or soon. */
  offers: () => api.get<OfferForFamily[]>('/api/offers'),
  /** listMyEnrollments */
  enrollments: () => api.get<Enrollment[]>('/api/portal/enrollments'),
  /** enrollInOffer: the parents choose who takes part. */
  enroll: (offerId: string, participantIds: string[]) =>
    api.post<Enrollment>(`/api/offers/${offerId}/enrollments`, { participantIds }),
  /** withdrawEnrollment: declined before the course, dropped out after it began. */
  withdraw: (enrollmentId: string, body: { status: 'declined' | 'dropped_out'; reason: string }) =>
    api.post<Enrollment>(`/api/enrollments/${enrollmentId}/withdraw`, body),
  /** listSessions: "Mine aftaler", the family's own sessions. */
  sessions: () => api.get<CourseSession[]>('/api/sessions'),
  /** getCalendarFeedUrl: a new address each time; the old one stops. */
  calendarFeed: () => api.post<CalendarFeed>('/api/portal/calendar-feed'),
  /** revokeCalendarFeed */
  revokeCalendarFeed: () => api.delete<void>('/api/portal/calendar-feed'),
  /** getParentNetwork */
  network: (cohortId: string) => api.get<NetworkMembers>(`/api/portal/cohorts/${cohortId}/network`),
  /** setNetworkChoice */
  setNetworkChoice: (cohortId: string, choice: NetworkChoice) =>
    api.put<NetworkMembers>(`/api/portal/cohorts/${cohortId}/network`, choice),
};

/** recordScreening from the portal: a parent fills in their own EPDS (the API refuses anything else). */
export const portalScreeningApi = {
  recordEpds: (body: {
    familyId: string;
    respondentPersonId: string;
    answers: number[];
    observedOn: string;
  }) => api.post<{ id: string }>('/api/screenings', { instrument: 'epds', ...body }),
};
