import type {
  AnonymousContact,
  AnonymousContactPage,
  AnonymousContactStatistics,
  BridgeOffer,
  CreateOpenCounsellingSlotInput,
  LogAnonymousContactBody,
  OrganisationOpenCounsellingSlot,
  OrganisationOpenCounsellingSlots,
  PublicOpenCounsellingSlots,
  StatisticsOrganisation,
} from '@familiespor/contracts';
import { api } from '../../api/api.client';
import { queryString } from '../../api/query-string';

/** The open counselling API (operationIds in brackets). */
export const openCounsellingApi = {
  /** listOpenCounsellingSlots: public, no login. */
  publicSlots: (filter: {
    municipalityId?: string | undefined;
    postcode?: string | undefined;
    dates?: number;
  }) =>
    api.get<PublicOpenCounsellingSlots>(`/api/open-counselling/slots${queryString(filter)}`, {
      sessionOptional: true,
    }),
  /** listOrganisationOpenCounsellingSlots */
  organisationSlots: () =>
    api.get<OrganisationOpenCounsellingSlots>('/api/open-counselling/organisation-slots'),
  /** createOpenCounsellingSlot */
  createSlot: (body: CreateOpenCounsellingSlotInput) =>
    api.post<OrganisationOpenCounsellingSlot>('/api/open-counselling/slots', body),
  /** endOpenCounsellingSlot */
  endSlot: (slotId: string, lastDay: string) =>
    api.post<OrganisationOpenCounsellingSlot>(`/api/open-counselling/slots/${slotId}/end`, { lastDay }),
  /** logAnonymousContact */
  log: (body: LogAnonymousContactBody) => api.post<AnonymousContact>('/api/open-counselling/contacts', body),
  /** listAnonymousContacts */
  contacts: (page: { limit: number; offset: number }) =>
    api.get<AnonymousContactPage>(`/api/open-counselling/contacts${queryString(page)}`),
  /** listOpenCounsellingBridgeOffers */
  bridgeOffers: () => api.get<BridgeOffer[]>('/api/open-counselling/bridge-offers'),
  /** getAnonymousContactStatistics */
  statistics: (q: { orgId?: string | undefined; from?: string | undefined; to?: string | undefined }) =>
    api.get<AnonymousContactStatistics>(`/api/open-counselling/statistics${queryString(q)}`),
  /** listAnonymousContactStatisticsOrganisations */
  statisticsOrganisations: () =>
    api.get<StatisticsOrganisation[]>('/api/open-counselling/statistics/organisations'),
};
