import type { CreateReferralInput, Referral, ReferralCoverage, ReferralList } from '@familiespor/contracts';
import { api } from '../../api/api.client';
import { queryString } from '../../api/query-string';

/** The referrals API (operationIds in brackets); staff only. */
export const referralsApi = {
  /** createReferral */
  create: (body: CreateReferralInput) => api.post<Referral>('/api/referrals', body),
  /** listReferrals: "Modtaget" (received) or "Sendt" (sent). */
  list: (box: 'received' | 'sent', status: 'open' | 'all' = 'all') =>
    api.get<ReferralList>(`/api/referrals${queryString({ box, status })}`),
  /** getReferral */
  get: (referralId: string) => api.get<Referral>(`/api/referrals/${referralId}`),
  /** acknowledgeReferral */
  acknowledge: (referralId: string) => api.post<Referral>(`/api/referrals/${referralId}/acknowledge`),
  /** decideReferral: accept, or reject with a reason. */
  decide: (referralId: string, body: { decision: 'accept' | 'reject'; reason?: string }) =>
    api.post<Referral>(`/api/referrals/${referralId}/decision`, body),
  /** completeReferral */
  complete: (referralId: string, note?: string) =>
    api.post<Referral>(`/api/referrals/${referralId}/complete`, note ? { note } : {}),
  /** getReferralCoverage: which categories a consent lets go to the receiver. */
  coverage: (familyId: string, toOrganisationId: string) =>
    api.get<ReferralCoverage>(
      `/api/families/${familyId}/referral-coverage${queryString({ toOrganisationId })}`,
    ),
};
