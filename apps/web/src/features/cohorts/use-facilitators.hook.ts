import { addMonths, copenhagenDate } from '@familiespor/domain';
import { useQuery } from '@tanstack/react-query';
import type { StaffMe } from '../../api/api.types';
import { offersApi } from '../../api/offers.api';

export type Facilitator = { id: string; name: string };

/**
 * The health visitors the programme lead can give a cohort. The API has no list of the
 * organisation's health visitors for a programme lead (listStaffUsers is for org admins), so
 * these are the ones who have led a cohort in the past year, and the lead herself when she is
 * a health visitor too. confirmCohortPlan still checks each choice.
 */
export function useFacilitators(me: StaffMe) {
  const since = addMonths(copenhagenDate(new Date()), -12);
  const sessions = useQuery({
    queryKey: ['sessions', 'since', since],
    queryFn: () => offersApi.sessions({ from: since }),
  });
  const byId = new Map<string, Facilitator>();
  if (me.roles.some((r) => r === 'health_visitor' || r === 'course_facilitator'))
    byId.set(me.user.id, { id: me.user.id, name: me.user.name });
  for (const s of sessions.data ?? []) if (s.facilitator) byId.set(s.facilitator.id, s.facilitator);
  return {
    facilitators: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'da')),
    isPending: sessions.isPending,
    error: sessions.isError ? sessions.error : null,
  };
}
