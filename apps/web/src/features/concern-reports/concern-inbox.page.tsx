import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroup, TextArea } from '../../components/forms/fields.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { concernTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { type ConcernReport, concernApi } from './concern.api';

type State = ConcernReport['deadlines']['receipt']['state'];
const badgeOf: Record<State, string> = {
  open: 'badge-info',
  overdue: 'badge-error',
  done: 'badge-success',
  done_late: 'badge-warning',
};

function StateBadge({ state }: { state: State }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${badgeOf[state]} fs-badge-inline`}>{t(`concern.inbox.state.${state}`)}</span>
  );
}

/** The three things the caseworker records: the 24-hour assessment, the receipt, § 20. */
function Actions({ report, onChanged }: { report: ConcernReport; onChanged: (r: ConcernReport) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [acute, setAcute] = useState<'yes' | 'no' | undefined>();
  const [note, setNote] = useState('');
  const prefix = `concern-${report.id.slice(0, 8)}`;
  const act = useMutation({
    mutationFn: (fn: () => Promise<ConcernReport>) => fn(),
    onSuccess: onChanged,
  });
  const c = report.childAssessment;
  return (
    <div className="mt-4">
      {act.isError ? <ProblemAlert error={act.error} /> : null}
      <h4 className="mb-2">{t('concern.inbox.assessment')}</h4>
      {report.assessment ? (
        <p className="mt-0">
          <strong>
            {report.assessment.acuteRisk ? t('concern.inbox.acuteRiskYes') : t('concern.inbox.acuteRiskNo')}
          </strong>
          {' · '}
          {t('concern.inbox.assessedBy', {
            time: fmt.dateTime(report.assessment.at),
            name: report.assessment.by.name,
          })}
          {report.assessment.note ? <span className="d-block">{report.assessment.note}</span> : null}
        </p>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!acute) return;
            act.mutate(() =>
              concernApi.assess(report.id, {
                acuteRisk: acute === 'yes',
                ...(note.trim() ? { note: note.trim() } : {}),
              }),
            );
          }}
        >
          <RadioGroup
            id={`${prefix}-acute`}
            legend={t('concern.inbox.acuteRisk')}
            options={[
              { value: 'yes', label: t('concern.inbox.acuteYes') },
              { value: 'no', label: t('concern.inbox.acuteNo') },
            ]}
            value={acute}
            onChange={setAcute}
          />
          <TextArea
            id={`${prefix}-note`}
            label={t('concern.inbox.note')}
            optional
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <button
            type="submit"
            className="button button-primary button-small"
            disabled={!acute || act.isPending}
          >
            {t('concern.inbox.recordAssessment')}
          </button>
        </form>
      )}
      <h4 className="mb-2">{t('concern.inbox.receipt')}</h4>
      {report.receipt ? (
        <p className="mt-0">
          {t('concern.inbox.receiptSent', {
            time: fmt.dateTime(report.receipt.at),
            name: report.receipt.by.name,
          })}
        </p>
      ) : (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={act.isPending}
          onClick={() => act.mutate(() => concernApi.receipt(report.id))}
        >
          {t('concern.inbox.sendReceipt')}
        </button>
      )}
      <h4 className="mb-2">{t('concern.inbox.childAssessment')}</h4>
      {c ? (
        <p className="mt-0">
          {t('concern.inbox.childAssessmentBy', {
            decision:
              c.decision === 'started'
                ? t('concern.inbox.childAssessmentStarted')
                : t('concern.inbox.childAssessmentNotStarted'),
            time: fmt.dateTime(c.at),
            name: c.by.name,
          })}
        </p>
      ) : null}
      {c?.decision !== 'started' ? (
        <div className="fs-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={act.isPending}
            onClick={() => act.mutate(() => concernApi.childAssessment(report.id, true))}
          >
            {t('concern.inbox.startChildAssessment')}
          </button>
          {c ? null : (
            <button
              type="button"
              className="button button-tertiary button-small"
              disabled={act.isPending}
              onClick={() => act.mutate(() => concernApi.childAssessment(report.id, false))}
            >
              {t('concern.inbox.noChildAssessment')}
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}

function ReportItem({ report, onChanged }: { report: ConcernReport; onChanged: (r: ConcernReport) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const s = report.subject;
  const d = report.deadlines;
  return (
    <li className={`fs-task${d.overdue ? ' fs-task-alert' : ''}`} aria-label={s.name}>
      <h3 className="mt-0 mb-2">
        {s.name}{' '}
        {s.cprMasked ? (
          <span className="fs-muted weight-normal" dir="ltr">
            {s.cprMasked}
          </span>
        ) : null}
      </h3>
      <p className="mt-0 mb-2">
        <span
          className={`badge ${report.urgency === 'normal' ? 'badge-info' : 'badge-error'} fs-badge-inline`}
        >
          {t(`concern.inbox.urgency.${report.urgency}`)}
        </span>{' '}
        {[
          t('concern.inbox.receivedAt', { time: fmt.dateTime(report.receivedAt) }),
          s.unborn && s.dueDate ? t('concern.inbox.unborn', { date: fmt.date(s.dueDate) }) : null,
          !s.unborn && s.birthDate ? t('concern.inbox.born', { date: fmt.date(s.birthDate) }) : null,
          s.address,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p className="mt-0 mb-2">
        {/* The report carries the identification; it gives no access to the family's record. */}
        <span className="fs-muted">
          {s.familyId ? t('concern.inbox.registered') : t('concern.inbox.notRegistered')}
        </span>
      </p>
      <dl className="fs-summary">
        <dt>{t('concern.inbox.deadlines')}</dt>
        <dd>
          <span className="d-block">
            {t('concern.inbox.assessmentDue', { time: fmt.dateTime(d.assessment.dueAt) })}{' '}
            <StateBadge state={d.assessment.state} />
          </span>
          <span className="d-block">
            {t('concern.inbox.receiptDue', { date: fmt.date(d.receipt.dueOn) })}{' '}
            <StateBadge state={d.receipt.state} />
          </span>
        </dd>
        <dt>{t('concern.inbox.worry')}</dt>
        <dd>{report.worry}</dd>
        <dt>{t('concern.inbox.observations')}</dt>
        <dd>{report.observations}</dd>
        <dt>{t('concern.inbox.parentsInformed')}</dt>
        <dd>{t(`concern.send.parents.${report.parentsInformed}`)}</dd>
        <dt>{t('concern.inbox.contact')}</dt>
        <dd>
          {t('concern.inbox.from', {
            name: report.sender.name,
            organisation: report.sender.organisation.name,
          })}
          {[report.sender.phone, report.sender.email].filter(Boolean).map((c) => (
            <span key={c} className="d-block" dir="ltr">
              {c}
            </span>
          ))}
        </dd>
      </dl>
      <Actions report={report} onChanged={onChanged} />
    </li>
  );
}

/** "Underretninger": the caseworkers' inbox with the deadlines; past a deadline first. */
export function ConcernInboxPage() {
  const ready = useTexts(concernTexts);
  const { t } = useTranslation();
  const client = useQueryClient();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const inbox = useQuery({ queryKey: ['concern', 'inbox', status], queryFn: () => concernApi.inbox(status) });
  if (!ready) return <Loading />;
  const title = t('concern.inbox.title');
  const changed = (r: ConcernReport) => {
    client.setQueryData(['concern', 'inbox', status], (old: typeof inbox.data) =>
      old ? { ...old, items: old.items.map((i) => (i.id === r.id ? r : i)) } : old,
    );
    // Marked stale, not refetched now: a report whose last step was just recorded leaves the open
    // inbox on the next visit, not under the caseworker's hand while she reads what she did.
    void client.invalidateQueries({ queryKey: ['concern', 'inbox'], refetchType: 'none' });
  };
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="font-lead">{t('concern.inbox.lead')}</p>
      <RadioGroup
        id="concern-status"
        legend={t('concern.inbox.show')}
        options={[
          { value: 'open', label: t('concern.inbox.open') },
          { value: 'all', label: t('concern.inbox.all') },
        ]}
        value={status}
        onChange={setStatus}
      />
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? <ProblemAlert error={inbox.error} /> : null}
      {inbox.data ? (
        <>
          <p>{t('concern.inbox.counts', inbox.data.counts)}</p>
          {inbox.data.items.length === 0 ? (
            <p>{t('concern.inbox.none')}</p>
          ) : (
            <ul className="nobullet-list no-max-width">
              {inbox.data.items.map((r) => (
                <ReportItem key={r.id} report={r} onChanged={changed} />
              ))}
            </ul>
          )}
        </>
      ) : null}
    </>
  );
}
