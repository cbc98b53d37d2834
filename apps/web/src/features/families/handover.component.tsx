import { assignCoordinatorBody } from '@familiespor/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../api/api.client';
import type { CoordinatorCandidate, FamilyDetail, StaffMe } from '../../api/api.types';
import { familiesApi } from '../../api/families.api';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { applyProblemToForm, fieldErrorText, summaryEntries } from '../../components/forms/field-errors';
import { TextArea } from '../../components/forms/fields.component';
import { Loading } from '../../components/loading.component';
import { ProblemAlert } from '../../components/problem-alert.component';

const note = assignCoordinatorBody.shape.handoverNote.unwrap();
const schemaFor = (noteRequired: boolean) =>
  z.object({
    staffUserId: z.string().min(1),
    handoverNote: noteRequired ? note : z.union([z.literal(''), note]),
  });
type Values = { staffUserId: string; handoverNote: string };

function label(c: CoordinatorCandidate): string {
  return [c.name, c.title, c.organisation.name].filter(Boolean).join(', ');
}

/**
 * Hand the family over to a named colleague: the district's health visitors first, then the
 * municipality's and involved organisations' professionals. A change needs a handover note.
 */
export function HandOverForm({
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
  const noteRequired = family.coordinator !== null;
  const candidates = useQuery({
    queryKey: ['family', family.id, 'coordinator-candidates'],
    queryFn: () => familiesApi.coordinatorCandidates(family.id),
  });
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schemaFor(noteRequired)),
    defaultValues: { staffUserId: '', handoverNote: '' },
    shouldFocusError: false,
  });
  const { errors, isSubmitting } = form.formState;
  const ready = candidates.isSuccess;
  // The button that opened the form is gone; the colleague list is where the user continues.
  useEffect(() => {
    if (ready) form.setFocus('staffUserId');
  }, [ready, form]);
  const submit = form.handleSubmit(
    async (v) => {
      setFailure(null);
      try {
        onDone(
          await familiesApi.assignCoordinator(family.id, {
            staffUserId: v.staffUserId,
            ...(v.handoverNote.trim() ? { handoverNote: v.handoverNote.trim() } : {}),
          }),
        );
      } catch (error) {
        setAttempt((n) => n + 1);
        if (
          !(
            error instanceof ApiError &&
            applyProblemToForm(error.problem, ['staffUserId', 'handoverNote'], form.setError)
          )
        )
          setFailure(error);
      }
    },
    () => setAttempt((n) => n + 1),
  );
  if (candidates.isPending) return <Loading />;
  if (candidates.isError) return <ProblemAlert error={candidates.error} />;
  const choices = candidates.data.filter((c) => c.id !== me.user.id && c.id !== family.coordinator?.staff.id);
  const inDistrict = choices.filter((c) => c.inDistrict);
  const others = choices.filter((c) => !c.inDistrict);
  const colleagueError = errors.staffUserId
    ? fieldErrorText(t, 'staffUserId', errors.staffUserId.type as string)
    : undefined;
  return (
    <form onSubmit={submit} noValidate className="mt-5">
      <ErrorSummary
        entries={summaryEntries(t, errors, [
          { name: 'staffUserId', id: 'handover-colleague' },
          { name: 'handoverNote', id: 'handover-to-note' },
        ])}
        attempt={attempt}
      />
      {failure ? <ProblemAlert error={failure} /> : null}
      <div className={`form-group${colleagueError ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor="handover-colleague">
          {t('families.coordinator.colleague')}
        </label>
        <span className="form-hint" id="handover-colleague-hint">
          {t('families.coordinator.colleagueHint')}
        </span>
        {colleagueError ? (
          <span className="form-error-message" id="handover-colleague-error">
            <span className="sr-only">{t('forms.errorPrefix')} </span>
            {colleagueError}
          </span>
        ) : null}
        <select
          id="handover-colleague"
          className="form-select"
          aria-invalid={colleagueError ? true : undefined}
          aria-describedby={`handover-colleague-hint${colleagueError ? ' handover-colleague-error' : ''}`}
          {...form.register('staffUserId')}
        >
          <option value="">{t('families.coordinator.chooseColleague')}</option>
          {inDistrict.length > 0 ? (
            <optgroup label={t('families.coordinator.inDistrict')}>
              {inDistrict.map((c) => (
                <option key={c.id} value={c.id}>
                  {label(c)}
                </option>
              ))}
            </optgroup>
          ) : null}
          {others.length > 0 ? (
            <optgroup label={t('families.coordinator.otherColleagues')}>
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {label(c)}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </div>
      <TextArea
        id="handover-to-note"
        label={t('families.coordinator.handoverNote')}
        hint={t('families.coordinator.handoverToHint')}
        optional={!noteRequired}
        error={
          errors.handoverNote
            ? fieldErrorText(t, 'handoverNote', errors.handoverNote.type as string)
            : undefined
        }
        {...form.register('handoverNote')}
      />
      <div className="fs-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {t('families.coordinator.handOverSubmit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
