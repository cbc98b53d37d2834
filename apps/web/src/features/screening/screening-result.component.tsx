import { useTranslation } from 'react-i18next';
import type { RecordScreeningResult } from '../../api/api.types';
import { Alert } from '../../components/alert.component';
import { useFormat } from '../../i18n/use-format.hook';

/**
 * What the server scored: total against the cut-off, band and flags. An answer above 0 on
 * EPDS item 10 comes first, calmly: the alert task has gone to the coordinator and the
 * district's health visitors, and what to do now, before leaving the family.
 */
export function ScreeningResult({
  result,
  respondentName,
}: {
  result: RecordScreeningResult;
  respondentName: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const selfHarm = result.flags.includes('self_harm');
  const above = result.band === 'at_or_above_cutoff';
  const instrument = result.instrument === 'epds' ? 'EPDS' : 'ADBB';
  return (
    <div className="mt-5">
      {selfHarm ? (
        <Alert variant="warning" heading={t('screening.selfHarm.heading')}>
          <p>{t('screening.selfHarm.sent', { name: respondentName })}</p>
          <p>{t('screening.selfHarm.nowHeading')}</p>
          <ul>
            <li>{t('screening.selfHarm.now1')}</li>
            <li>{t('screening.selfHarm.now2')}</li>
            <li>{t('screening.selfHarm.now3')}</li>
            <li>{t('screening.selfHarm.now4')}</li>
          </ul>
        </Alert>
      ) : null}
      <Alert
        variant={above ? 'info' : 'success'}
        heading={t('screening.result.heading', { instrument })}
        headingLevel={3}
      >
        <p>
          {t('screening.result.total', {
            total: fmt.number(result.total),
            max: fmt.number(result.instrument === 'epds' ? 30 : 32),
            cutoff: fmt.number(result.cutoff),
          })}
        </p>
        <p>
          <strong>{t(`screening.band.${result.band}`)}</strong>
          {above ? ` ${t(`screening.result.above.${result.instrument}`)}` : ''}
        </p>
        {result.followUpTasks.length > 0 ? (
          <>
            <p>{t('screening.result.tasks')}</p>
            <ul>
              {result.followUpTasks.map((task) => (
                <li key={task.id}>
                  {t('screening.result.task', {
                    kind: t(`tasks.kind.${knownFollowUp(task.kind)}`),
                    date: fmt.date(task.due),
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="fs-muted">{result.credit}</p>
      </Alert>
    </div>
  );
}

const followUpKinds = ['self_harm_alert', 'epds_repeat', 'epds_referral', 'adbb_repeat'] as const;
const knownFollowUp = (kind: string) =>
  (followUpKinds as readonly string[]).includes(kind) ? (kind as (typeof followUpKinds)[number]) : 'other';
