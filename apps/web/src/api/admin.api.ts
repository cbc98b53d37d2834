import { api } from './api.client';
import type {
  AccessMatrix,
  BreakGlassGrant,
  CreateStaffUserInput,
  Organisation,
  StaffRole,
  StaffUser,
  Unit,
} from './api.types';

const q = (params: Record<string, string | boolean | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
};

export const adminApi = {
  organisations: () => api.get<Organisation[]>('/api/organisations'),
  units: (orgId: string) => api.get<Unit[]>(`/api/organisations/${orgId}/units`),
  staff: (orgId: string, query: { search?: string; includeInactive?: boolean }) =>
    api.get<StaffUser[]>(`/api/organisations/${orgId}/staff${q(query)}`),
  staffUser: (userId: string) => api.get<StaffUser>(`/api/staff/${userId}`),
  createStaffUser: (orgId: string, body: CreateStaffUserInput) =>
    api.post<StaffUser>(`/api/organisations/${orgId}/staff`, body),
  setRoles: (userId: string, roles: StaffRole[]) =>
    api.put<StaffUser>(`/api/staff/${userId}/roles`, { roles }),
  deactivate: (userId: string, reason: string) =>
    api.post<StaffUser>(`/api/staff/${userId}/deactivate`, { reason }),
  reactivate: (userId: string) => api.post<StaffUser>(`/api/staff/${userId}/reactivate`),
  accessMatrix: (orgId: string) => api.get<AccessMatrix>(`/api/organisations/${orgId}/access-matrix`),
  breakGlass: (status: 'unreviewed' | 'all') =>
    api.get<BreakGlassGrant[]>(`/api/break-glass${q({ status })}`),
  reviewBreakGlass: (grantId: string, body: { note: string; justified: boolean }) =>
    api.post<BreakGlassGrant>(`/api/break-glass/${grantId}/review`, body),
};
