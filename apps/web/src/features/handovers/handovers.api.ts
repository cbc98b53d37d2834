import type {
  BetweenChairsPage,
  CreateHandoverBody,
  Handover,
  HandoverPage,
  HandoverReceiver,
} from '@familiespor/contracts';
import { api } from '../../api/api.client';

/** The handovers and "Mellem to stole" API (operationIds in brackets); staff only. */
export const handoversApi = {
  /** createHandover */
  create: (body: CreateHandoverBody) => api.post<Handover>('/api/handovers', body),
  /** listHandovers: received by my units, or sent by me. */
  list: (box: 'received' | 'sent', page: { limit: number; offset: number }) =>
    api.get<HandoverPage>(`/api/handovers?box=${box}&limit=${page.limit}&offset=${page.offset}`),
  /** getHandover */
  get: (handoverId: string) => api.get<Handover>(`/api/handovers/${handoverId}`),
  /** acknowledgeHandover */
  acknowledge: (handoverId: string) => api.post<Handover>(`/api/handovers/${handoverId}/acknowledge`),
  /** listHandoverReceivers */
  receivers: (familyId: string, transition: 'daycare' | 'specialised') =>
    api.get<HandoverReceiver[]>(`/api/handovers/receivers?familyId=${familyId}&transition=${transition}`),
  /** listFamiliesBetweenChairs */
  betweenChairs: (page: { limit: number; offset: number }) =>
    api.get<BetweenChairsPage>(`/api/families/between-chairs?limit=${page.limit}&offset=${page.offset}`),
};
