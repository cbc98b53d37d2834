import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { adminApi } from '../../api/admin.api';
import type { StaffMe } from '../../api/api.types';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { Pagination } from '../../components/pagination.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { adminOrgId, OrgPicker, orgName } from './org-picker.component';

export const pageSize = 10;

/** Staff users of the organisation: search, show deactivated, page through, open one. */
export function StaffUsersPage({ me }: { me: StaffMe }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const orgId = adminOrgId(me, params);
  const search = params.get('q') ?? '';
  const includeInactive = params.get('inaktive') === '1';
  const page = Math.max(1, Number(params.get('side')) || 1);
  const [draft, setDraft] = useState(search);

  const setParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    const query = next.toString();
    navigate(query ? `${location}?${query}` : location);
  };

  const users = useQuery({
    queryKey: ['staff', orgId, search, includeInactive],
    queryFn: () => adminApi.staff(orgId, { search, includeInactive }),
  });
  const units = useQuery({ queryKey: ['units', orgId], queryFn: () => adminApi.units(orgId) });
  const orgs = useQuery({
    queryKey: ['organisations'],
    queryFn: adminApi.organisations,
    enabled: orgId !== me.organisation.id,
  });
  const unitName = new Map(units.data?.map((u) => [u.id, u.name]));

  const list = users.data ?? [];
  const totalPages = Math.max(1, Math.ceil(list.length / pageSize));
  const current = Math.min(page, totalPages);
  const shown = list.slice((current - 1) * pageSize, current * pageSize);
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setParams({ q: draft.trim(), side: null });
  };
  const createHref = `/admin/brugere/ny${orgId !== me.organisation.id ? `?org=${orgId}` : ''}`;

  return (
    <>
      <PageHeading title={t('pages.users.title')}>{t('pages.users.title')}</PageHeading>
      <p className="font-lead">{t('admin.users.lead', { organisation: orgName(me, orgId, orgs.data) })}</p>
      <OrgPicker me={me} orgId={orgId} onChange={(id) => setParams({ org: id, side: null })} />
      <p>
        <Link href={createHref} className="button button-primary">
          <Icon name="person-add" />
          {t('admin.users.create')}
        </Link>
      </p>
      <div className="fs-toolbar">
        <search>
          <form onSubmit={onSearch} className="fs-toolbar">
            <div className="form-group">
              <label className="form-label" htmlFor="staff-search">
                {t('admin.users.searchLabel')}
              </label>
              <input
                id="staff-search"
                className="form-input"
                type="search"
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
              />
            </div>
            <button type="submit" className="button button-secondary">
              <Icon name="search" />
              {t('admin.users.search')}
            </button>
          </form>
        </search>
        <div className="form-group-checkbox">
          <input
            type="checkbox"
            className="form-checkbox"
            id="include-inactive"
            checked={includeInactive}
            onChange={(e) => setParams({ inaktive: e.target.checked ? '1' : null, side: null })}
          />
          <label htmlFor="include-inactive">{t('admin.users.includeInactive')}</label>
        </div>
      </div>

      {users.isPending ? <Loading /> : null}
      {users.isError ? <ProblemAlert error={users.error} /> : null}
      {users.data ? (
        <>
          <p role="status">
            {search
              ? t('admin.users.countSearch', { count: list.length, total: fmt.number(list.length), search })
              : t('admin.users.count', { count: list.length, total: fmt.number(list.length) })}
          </p>
          {list.length > 0 ? (
            <div className="fs-table-wrapper">
              <table className="table table--zebra">
                <caption className="sr-only">
                  {t('admin.users.caption', { page: fmt.number(current), pages: fmt.number(totalPages) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.users.name')}</th>
                    <th scope="col">{t('admin.users.email')}</th>
                    <th scope="col">{t('admin.users.roles')}</th>
                    <th scope="col">{t('admin.users.units')}</th>
                    <th scope="col">{t('admin.users.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">
                        <Link href={`/admin/brugere/${u.id}`}>{u.name}</Link>
                        {u.title ? <span className="d-block fs-muted weight-normal">{u.title}</span> : null}
                      </th>
                      <td>{u.email}</td>
                      <td>{fmt.list(u.roles.map((r) => t(`roles.${r}.name`)))}</td>
                      <td>{fmt.list(u.unitIds.map((id) => unitName.get(id) ?? t('admin.unknownUnit')))}</td>
                      <td>
                        <span className={`badge ${u.active ? 'badge-success' : 'badge-warning'}`}>
                          {u.active ? t('admin.users.active') : t('admin.users.inactive')}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <Pagination page={current} totalPages={totalPages} onPage={(p) => setParams({ side: String(p) })} />
        </>
      ) : null}
    </>
  );
}
