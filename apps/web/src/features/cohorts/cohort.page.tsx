import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CohortFigures, StaffMe } from '../../api/api.types';
import { offersApi } from '../../api/offers.api';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { canUse } from '../home/staff-pages';
import { SendSurveyButton } from '../surveys/send-survey.component';
import { byFamily, mayCheckIn, summariseCohorts } from './cohorts';

/** The cohort's figures, fathers and co-parents apart from mothers (counts only, no names). */
function Figures({ figures }: { figures: CohortFigures }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <section aria-labelledby="figures-heading" className="fs-panel">
      <h2 id="figures-heading">{t('cohorts.figures.heading')}</h2>
      <dl className="fs-summary">
        <dt>{t('cohorts.figures.held')}</dt>
        <dd>{fmt.number(figures.sessionsHeld)}</dd>
        <dt>{t('cohorts.figures.families')}</dt>
        <dd>{fmt.number(figures.families)}</dd>
        <dt>{t('cohorts.figures.mothers')}</dt>
        <dd>{t('cohorts.figures.times', { n: fmt.decimal(figures.perParent.mothers) })}</dd>
        <dt>{t('cohorts.figures.partners')}</dt>
        <dd>{t('cohorts.figures.times', { n: fmt.decimal(figures.perParent.partners) })}</dd>
        <dt>{t('cohorts.figures.partnerParticipation')}</dt>
        <dd>{fmt.percent(figures.partnerParticipation)}</dd>
      </dl>
      <p className="fs-muted">{t('cohorts.figures.explain')}</p>
    </section>
  );
}

/** One cohort: its sessions with check-in, its families, and the figures. */
export function CohortPage({ me, cohortId }: { me: StaffMe; cohortId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sessions = useQuery({
    queryKey: ['sessions', 'cohort', cohortId],
    queryFn: () => offersApi.sessions({ cohortId }),
  });
  const figures = useQuery({
    queryKey: ['cohort', cohortId, 'figures'],
    queryFn: () => offersApi.cohortFigures(cohortId),
  });
  const back = canUse(me.roles, 'myCohorts')
    ? { href: '/hold', label: t('pages.myCohorts.title') }
    : { href: '/hold/planlaeg', label: t('pages.planCohorts.title') };
  const backLink = (
    <p>
      <Link href={back.href} className="back-link">
        <Icon name="chevron-left" />
        {t('families.backTo', { page: back.label })}
      </Link>
    </p>
  );
  if (sessions.isPending) return <Loading />;
  const summary = summariseCohorts(sessions.data ?? [])[0];
  if (sessions.isError || !summary)
    return (
      <>
        {backLink}
        <PageHeading title={t('cohorts.unknown')}>{t('cohorts.unknown')}</PageHeading>
        {sessions.isError ? <ProblemAlert error={sessions.error} /> : <p>{t('cohorts.unknownText')}</p>}
      </>
    );
  const list = [...sessions.data].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const families = byFamily(list[0]?.participants ?? []);
  return (
    <>
      {backLink}
      <PageHeading title={summary.name}>{summary.name}</PageHeading>
      <p className="font-lead">
        {summary.offer.name} · <bdi>{summary.place}</bdi>
      </p>
      {summary.facilitator ? <p>{t('cohorts.facilitator', { name: summary.facilitator.name })}</p> : null}
      {list.some((s) => s.status === 'held') && list.every((s) => s.status !== 'planned') ? (
        <SendSurveyButton body={{ occasion: 'course_end', cohortId: summary.id }} endOfCourse />
      ) : null}
      <div className="row">
        <div className="col-12 col-lg-8">
          <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{t('cohorts.sessionsHeading')}</h2>
            <div className="fs-table-wrapper">
              <table className="table table--zebra">
                <caption className="sr-only">{t('cohorts.sessionsHeading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cohorts.number')}</th>
                    <th scope="col">{t('cohorts.when')}</th>
                    <th scope="col">{t('cohorts.session')}</th>
                    <th scope="col">{t('cohorts.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((s) => (
                    <tr key={s.id}>
                      <td>{fmt.number(s.number)}</td>
                      <td>
                        {fmt.date(s.startsAt)}
                        <span className="d-block" dir="ltr">
                          {fmt.timeRange(s.startsAt, s.endsAt)}
                        </span>
                      </td>
                      <th scope="row">
                        {mayCheckIn(s) ? (
                          <Link href={`/hold/${cohortId}/gang/${s.id}`}>{s.title}</Link>
                        ) : (
                          s.title
                        )}
                        {s.guestPresenters.map((g) => (
                          <span key={g.name} className="d-block fs-muted weight-normal">
                            {t('cohorts.guest', { name: g.name, organisation: g.organisation })}
                          </span>
                        ))}
                      </th>
                      <td>
                        <span
                          className={`badge fs-badge-inline ${s.status === 'held' ? 'badge-success' : s.status === 'cancelled' ? 'badge-error' : 'badge-info'}`}
                        >
                          {t(`cohorts.sessionStatus.${s.status}`)}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
        <div className="col-12 col-lg-4">
          {figures.data ? <Figures figures={figures.data} /> : null}
          {figures.isError ? <ProblemAlert error={figures.error} /> : null}
          <section aria-labelledby="families-heading" className="fs-panel">
            <h2 id="families-heading">
              {t('cohorts.familiesHeading', { count: families.length, n: fmt.number(families.length) })}
            </h2>
            <ul className="nobullet-list">
              {families.map((f) => (
                <li key={f[0]?.familyId} className="mb-3">
                  <Link href={`/familier/${f[0]?.familyId}`}>{fmt.list(f.map((p) => p.name))}</Link>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </>
  );
}
