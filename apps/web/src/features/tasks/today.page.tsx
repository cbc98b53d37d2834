import { copenhagenDate } from '@familiespor/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../../api/api.client';
import type { Task } from '../../api/api.types';
import { healthApi } from '../../api/health.api';
import { Alert } from '../../components/alert.component';
import { fieldErrorText } from '../../components/forms/field-errors';
import { ReasonForm } from '../../components/forms/reason-form.component';
import { Loading } from '../../components/loading.component';
import { NameList } from '../../components/name-list.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { healthTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { VisitWeek } from '../visits/visit-week.component';
import { taskKindOf, type WorklistSection, worklistSections, worklistSectionsOf } from './worklist';

/** Complete, or cancel with a reason; the change goes into the task's history. */
function TaskActions({ task, onClosed }: { task: Task; onClosed: (message: string) => void }) {
  const { t } = useTranslation();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const id = `task-${task.id.slice(0, 8)}`;
  const close = useMutation({
    mutationFn: (body: { outcome: 'completed' | 'cancelled'; reason?: string }) =>
      healthApi.completeTask(task.id, body),
    onSuccess: (r) =>
      onClosed(t(`today.closed.${r.state}`, { task: t(`tasks.kind.${taskKindOf(task.kind)}`) })),
    onError: (error) => {
      const e =
        error instanceof ApiError ? error.problem?.errors?.find((x) => x.path === 'reason') : undefined;
      if (e) setReasonError(fieldErrorText(t, 'taskReason', e.code));
    },
  });
  if (cancelling) {
    return (
      <ReasonForm
        id={`${id}-reason`}
        label={t('today.cancelReason')}
        hint={t('today.cancelReasonHint')}
        rows={2}
        value={reason}
        error={reasonError}
        onChange={setReason}
        onSubmit={() => {
          if (reason.trim().length < 3) {
            setReasonError(fieldErrorText(t, 'taskReason', reason.trim() ? 'too_small' : 'required'));
            return;
          }
          setReasonError(undefined);
          close.mutate({ outcome: 'cancelled', reason: reason.trim() });
        }}
        // A refused reason stands at the field; only another failure gets the alert.
        failure={close.isError && !reasonError ? close.error : null}
        busy={close.isPending}
        submitLabel={t('today.cancelConfirm')}
        backLabel={t('common.cancel')}
        onBack={() => setCancelling(false)}
      />
    );
  }
  return (
    <>
      {close.isError ? <ProblemAlert error={close.error} /> : null}
      <div className="fs-actions mt-3">
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={close.isPending}
          onClick={() => close.mutate({ outcome: 'completed' })}
        >
          {t('today.complete')}
        </button>
        <button
          type="button"
          className="button button-tertiary button-small"
          onClick={() => setCancelling(true)}
        >
          {t('today.cancel')}
        </button>
      </div>
    </>
  );
}

function TaskItem({ task, today, onClosed }: { task: Task; today: string; onClosed: (m: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const late = task.window.due < today;
  return (
    <li className={`fs-task${task.alert ? ' fs-task-alert' : ''}`}>
      <h4 className="mt-0 mb-2">{t(`tasks.kind.${taskKindOf(task.kind)}`)}</h4>
      {task.family ? (
        <p className="mt-0 mb-2">
          <Link href={`/familier/${task.family.id}?fra=i-dag`}>
            <NameList names={task.family.names} />
          </Link>
          {task.family.cprMasked ? (
            <>
              {' '}
              <span className="fs-muted" dir="ltr">
                {task.family.cprMasked}
              </span>
            </>
          ) : null}
        </p>
      ) : null}
      <p className="mt-0 mb-2">{task.reason}</p>
      <p className="mt-0 mb-2 fs-muted">
        {late ? (
          <span className="badge badge-error fs-badge-inline">
            {t('today.overdueSince', { date: fmt.date(task.window.due) })}
          </span>
        ) : (
          t('today.due', { date: fmt.date(task.window.due) })
        )}
        {' · '}
        {'user' in task.assignee
          ? t('today.assignedUser', { name: task.assignee.user.name })
          : t('today.assignedUnit', { name: task.assignee.unit.name })}
      </p>
      <TaskActions task={task} onClosed={onClosed} />
    </li>
  );
}

function TaskList({
  tasks,
  today,
  onClosed,
}: {
  tasks: Task[];
  today: string;
  onClosed: (m: string) => void;
}) {
  return (
    <ul className="nobullet-list">
      {tasks.map((task) => (
        <TaskItem key={task.id} task={task} today={today} onClosed={onClosed} />
      ))}
    </ul>
  );
}

/**
 * "I dag": the health visitor's worklist — alerts first, then due today, overdue and coming —
 * and her week of booked visits with those still to book.
 */
export function TodayPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const ready = useTexts(healthTexts);
  const [message, setMessage] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['tasks', 'mine'], queryFn: () => healthApi.myTasks('all') });
  const today = copenhagenDate(new Date());
  if (!ready) return <Loading />;
  const sections = q.data ? worklistSectionsOf(q.data.items, today) : null;
  // The sections' own counts: an overdue alert stands under "Akutte" only, so the numbers add up.
  const counts: Record<WorklistSection, number> | null = sections
    ? {
        alerts: sections.alerts.length,
        today: sections.today.length,
        overdue: sections.overdue.length,
        upcoming: sections.upcoming.length,
      }
    : null;
  const truncated = q.data ? q.data.items.length < q.data.counts.total : false;
  const closed = (m: string) => {
    setMessage(m);
    void client.invalidateQueries({ queryKey: ['tasks'] });
  };
  return (
    <>
      <PageHeading title={t('pages.today.title')}>{t('pages.today.title')}</PageHeading>
      <p className="font-lead">{t('today.lead', { date: fmt.dayLong(new Date()) })}</p>
      {message ? <Alert variant="success" heading={message} /> : null}
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ProblemAlert error={q.error} /> : null}
      {counts && sections ? (
        <>
          <ul className="fs-counts nobullet-list" aria-label={t('today.countsLabel')}>
            {worklistSections.map((s) => (
              <li key={s} className={s === 'alerts' && counts.alerts > 0 ? 'fs-count-alert' : undefined}>
                {counts[s] > 0 ? (
                  <a href={`#today-${s}`}>
                    <strong className="fs-count-number">{fmt.number(counts[s])}</strong>
                    <span className="d-block">{t(`today.section.${s}`)}</span>
                  </a>
                ) : (
                  <span className="fs-count-empty">
                    <strong className="fs-count-number">{fmt.number(counts[s])}</strong>
                    <span className="d-block">{t(`today.section.${s}`)}</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
          {q.data && q.data.counts.total === 0 ? <p>{t('today.empty')}</p> : null}
          {truncated && q.data ? (
            <p className="fs-muted">
              {t('today.truncated', {
                shown: fmt.number(q.data.items.length),
                total: fmt.number(q.data.counts.total),
              })}
            </p>
          ) : null}
          {worklistSections.map((s) =>
            sections[s].length > 0 ? (
              <section key={s} aria-labelledby={`today-${s}`} className="mt-6">
                <h2 id={`today-${s}`} tabIndex={-1}>
                  {t(`today.section.${s}`)}{' '}
                  <span className="fs-muted">({fmt.number(sections[s].length)})</span>
                </h2>
                {s === 'alerts' ? <p>{t('today.alertsLead')}</p> : null}
                {s === 'upcoming' ? (
                  <details className="details">
                    <summary className="details-summary">{t('today.showUpcoming')}</summary>
                    <div className="details-text">
                      <TaskList tasks={sections[s]} today={today} onClosed={closed} />
                    </div>
                  </details>
                ) : (
                  <TaskList tasks={sections[s]} today={today} onClosed={closed} />
                )}
              </section>
            ) : null,
          )}
        </>
      ) : null}
      {/* After the worklist: alerts and tasks come first; the week is planning. */}
      <VisitWeek />
    </>
  );
}
