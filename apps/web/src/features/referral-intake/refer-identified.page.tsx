import { createReferralIntakeBody } from '@familiespor/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useSession } from '../../app/session.hook';
import { fieldErrorList, fieldOfPath, problemFieldErrors } from '../../components/forms/field-errors';
import {
  CheckboxField,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../components/forms/fields.component';
import { useFormSubmit } from '../../components/forms/form-submit.hook';
import { ValidatedForm } from '../../components/forms/validated-form.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { referralIntakeTexts, useTexts } from '../../i18n/lazy-texts';
import { openCounsellingApi } from '../open-counselling/open-counselling.api';
import { referralIntakeApi } from './referral-intake.api';

const fields = [
  'givenName',
  'familyName',
  'phone',
  'email',
  'cpr',
  'postcode',
  'dueDate',
  'childAgeMonths',
  'offerId',
  'reason',
  'consent',
] as const;
type Field = (typeof fields)[number];
type Role = 'mother' | 'father' | 'co_parent' | 'other_caregiver';
const roles: readonly Role[] = ['mother', 'father', 'co_parent', 'other_caregiver'];
const spoken = ['da', 'en', 'ar', 'so', 'tr', 'ur', 'fa', 'uk', 'pl'] as const;
type Spoken = (typeof spoken)[number];
const fieldId = (f: Field) => `intake-${f}`;

/** A zod or server path ("person.phone", "consent.confirmed") → the form's field. */
function fieldOf(path: string): Field | null {
  const local = path.replace(/^person\./, '').replace(/^consent\..*$/, 'consent');
  return fieldOfPath(local, fields) as Field | null;
}

/**
 * "Henvis med navn": the NGO counsellor, with the parent present and choosing to be identified,
 * refers her to a partner municipality's offer with her consent. It starts empty on purpose:
 * nothing from a logged anonymous conversation is carried into it.
 */
export function ReferIdentifiedPage() {
  const ready = useTexts(referralIntakeTexts);
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const session = useSession();
  const offers = useQuery({
    queryKey: ['open-counselling', 'bridge-offers'],
    queryFn: openCounsellingApi.bridgeOffers,
  });
  const [v, setV] = useState({
    givenName: '',
    familyName: '',
    phone: '',
    email: '',
    cpr: '',
    postcode: '',
    dueDate: '',
    childAgeMonths: '',
    reason: '',
    offerId: '',
  });
  const [role, setRole] = useState<Role>('mother');
  const [stage, setStage] = useState<'pregnant' | 'born' | undefined>();
  const [language, setLanguage] = useState<Spoken>('da');
  const [interpreter, setInterpreter] = useState(false);
  const [urgency, setUrgency] = useState<'normal' | 'urgent'>('normal');
  const [how, setHow] = useState<'verbal' | 'paper'>('verbal');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<{ field: Field; code: string }[]>([]);
  const status = useFormSubmit();
  if (!ready || offers.isPending) return <Loading />;
  if (offers.isError) return <ProblemAlert error={offers.error} />;
  // The drop-in's own offers are where the parent already is: the referral goes to the municipality.
  const ownOrgId = session.data?.kind === 'staff' ? session.data.organisation.id : null;
  const municipal = offers.data.filter((o) => o.organisation.id !== ownOrgId);
  // A field's error goes as soon as the field is changed; the next submit checks again.
  const clear = (...f: Field[]) => setErrors((all) => all.filter((x) => !f.includes(x.field)));
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => {
    setV({ ...v, [k]: e.target.value });
    clear(k, ...(k === 'email' ? (['phone'] as const) : []));
  };
  const { err, entries } = fieldErrorList(t, errors, 'referralIntake', fields, fieldId);
  const body = {
    person: {
      givenName: v.givenName,
      familyName: v.familyName,
      role,
      phone: v.phone.trim() || null,
      email: v.email.trim() || null,
      cpr: v.cpr.trim() || null,
      postcode: v.postcode.trim(),
      dueDate: stage === 'pregnant' ? v.dueDate || null : null,
      childAgeMonths: stage === 'born' && v.childAgeMonths !== '' ? Number(v.childAgeMonths) : null,
      preferredLanguage: language,
      interpreterNeeded: interpreter,
    },
    offerId: v.offerId,
    reason: v.reason,
    urgency,
    consent: { confirmed, capturedHow: how },
  };
  const onSubmit = async () => {
    const local: { field: Field; code: string }[] = [];
    const parsed = createReferralIntakeBody.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const f = fieldOf(issue.path.join('.'));
        // An offer not chosen yet is "required", said below, not a malformed id.
        if (f && !(f === 'offerId' && !v.offerId) && !local.some((x) => x.field === f))
          local.push({ field: f, code: issue.path[0] === 'consent' ? 'required' : issue.code });
      }
    }
    if (!body.person.phone && !body.person.email && !local.some((x) => x.field === 'phone'))
      local.push({ field: 'phone', code: 'contact_missing' });
    if (!stage) local.push({ field: 'childAgeMonths', code: 'stage_missing' });
    else if (stage === 'pregnant' && !v.dueDate) local.push({ field: 'dueDate', code: 'required' });
    else if (stage === 'born' && v.childAgeMonths === '')
      local.push({ field: 'childAgeMonths', code: 'required' });
    if (!v.offerId) local.push({ field: 'offerId', code: 'required' });
    if (local.length > 0 || !parsed.success) {
      setErrors(local);
      status.invalid();
      return;
    }
    await status.send(
      async () => {
        const created = await referralIntakeApi.create(parsed.data);
        await client.invalidateQueries({ queryKey: ['referral-intakes'] });
        navigate(`/henvisninger/med-navn/${created.id}?sendt=1`);
      },
      (error) => {
        const { placed, unplaced } = problemFieldErrors(error, fieldOf);
        setErrors(placed);
        return unplaced;
      },
    );
  };
  return (
    <>
      <PageHeading title={t('referralIntake.title')}>{t('referralIntake.title')}</PageHeading>
      <p className="font-lead">{t('referralIntake.lead')}</p>
      <p>
        <Link href="/aaben-raadgivning">{t('referralIntake.back')}</Link>
      </p>
      <ValidatedForm
        onSubmit={onSubmit}
        entries={entries}
        status={status}
        submitLabel={t('referralIntake.submit')}
      >
        <fieldset>
          <legend className="h3">{t('referralIntake.who')}</legend>
          <TextField
            id={fieldId('givenName')}
            label={t('referralIntake.givenName')}
            autoComplete="off"
            value={v.givenName}
            onChange={set('givenName')}
            error={err('givenName')}
          />
          <TextField
            id={fieldId('familyName')}
            label={t('referralIntake.familyName')}
            autoComplete="off"
            value={v.familyName}
            onChange={set('familyName')}
            error={err('familyName')}
          />
          <RadioGroup
            id="intake-role"
            legend={t('referralIntake.role.legend')}
            options={roles.map((r) => ({ value: r, label: t(`referralIntake.role.${r}`) }))}
            value={role}
            onChange={setRole}
          />
          <TextField
            id={fieldId('cpr')}
            label={t('referralIntake.cpr')}
            hint={t('referralIntake.cprHint')}
            optional
            autoComplete="off"
            inputMode="numeric"
            value={v.cpr}
            onChange={set('cpr')}
            error={err('cpr')}
          />
          <TextField
            id={fieldId('postcode')}
            label={t('referralIntake.postcode')}
            hint={t('referralIntake.postcodeHint')}
            inputMode="numeric"
            className="form-input input-width-xs"
            value={v.postcode}
            onChange={set('postcode')}
            error={err('postcode')}
          />
          <RadioGroup
            id={fieldId('childAgeMonths')}
            legend={t('referralIntake.stage.legend')}
            options={[
              { value: 'pregnant', label: t('referralIntake.stage.pregnant') },
              { value: 'born', label: t('referralIntake.stage.born') },
            ]}
            value={stage}
            onChange={(s) => {
              setStage(s);
              clear('childAgeMonths', 'dueDate');
            }}
            error={stage ? undefined : err('childAgeMonths')}
          />
          {stage === 'pregnant' ? (
            <TextField
              id={fieldId('dueDate')}
              label={t('referralIntake.dueDate')}
              type="date"
              value={v.dueDate}
              onChange={set('dueDate')}
              error={err('dueDate')}
            />
          ) : null}
          {stage === 'born' ? (
            <TextField
              id="intake-child-age"
              label={t('referralIntake.childAgeMonths')}
              type="number"
              min={0}
              max={72}
              className="form-input input-width-xs"
              value={v.childAgeMonths}
              onChange={set('childAgeMonths')}
              error={err('childAgeMonths')}
            />
          ) : null}
          <SelectField
            id="intake-language"
            label={t('referralIntake.language')}
            options={spoken.map((l) => ({ value: l, label: t(`referralIntake.languages.${l}`) }))}
            value={language}
            onChange={setLanguage}
          />
          <CheckboxField
            id="intake-interpreter"
            label={t('referralIntake.interpreter')}
            checked={interpreter}
            onChange={(e) => setInterpreter(e.target.checked)}
          />
        </fieldset>
        <fieldset>
          <legend className="h3">{t('referralIntake.contactHeading')}</legend>
          <p className="form-hint">{t('referralIntake.contactHint')}</p>
          <TextField
            id={fieldId('phone')}
            label={t('referralIntake.phone')}
            type="tel"
            autoComplete="off"
            value={v.phone}
            onChange={set('phone')}
            error={err('phone')}
          />
          <TextField
            id={fieldId('email')}
            label={t('referralIntake.email')}
            type="email"
            autoComplete="off"
            value={v.email}
            onChange={set('email')}
            error={err('email')}
          />
        </fieldset>
        <fieldset>
          <legend className="h3">{t('referralIntake.helpHeading')}</legend>
          <SelectField
            id={fieldId('offerId')}
            label={t('referralIntake.offer')}
            hint={err('offerId') ?? t('referralIntake.offerHint')}
            options={[
              { value: '', label: t('referralIntake.chooseOffer') },
              ...municipal.map((o) => ({ value: o.id, label: `${o.name} – ${o.organisation.name}` })),
            ]}
            value={v.offerId}
            onChange={(offerId) => {
              setV({ ...v, offerId });
              clear('offerId');
            }}
          />
          <TextArea
            id={fieldId('reason')}
            label={t('referralIntake.reason')}
            hint={t('referralIntake.reasonHint')}
            value={v.reason}
            onChange={set('reason')}
            error={err('reason')}
          />
          <RadioGroup
            id="intake-urgency"
            legend={t('referralIntake.urgency.legend')}
            options={(['normal', 'urgent'] as const).map((u) => ({
              value: u,
              label: t(`referralIntake.urgency.${u}`),
            }))}
            value={urgency}
            onChange={setUrgency}
          />
        </fieldset>
        <fieldset className="fs-panel">
          <legend className="h3">{t('referralIntake.consentHeading')}</legend>
          <p>{t('referralIntake.consentText', { purpose: t('referralIntake.purpose') })}</p>
          <RadioGroup
            id="intake-consent-how"
            legend={t('referralIntake.consentHow.legend')}
            options={(['verbal', 'paper'] as const).map((h) => ({
              value: h,
              label: t(`referralIntake.consentHow.${h}`),
            }))}
            value={how}
            onChange={setHow}
          />
          <div className={err('consent') ? 'form-error' : undefined}>
            {err('consent') ? (
              <span className="form-error-message" id="intake-consent-error">
                {err('consent')}
              </span>
            ) : null}
            <CheckboxField
              id={fieldId('consent')}
              label={t('referralIntake.consentConfirm')}
              checked={confirmed}
              onChange={(e) => {
                setConfirmed(e.target.checked);
                clear('consent');
              }}
            />
          </div>
        </fieldset>
      </ValidatedForm>
    </>
  );
}
