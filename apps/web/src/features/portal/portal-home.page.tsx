import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { MyTimeline, ParentMe } from '../../api/api.types';
import { portalApi } from '../../api/portal.api';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { ageOf, stageChildName } from '../timeline/stage';
import { useStageWords } from '../timeline/stage-words.hook';
import { Timeline } from '../timeline/timeline.component';
import { Team } from './team.component';

/** Where the family is now, in plain words, and a few warm lines about this time. */
function StageCard({ data }: { data: MyTimeline }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useStageWords();
  const stage = data.stage;
  if (stage.kind === 'none') {
    return (
      <section aria-labelledby="stage-heading" className="fs-stage">
        <h2 id="stage-heading">{t('portal.stage.noneHeading')}</h2>
        <p>{t('portal.stage.noneText')}</p>
      </section>
    );
  }
  const heading =
    stage.kind === 'pregnancy'
      ? t('portal.stage.pregnancy', { week: stage.week })
      : t('portal.stage.child', {
          name: stageChildName(stage, data.children) ?? t('timeline.theChild'),
          age: words.age(ageOf(stage.ageDays, stage.ageMonths)),
        });
  return (
    <section aria-labelledby="stage-heading" className="fs-stage">
      <p className="fs-stage-label">{words.name(stage)}</p>
      <h2 id="stage-heading" className="mt-0">
        {heading}
      </h2>
      {stage.kind === 'pregnancy' ? (
        <p className="font-lead">{t('portal.stage.dueDate', { date: fmt.date(stage.dueDate) })}</p>
      ) : null}
      <p>{t(`stageText.${stage.key}`)}</p>
    </section>
  );
}

/** A parent's home: where the family is now, who to call, and the red thread. */
export function PortalHomePage({ me }: { me: ParentMe }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const hasFamily = me.families.length > 0;
  const timeline = useQuery({
    queryKey: ['portal', 'timeline'],
    queryFn: portalApi.timeline,
    enabled: hasFamily,
  });
  return (
    <>
      <PageHeading title={t('home.parent.title')}>
        {t('home.parent.hello', { name: me.person.name })}
      </PageHeading>
      <p className="font-lead">{t('home.parent.lead')}</p>

      {!hasFamily ? <p>{t('home.parent.noFamily')}</p> : null}
      {hasFamily && timeline.isPending ? <Loading /> : null}
      {timeline.isError ? <ProblemAlert error={timeline.error} /> : null}
      {timeline.data ? (
        <>
          <StageCard data={timeline.data} />
          <Team team={timeline.data.team} />
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t('portal.timeline.heading')}</h2>
            <p>{t('portal.timeline.lead')}</p>
            <Timeline entries={timeline.data.entries} audience="parent" headingLevel={3} />
          </section>
        </>
      ) : null}

      <section aria-labelledby="help-heading">
        <h2 id="help-heading">{t('home.parent.helpHeading')}</h2>
        <p>{t('home.parent.helpText')}</p>
        <p>
          <Link href="/portal/aaben-raadgivning">{t('home.parent.openCounsellingLink')}</Link>
        </p>
      </section>

      <p className="fs-muted">{t('home.parent.sessionUntil', { time: fmt.time(me.sessionExpiresAt) })}</p>
    </>
  );
}
