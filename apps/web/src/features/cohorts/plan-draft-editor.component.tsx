import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api.client';
import type { ConfirmedCohorts, Offer } from '../../api/api.types';
import { offersApi } from '../../api/offers.api';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { fieldErrorText } from '../../components/forms/field-errors';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { PlanCohort } from './plan-cohort.component';
import { checkDraft, type Draft, moveFamily, statsOf, toConfirmBody, updateCohort } from './plan-draft';
import { draftErrors, type PlanError, planIds, type SentCohort, serverErrors } from './plan-errors';
import { type MoveTarget, PlanFamilyRows } from './plan-families.component';
import type { Facilitator } from './use-facilitators.hook';

/**
 * Step two: the proposal as the lead adjusts it — the figures, each cohort, the families left
 * without a cohort — and "Bekræft planen". Nothing is saved before that.
 */
export function PlanDraftEditor({
  offer,
  draft,
  facilitators,
  onDraft,
  onCreated,
}: {
  offer: Offer;
  draft: Draft;
  facilitators: readonly Facilitator[];
  onDraft: (draft: Draft) => void;
  onCreated: (cohorts: ConfirmedCohorts['cohorts']) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const [errors, setErrors] = useState<PlanError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The proposal appears below the form that asked for it: take the reader there.
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const labelOf = new Map(
    draft.cohorts.map((c, i) => [
      c.key,
      c.name.trim()
        ? t('planCohorts.cohortLabel', { n: i + 1, name: c.name.trim() })
        : t('planCohorts.cohortNumber', { n: i + 1 }),
    ]),
  );
  const waitingLabel = t('planCohorts.waitingHeading');
  const targets: MoveTarget[] = [
    ...draft.cohorts.map((c) => ({ key: c.key, label: labelOf.get(c.key) ?? '' })),
    { key: null, label: waitingLabel },
  ];
  const stats = statsOf(draft);
  const sessionCount = offer.template?.length ?? 0;
  const days = (n: number) => t('planCohorts.days', { count: n, n: fmt.number(n) });

  const move = (enrollmentId: string, to: string | null) => {
    const family =
      draft.cohorts.flatMap((c) => c.families).find((f) => f.enrollmentId === enrollmentId) ??
      draft.waiting.find((w) => w.enrollmentId === enrollmentId);
    onDraft(moveFamily(draft, enrollmentId, to));
    setAnnouncement(
      t('planCohorts.moved', { names: family?.names ?? '', target: to ? labelOf.get(to) : waitingLabel }),
    );
    // The family keeps its "Flyt til" select wherever it lands (its id follows the enrollment).
    setFocusId(planIds.move(enrollmentId));
  };

  const confirm = async () => {
    setFailure(null);
    const problems = draftErrors(checkDraft(draft, sessionCount));
    setErrors(problems);
    if (problems.length > 0) return setAttempt((n) => n + 1);
    const sent: SentCohort[] = draft.cohorts
      .filter((c) => c.families.length > 0)
      .map((c) => ({ key: c.key, enrollmentIds: c.families.map((f) => f.enrollmentId) }));
    setBusy(true);
    try {
      const result = await offersApi.confirmPlan(toConfirmBody(offer.id, draft));
      await Promise.all([
        client.invalidateQueries({ queryKey: ['sessions'] }),
        client.invalidateQueries({ queryKey: ['offers'] }),
      ]);
      onCreated(result.cohorts);
    } catch (error) {
      const placed = serverErrors(error instanceof ApiError ? error.problem : null, sent);
      setErrors(placed.errors);
      setAttempt((n) => n + 1);
      if (!placed.placed) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  // The summary in the order of the page: cohort by cohort, each line naming its cohort.
  const order = new Map(draft.cohorts.map((c, i) => [c.key, i]));
  const summary = [...errors]
    .sort((a, b) => (order.get(a.cohort ?? '') ?? -1) - (order.get(b.cohort ?? '') ?? -1))
    .filter((e, i, all) => all.findIndex((x) => x.id === e.id) === i)
    .map((e) => {
      const text = fieldErrorText(t, e.field, e.code);
      const cohort = e.cohort ? labelOf.get(e.cohort) : undefined;
      return { id: e.id, text: cohort ? t('planCohorts.errorIn', { cohort, error: text }) : text };
    });
  const anyFamilies = stats.couples > 0;

  return (
    <section aria-labelledby="plan-proposed-heading" className="mt-8">
      <h2 id="plan-proposed-heading" ref={heading} tabIndex={-1}>
        {t('planCohorts.proposedHeading')}
      </h2>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <ErrorSummary entries={summary} attempt={attempt} />
      {failure ? <ProblemAlert error={failure} /> : null}
      {draft.cohorts.length === 0 ? (
        <p>{t('planCohorts.noCohorts')}</p>
      ) : (
        <>
          <p>{t('planCohorts.proposedLead')}</p>
          <dl className="fs-summary">
            <dt>{t('planCohorts.stats.cohorts')}</dt>
            <dd>{fmt.number(stats.cohorts)}</dd>
            <dt>{t('planCohorts.stats.couples')}</dt>
            <dd>{fmt.number(stats.couples)}</dd>
            <dt>{t('planCohorts.stats.waiting')}</dt>
            <dd>{fmt.number(draft.waiting.length)}</dd>
            <dt>{t('planCohorts.stats.medianSpread')}</dt>
            <dd>{days(stats.medianSpread)}</dd>
            <dt>{t('planCohorts.stats.maxSpread')}</dt>
            <dd>{days(stats.maxSpread)}</dd>
            <dt>{t('planCohorts.stats.fillRate')}</dt>
            <dd>{fmt.percent(stats.fillRate)}</dd>
          </dl>
        </>
      )}
      {draft.cohorts.map((c) => (
        <PlanCohort
          key={c.key}
          cohort={c}
          label={labelOf.get(c.key) ?? ''}
          offer={offer}
          facilitators={facilitators}
          targets={targets}
          errors={errors}
          onChange={(change) => onDraft(updateCohort(draft, c.key, change))}
          onMove={move}
        />
      ))}
      <section aria-labelledby="plan-waiting-heading" className="mt-8">
        <h2 id="plan-waiting-heading">
          {t('planCohorts.waitingHeadingCount', {
            count: draft.waiting.length,
            n: fmt.number(draft.waiting.length),
          })}
        </h2>
        {draft.waiting.length === 0 ? (
          <p>{t('planCohorts.waitingNone')}</p>
        ) : (
          <>
            <p>{t('planCohorts.waitingLead')}</p>
            <PlanFamilyRows
              families={draft.waiting}
              caption={waitingLabel}
              targets={targets.filter((x) => x.key !== null)}
              errors={errors}
              onMove={move}
            />
          </>
        )}
      </section>
      {anyFamilies ? (
        <>
          <p className="mt-6">
            {t('planCohorts.confirmHint', {
              count: stats.cohorts,
              n: fmt.number(stats.cohorts),
              sessions: fmt.number(sessionCount),
            })}
          </p>
          <div className="fs-actions mt-4">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void confirm()}
            >
              {t('planCohorts.confirm')}
            </button>
          </div>
        </>
      ) : (
        <p className="mt-6">{t('planCohorts.nothingToConfirm')}</p>
      )}
    </section>
  );
}
