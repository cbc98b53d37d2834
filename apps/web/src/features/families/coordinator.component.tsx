import { assignCoordinatorBody } from '@familiespor/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../api/api.client';
import type { FamilyDetail, StaffMe } from '../../api/api.types';
import { familiesApi } from '../../api/families.api';
import { Alert } from '../../components/alert.component';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { applyProblemToForm, fieldErrorText, summaryEntries } from '../../components/forms/field-errors';
import { TextArea } from '../../components/forms/fields.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { HandOverForm } from './handover.component';

const handoverSchema = z.object({ handoverNote: assignCoordinatorBody.shape.handoverNote.unwrap() });

/** Taking over from another coordinator: the handover note says what was agreed and what the family needs. */
function TakeOverForm({
  family,
  me,
  onDone,
  onCancel,
}: {
  family: FamilyDetail;
  me: StaffMe;
  onDone: (f: FamilyDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<z.infer<typeof handoverSchema>>({
    resolver: zodResolver(handoverSchema),
    defaultValues: { handoverNote: '' },
    shouldFocusError: false,
  });
  const { errors, isSubmitting } = form.formState;
  // The button that opened the form is gone; the note is where the user continues.
  useEffect(() => form.setFocus('handoverNote'), [form]);
  const submit = form.handleSubmit(
    async (v) => {
      setFailure(null);
      try {
        onDone(
          await familiesApi.assignCoordinator(family.id, {
            staffUserId: me.user.id,
            handoverNote: v.handoverNote,
          }),
        );
      } catch (error) {
        setAttempt((n) => n + 1);
        if (
          !(error instanceof ApiError && applyProblemToForm(error.problem, ['handoverNote'], form.setError))
        )
          setFailure(error);
      }
    },
    () => setAttempt((n) => n + 1),
  );
  return (
    <form onSubmit={submit} noValidate id="take-over-form" className="mt-5">
      <ErrorSummary
        entries={summaryEntries(t, errors, [{ name: 'handoverNote', id: 'handover-note' }])}
        attempt={attempt}
      />
      {failure ? <ProblemAlert error={failure} /> : null}
      <TextArea
        id="handover-note"
        label={t('families.coordinator.handoverNote')}
        hint={t('families.coordinator.handoverHint')}
        error={
          errors.handoverNote
            ? fieldErrorText(t, 'handoverNote', errors.handoverNote.type as string)
            : undefined
        }
        {...form.register('handoverNote')}
      />
      <div className="fs-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {t('families.coordinator.takeOverSubmit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The family's coordinator (tovholder): who it is and since when, the history with its
 * handover notes, and — for a professional of the family's municipality — "Bliv tovholder".
 */
export function CoordinatorSection({
  family,
  me,
  mayCoordinate,
  onChanged,
}: {
  family: FamilyDetail;
  me: StaffMe;
  mayCoordinate: boolean;
  onChanged: (f: FamilyDetail) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [takingOver, setTakingOver] = useState(false);
  const [handingOver, setHandingOver] = useState(false);
  const [handedTo, setHandedTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const current = family.coordinator;
  const isMe = current?.staff.id === me.user.id;
  const done = (f: FamilyDetail) => {
    setTakingOver(false);
    setHandingOver(false);
    setSaved(true);
    setHandedTo(f.coordinator && f.coordinator.staff.id !== me.user.id ? f.coordinator.staff.name : null);
    onChanged(f);
    // The button is gone; the panel's heading is where keyboard and screen reader continue.
    heading.current?.focus();
  };
  const become = async () => {
    setBusy(true);
    setFailure(null);
    try {
      done(await familiesApi.assignCoordinator(family.id, { staffUserId: me.user.id }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const history = family.coordinatorHistory.filter((c) => c.endedAt !== null);

  return (
    <section aria-labelledby="coordinator-heading" className="fs-panel">
      <h2 id="coordinator-heading" ref={heading} tabIndex={-1}>
        {t('families.coordinator.heading')}
      </h2>
      {saved && isMe ? (
        <Alert variant="success" heading={t('families.coordinator.saved')} headingLevel={3} />
      ) : null}
      {saved && handedTo ? (
        <Alert
          variant="success"
          heading={t('families.coordinator.handedOver', { name: handedTo })}
          headingLevel={3}
        />
      ) : null}
      {failure ? <ProblemAlert error={failure} /> : null}
      {current ? (
        <>
          <p className="mb-0">
            <strong>{current.staff.name}</strong>
            {isMe ? (
              <span className="badge badge-success fs-badge-inline">{t('families.coordinator.you')}</span>
            ) : null}
          </p>
          <p className="mt-0">
            {[current.staff.title, current.staff.organisation.name].filter(Boolean).join(', ')}
          </p>
          <p className="fs-muted">
            {current.assignedByName && current.assignedByName !== current.staff.name
              ? t('families.coordinator.sinceBy', {
                  date: fmt.date(current.startedAt),
                  name: current.assignedByName,
                })
              : t('families.coordinator.since', { date: fmt.date(current.startedAt) })}
          </p>
          {current.handoverNote ? (
            <div className="fs-quote">
              <p className="mb-0">
                <strong>{t('families.coordinator.handoverNote')}</strong>
              </p>
              <p className="mt-0">{current.handoverNote}</p>
            </div>
          ) : null}
          {isMe ? <p>{t('families.coordinator.youText')}</p> : null}
          {!isMe && mayCoordinate && !takingOver ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setSaved(false);
                setTakingOver(true);
              }}
            >
              {t('families.coordinator.takeOver')}
            </button>
          ) : null}
          {(isMe || mayCoordinate) && !takingOver && !handingOver ? (
            <button
              type="button"
              className="button button-secondary mt-4"
              onClick={() => {
                setSaved(false);
                setHandingOver(true);
              }}
            >
              {t('families.coordinator.handOver')}
            </button>
          ) : null}
          {takingOver ? (
            <TakeOverForm family={family} me={me} onDone={done} onCancel={() => setTakingOver(false)} />
          ) : null}
          {handingOver ? (
            <HandOverForm family={family} me={me} onDone={done} onCancel={() => setHandingOver(false)} />
          ) : null}
        </>
      ) : (
        <>
          <p>{t('families.coordinator.none')}</p>
          {mayCoordinate ? (
            <>
              <p>{t('families.coordinator.becomeText')}</p>
              <div className="fs-actions mt-0">
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => void become()}
                  disabled={busy}
                >
                  {t('families.coordinator.become')}
                </button>
                {!handingOver ? (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => {
                      setSaved(false);
                      setHandingOver(true);
                    }}
                  >
                    {t('families.coordinator.assignColleague')}
                  </button>
                ) : null}
              </div>
              {handingOver ? (
                <HandOverForm family={family} me={me} onDone={done} onCancel={() => setHandingOver(false)} />
              ) : null}
            </>
          ) : (
            <p className="fs-muted">{t('families.coordinator.notYours')}</p>
          )}
        </>
      )}
      {history.length > 0 ? (
        <details className="details mt-5">
          <summary className="details-summary">
            <span className="details-summary-text">
              {t('families.coordinator.history', { count: history.length, n: fmt.number(history.length) })}
            </span>
          </summary>
          <div className="details-text">
            <ul className="nobullet-list">
              {history.map((c) => (
                <li key={c.assignmentId} className="mb-4">
                  <strong>{c.staff.name}</strong>
                  <span className="d-block fs-muted">
                    {t('families.coordinator.period', {
                      from: fmt.date(c.startedAt),
                      to: fmt.date(c.endedAt as string),
                    })}
                  </span>
                  {c.handoverNote ? (
                    <span className="d-block">
                      {t('families.coordinator.noteGiven', { note: c.handoverNote })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        </details>
      ) : null}
    </section>
  );
}
