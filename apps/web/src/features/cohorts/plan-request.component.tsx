import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api.client';
import type { CohortPlan, Offer } from '../../api/api.types';
import { offersApi } from '../../api/offers.api';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { fieldErrorText } from '../../components/forms/field-errors';
import { TextField } from '../../components/forms/fields.component';
import { ProblemAlert } from '../../components/problem-alert.component';

export type PlanRequest = { offerId: string; dueFrom: string; dueTo: string };
type Field = keyof PlanRequest;

const fields: { name: Field; id: string }[] = [
  { name: 'offerId', id: 'plan-offer' },
  { name: 'dueFrom', id: 'plan-due-from' },
  { name: 'dueTo', id: 'plan-due-to' },
];
// Texts in fieldErrors.*: the offer's generic name differs from the body's field.
const generic: Record<Field, string> = { offerId: 'planOffer', dueFrom: 'dueFrom', dueTo: 'dueTo' };

function check(r: PlanRequest): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  if (!r.offerId) out.offerId = 'required';
  if (!r.dueFrom) out.dueFrom = 'required';
  if (!r.dueTo) out.dueTo = 'required';
  else if (r.dueFrom && r.dueTo < r.dueFrom) out.dueTo = 'order';
  return out;
}

/** Step one: which course and which due dates. The preview saves nothing. */
export function PlanRequestForm({
  offers,
  initial,
  onPlan,
}: {
  offers: readonly Offer[];
  initial: PlanRequest;
  onPlan: (plan: CohortPlan, offer: Offer, request: PlanRequest) => void;
}) {
  const { t } = useTranslation();
  const [request, setRequest] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const text = (f: Field) => (errors[f] ? fieldErrorText(t, generic[f], errors[f]) : undefined);
  const set = (f: Field, value: string) => setRequest((r) => ({ ...r, [f]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = check(request);
    setErrors(found);
    if (Object.keys(found).length > 0) return setAttempt((n) => n + 1);
    const offer = offers.find((o) => o.id === request.offerId);
    if (!offer) return;
    setBusy(true);
    try {
      onPlan(await offersApi.previewPlan(request), offer, request);
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null;
      const placed: Partial<Record<Field, string>> = {};
      let all = (problem?.errors ?? []).length > 0;
      for (const e of problem?.errors ?? []) {
        if (e.path === 'offerId' || e.path === 'dueFrom' || e.path === 'dueTo') placed[e.path] = e.code;
        else all = false;
      }
      setErrors(placed);
      setAttempt((n) => n + 1);
      if (!all) setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const summary = fields.flatMap((f) => {
    const message = text(f.name);
    return message ? [{ id: f.id, text: message }] : [];
  });
  const offerError = text('offerId');

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="plan-request-heading">
      <h2 id="plan-request-heading">{t('planCohorts.requestHeading')}</h2>
      <ErrorSummary entries={summary} attempt={attempt} />
      {failure ? <ProblemAlert error={failure} /> : null}
      <div className={`form-group${offerError ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor="plan-offer">
          {t('planCohorts.offer')}
        </label>
        {offerError ? (
          <span className="form-error-message" id="plan-offer-error">
            <span className="sr-only">{t('forms.errorPrefix')} </span>
            {offerError}
          </span>
        ) : null}
        <select
          id="plan-offer"
          className="form-select"
          value={request.offerId}
          aria-invalid={offerError ? true : undefined}
          aria-describedby={offerError ? 'plan-offer-error' : undefined}
          onChange={(e) => set('offerId', e.target.value)}
        >
          {offers.length > 1 ? <option value="">{t('planCohorts.chooseOffer')}</option> : null}
          {offers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <fieldset aria-describedby="plan-due-hint">
          <legend className="form-label">{t('planCohorts.dueLegend')}</legend>
          <span className="form-hint" id="plan-due-hint">
            {t('planCohorts.dueHint')}
          </span>
          <div className="fs-field-row">
            <TextField
              id="plan-due-from"
              label={t('planCohorts.dueFrom')}
              type="date"
              className="form-input input-width-s"
              value={request.dueFrom}
              error={text('dueFrom')}
              onChange={(e) => set('dueFrom', e.target.value)}
            />
            <TextField
              id="plan-due-to"
              label={t('planCohorts.dueTo')}
              type="date"
              className="form-input input-width-s"
              value={request.dueTo}
              error={text('dueTo')}
              onChange={(e) => set('dueTo', e.target.value)}
            />
          </div>
        </fieldset>
      </div>
      <div className="fs-actions mt-4">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('planCohorts.preview')}
        </button>
      </div>
    </form>
  );
}
