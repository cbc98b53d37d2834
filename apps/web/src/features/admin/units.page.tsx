import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { adminApi } from '../../api/admin.api';
import type { StaffMe } from '../../api/api.types';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { adminOrgId, OrgPicker, orgName } from './org-picker.component';

/** The organisation's units (teams, districts, departments, birthplaces, daycare). */
export function UnitsPage({ me }: { me: StaffMe }) {
  const { t } = useTranslation();
  const [location, navigate] = useLocation();
  const orgId = adminOrgId(me, new URLSearchParams(useSearch()));
  const units = useQuery({ queryKey: ['units', orgId], queryFn: () => adminApi.units(orgId) });
  const orgs = useQuery({
    queryKey: ['organisations'],
    queryFn: adminApi.organisations,
    enabled: orgId !== me.organisation.id,
  });
  const name = new Map(units.data?.map((u) => [u.id, u.name]));
  return (
    <>
      <PageHeading title={t('pages.units.title')}>{t('pages.units.title')}</PageHeading>
      <p className="font-lead">{t('admin.units.lead', { organisation: orgName(me, orgId, orgs.data) })}</p>
      <OrgPicker me={me} orgId={orgId} onChange={(id) => navigate(`${location}?org=${id}`)} />
      {units.isPending ? <Loading /> : null}
      {units.isError ? <ProblemAlert error={units.error} /> : null}
      {units.data?.length === 0 ? <p>{t('admin.units.none')}</p> : null}
      {units.data && units.data.length > 0 ? (
        <div className="fs-table-wrapper">
          <table className="table table--zebra">
            <caption className="sr-only">{t('pages.units.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.units.name')}</th>
                <th scope="col">{t('admin.units.kind')}</th>
                <th scope="col">{t('admin.units.parent')}</th>
                <th scope="col">{t('admin.users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {units.data.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.name}</th>
                  <td>{t(`unitKind.${u.kind}`)}</td>
                  <td>{u.parentUnitId ? (name.get(u.parentUnitId) ?? t('admin.unknownUnit')) : '–'}</td>
                  <td>
                    <span className={`badge ${u.active ? 'badge-success' : 'badge-warning'}`}>
                      {u.active ? t('admin.units.active') : t('admin.units.inactive')}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
