import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import type { FamilyDetail } from '../../api/api.types';
import { familiesApi } from '../../api/families.api';
import { Alert } from '../../components/alert.component';
import { problemFieldErrors } from '../../components/forms/field-errors';
import { RadioGroup, SelectField, TextArea, TextField } from '../../components/forms/fields.component';
import { useFormSubmit } from '../../components/forms/form-submit.hook';
import { ValidatedForm } from '../../components/forms/validated-form.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { concernTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { concernApi, type SentConcernReport } from './concern.api';
import {
  type ConcernErrorCode,
  type ConcernField,
  type ConcernFormErrors,
  type ConcernFormValues,
  concernBody,
  concernFieldOfPath,
  emptyConcernForm,
} from './concern-form';

const id = (f: ConcernField) => `concern-${f}`;
/** Server error codes with a text of their own; any other reads "check what you wrote". */
const knownCodes: readonly ConcernErrorCode[] = ['required', 'too_small', 'invalid_reference'];
const isKnown = (code: string): code is ConcernErrorCode => (knownCodes as readonly string[]).includes(code);

/** The children and the active pregnancy of a family the sender has open, as choices. */
function subjectOptions(family: FamilyDetail, t: TFunction, date: (d: string) => string) {
  const children = family.members
    .filter((m) => m.role === 'child')
    .map((m) => ({
      value: `child:${m.personId}`,
      label: t('concern.send.childOption', {
        name: `${m.givenName} ${m.familyName}`,
        date: m.birthDate ? date(m.birthDate) : '–',
      }),
    }));
  const pregnancies = family.pregnancies
    .filter((p) => p.status === 'active')
    .map((p) => ({
      value: `pregnancy:${p.id}`,
      label: t('concern.send.pregnancyOption', { date: date(p.dueDate) }),
    }));
  return [...children, ...pregnancies];
}

function Sent({ sent, familyId }: { sent: SentConcernReport; familyId: string | null }) {
  const { t } = useTranslation();
  const recipient = sent.recipient.unit
    ? `${sent.recipient.unit.name}, ${sent.recipient.organisation.name}`
    : sent.recipient.organisation.name;
  return (
    <>
      <Alert variant="success" heading={t('concern.send.sent', { recipient })}>
        <p>{t('concern.send.sentText')}</p>
      </Alert>
      <p>
        <Link href="/underretninger/mine">{t('concern.send.toMine')}</Link>
      </p>
      {familyId ? (
        <p>
          <Link href={`/familier/${familyId}`}>{t('concern.send.backToFamily')}</Link>
        </p>
      ) : null}
    </>
  );
}

/**
 * "Send underretning": from the family page (?familie=<id>, the sender picks the child or the
 * pregnancy) or standalone for a professional without access to the family, who identifies
 * the child as well as they can and names the municipality.
 */
export function SendConcernPage() {
  const ready = useTexts(concernTexts);
  const { t } = useTranslation();
  const fmt = useFormat();
  const familyId = new URLSearchParams(useSearch()).get('familie');
  const [v, setV] = useState<ConcernFormValues>(emptyConcernForm);
  const [errors, setErrors] = useState<ConcernFormErrors>({});
  const form = useFormSubmit();
  const [sent, setSent] = useState<SentConcernReport | null>(null);
  const family = useQuery({
    queryKey: ['family', familyId],
    queryFn: () => familiesApi.family(familyId as string),
    enabled: familyId !== null,
  });
  const recipients = useQuery({
    queryKey: ['concern', 'recipients'],
    queryFn: concernApi.recipients,
    enabled: familyId === null,
  });
  if (!ready || (familyId && family.isPending)) return <Loading />;

  const set = (patch: Partial<ConcernFormValues>) => {
    setV({ ...v, ...patch });
    // A corrected field loses its error; the summary keeps the others until the next attempt.
    const left = { ...errors };
    for (const k of Object.keys(patch) as ConcernField[]) delete left[k];
    if (Object.keys(left).length !== Object.keys(errors).length) setErrors(left);
  };
  const err = (f: ConcernField) => (errors[f] ? t(`concern.errors.${errors[f]}`) : undefined);
  const entries = (Object.keys(errors) as ConcernField[]).map((f) => ({ id: id(f), text: err(f) ?? '' }));

  const submit = async () => {
    const result = concernBody(v, familyId);
    if ('errors' in result) {
      setErrors(result.errors);
      form.invalid();
      return;
    }
    setErrors({});
    await form.send(
      async () => {
        setSent(await concernApi.send(result.body));
      },
      (error) => {
        const { placed, unplaced } = problemFieldErrors(error, concernFieldOfPath);
        const mapped: ConcernFormErrors = {};
        for (const { field: f, code } of placed)
          mapped[f] = f === 'subject' ? 'subject' : isKnown(code) ? code : 'invalid';
        setErrors(mapped);
        return unplaced;
      },
    );
  };

  const title = t('concern.send.title');
  if (sent) {
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <Sent sent={sent} familyId={familyId} />
      </>
    );
  }
  const f = family.data;
  const options = f ? subjectOptions(f, t, fmt.date) : [];
  const familyName = f
    ? fmt.list(f.members.filter((m) => m.role !== 'child').map((m) => `${m.givenName} ${m.familyName}`))
    : '';

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="font-lead">{t('concern.send.lead')}</p>
      <p>{t('concern.send.privacy')}</p>
      {family.isError ? <ProblemAlert error={family.error} /> : null}
      <ValidatedForm onSubmit={submit} entries={entries} status={form} submitLabel={t('concern.send.submit')}>
        {familyId && f ? (
          <>
            <p>{t('concern.send.forFamily', { family: familyName })}</p>
            {options.length > 0 ? (
              <RadioGroup
                id={id('subject')}
                legend={t('concern.send.subject')}
                options={options}
                value={v.subject || undefined}
                error={err('subject')}
                onChange={(subject) => set({ subject })}
              />
            ) : (
              <Alert variant="info">
                <p>{t('concern.send.noSubjects')}</p>
              </Alert>
            )}
            <p>
              <Link href="/underretninger/ny">{t('concern.send.unregisteredLink')}</Link>
            </p>
          </>
        ) : (
          <fieldset>
            <RadioGroup
              id={id('unborn')}
              legend={t('concern.send.unborn')}
              options={[
                { value: 'child', label: t('concern.send.unbornChild') },
                { value: 'unborn', label: t('concern.send.unbornUnborn') },
              ]}
              value={v.unborn}
              onChange={(unborn) => set({ unborn })}
            />
            <TextField
              id={id('name')}
              label={v.unborn === 'unborn' ? t('concern.send.nameUnborn') : t('concern.send.name')}
              hint={t('concern.send.nameHint')}
              value={v.name}
              error={err('name')}
              onChange={(e) => set({ name: e.target.value })}
            />
            <TextField
              id={id('cpr')}
              label={t('concern.send.cpr')}
              hint={t('concern.send.cprHint')}
              optional
              inputMode="numeric"
              value={v.cpr}
              error={err('cpr')}
              onChange={(e) => set({ cpr: e.target.value })}
            />
            {v.unborn === 'unborn' ? (
              <TextField
                id={id('dueDate')}
                label={t('concern.send.dueDate')}
                type="date"
                optional
                value={v.dueDate}
                error={err('dueDate')}
                onChange={(e) => set({ dueDate: e.target.value })}
              />
            ) : (
              <TextField
                id={id('birthDate')}
                label={t('concern.send.birthDate')}
                type="date"
                optional
                value={v.birthDate}
                error={err('birthDate')}
                onChange={(e) => set({ birthDate: e.target.value })}
              />
            )}
            <TextField
              id={id('address')}
              label={t('concern.send.address')}
              hint={t('concern.send.addressHint')}
              value={v.address}
              error={err('address')}
              onChange={(e) => set({ address: e.target.value })}
            />
            {recipients.isError ? <ProblemAlert error={recipients.error} /> : null}
            <div className={`form-group${errors.municipalityOrgId ? ' form-error' : ''}`}>
              <SelectField
                id={id('municipalityOrgId')}
                label={t('concern.send.municipality')}
                hint={err('municipalityOrgId') ?? t('concern.send.municipalityHint')}
                options={[
                  { value: '', label: t('concern.send.chooseMunicipality') },
                  ...(recipients.data ?? []).map((r) => ({
                    value: r.organisation.id,
                    label: r.organisation.name,
                  })),
                ]}
                value={v.municipalityOrgId}
                onChange={(municipalityOrgId) => set({ municipalityOrgId })}
              />
            </div>
          </fieldset>
        )}
        <TextArea
          id={id('worry')}
          label={t('concern.send.worry')}
          hint={t('concern.send.worryHint')}
          value={v.worry}
          error={err('worry')}
          onChange={(e) => set({ worry: e.target.value })}
        />
        <TextArea
          id={id('observations')}
          label={t('concern.send.observations')}
          hint={t('concern.send.observationsHint')}
          value={v.observations}
          error={err('observations')}
          onChange={(e) => set({ observations: e.target.value })}
        />
        <RadioGroup
          id={id('parentsInformed')}
          legend={t('concern.send.parentsInformed')}
          options={(['yes', 'no', 'unknown'] as const).map((value) => ({
            value,
            label: t(`concern.send.parents.${value}`),
          }))}
          value={v.parentsInformed || undefined}
          error={err('parentsInformed')}
          onChange={(parentsInformed) => set({ parentsInformed })}
        />
        <RadioGroup
          id={id('urgency')}
          legend={t('concern.send.urgency')}
          hint={t('concern.send.acuteHint')}
          options={(['acute', 'urgent', 'normal'] as const).map((value) => ({
            value,
            label: t(`concern.send.urgencyOption.${value}`),
          }))}
          value={v.urgency || undefined}
          error={err('urgency')}
          onChange={(urgency) => set({ urgency })}
        />
        <fieldset>
          <legend className="form-label">{t('concern.send.contact')}</legend>
          <TextField
            id={id('phone')}
            label={t('concern.send.phone')}
            type="tel"
            autoComplete="tel"
            value={v.phone}
            error={err('phone')}
            onChange={(e) => set({ phone: e.target.value })}
          />
          <TextField
            id={id('email')}
            label={t('concern.send.email')}
            type="email"
            autoComplete="email"
            value={v.email}
            error={err('email')}
            onChange={(e) => set({ email: e.target.value })}
          />
        </fieldset>
      </ValidatedForm>
    </>
  );
}
