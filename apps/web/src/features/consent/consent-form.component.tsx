import type { Consent, ConsentOverview } from '@familiespor/contracts';
import { consentableCategories, copenhagenDate } from '@familiespor/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api.client';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { CheckboxGroup, RadioGroup, TextArea, TextField } from '../../components/forms/fields.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { consentApi } from './consent.api';
import { type DraftField, draftBody, draftFields, draftProblems, emptyDraft } from './consent-form';
import { useConsentErrorText, useConsentWords } from './consent-words.hook';

function OrgSelect({
  id,
  label,
  value,
  error,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  options: ConsentOverview['organisations'];
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {error ? (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="sr-only">{t('forms.errorPrefix')} </span>
          {error}
        </span>
      ) : null}
      <select
        id={id}
        className="form-select"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('consent.form.choose')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A new consent in plain words: who may see what, from whom, why and until when — with the
 * sentence it will become shown before it is given. Staff also say which parent gave it and how.
 */
export function ConsentForm({
  overview,
  audience,
  onDone,
  onCancel,
}: {
  overview: ConsentOverview;
  audience: 'parent' | 'staff';
  onDone: (c: Consent) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const words = useConsentWords();
  const errorText = useConsentErrorText();
  const staff = audience === 'staff';
  const [draft, setDraft] = useState(emptyDraft);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  // A field's error goes once the field is changed; the summary keeps the rest until the next try.
  const set = <K extends DraftField>(k: K, v: (typeof draft)[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setErrors(({ [k]: _, ...rest }) => rest as Partial<Record<DraftField, string>>);
  };
  const id = (f: DraftField) => `consent-${f}`;
  const err = (f: DraftField) => (errors[f] ? errorText(errors[f]) : undefined);
  const orgName = (orgId: string) => overview.organisations.find((o) => o.id === orgId)?.name ?? '…';

  const submit = async () => {
    setFailure(null);
    const problems = draftProblems(draft, staff, copenhagenDate(new Date()));
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      onDone(await consentApi.grant(draftBody(draft, overview.familyId, staff)));
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
      const mapped: Partial<Record<DraftField, string>> = {};
      for (const e of fieldErrors) {
        const field = draftFields.find((f) => e.path === f || e.path.startsWith(`${f}.`));
        if (field) mapped[field] = e.code;
      }
      setErrors(mapped);
      if (Object.keys(mapped).length === 0) setFailure(error);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const complete = draft.toOrgId && draft.fromOrgId && draft.categories.length > 0;
  return (
    <form
      noValidate
      className="fs-panel"
      aria-labelledby="consent-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="consent-form-heading" className="h3">
        {staff ? t('consent.staff.recordHeading') : t('consent.form.heading')}
      </h2>
      <ErrorSummary
        entries={draftFields.filter((f) => errors[f]).map((f) => ({ id: id(f), text: errorText(errors[f]) }))}
        attempt={attempt}
      />
      {failure ? <ProblemAlert error={failure} /> : null}
      {staff ? (
        <RadioGroup
          id={id('grantedByPersonId')}
          legend={t('consent.staff.grantedBy')}
          error={err('grantedByPersonId')}
          value={draft.grantedByPersonId || undefined}
          onChange={(v) => set('grantedByPersonId', v)}
          options={overview.parents.map((p) => ({
            value: p.personId,
            label: p.custody ? p.name : t('consent.staff.noCustody', { name: p.name }),
          }))}
        />
      ) : (
        <p>{t('consent.form.custodyNote')}</p>
      )}
      <OrgSelect
        id={id('toOrgId')}
        label={t('consent.form.to')}
        value={draft.toOrgId}
        error={err('toOrgId')}
        options={overview.organisations}
        onChange={(v) => set('toOrgId', v)}
      />
      <CheckboxGroup
        id={id('categories')}
        legend={t('consent.form.what')}
        hint={t('consent.form.whatHint')}
        error={err('categories')}
        value={draft.categories}
        onChange={(v) => set('categories', v)}
        options={consentableCategories.map((c) => ({ value: c, label: t(`consent.what.${c}`) }))}
      />
      <OrgSelect
        id={id('fromOrgId')}
        label={t('consent.form.from')}
        value={draft.fromOrgId}
        error={err('fromOrgId')}
        options={overview.organisations}
        onChange={(v) => set('fromOrgId', v)}
      />
      <TextArea
        id={id('purpose')}
        label={t('consent.form.purpose')}
        hint={t('consent.form.purposeHint')}
        error={err('purpose')}
        value={draft.purpose}
        maxLength={500}
        onChange={(e) => set('purpose', e.target.value)}
      />
      <TextField
        id={id('validTo')}
        type="date"
        label={t('consent.form.validTo')}
        hint={t('consent.form.validToHint')}
        error={err('validTo')}
        value={draft.validTo}
        onChange={(e) => set('validTo', e.target.value)}
      />
      {staff ? (
        <RadioGroup
          id={id('capturedHow')}
          legend={t('consent.staff.capturedHow')}
          error={err('capturedHow')}
          value={draft.capturedHow || undefined}
          onChange={(v) => set('capturedHow', v)}
          options={[
            { value: 'paper' as const, label: t('consent.staff.paper') },
            { value: 'verbal' as const, label: t('consent.staff.verbal') },
          ]}
        />
      ) : null}
      {complete ? (
        <div className="fs-consent-preview" aria-live="polite">
          <p className="weight-semibold mb-2">{t('consent.form.preview')}</p>
          <p className="font-lead mt-0">
            {words.question(orgName(draft.toOrgId), orgName(draft.fromOrgId), draft.categories)}
          </p>
          {draft.purpose.trim() ? <p>{t('consent.why', { purpose: draft.purpose.trim() })}</p> : null}
        </div>
      ) : null}
      <div className="fs-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {staff ? t('consent.staff.save') : t('consent.form.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('consent.form.cancel')}
        </button>
      </div>
    </form>
  );
}
