import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { concernTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { concernApi } from './concern.api';

/**
 * "Mine underretninger": what the user sent, and only what a sender may learn — that the
 * municipality received it (the receipt's date) and whether a child assessment was started.
 */
export function MyConcernReportsPage() {
  const ready = useTexts(concernTexts);
  const { t } = useTranslation();
  const fmt = useFormat();
  const mine = useQuery({ queryKey: ['concern', 'mine'], queryFn: concernApi.mine });
  if (!ready) return <Loading />;
  const title = t('concern.mine.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="font-lead">{t('concern.mine.lead')}</p>
      <p>
        <Link href="/underretninger/ny" className="button button-primary">
          {t('concern.mine.new')}
        </Link>
      </p>
      {mine.isPending ? <Loading /> : null}
      {mine.isError ? <ProblemAlert error={mine.error} /> : null}
      {mine.data && mine.data.length === 0 ? <p>{t('concern.mine.none')}</p> : null}
      {mine.data && mine.data.length > 0 ? (
        <div className="fs-table-wrapper">
          <table className="table table--zebra">
            <thead>
              <tr>
                <th scope="col">{t('concern.mine.sentAt')}</th>
                <th scope="col">{t('concern.mine.about')}</th>
                <th scope="col">{t('concern.mine.recipient')}</th>
                <th scope="col">{t('concern.mine.status')}</th>
              </tr>
            </thead>
            <tbody>
              {mine.data.map((r) => (
                <tr key={r.id}>
                  <td>{fmt.dateTime(r.sentAt)}</td>
                  <td>
                    {r.subject.unborn ? t('concern.mine.aboutUnborn') : t('concern.mine.aboutChild')}
                    {r.subject.name ? <span className="d-block">{r.subject.name}</span> : null}
                  </td>
                  <td>
                    {r.recipient.unit ? <span className="d-block">{r.recipient.unit.name}</span> : null}
                    {r.recipient.organisation.name}
                  </td>
                  <td>
                    <span className="d-block">
                      {r.receiptOn
                        ? t('concern.mine.received', { date: fmt.date(r.receiptOn) })
                        : t('concern.mine.awaiting')}
                    </span>
                    <span className="d-block">
                      {t(`concern.mine.assessment.${r.childAssessment ?? 'none'}`)}
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
