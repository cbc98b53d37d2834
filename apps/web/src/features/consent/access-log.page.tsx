import type { AccessLogEntry } from '@familiespor/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { consentTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { consentApi } from './consent.api';
import { entityWord, groupByDay, whenOf } from './consent-form';

function Entry({ e }: { e: AccessLogEntry }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const known = entityWord(e.entityType);
  const what = known ? t(`accessLog.what.${known}`) : t('accessLog.what.other');
  const role = e.actor.roles[0] ? t(`roles.${e.actor.roles[0]}.name`) : t('accessLog.unknownRole');
  const when = whenOf(e);
  const action = t(`accessLog.action.${e.action}`, { what });
  const why = !e.basis
    ? t('accessLog.basis.none')
    : e.basis === 'break_the_glass'
      ? e.breakGlassReason
        ? t('accessLog.basis.break_the_glass', { reason: e.breakGlassReason })
        : t('accessLog.basis.break_the_glassNoReason')
      : t(`accessLog.basis.${e.basis}`, { organisation: e.actor.organisation?.name ?? '' });
  return (
    <li className={`fs-access-entry${e.basis === 'break_the_glass' ? ' fs-access-glass' : ''}`}>
      <p className="fs-muted mt-0 mb-1">
        {t('accessLog.time', {
          time: when.kind === 'once' ? fmt.time(when.at) : fmt.timeRange(when.from, when.to),
        })}
      </p>
      <p className="weight-semibold mt-0 mb-1">{e.actor.name}</p>
      <p className="mt-0 mb-1">
        {e.actor.organisation
          ? t('accessLog.who', { role, organisation: e.actor.organisation.name })
          : t('accessLog.whoNoOrg', { role })}
      </p>
      <p className="mt-0 mb-1">
        {when.kind === 'once'
          ? action
          : t('accessLog.repeated', { action, count: when.count, n: fmt.number(when.count) })}
      </p>
      {e.dataOrganisation && e.dataOrganisation.id !== e.actor.organisation?.id ? (
        <p className="fs-muted mt-0 mb-1">
          {t('accessLog.whose', { organisation: e.dataOrganisation.name })}
        </p>
      ) : null}
      <p className="mt-0 mb-0">
        <span className="weight-semibold">{t('accessLog.why')}: </span>
        {why}
      </p>
    </li>
  );
}

/**
 * "Hvem har set mine data": the professionals who read or changed the family's data, by day.
 * Repeated reads come from the server as one row ("Så oplysninger om familien · 4 gange",
 * 10.02–10.09), so "Vis ældre" pages through rows; changes and emergency access are each a row.
 */
export function AccessLogPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ready = useTexts(consentTexts);
  const log = useInfiniteQuery({
    queryKey: ['portal', 'access-log'],
    queryFn: ({ pageParam }) => consentApi.accessLog(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (!ready) return <Loading />;
  const title = t('accessLog.title');
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="font-lead">{t('accessLog.lead')}</p>
      {log.isPending ? <Loading /> : null}
      {log.isError ? <ProblemAlert error={log.error} /> : null}
      {log.isSuccess && entries.length === 0 ? <p>{t('accessLog.none')}</p> : null}
      {groupByDay(entries).map((g) => (
        <section key={g.day} aria-labelledby={`day-${g.day}`}>
          <h2 id={`day-${g.day}`} className="h3">
            {fmt.dayLong(g.day)}
          </h2>
          <ul className="nobullet-list fs-access-list">
            {g.entries.map((e) => (
              <Entry key={e.id} e={e} />
            ))}
          </ul>
        </section>
      ))}
      {log.hasNextPage ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {t('accessLog.more')}
        </button>
      ) : null}
    </>
  );
}
