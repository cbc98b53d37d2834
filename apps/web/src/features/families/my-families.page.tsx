import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { familiesApi } from '../../api/families.api';
import { PageHeading } from '../../components/page-heading.component';
import { pageCount, usePageParam } from '../../components/page-param.hook';
import { PagedList } from '../../components/paged-list.component';
import { useFormat } from '../../i18n/use-format.hook';
import { FamilyTable } from './family-table.component';

const pageSize = 25;

/** "Mine familier": the families the health visitor is coordinator (tovholder) for. */
export function MyFamiliesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { page, goTo } = usePageParam();
  const families = useQuery({ queryKey: ['families', 'mine'], queryFn: familiesApi.mine });
  const list = families.data ?? [];
  const totalPages = pageCount(list.length, pageSize);
  const current = Math.min(page, totalPages);
  return (
    <>
      <PageHeading title={t('pages.myFamilies.title')}>{t('pages.myFamilies.title')}</PageHeading>
      <p className="font-lead">{t('families.mine.lead')}</p>
      <PagedList
        query={families}
        empty={list.length === 0}
        none={
          <>
            <p>{t('families.mine.none')}</p>
            <p>
              <Link href="/familier/uden-tovholder">{t('families.mine.findSome')}</Link>
            </p>
          </>
        }
        page={current}
        totalPages={totalPages}
        onPage={goTo}
      >
        {() => (
          <>
            <p role="status">
              {t('families.mine.count', { count: list.length, total: fmt.number(list.length) })}
            </p>
            <FamilyTable
              families={list.slice((current - 1) * pageSize, current * pageSize)}
              caption={t('families.mine.caption', {
                page: fmt.number(current),
                pages: fmt.number(totalPages),
              })}
              from="mine"
              columns={['coordinatorSince']}
            />
          </>
        )}
      </PagedList>
    </>
  );
}
