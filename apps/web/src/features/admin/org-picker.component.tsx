import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin.api';
import type { StaffMe } from '../../api/api.types';
import { SelectField } from '../../components/forms/fields.component';

export const isPlatformAdmin = (me: StaffMe) => me.roles.includes('platform_admin');

/** The organisation an admin page works on: one's own, or for the platform's operator any chosen one. */
export function adminOrgId(me: StaffMe, params: URLSearchParams): string {
  return (isPlatformAdmin(me) && params.get('org')) || me.organisation.id;
}

export function OrgPicker({
  me,
  orgId,
  onChange,
}: {
  me: StaffMe;
  orgId: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const orgs = useQuery({
    queryKey: ['organisations'],
    queryFn: adminApi.organisations,
    enabled: isPlatformAdmin(me),
  });
  if (!isPlatformAdmin(me) || !orgs.data) return null;
  return (
    <SelectField
      id="org-picker"
      label={t('admin.organisation')}
      value={orgId}
      onChange={onChange}
      options={orgs.data.map((o) => ({ value: o.id, label: o.name }))}
    />
  );
}

export function orgName(
  me: StaffMe,
  orgId: string,
  orgs: readonly { id: string; name: string }[] | undefined,
) {
  return orgId === me.organisation.id
    ? me.organisation.name
    : (orgs?.find((o) => o.id === orgId)?.name ?? '');
}
