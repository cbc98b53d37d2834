import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { familiesApi } from '../../api/families.api';
import { PageHeading } from '../../components/page-heading.component';
import { pageCount, usePageParam } from '../../components/page-param.hook';
import { PagedList } from '../../components/paged-list.component';
import { useFormat } from '../../i18n/use-format.hook';
import { FamilyTable } from './family-table.component';

export const withoutCoordinatorPageSize = 20;

/** Families someone works with but nobody coordinates, paged on the server. */
export function WithoutCoordinatorPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { page, goTo } = usePageParam();
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
  const totalPages = pageCount(total, withoutCoordinatorPageSize);
  return (
    <>
      <PageHeading title={t('pages.withoutCoordinator.title')}>
        {t('pages.withoutCoordinator.title')}
      </PageHeading>
      <p className="font-lead">{t('families.without.lead')}</p>
      <PagedList
        query={families}
        empty={total === 0}
        none={<p>{t('families.without.none')}</p>}
        page={Math.min(page, totalPages)}
        totalPages={totalPages}
        onPage={goTo}
      >
        {(data) => (
          <>
            <p role="status">{t('families.without.count', { count: total, total: fmt.number(total) })}</p>
            {data.items.length > 0 ? (
              <FamilyTable
                families={data.items}
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
          </>
        )}
      </PagedList>
    </>
  );
}
