import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { offersApi } from '../../api/offers.api';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { CohortList } from './cohort-list.component';
import { summariseCohorts } from './cohorts';

/** "Mine hold": the cohorts the health visitor follows, the running ones first. */
export function MyCohortsPage() {
  const { t } = useTranslation();
  const sessions = useQuery({ queryKey: ['sessions', 'mine'], queryFn: () => offersApi.sessions() });
  const cohorts = summariseCohorts(sessions.data ?? []);
  const running = cohorts.filter((c) => !c.ended);
  const ended = cohorts.filter((c) => c.ended);
  return (
    <>
      <PageHeading title={t('pages.myCohorts.title')}>{t('pages.myCohorts.title')}</PageHeading>
      <p className="font-lead">{t('cohorts.lead')}</p>
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? <ProblemAlert error={sessions.error} /> : null}
      {sessions.data && cohorts.length === 0 ? <p>{t('cohorts.none')}</p> : null}
      {running.length > 0 ? (
        <section aria-labelledby="running-heading">
          <h2 id="running-heading">{t('cohorts.running')}</h2>
          <CohortList cohorts={running} showFacilitator={false} />
        </section>
      ) : null}
      {ended.length > 0 ? (
        <section aria-labelledby="ended-heading">
          <h2 id="ended-heading">{t('cohorts.endedHeading')}</h2>
          <CohortList cohorts={ended} showFacilitator={false} />
        </section>
      ) : null}
    </>
  );
}
