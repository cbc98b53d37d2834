import { parseCpr } from '@familiespor/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Controller, type Path, type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../api/api.client';
import { familiesApi } from '../../api/families.api';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { applyProblemToForm, summaryEntries } from '../../components/forms/field-errors';
import { RadioGroup, TextArea, TextField } from '../../components/forms/fields.component';
import { Icon } from '../../components/icon.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { PersonFields } from './person-fields.component';
import {
  duplicateReason,
  emptyPregnancyForm,
  type PregnancyFormValues,
  pregnancyFormSchema,
  toRegistration,
} from './pregnancy-form';

type Who = 'mother' | 'partner';
type FieldName = Path<PregnancyFormValues>;
/** The fields in the order they stand in the form, for the error summary; the partner's only when shown. */
const fieldIds = (
  hasPartner: boolean,
  identifyBy: 'cpr' | 'birthDate',
): { name: FieldName; id: string }[] => [
  { name: 'mother.cpr', id: 'mother-cpr' },
  { name: 'mother.givenName', id: 'mother-given-name' },
  { name: 'mother.familyName', id: 'mother-family-name' },
  { name: 'mother.firstTimeParent', id: 'mother-first-time' },
  { name: 'mother.phone', id: 'mother-phone' },
  { name: 'mother.email', id: 'mother-email' },
  { name: 'hasPartner', id: 'has-partner' },
  ...(hasPartner
    ? ([
        { name: 'partner.role', id: 'partner-role' },
        identifyBy === 'cpr'
          ? { name: 'partner.cpr', id: 'partner-cpr' }
          : { name: 'partner.birthDate', id: 'partner-birth-date' },
        { name: 'partner.givenName', id: 'partner-given-name' },
        { name: 'partner.familyName', id: 'partner-family-name' },
        { name: 'partner.firstTimeParent', id: 'partner-first-time' },
        { name: 'partner.phone', id: 'partner-phone' },
        { name: 'partner.email', id: 'partner-email' },
      ] satisfies { name: FieldName; id: string }[])
    : []),
  { name: 'dueDate', id: 'due-date' },
  { name: 'careLevel', id: 'care-level' },
  { name: 'address.street', id: 'address-street' },
  { name: 'address.postcode', id: 'address-postcode' },
  { name: 'address.city', id: 'address-city' },
  { name: 'address.municipalityCode', id: 'address-municipality' },
  { name: 'consent.shareWithHealthVisiting', id: 'consent-share' },
  { name: 'consent.capturedHow', id: 'consent-how' },
];

/** Who the server thinks may be registered already, told with the form's own name and birth date. */
function lookalike(v: PregnancyFormValues, who: Who): { name: string; birthDate: string | null } {
  const p = v[who];
  const fromCpr = (value: string) => {
    const parsed = parseCpr(value);
    return parsed.ok ? parsed.cpr.birthDate : null;
  };
  const birthDate =
    who === 'mother'
      ? fromCpr(v.mother.cpr)
      : v.partner.identifyBy === 'cpr'
        ? fromCpr(v.partner.cpr)
        : v.partner.birthDate || null;
  return { name: `${p.givenName} ${p.familyName}`.trim(), birthDate };
}

/**
 * The server found someone with the same name and birth date: the midwife checks with the
 * family, and either corrects the CPR number or confirms with a reason (kept in the audit log).
 */
function DuplicateWarning({
  who,
  values,
  busy,
  onConfirm,
  onCancel,
}: {
  who: readonly Who[];
  values: PregnancyFormValues;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const confirm = () => {
    const r = duplicateReason.safeParse(reason);
    if (!r.success) {
      setError(
        r.error.issues[0]?.code === 'too_big'
          ? t('fieldErrors.duplicateOverrideReason.too_big')
          : t('fieldErrors.duplicateOverrideReason.too_small'),
      );
      document.getElementById('duplicate-reason')?.focus();
      return;
    }
    onConfirm(r.data);
  };
  return (
    <div className="alert alert-warning fs-duplicate" role="alert">
      <Icon name="warning" className="alert-icon" label={t('alert.warning')} />
      <div className="alert-body">
        <h2 className="alert-heading" tabIndex={-1} ref={heading}>
          {t('pregnancy.duplicate.heading')}
        </h2>
        <div className="alert-text">
          {who.map((w) => {
            const l = lookalike(values, w);
            return (
              <p key={w}>
                {l.birthDate
                  ? t(`pregnancy.duplicate.${w}`, { name: l.name, date: fmt.date(l.birthDate) })
                  : t(`pregnancy.duplicate.${w}NoDate`, { name: l.name })}
              </p>
            );
          })}
          <p>{t('pregnancy.duplicate.text')}</p>
          <TextArea
            id="duplicate-reason"
            label={t('pregnancy.duplicate.reason')}
            hint={t('pregnancy.duplicate.reasonHint')}
            error={error}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="fs-actions mt-5">
            <button type="button" className="button button-primary" onClick={confirm} disabled={busy}>
              {t('pregnancy.duplicate.confirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={onCancel}>
              {t('pregnancy.duplicate.correct')}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}

/** "Registrér graviditet": the midwife brings the family into its municipality's red thread. */
export function RegisterPregnancyPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [duplicate, setDuplicate] = useState<{ who: Who[]; values: PregnancyFormValues } | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<PregnancyFormValues>({
    // The schema's input allows '' ("not answered") where its output does not.
    resolver: zodResolver(pregnancyFormSchema) as unknown as Resolver<PregnancyFormValues>,
    defaultValues: emptyPregnancyForm,
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const hasPartner = form.watch('hasPartner') === 'yes';
  const identifyBy = form.watch('partner.identifyBy');
  const fields = fieldIds(hasPartner, identifyBy);
  const entries = summaryEntries(t, errors, fields);
  const err = (name: string) => entries.find((e) => e.id === fields.find((f) => f.name === name)?.id)?.text;

  const send = async (values: PregnancyFormValues, reason?: string) => {
    setFailure(null);
    setBusy(true);
    try {
      const family = await familiesApi.registerPregnancy(toRegistration(values, reason));
      await client.invalidateQueries({ queryKey: ['families'] });
      navigate(`/familier/${family.id}?status=registreret`);
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null;
      const lookalikes = (problem?.errors ?? [])
        .filter((e) => e.code === 'possible_duplicate')
        .map((e) => (e.path === 'partner' ? 'partner' : 'mother') as Who);
      if (lookalikes.length > 0) {
        setDuplicate({ who: [...new Set(lookalikes)], values });
        return;
      }
      setDuplicate(null);
      setAttempt((n) => n + 1);
      const mapped =
        error instanceof ApiError &&
        applyProblemToForm<PregnancyFormValues>(
          problem,
          fields.map((f) => f.name),
          form.setError,
        );
      if (!mapped) setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const submit = form.handleSubmit(
    (v) => send(v),
    () => {
      setDuplicate(null);
      setAttempt((n) => n + 1);
    },
  );

  const radio = (
    name: FieldName,
    id: string,
    legend: string,
    options: { value: string; label: string; hint?: string }[],
    hint?: string,
  ) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <RadioGroup
          id={id}
          legend={legend}
          hint={hint}
          error={err(name)}
          value={field.value === '' ? undefined : (field.value as string)}
          onChange={field.onChange}
          options={options}
        />
      )}
    />
  );

  return (
    <>
      <PageHeading title={t('pages.registerPregnancy.title')}>
        {t('pages.registerPregnancy.title')}
      </PageHeading>
      <p className="font-lead">{t('pregnancy.lead')}</p>
      <div className="row">
        <div className="col-12 col-lg-8">
          <form onSubmit={submit} noValidate className="fs-long-form">
            <ErrorSummary entries={entries} attempt={attempt} />
            {failure ? <ProblemAlert error={failure} /> : null}

            {/* Each part is a named group, so the second "Fornavn" is heard as the partner's. */}
            <fieldset className="fs-form-part" aria-labelledby="mother-heading">
              <h2 id="mother-heading">{t('pregnancy.mother.heading')}</h2>
              <TextField
                id="mother-cpr"
                label={t('pregnancy.mother.cpr')}
                hint={t('pregnancy.cprHint')}
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                className="form-input input-width-s"
                error={err('mother.cpr')}
                {...form.register('mother.cpr')}
              />
              <PersonFields who="mother" form={form} err={err} />
            </fieldset>
            <fieldset className="fs-form-part" aria-labelledby="partner-heading">
              <h2 id="partner-heading">{t('pregnancy.partner.heading')}</h2>
              {radio(
                'hasPartner',
                'has-partner',
                t('pregnancy.partner.has'),
                [
                  { value: 'yes', label: t('pregnancy.partner.hasYes') },
                  { value: 'no', label: t('pregnancy.partner.hasNo') },
                ],
                t('pregnancy.partner.hasHint'),
              )}
              {hasPartner ? (
                <>
                  {radio('partner.role', 'partner-role', t('pregnancy.partner.role'), [
                    { value: 'father', label: t('pregnancy.partner.father') },
                    { value: 'co_parent', label: t('pregnancy.partner.coParent') },
                  ])}
                  <Controller
                    control={form.control}
                    name="partner.identifyBy"
                    render={({ field }) => (
                      <RadioGroup
                        id="partner-identify-by"
                        legend={t('pregnancy.partner.identifyBy')}
                        value={field.value}
                        onChange={field.onChange}
                        options={[
                          { value: 'cpr', label: t('pregnancy.partner.byCpr') },
                          { value: 'birthDate', label: t('pregnancy.partner.byBirthDate') },
                        ]}
                      />
                    )}
                  />
                  {identifyBy === 'cpr' ? (
                    <TextField
                      id="partner-cpr"
                      label={t('pregnancy.partner.cpr')}
                      hint={t('pregnancy.cprHint')}
                      inputMode="numeric"
                      autoComplete="off"
                      spellCheck={false}
                      className="form-input input-width-s"
                      error={err('partner.cpr')}
                      {...form.register('partner.cpr')}
                    />
                  ) : (
                    <TextField
                      id="partner-birth-date"
                      label={t('pregnancy.partner.birthDate')}
                      type="date"
                      className="form-input input-width-s"
                      error={err('partner.birthDate')}
                      {...form.register('partner.birthDate')}
                    />
                  )}
                  <PersonFields who="partner" form={form} err={err} />
                </>
              ) : null}
            </fieldset>
            <fieldset className="fs-form-part" aria-labelledby="pregnancy-heading">
              <h2 id="pregnancy-heading">{t('pregnancy.pregnancy.heading')}</h2>
              <TextField
                id="due-date"
                label={t('pregnancy.pregnancy.dueDate')}
                hint={t('pregnancy.pregnancy.dueDateHint')}
                type="date"
                className="form-input input-width-s"
                error={err('dueDate')}
                {...form.register('dueDate')}
              />
              {radio(
                'careLevel',
                'care-level',
                t('pregnancy.pregnancy.careLevel'),
                (['1', '2', '3', '4'] as const).map((l) => ({
                  value: l,
                  label: t('pregnancy.careLevel.label', { level: l }),
                  hint: t(`pregnancy.careLevel.hint${l}`),
                })),
                t('pregnancy.pregnancy.careLevelHint'),
              )}
            </fieldset>
            <fieldset className="fs-form-part" aria-labelledby="address-heading">
              <h2 id="address-heading">{t('pregnancy.address.heading')}</h2>
              <p>{t('pregnancy.address.lead')}</p>
              <TextField
                id="address-street"
                label={t('pregnancy.address.street')}
                autoComplete="off"
                error={err('address.street')}
                {...form.register('address.street')}
              />
              <div className="fs-field-row">
                <TextField
                  id="address-postcode"
                  label={t('pregnancy.address.postcode')}
                  inputMode="numeric"
                  autoComplete="off"
                  className="form-input input-width-xs"
                  error={err('address.postcode')}
                  {...form.register('address.postcode')}
                />
                <TextField
                  id="address-city"
                  label={t('pregnancy.address.city')}
                  autoComplete="off"
                  error={err('address.city')}
                  {...form.register('address.city')}
                />
              </div>
              <TextField
                id="address-municipality"
                label={t('pregnancy.address.municipalityCode')}
                hint={t('pregnancy.address.municipalityCodeHint')}
                inputMode="numeric"
                autoComplete="off"
                className="form-input input-width-xs"
                error={err('address.municipalityCode')}
                {...form.register('address.municipalityCode')}
              />
            </fieldset>
            <fieldset className="fs-form-part" aria-labelledby="consent-heading">
              <h2 id="consent-heading">{t('pregnancy.consent.heading')}</h2>
              {radio(
                'consent.shareWithHealthVisiting',
                'consent-share',
                t('pregnancy.consent.question'),
                [
                  { value: 'yes', label: t('pregnancy.consent.yes') },
                  { value: 'no', label: t('pregnancy.consent.no') },
                ],
                t('pregnancy.consent.hint'),
              )}
              {radio('consent.capturedHow', 'consent-how', t('pregnancy.consent.how'), [
                { value: 'verbal', label: t('pregnancy.consent.verbal') },
                { value: 'paper', label: t('pregnancy.consent.paper') },
              ])}
            </fieldset>

            {duplicate ? (
              <DuplicateWarning
                who={duplicate.who}
                values={duplicate.values}
                busy={busy}
                onConfirm={(reason) => void form.handleSubmit((v) => send(v, reason))()}
                onCancel={() => {
                  setDuplicate(null);
                  form.setFocus(duplicate.who[0] === 'partner' ? 'partner.givenName' : 'mother.cpr');
                }}
              />
            ) : null}

            <div className="fs-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                {t('pregnancy.submit')}
              </button>
              <Link href="/" className="button button-secondary">
                {t('common.cancel')}
              </Link>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
