import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { familiesApi } from '../../api/families.api';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { Pagination } from '../../components/pagination.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { FamilyTable } from './family-table.component';

const pageSize = 25;

/** "Mine familier": the families the health visitor is coordinator (tovholder) for. */
export function MyFamiliesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [location, navigate] = useLocation();
  const page = Math.max(1, Number(new URLSearchParams(useSearch()).get('side')) || 1);
  const families = useQuery({ queryKey: ['families', 'mine'], queryFn: familiesApi.mine });
  const list = families.data ?? [];
  const totalPages = Math.max(1, Math.ceil(list.length / pageSize));
  const current = Math.min(page, totalPages);
  return (
    <>
      <PageHeading title={t('pages.myFamilies.title')}>{t('pages.myFamilies.title')}</PageHeading>
      <p className="font-lead">{t('families.mine.lead')}</p>
      {families.isPending ? <Loading /> : null}
      {families.isError ? <ProblemAlert error={families.error} /> : null}
      {families.data ? (
        list.length === 0 ? (
          <>
            <p>{t('families.mine.none')}</p>
            <p>
              <Link href="/familier/uden-tovholder">{t('families.mine.findSome')}</Link>
            </p>
          </>
        ) : (
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
            <Pagination
              page={current}
              totalPages={totalPages}
              onPage={(p) => navigate(p === 1 ? location : `${location}?side=${p}`)}
            />
          </>
        )
      ) : null}
    </>
  );
}
