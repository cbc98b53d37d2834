import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin.api';
import type { BreakGlassGrant } from '../../api/api.types';
import { Alert } from '../../components/alert.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { Tabs } from '../../components/tabs.component';
import { useFormat } from '../../i18n/use-format.hook';
import { ReviewForm } from './review-form.component';

type Status = 'unreviewed' | 'all';

/** Emergency accesses by the organisation's staff, for the programme lead to review. */
export function BreakGlassPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const [status, setStatus] = useState<Status>('unreviewed');
  const [reviewing, setReviewing] = useState<BreakGlassGrant | null>(null);
  const [reviewed, setReviewed] = useState<string | null>(null);
  const grants = useQuery({ queryKey: ['break-glass', status], queryFn: () => adminApi.breakGlass(status) });
  const unreviewed = useQuery({
    queryKey: ['break-glass', 'unreviewed'],
    queryFn: () => adminApi.breakGlass('unreviewed'),
  });
  const count = unreviewed.data?.length;

  return (
    <>
      <PageHeading title={t('pages.breakGlass.title')}>{t('pages.breakGlass.title')}</PageHeading>
      <p className="font-lead">{t('access.breakGlass.lead')}</p>
      {reviewed ? (
        <Alert variant="success" heading={t('access.breakGlass.saved')}>
          <p>{t('access.breakGlass.savedText', { name: reviewed })}</p>
        </Alert>
      ) : null}
      <Tabs
        id="break-glass"
        selected={status}
        onSelect={(s) => {
          setStatus(s);
          setReviewing(null);
        }}
        tabs={[
          {
            key: 'unreviewed',
            label:
              count === undefined
                ? t('access.breakGlass.tabUnreviewed')
                : t('access.breakGlass.tabUnreviewedCount', { count, n: fmt.number(count) }),
          },
          { key: 'all', label: t('access.breakGlass.tabAll') },
        ]}
      >
        {grants.isPending ? <Loading /> : null}
        {grants.isError ? <ProblemAlert error={grants.error} /> : null}
        {grants.data?.length === 0 ? (
          <p>
            {status === 'unreviewed' ? t('access.breakGlass.noneUnreviewed') : t('access.breakGlass.none')}
          </p>
        ) : null}
        {grants.data && grants.data.length > 0 ? (
          <div className="fs-table-wrapper">
            <table className="table table--zebra">
              <caption className="sr-only">
                {status === 'unreviewed'
                  ? t('access.breakGlass.tabUnreviewed')
                  : t('access.breakGlass.tabAll')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('access.breakGlass.staff')}</th>
                  <th scope="col">{t('access.breakGlass.reason')}</th>
                  <th scope="col">{t('access.breakGlass.family')}</th>
                  <th scope="col">{t('access.breakGlass.period')}</th>
                  <th scope="col">{t('access.breakGlass.review')}</th>
                </tr>
              </thead>
              <tbody>
                {grants.data.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">{g.staffUserName}</th>
                    <td>{g.reason}</td>
                    <td>
                      <code>{g.familyId.slice(0, 8)}</code>
                    </td>
                    <td>
                      {t('access.breakGlass.from', { time: fmt.dateTime(g.grantedAt) })}
                      <br />
                      {t('access.breakGlass.until', { time: fmt.dateTime(g.expiresAt) })}
                    </td>
                    <td>
                      {g.reviewedAt ? (
                        <>
                          {t('access.breakGlass.reviewedBy', {
                            name: g.reviewedByName ?? '',
                            time: fmt.dateTime(g.reviewedAt),
                          })}
                          {g.reviewNote ? <span className="d-block fs-muted">{g.reviewNote}</span> : null}
                        </>
                      ) : (
                        <button
                          type="button"
                          className="button button-secondary"
                          aria-expanded={reviewing?.id === g.id}
                          aria-controls="review-form"
                          onClick={() => {
                            setReviewed(null);
                            setReviewing(g);
                          }}
                        >
                          {t('access.breakGlass.reviewButton', { name: g.staffUserName })}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Tabs>
      {reviewing ? (
        <ReviewForm
          key={reviewing.id}
          grant={reviewing}
          onCancel={() => setReviewing(null)}
          onSaved={(g) => {
            setReviewing(null);
            setReviewed(g.staffUserName);
            void client.invalidateQueries({ queryKey: ['break-glass'] });
          }}
        />
      ) : null}
    </>
  );
}
