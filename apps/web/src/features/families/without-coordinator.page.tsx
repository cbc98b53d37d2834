import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { familiesApi } from '../../api/families.api';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { Pagination } from '../../components/pagination.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { FamilyTable } from './family-table.component';

export const withoutCoordinatorPageSize = 20;

/** Families someone works with but nobody coordinates, paged on the server. */
export function WithoutCoordinatorPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [location, navigate] = useLocation();
  const page = Math.max(1, Number(new URLSearchParams(useSearch()).get('side')) || 1);
  const families = useQuery({
    queryKey: ['families', 'without-coordinator', page],
    queryFn: () =>
      familiesApi.withoutCoordinator({
        limit: withoutCoordinatorPageSize,
        offset: (page - 1) * withoutCoordinatorPageSize,
      }),
    placeholderData: keepPreviousData,
  });
  const total = families.data?.total ?? 0;
  const totalPages = Math.max(1, Math.ceil(total / withoutCoordinatorPageSize));
  return (
    <>
      <PageHeading title={t('pages.withoutCoordinator.title')}>
        {t('pages.withoutCoordinator.title')}
      </PageHeading>
      <p className="font-lead">{t('families.without.lead')}</p>
      {families.isPending ? <Loading /> : null}
      {families.isError ? <ProblemAlert error={families.error} /> : null}
      {families.data ? (
        total === 0 ? (
          <p>{t('families.without.none')}</p>
        ) : (
          <>
            <p role="status">{t('families.without.count', { count: total, total: fmt.number(total) })}</p>
            {families.data.items.length > 0 ? (
              <FamilyTable
                families={families.data.items}
                caption={t('families.without.caption', {
                  page: fmt.number(Math.min(page, totalPages)),
                  pages: fmt.number(totalPages),
                })}
                from="uden-tovholder"
                columns={[]}
              />
            ) : (
              <p>{t('families.without.pastEnd')}</p>
            )}
            <Pagination
              page={Math.min(page, totalPages)}
              totalPages={totalPages}
              onPage={(p) => navigate(p === 1 ? location : `${location}?side=${p}`)}
            />
          </>
        )
      ) : null}
    </>
  );
}
