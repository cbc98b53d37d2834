import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { pageCount, usePageParam } from '../../components/page-param.hook';
import { PagedList } from '../../components/paged-list.component';
import { handoverTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { handoversApi } from './handovers.api';

const pageSize = 20;

/** "Modtagne overleveringer": the children handed over to the educator's unit, newest first. */
export function ReceivedHandoversPage() {
  const ready = useTexts(handoverTexts);
  const { t } = useTranslation();
  const fmt = useFormat();
  const { page, goTo } = usePageParam();
  const list = useQuery({
    queryKey: ['handovers', 'received', page],
    queryFn: () => handoversApi.list('received', { limit: pageSize, offset: (page - 1) * pageSize }),
    placeholderData: keepPreviousData,
  });
  if (!ready) return <Loading />;
  const total = list.data?.total ?? 0;
  const totalPages = pageCount(total, pageSize);
  return (
    <>
      <PageHeading title={t('pages.receivedHandovers.title')}>
        {t('pages.receivedHandovers.title')}
      </PageHeading>
      <p className="font-lead">{t('handovers.received.lead')}</p>
      <PagedList
        query={list}
        empty={list.data?.items.length === 0}
        none={<p>{t('handovers.received.none')}</p>}
        page={Math.min(page, totalPages)}
        totalPages={totalPages}
        onPage={goTo}
      >
        {(data) => (
          <div className="table--responsive-scroll">
            <table className="table table--zebra">
              <caption className="sr-only">{t('handovers.received.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('handovers.field.child')}</th>
                  <th scope="col">{t('handovers.field.birthDate')}</th>
                  <th scope="col">{t('handovers.field.startDate')}</th>
                  <th scope="col">{t('handovers.field.from')}</th>
                  <th scope="col">{t('handovers.field.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((h) => (
                  <tr key={h.id}>
                    <td>
                      <Link href={`/overleveringer/${h.id}`}>{h.child.name}</Link>
                    </td>
                    <td>{h.child.birthDate ? fmt.date(h.child.birthDate) : ''}</td>
                    <td>{fmt.date(h.startDate)}</td>
                    <td>
                      {h.from.sentBy.name}, {h.from.organisation.name}
                    </td>
                    <td>
                      <span className={`badge ${h.status === 'sent' ? 'badge-warning' : 'badge-success'}`}>
                        {t(`handovers.status.${h.status}`)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </PagedList>
    </>
  );
}
