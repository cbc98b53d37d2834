import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type { StaffMe } from '../../api/api.types';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { pageCount, usePageParam } from '../../components/page-param.hook';
import { PagedList } from '../../components/paged-list.component';
import { Tabs } from '../../components/tabs.component';
import { counsellingTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { canOpen } from '../home/staff-pages';
import { counsellingApi } from './counselling.api';

const pageSize = 25;

/**
 * "Rådgivningsforløb": the counsellor's own cases (the programme lead sees the organisation's),
 * open or closed, newest first, with the latest contact so a case gone quiet stands out.
 */
export function CounsellingCasesPage({ me }: { me: StaffMe }) {
  const ready = useTexts(counsellingTexts);
  const { t } = useTranslation();
  const fmt = useFormat();
  const [, navigate] = useLocation();
  const status = new URLSearchParams(useSearch()).get('vis') === 'afsluttede' ? 'closed' : 'open';
  const scope = me.roles.includes('family_counsellor') ? 'mine' : 'organisation';
  const { page, goTo } = usePageParam();
  const list = useQuery({
    queryKey: ['counselling', 'cases', scope, status, page],
    queryFn: () => counsellingApi.list({ scope, status, limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
  });
  if (!ready) return <Loading />;
  const totalPages = pageCount(list.data?.total ?? 0, pageSize);
  return (
    <>
      <PageHeading title={t('pages.counsellingCases.title')}>{t('pages.counsellingCases.title')}</PageHeading>
      <p className="font-lead">
        {t(scope === 'mine' ? 'counselling.list.lead' : 'counselling.list.leadOrganisation')}
      </p>
      {canOpen(me.roles, 'openCounsellingCase') ? (
        <p>
          <Link href="/raadgivning/nyt" className="button button-primary">
            {t('counselling.list.new')}
          </Link>
        </p>
      ) : null}
      <Tabs
        id="counselling-cases"
        tabs={[
          { key: 'open', label: t('counselling.list.tabOpen') },
          { key: 'closed', label: t('counselling.list.tabClosed') },
        ]}
        selected={status}
        onSelect={(k) =>
          navigate(k === 'closed' ? '/raadgivning?vis=afsluttede' : '/raadgivning', { replace: true })
        }
      >
        <PagedList
          query={list}
          empty={list.data?.items.length === 0}
          none={<p>{t(status === 'open' ? 'counselling.list.noneOpen' : 'counselling.list.noneClosed')}</p>}
          page={Math.min(page, totalPages)}
          totalPages={totalPages}
          onPage={goTo}
        >
          {(data) => (
            <div className="table--responsive-scroll">
              <table className="table table--zebra">
                <caption className="sr-only">{t('counselling.list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('counselling.list.family')}</th>
                    {scope === 'organisation' ? (
                      <th scope="col">{t('counselling.list.counsellor')}</th>
                    ) : null}
                    <th scope="col">{t('counselling.list.openedOn')}</th>
                    <th scope="col">{t('counselling.list.lastContact')}</th>
                    <th scope="col">{t('counselling.list.goals')}</th>
                    {status === 'closed' ? <th scope="col">{t('counselling.list.outcome')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link href={`/raadgivning/${c.id}`}>{c.familyName}</Link>
                        <span className="d-block fs-muted">
                          {t(`counselling.openedFrom.${c.openedFrom}`)}
                        </span>
                      </td>
                      {scope === 'organisation' ? <td>{c.counsellor.name}</td> : null}
                      <td>{fmt.date(c.openedOn)}</td>
                      <td>{c.lastContactOn ? fmt.date(c.lastContactOn) : t('counselling.list.noContact')}</td>
                      <td>{fmt.number(c.goals)}</td>
                      {status === 'closed' ? (
                        <td>
                          {c.closedOn ? fmt.date(c.closedOn) : ''}
                          {c.outcome ? (
                            <span className="d-block">{t(`counselling.outcome.${c.outcome}`)}</span>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </PagedList>
      </Tabs>
    </>
  );
}
