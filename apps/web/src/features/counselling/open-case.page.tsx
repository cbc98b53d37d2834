import type { OpenCounsellingCaseInput } from '@familiespor/contracts';
import { addDays, copenhagenDate } from '@familiespor/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import type { StaffMe } from '../../api/api.types';
import { familiesApi } from '../../api/families.api';
import { Alert } from '../../components/alert.component';
import { RadioGroup, SelectField, TextArea, TextField } from '../../components/forms/fields.component';
import { useFormSubmit } from '../../components/forms/form-submit.hook';
import { ValidatedForm } from '../../components/forms/validated-form.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { counsellingTexts, referralTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { referralsApi } from '../referrals/referrals.api';
import { counsellingApi } from './counselling.api';
import { fieldErrorsOf } from './counselling-words';

type How = 'paper' | 'verbal';
const fields = [
  'requestedByPersonId',
  'parentCpr',
  'capturedHow',
  'consentValidTo',
  'unitId',
  'reason',
  'goals',
  'referralId',
  'familyId',
] as const;
type Field = (typeof fields)[number];
const ids: Record<Field, string> = {
  requestedByPersonId: 'open-who',
  parentCpr: 'open-cpr',
  capturedHow: 'open-how',
  consentValidTo: 'open-consent-to',
  unitId: 'open-unit',
  reason: 'open-reason',
  goals: 'open-goal-0',
  referralId: 'open-reason',
  familyId: 'open-reason',
};

/**
 * "Åbn rådgivningsforløb": from an accepted referral (?henvisning=), from the family's page
 * (?familie=), or for a parent who comes in and asks (the parent's CPR number). On the family's own
 * request the parent's consent is recorded with how it was given.
 */
export function OpenCasePage({ me }: { me: StaffMe }) {
  const ready = useTexts(counsellingTexts, referralTexts);
  const { t } = useTranslation();
  const fmt = useFormat();
  const [, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const referralId = search.get('henvisning');
  const familyId = referralId ? null : search.get('familie');
  const today = copenhagenDate(new Date());
  const referral = useQuery({
    queryKey: ['referral', referralId],
    queryFn: () => referralsApi.get(referralId as string),
    enabled: referralId !== null,
  });
  const family = useQuery({
    queryKey: ['family', familyId],
    queryFn: () => familiesApi.family(familyId as string),
    enabled: familyId !== null,
  });
  const [who, setWho] = useState<string | undefined>();
  const [cpr, setCpr] = useState('');
  const [how, setHow] = useState<How | undefined>();
  const [consentTo, setConsentTo] = useState(addDays(today, 365));
  const [unitId, setUnitId] = useState(me.units[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const [goals, setGoals] = useState(['', '']);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const form = useFormSubmit();

  if (!ready || (referralId && referral.isPending) || (familyId && family.isPending)) return <Loading />;
  if (referral.isError) return <ProblemAlert error={referral.error} />;
  if (family.isError) return <ProblemAlert error={family.error} />;
  const r = referral.data;
  const f = family.data;
  const custodians = f ? f.members.filter((m) => m.role !== 'child' && m.custody) : [];
  // The consent to identity is asked for when the family is (or may be) another organisation's.
  const asksConsent =
    !r && (f ? f.organisation.id !== me.organisation.id : me.organisation.kind !== 'municipality');
  const entries = fields.flatMap((k) => {
    const text = errors[k];
    return text ? [{ id: ids[k], text }] : [];
  });

  const submit = async () => {
    const local: Partial<Record<Field, string>> = {};
    if (!r) {
      if (f && !who) local.requestedByPersonId = t('counselling.errors.not_a_custodian');
      if (!f && !cpr.trim()) local.parentCpr = t('counselling.errors.required');
      if (!how) local.capturedHow = t('counselling.errors.required');
      if (asksConsent && !consentTo) local.consentValidTo = t('counselling.errors.required');
    }
    if (!reason.trim()) local.reason = t('counselling.errors.required');
    setErrors(local);
    if (Object.keys(local).length > 0) {
      form.invalid();
      return;
    }
    const body: OpenCounsellingCaseInput = r
      ? { openedFrom: 'referral', referralId: r.id, reason, unitId }
      : {
          openedFrom: 'own_request',
          ...(f ? { familyId: f.id, requestedByPersonId: who } : { parentCpr: cpr.trim() }),
          capturedHow: how,
          ...(asksConsent ? { consentValidTo: consentTo } : {}),
          reason,
          unitId,
        };
    body.goals = goals
      .map((g) => g.trim())
      .filter(Boolean)
      .map((title) => ({ title }));
    await form.send(
      async () => {
        const c = await counsellingApi.open(body);
        navigate(`/raadgivning/${c.id}?aabnet=1`);
      },
      (error) => {
        const placed = fieldErrorsOf(t, error, fields);
        setErrors(placed.errors);
        return placed.rest;
      },
    );
  };

  const name = (m: { givenName: string; familyName: string }) => `${m.givenName} ${m.familyName}`;
  return (
    <>
      <p>
        <Link href={f ? `/familier/${f.id}` : r ? '/henvisninger' : '/raadgivning'} className="back-link">
          <Icon name="chevron-left" />
          {t('counselling.open.back')}
        </Link>
      </p>
      <PageHeading title={t('counselling.open.title')}>{t('counselling.open.title')}</PageHeading>
      <p className="font-lead">{t('counselling.open.lead')}</p>
      {r ? (
        <section aria-labelledby="open-referral-heading" className="fs-panel">
          <h2 id="open-referral-heading">{t('counselling.open.referralHeading')}</h2>
          <p>
            {t('counselling.open.referredBy', {
              name: r.from.sentBy.name,
              organisation: r.from.organisation.name,
              date: fmt.date(r.createdAt.slice(0, 10)),
            })}
          </p>
          {r.family.names ? <p>{t('counselling.open.referralFamily', { names: r.family.names })}</p> : null}
          <p className="fs-prewrap">{r.reason}</p>
          {r.status !== 'accepted' ? (
            <Alert variant="warning" heading={t('counselling.open.referralNotAccepted')} />
          ) : null}
        </section>
      ) : null}
      <ValidatedForm
        onSubmit={submit}
        entries={entries}
        status={form}
        submitLabel={t('counselling.open.submit')}
      >
        {r ? null : (
          <fieldset>
            <legend className="h2">{t('counselling.open.requestHeading')}</legend>
            {f ? (
              <RadioGroup
                id={ids.requestedByPersonId}
                legend={t('counselling.open.who')}
                error={errors.requestedByPersonId}
                value={who}
                onChange={setWho}
                options={custodians.map((m) => ({ value: m.personId, label: name(m) }))}
              />
            ) : (
              <TextField
                id={ids.parentCpr}
                label={t('counselling.open.cpr')}
                hint={t('counselling.open.cprHint')}
                error={errors.parentCpr}
                inputMode="numeric"
                autoComplete="off"
                className="form-input input-width-s"
                value={cpr}
                onChange={(e) => setCpr(e.target.value)}
              />
            )}
            <RadioGroup
              id={ids.capturedHow}
              legend={t('counselling.open.how')}
              error={errors.capturedHow}
              value={how}
              onChange={setHow}
              options={[
                { value: 'verbal', label: t('counselling.how.verbal') },
                { value: 'paper', label: t('counselling.how.paper') },
              ]}
            />
            {asksConsent ? (
              <div className="fs-panel">
                <h3>{t('counselling.open.consentHeading')}</h3>
                <p>{t('counselling.open.consentText')}</p>
                <TextField
                  id={ids.consentValidTo}
                  type="date"
                  label={t('counselling.open.consentTo')}
                  hint={t('counselling.open.consentToHint')}
                  error={errors.consentValidTo}
                  className="form-input input-width-s"
                  value={consentTo}
                  onChange={(e) => setConsentTo(e.target.value)}
                />
              </div>
            ) : null}
          </fieldset>
        )}
        {me.units.length > 1 ? (
          <SelectField
            id={ids.unitId}
            label={t('counselling.case.unit')}
            hint={errors.unitId}
            value={unitId}
            onChange={setUnitId}
            options={me.units.map((u) => ({ value: u.id, label: u.name }))}
          />
        ) : null}
        <TextArea
          id={ids.reason}
          label={t('counselling.open.reason')}
          hint={t('counselling.open.reasonHint')}
          error={errors.reason ?? errors.referralId ?? errors.familyId}
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <fieldset className="form-group">
          <legend className="form-label">{t('counselling.open.goals')}</legend>
          <span className="form-hint">{t('counselling.open.goalsHint')}</span>
          {goals.map((g, i) => (
            <TextField
              // biome-ignore lint/suspicious/noArrayIndexKey: goals have no identity until they are saved
              key={i}
              id={`open-goal-${i}`}
              label={t('counselling.open.goal', { n: i + 1 })}
              optional
              error={i === 0 ? errors.goals : undefined}
              value={g}
              onChange={(e) => setGoals(goals.map((x, j) => (j === i ? e.target.value : x)))}
            />
          ))}
          {goals.length < 10 ? (
            <button type="button" className="button button-tertiary" onClick={() => setGoals([...goals, ''])}>
              {t('counselling.open.addGoal')}
            </button>
          ) : null}
        </fieldset>
      </ValidatedForm>
    </>
  );
}
