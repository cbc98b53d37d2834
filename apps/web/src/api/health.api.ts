import { api } from './api.client';
import type {
  AddTargetedVisitInput,
  BookVisitInput,
  ChildVisit,
  CompleteTaskInput,
  RecordScreeningInput,
  RecordScreeningResult,
  RecordVisitInput,
  Screening,
  UpdateVisitProgrammeInput,
  VisitCalendar,
  VisitProgramme,
  VisitTimeliness,
  Worklist,
  WorklistGroup,
} from './api.types';
import { queryString } from './query-string';

/** Health visiting for staff: the visit programme, the child's visits, screenings and tasks. */
export const healthApi = {
  /** getVisitProgramme: the caller's own municipality unless another is named. */
  programme: (orgId?: string) => api.get<VisitProgramme>(`/api/visit-programme${queryString({ orgId })}`),
  /** updateVisitProgramme: the municipality's programme lead; applies to children born from now on. */
  updateProgramme: (body: UpdateVisitProgrammeInput) => api.put<VisitProgramme>('/api/visit-programme', body),
  /** listChildVisits */
  visits: (familyId: string) => api.get<ChildVisit[]>(`/api/families/${familyId}/visits`),
  /** addTargetedVisit: a targeted extra visit with its reason. */
  addTargetedVisit: (familyId: string, body: AddTargetedVisitInput) =>
    api.post<ChildVisit>(`/api/families/${familyId}/visits`, body),
  /** recordVisit: done (measurements checked for the child's age), missed (rescheduled) or cancelled. */
  recordVisit: (visitId: string, body: RecordVisitInput) =>
    api.post<{ visit: ChildVisit; rescheduledTo: ChildVisit | null }>(`/api/visits/${visitId}/record`, body),
  /** bookVisit: a time, a place and (default: the caller) the health visitor; booking again moves it. */
  bookVisit: (visitId: string, body: BookVisitInput) =>
    api.put<ChildVisit>(`/api/visits/${visitId}/booking`, body),
  /** cancelVisitBooking: the visit stays planned, to be booked again. */
  cancelBooking: (visitId: string) => api.delete<ChildVisit>(`/api/visits/${visitId}/booking`),
  /** listMyVisitCalendar: the caller's booked visits of an ISO week (default this week) and those to book. */
  visitCalendar: (week?: string) => api.get<VisitCalendar>(`/api/visits/calendar${queryString({ week })}`),
  /** recordScreening: returns total, band, flags and the follow-up tasks it made. */
  recordScreening: (body: RecordScreeningInput) => api.post<RecordScreeningResult>('/api/screenings', body),
  /** listFamilyScreenings: newest first. */
  screenings: (familyId: string) => api.get<Screening[]>(`/api/families/${familyId}/screenings`),
  /** listMyTasks: "I dag"; the counts cover every open task whatever the filter. */
  myTasks: (due: WorklistGroup = 'all') => api.get<Worklist>(`/api/tasks/mine${queryString({ due })}`),
  /** completeTask: completed, or cancelled with a reason. */
  completeTask: (taskId: string, body: CompleteTaskInput) =>
    api.post<{ id: string; state: 'completed' | 'cancelled' }>(`/api/tasks/${taskId}/complete`, body),
  /** getVisitTimeliness: the programme lead's share of visits done inside their window. */
  timeliness: (range: { from?: string; to?: string } = {}) =>
    api.get<VisitTimeliness>(`/api/visit-timeliness${queryString(range)}`),
};
