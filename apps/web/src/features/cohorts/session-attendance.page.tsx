import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../../api/api.client';
import type { CourseSession } from '../../api/api.types';
import { offersApi } from '../../api/offers.api';
import { Alert } from '../../components/alert.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { NameList } from '../../components/name-list.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { SendSurveyButton } from '../surveys/send-survey.component';
import { attendanceBody, initialAttendance, parentRole, refusalOf, themeOf } from './attendance';
import { byFamily, checkInOpensAt, mayCheckIn } from './cohorts';

/** "Fremmøde": each parent ticked on their own, grouped by family, saved as one list. */
function AttendanceForm({ session, cohortId }: { session: CourseSession; cohortId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const participants = session.participants ?? [];
  const [present, setPresent] = useState(() => initialAttendance(participants));
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const families = byFamily(participants);
  const count = participants.filter((p) => present[p.personId]).length;
  const opensAt = checkInOpensAt(session);

  const toggle = (personId: string, value: boolean) => {
    setSaved(false);
    setPresent((p) => ({ ...p, [personId]: value }));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    setBusy(true);
    try {
      await offersApi.recordAttendance(session.id, attendanceBody(participants, present));
      setSaved(true);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['sessions'] }),
        client.invalidateQueries({ queryKey: ['cohort', cohortId] }),
      ]);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const refusal = refusalOf(failure instanceof ApiError ? failure.problem : null);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t('attendance.heading')}</h2>
      {!mayCheckIn(session) && refusal !== 'too_early' ? (
        <Alert variant="info">
          <p>{t('attendance.opensAt', { time: fmt.dateTime(opensAt) })}</p>
        </Alert>
      ) : null}
      {saved ? (
        <Alert variant="success" heading={t('attendance.saved')}>
          <p>
            {t('attendance.savedText', {
              present: fmt.number(count),
              total: fmt.number(participants.length),
            })}
          </p>
        </Alert>
      ) : null}
      {refusal === 'too_early' ? (
        <Alert variant="error" heading={t('attendance.tooEarly')}>
          <p>{t('attendance.tooEarlyText', { time: fmt.dateTime(opensAt) })}</p>
        </Alert>
      ) : refusal === 'not_a_participant' ? (
        <Alert variant="error" heading={t('attendance.notParticipant')}>
          <p>{t('attendance.notParticipantText')}</p>
        </Alert>
      ) : failure ? (
        <ProblemAlert error={failure} />
      ) : null}
      {participants.length === 0 ? (
        <p>{t('attendance.noParents')}</p>
      ) : (
        <>
          <p>{t('attendance.lead')}</p>
          {families.map((family) => {
            const familyId = family[0]?.familyId ?? '';
            return (
              <div className="form-group" key={familyId}>
                <fieldset>
                  <legend className="form-label">
                    <NameList names={family.map((p) => p.name)} />
                  </legend>
                  {family.map((p) => {
                    const id = `present-${p.personId}`;
                    return (
                      <div className="form-group-checkbox" key={p.personId}>
                        <input
                          type="checkbox"
                          className="form-checkbox"
                          id={id}
                          checked={present[p.personId] === true}
                          onChange={(e) => toggle(p.personId, e.target.checked)}
                        />
                        <label htmlFor={id}>
                          {t('attendance.present', {
                            // Isolated, so a Danish name keeps its order inside an Arabic label.
                            name: `\u2068${p.name}\u2069`,
                            role: t(`attendance.role.${parentRole(p.role)}`),
                          })}
                        </label>
                      </div>
                    );
                  })}
                </fieldset>
              </div>
            );
          })}
          <p className="mt-5" aria-live="polite">
            {t('attendance.count', { present: fmt.number(count), total: fmt.number(participants.length) })}
          </p>
          <div className="fs-actions mt-4">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('attendance.save')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setSaved(false);
                setPresent(Object.fromEntries(participants.map((p) => [p.personId, true])));
              }}
            >
              {t('attendance.allPresent')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}

/** One session of a cohort for its health visitor: what, when and where, and who came. */
export function SessionAttendancePage({ cohortId, sessionId }: { cohortId: string; sessionId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sessions = useQuery({
    queryKey: ['sessions', 'cohort', cohortId],
    queryFn: () => offersApi.sessions({ cohortId }),
  });
  const session = sessions.data?.find((s) => s.id === sessionId);
  const cohortName = session?.cohort?.name ?? sessions.data?.[0]?.cohort?.name;
  const back = (
    <p>
      <Link href={`/hold/${cohortId}`} className="back-link">
        <Icon name="chevron-left" />
        {cohortName ? t('families.backTo', { page: cohortName }) : t('attendance.backToCohort')}
      </Link>
    </p>
  );
  if (sessions.isPending) return <Loading />;
  if (!session)
    return (
      <>
        {back}
        <PageHeading title={t('attendance.unknown')}>{t('attendance.unknown')}</PageHeading>
        {sessions.isError ? <ProblemAlert error={sessions.error} /> : <p>{t('attendance.unknownText')}</p>}
      </>
    );
  const theme = themeOf(session.theme);
  const title = t('attendance.title', { number: fmt.number(session.number), title: session.title });
  return (
    <>
      {back}
      <PageHeading title={title}>{title}</PageHeading>
      <p className="font-lead">
        {session.cohort?.name} · {session.offer.name}
      </p>
      <dl className="fs-summary">
        {theme ? (
          <>
            <dt>{t('attendance.theme')}</dt>
            <dd>{t(`offers.theme.${theme}`)}</dd>
          </>
        ) : null}
        <dt>{t('attendance.when')}</dt>
        <dd>
          {fmt.dayLong(session.startsAt)}{' '}
          <span dir="ltr">{fmt.timeRange(session.startsAt, session.endsAt)}</span>
        </dd>
        <dt>{t('attendance.place')}</dt>
        <dd>
          <bdi>{session.place}</bdi>
        </dd>
        {session.facilitator ? (
          <>
            <dt>{t('attendance.facilitator')}</dt>
            <dd>{session.facilitator.name}</dd>
          </>
        ) : null}
        {session.guestPresenters.length > 0 ? (
          <>
            <dt>{t('attendance.guests')}</dt>
            <dd>
              <ul className="nobullet-list mt-0">
                {session.guestPresenters.map((g) => (
                  <li key={`${g.name}-${g.topic}`}>
                    {t('attendance.guest', { name: g.name, organisation: g.organisation, topic: g.topic })}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t('attendance.status')}</dt>
        <dd>{t(`cohorts.sessionStatus.${session.status}`)}</dd>
      </dl>
      {session.status === 'cancelled' ? (
        <Alert variant="info">
          <p>{t('attendance.cancelled')}</p>
        </Alert>
      ) : (
        <AttendanceForm key={session.id} session={session} cohortId={cohortId} />
      )}
      {session.status === 'held' ? (
        <SendSurveyButton body={{ occasion: 'session', sessionId: session.id }} />
      ) : null}
    </>
  );
}
