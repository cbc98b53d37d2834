import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, type FieldError, get, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../api/api.client';
import type { Offer } from '../../api/api.types';
import { offersApi } from '../../api/offers.api';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { applyProblemToForm } from '../../components/forms/field-errors';
import { CheckboxField, CheckboxGroup, TextArea, TextField } from '../../components/forms/fields.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { errorText } from './form-errors';
import { OfferFacts } from './offer-facts.component';
import {
  commonLanguages,
  emptyOffer,
  fromOffer,
  type OfferFormValues,
  offerFormSchema,
  offerKinds,
  offerLevels,
  standardFivSessions,
  toCreateBody,
  toUpdateBody,
} from './offer-form';
import { SitesEditor } from './sites-editor.component';
import { TemplateEditor } from './template-editor.component';

/** Form fields in page order, with the element each summary line links to and its generic name. */
function errorFields(v: OfferFormValues): { name: string; id: string; generic: string }[] {
  return [
    { name: 'name', id: 'offer-name', generic: 'offerName' },
    { name: 'kind', id: 'offer-kind', generic: 'offerKind' },
    { name: 'legalBasis', id: 'offer-legal-basis', generic: 'legalBasis' },
    { name: 'weeksFrom', id: 'weeks-from', generic: 'weeks' },
    { name: 'weeksTo', id: 'weeks-to', generic: 'weeks' },
    { name: 'monthsFrom', id: 'months-from', generic: 'months' },
    { name: 'monthsTo', id: 'months-to', generic: 'months' },
    { name: 'languages', id: 'offer-languages', generic: 'offerLanguages' },
    { name: 'capacity', id: 'offer-capacity', generic: 'capacity' },
    ...v.sites.flatMap((_, i) => [
      { name: `sites.${i}.name`, id: `site-${i}-name`, generic: 'siteName' },
      { name: `sites.${i}.address`, id: `site-${i}-address`, generic: 'siteAddress' },
      { name: `sites.${i}.maxCohorts`, id: `site-${i}-max-cohorts`, generic: 'maxCohorts' },
      { name: `sites.${i}.languages`, id: `site-${i}-languages`, generic: 'siteLanguages' },
    ]),
    { name: 'template', id: 'template', generic: 'template' },
    ...v.template.flatMap((row, i) => [
      { name: `template.${i}.title`, id: `template-${i}-title`, generic: 'templateTitle' },
      {
        name: `template.${i}.${row.from === 'birth' ? 'months' : 'daysBeforeDue'}`,
        id: row.from === 'birth' ? `template-${i}-months` : `template-${i}-days-before`,
        generic: 'templateOffset',
      },
    ]),
  ];
}

function OfferForm({ existing }: { existing: Offer | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<OfferFormValues>({
    resolver: zodResolver(offerFormSchema),
    defaultValues: existing ? fromOffer(existing) : emptyOffer(),
    shouldFocusError: false,
  });
  const { errors, isSubmitting } = form.formState;
  const v = form.watch();
  const creating = existing === null;
  const languageOptions = [...new Set([...commonLanguages, ...v.languages])];
  const text = (name: string, generic: string) =>
    errorText(t, generic, get(errors, name) as FieldError | undefined);

  const submit = form.handleSubmit(
    async (values) => {
      setFailure(null);
      try {
        const saved = existing
          ? await offersApi.update(existing.id, toUpdateBody(values, existing))
          : await offersApi.create(toCreateBody(values));
        client.setQueryData(['offers', saved.id], saved);
        await client.invalidateQueries({ queryKey: ['offers'] });
        navigate(`/tilbud/${saved.id}?status=${existing ? 'gemt' : 'oprettet'}`);
      } catch (error) {
        setAttempt((n) => n + 1);
        const fields = errorFields(values).map((f) => f.name) as never[];
        // The API names a session's offset "template.3.offset"; the form has its day or month box.
        const aliases = Object.fromEntries(
          values.template.map((row, i) => [
            `template.${i}.offset`,
            `template.${i}.${row.from === 'birth' ? 'months' : 'daysBeforeDue'}`,
          ]),
        );
        if (!(error instanceof ApiError && applyProblemToForm(error.problem, fields, form.setError, aliases)))
          setFailure(error);
      }
    },
    () => setAttempt((n) => n + 1),
  );
  const summary = errorFields(v).flatMap((f) => {
    const e = get(errors, f.name) as (FieldError & { root?: FieldError }) | undefined;
    const err = e?.root ?? e;
    if (!err || (!err.type && !err.message)) return [];
    return [{ id: f.id, text: errorText(t, f.generic, err) ?? '' }];
  });

  return (
    <form onSubmit={submit} noValidate className="fs-long-form">
      <ErrorSummary entries={summary} attempt={attempt} />
      {failure ? <ProblemAlert error={failure} /> : null}

      <section aria-labelledby="about-heading" className="fs-form-section">
        <h2 id="about-heading">{t('offerForm.aboutHeading')}</h2>
        <TextField
          id="offer-name"
          label={t('offerForm.name')}
          error={text('name', 'offerName')}
          {...form.register('name')}
        />
        <TextArea
          id="offer-description"
          label={t('offerForm.description')}
          hint={t('offerForm.descriptionHint')}
          optional
          {...form.register('description')}
        />
        {creating ? (
          <>
            <div className={`form-group${errors.kind ? ' form-error' : ''}`}>
              <label className="form-label" htmlFor="offer-kind">
                {t('offerForm.kind')}
              </label>
              {errors.kind ? (
                <span className="form-error-message" id="offer-kind-error">
                  <span className="sr-only">{t('forms.errorPrefix')} </span>
                  {text('kind', 'offerKind')}
                </span>
              ) : null}
              <select
                id="offer-kind"
                className="form-select"
                aria-invalid={errors.kind ? true : undefined}
                aria-describedby={errors.kind ? 'offer-kind-error' : undefined}
                {...form.register('kind')}
              >
                {offerKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`offers.kind.${k}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="offer-level">
                {t('offerForm.level')}
              </label>
              <span className="form-hint" id="offer-level-hint">
                {t('offerForm.levelHint')}
              </span>
              <select
                id="offer-level"
                className="form-select"
                aria-describedby="offer-level-hint"
                {...form.register('level')}
              >
                {offerLevels.map((l) => (
                  <option key={l} value={l}>
                    {t(`offers.level.${l}`)}
                  </option>
                ))}
              </select>
            </div>
            <CheckboxField
              id="offer-fiv"
              label={t('offerForm.fiv')}
              hint={t('offerForm.fivHint')}
              {...form.register('fiv', {
                onChange: (e: { target: { checked: boolean } }) => {
                  if (!e.target.checked) return;
                  form.setValue('kind', 'course');
                  if (form.getValues('template').length === 0)
                    form.setValue('template', standardFivSessions());
                  if (!form.getValues('firstTimeParentsOnly')) form.setValue('firstTimeParentsOnly', true);
                },
              })}
            />
          </>
        ) : (
          <OfferFacts offer={existing} audience="staff" />
        )}
        <TextField
          id="offer-schedule"
          label={t('offerForm.schedule')}
          hint={t('offerForm.scheduleHint')}
          optional
          {...form.register('schedule')}
        />
        <TextField
          id="offer-legal-basis"
          label={t('offerForm.legalBasis')}
          hint={t('offerForm.legalBasisHint')}
          error={text('legalBasis', 'legalBasis')}
          {...form.register('legalBasis')}
        />
      </section>

      <section aria-labelledby="who-heading" className="fs-form-section">
        <h2 id="who-heading">{t('offerForm.whoHeading')}</h2>
        <CheckboxField
          id="first-time"
          label={t('offerForm.firstTime')}
          {...form.register('firstTimeParentsOnly')}
        />
        <CheckboxField id="limit-weeks" label={t('offerForm.limitWeeks')} {...form.register('limitWeeks')} />
        {v.limitWeeks ? (
          <div className="fs-inline-fields">
            <TextField
              id="weeks-from"
              label={t('offerForm.weeksFrom')}
              className="form-input input-width-xs"
              inputMode="numeric"
              error={text('weeksFrom', 'weeks')}
              {...form.register('weeksFrom')}
            />
            <TextField
              id="weeks-to"
              label={t('offerForm.weeksTo')}
              className="form-input input-width-xs"
              inputMode="numeric"
              error={text('weeksTo', 'weeks')}
              {...form.register('weeksTo')}
            />
          </div>
        ) : null}
        <CheckboxField
          id="limit-months"
          label={t('offerForm.limitMonths')}
          {...form.register('limitMonths')}
        />
        {v.limitMonths ? (
          <div className="fs-inline-fields">
            <TextField
              id="months-from"
              label={t('offerForm.monthsFrom')}
              className="form-input input-width-xs"
              inputMode="numeric"
              error={text('monthsFrom', 'months')}
              {...form.register('monthsFrom')}
            />
            <TextField
              id="months-to"
              label={t('offerForm.monthsTo')}
              className="form-input input-width-xs"
              inputMode="numeric"
              error={text('monthsTo', 'months')}
              {...form.register('monthsTo')}
            />
          </div>
        ) : null}
        {creating ? (
          <CheckboxField
            id="referral-only"
            label={t('offerForm.referralOnly')}
            hint={t('offerForm.referralOnlyHint')}
            {...form.register('referralOnly')}
          />
        ) : null}
        <Controller
          control={form.control}
          name="languages"
          render={({ field }) => (
            <CheckboxGroup
              id="offer-languages"
              legend={t('offerForm.languages')}
              hint={t('offerForm.languagesHint')}
              error={
                errors.languages ? errorText(t, 'offerLanguages', errors.languages as FieldError) : undefined
              }
              options={languageOptions.map((l) => ({ value: l, label: fmt.languageName(l) }))}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
        <TextField
          id="offer-capacity"
          label={t('offerForm.capacity')}
          hint={
            existing
              ? t('offerForm.capacityHintEdit', { n: fmt.number(existing.enrolled) })
              : t('offerForm.capacityHint')
          }
          className="form-input input-width-xs"
          inputMode="numeric"
          optional
          error={text('capacity', 'capacity')}
          {...form.register('capacity')}
        />
      </section>

      {creating ? (
        <SitesEditor
          control={form.control}
          register={form.register}
          errors={errors}
          languages={v.languages}
        />
      ) : existing.sites.length > 0 ? (
        <p className="fs-muted">{t('offerForm.sites.notEditable')}</p>
      ) : null}

      {v.kind === 'course' ? (
        <TemplateEditor control={form.control} register={form.register} errors={errors} fiv={v.fiv} />
      ) : null}

      {existing ? (
        <section aria-labelledby="active-heading" className="fs-form-section">
          <h2 id="active-heading">{t('offerForm.activeHeading')}</h2>
          <CheckboxField
            id="offer-active"
            label={t('offerForm.active')}
            hint={t('offerForm.activeHint')}
            {...form.register('active')}
          />
        </section>
      ) : null}

      <div className="fs-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {existing ? t('offerForm.save') : t('offerForm.create')}
        </button>
        <Link href={existing ? `/tilbud/${existing.id}` : '/tilbud'} className="button button-secondary">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}

/** Create ("Opret tilbud") or edit an offer: the programme lead's form. */
export function OfferFormPage({ offerId }: { offerId?: string }) {
  const { t } = useTranslation();
  const offer = useQuery({
    queryKey: ['offers', offerId],
    queryFn: () => offersApi.offer(offerId as string),
    enabled: offerId !== undefined,
  });
  const title = offerId
    ? t('offerForm.editTitle', { name: offer.data?.name ?? '' })
    : t('offerForm.createTitle');
  return (
    <>
      <p>
        <Link href={offerId ? `/tilbud/${offerId}` : '/tilbud'} className="back-link">
          <Icon name="chevron-left" />
          {offerId ? t('offerForm.backToOffer') : t('catalogue.back')}
        </Link>
      </p>
      {offerId && offer.isPending ? (
        <Loading />
      ) : offerId && offer.isError ? (
        <>
          <PageHeading title={t('offerForm.createTitle')}>{t('offerForm.createTitle')}</PageHeading>
          <ProblemAlert error={offer.error} />
        </>
      ) : (
        <>
          <PageHeading title={title}>{title}</PageHeading>
          <p className="font-lead">{offerId ? t('offerForm.editLead') : t('offerForm.createLead')}</p>
          <OfferForm existing={offer.data ?? null} />
        </>
      )}
    </>
  );
}
