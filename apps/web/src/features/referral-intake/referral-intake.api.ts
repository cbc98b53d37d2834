import type {
  CreateReferralIntakeInput,
  DecideReferralIntakeBody,
  ReferralIntake,
  ReferralIntakeList,
} from '@familiespor/contracts';
import { api } from '../../api/api.client';
import { queryString } from '../../api/query-string';

/** Referrals of a person not yet known ("Henvis med navn"; operationIds in brackets). */
export const referralIntakeApi = {
  /** createReferralIntake */
  create: (body: CreateReferralIntakeInput) => api.post<ReferralIntake>('/api/referral-intakes', body),
  /** listReferralIntakes */
  list: (box: 'received' | 'sent') =>
    api.get<ReferralIntakeList>(`/api/referral-intakes${queryString({ box })}`),
  /** getReferralIntake */
  get: (intakeId: string) => api.get<ReferralIntake>(`/api/referral-intakes/${intakeId}`),
  /** acknowledgeReferralIntake */
  acknowledge: (intakeId: string) =>
    api.post<ReferralIntake>(`/api/referral-intakes/${intakeId}/acknowledge`),
  /** decideReferralIntake: link to a family, register one, or reject with the reason. */
  decide: (intakeId: string, body: DecideReferralIntakeBody) =>
    api.post<ReferralIntake>(`/api/referral-intakes/${intakeId}/decision`, body),
};
