import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { adminApi } from '../../api/admin.api';
import type { StaffMe, StaffUser } from '../../api/api.types';
import { Alert } from '../../components/alert.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { DeactivateForm, ReactivateForm, RolesForm } from './staff-user-forms.component';

/** One staff user: what they are, and the administrator's changes (roles, deactivate, reactivate). */
export function StaffUserPage({ me, userId }: { me: StaffMe; userId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const created = new URLSearchParams(useSearch()).get('status') === 'oprettet';
  const user = useQuery({ queryKey: ['staff-user', userId], queryFn: () => adminApi.staffUser(userId) });
  const units = useQuery({
    queryKey: ['units', user.data?.orgId],
    queryFn: () => adminApi.units(user.data?.orgId ?? ''),
    enabled: Boolean(user.data),
  });
  const saved = (next: StaffUser) => {
    client.setQueryData(['staff-user', userId], next);
    void client.invalidateQueries({ queryKey: ['staff'] });
  };
  const u = user.data;
  const unitName = new Map(units.data?.map((x) => [x.id, x.name]));

  return (
    <>
      <p>
        <Link href="/admin/brugere" className="back-link">
          <Icon name="chevron-left" />
          {t('admin.backToUsers')}
        </Link>
      </p>
      {user.isPending ? <Loading /> : null}
      {user.isError ? <ProblemAlert error={user.error} /> : null}
      {u ? (
        <>
          <PageHeading title={u.name}>{u.name}</PageHeading>
          {created ? (
            <Alert variant="success" heading={t('admin.user.created')}>
              <p>
                {u.hasPassword ? t('admin.user.createdWithPassword') : t('admin.user.createdWithoutPassword')}
              </p>
            </Alert>
          ) : null}
          <dl className="fs-summary">
            <dt>{t('admin.users.status')}</dt>
            <dd>
              <span className={`badge ${u.active ? 'badge-success' : 'badge-warning'}`}>
                {u.active ? t('admin.users.active') : t('admin.users.inactive')}
              </span>
              {u.deactivatedAt
                ? ` ${t('admin.user.deactivatedAt', { date: fmt.dateTime(u.deactivatedAt) })}`
                : null}
            </dd>
            <dt>{t('admin.users.email')}</dt>
            <dd>{u.email}</dd>
            <dt>{t('admin.create.jobTitle')}</dt>
            <dd>{u.title ?? t('admin.user.noTitle')}</dd>
            <dt>{t('admin.users.roles')}</dt>
            <dd>{fmt.list(u.roles.map((r) => t(`roles.${r}.name`)))}</dd>
            <dt>{t('admin.users.units')}</dt>
            <dd>
              {u.unitIds.length > 0
                ? fmt.list(u.unitIds.map((id) => unitName.get(id) ?? t('admin.unknownUnit')))
                : t('admin.user.noUnits')}
            </dd>
            <dt>{t('admin.user.login')}</dt>
            <dd>{u.hasPassword ? t('admin.user.hasPassword') : t('admin.user.noPassword')}</dd>
            <dt>{t('admin.user.createdAt')}</dt>
            <dd>{fmt.date(u.createdAt)}</dd>
          </dl>
          <RolesForm me={me} user={u} onSaved={saved} />
          {u.id === me.user.id ? (
            <p className="mt-6">{t('admin.user.cannotDeactivateSelf')}</p>
          ) : u.active ? (
            <DeactivateForm user={u} onSaved={saved} />
          ) : (
            <ReactivateForm user={u} onSaved={saved} />
          )}
        </>
      ) : null}
    </>
  );
}
