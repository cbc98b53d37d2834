import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { pageCount, usePageParam } from '../../components/page-param.hook';
import { PagedList } from '../../components/paged-list.component';
import { handoverTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { handoversApi } from '../handovers/handovers.api';

const pageSize = 20;
const needKinds = [
  'positive_screening',
  'course_dropout',
  'coordinator_task',
  'open_referral',
  'referral_overdue',
  'open_counselling_case',
] as const;
const knownNeed = (k: string) =>
  (needKinds as readonly string[]).includes(k) ? (k as (typeof needKinds)[number]) : 'other';

/**
 * "Mellem to stole": the programme lead's families with an open need and nobody holding the
 * thread; each row says which needs, since when, and links to the family to assign a coordinator.
 */
export function BetweenChairsPage() {
  const ready = useTexts(handoverTexts);
  const { t } = useTranslation();
  const fmt = useFormat();
  const { page, goTo } = usePageParam();
  const list = useQuery({
    queryKey: ['families', 'between-chairs', page],
    queryFn: () => handoversApi.betweenChairs({ limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
  });
  if (!ready) return <Loading />;
  const total = list.data?.total ?? 0;
  const totalPages = pageCount(total, pageSize);
  return (
    <>
      <PageHeading title={t('pages.betweenChairs.title')}>{t('pages.betweenChairs.title')}</PageHeading>
      <p className="font-lead">{t('betweenChairs.lead')}</p>
      <PagedList
        query={list}
        empty={total === 0}
        none={<p>{t('betweenChairs.none')}</p>}
        page={Math.min(page, totalPages)}
        totalPages={totalPages}
        onPage={goTo}
      >
        {(data) => (
          <>
            <p role="status">{t('betweenChairs.count', { count: total, total: fmt.number(total) })}</p>
            <div className="table--responsive-scroll">
              <table className="table table--zebra">
                <caption className="sr-only">{t('betweenChairs.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('betweenChairs.family')}</th>
                    <th scope="col">{t('betweenChairs.needs')}</th>
                    <th scope="col">{t('betweenChairs.since')}</th>
                    <th scope="col">{t('betweenChairs.task')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('betweenChairs.action')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((i) => (
                    <tr key={i.family.id}>
                      <td>
                        {i.family.parents.map((p) => (
                          <span key={p.personId} className="d-block">
                            {p.name}
                            {p.cprMasked ? <span className="fs-muted"> · {p.cprMasked}</span> : null}
                          </span>
                        ))}
                        {i.family.district ? (
                          <span className="d-block fs-muted">{i.family.district.name}</span>
                        ) : null}
                      </td>
                      <td>
                        <ul className="nobullet-list">
                          {i.needs.map((n) => (
                            <li key={n.kind}>
                              {t(`betweenChairs.need.${knownNeed(n.kind)}`)}{' '}
                              <span className="fs-muted">({fmt.date(n.since)})</span>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>{fmt.date(i.since)}</td>
                      <td>
                        {i.task
                          ? t('betweenChairs.taskDue', {
                              date: fmt.date(i.task.due),
                              name: i.task.assignee ?? '',
                            })
                          : ''}
                      </td>
                      <td>
                        <Link href={`/familier/${i.family.id}?fra=mellem-to-stole#coordinator-heading`}>
                          {t('betweenChairs.assign')}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </PagedList>
    </>
  );
}
