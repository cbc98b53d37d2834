import type { ReferralCoverage } from '@familiespor/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { adminApi } from '../../api/admin.api';
import { ApiError } from '../../api/api.client';
import { offersApi } from '../../api/offers.api';
import { Alert } from '../../components/alert.component';
import { RadioGroup, SelectField, TextArea } from '../../components/forms/fields.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { referralTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { referralsApi } from './referrals.api';

type Kind = 'offer' | 'organisation';
type Category = ReferralCoverage['categories'][number]['category'];

/** Which categories may go with the referral, and why: consent, or the receiver is the sender's own organisation. */
function Attachments({
  familyId,
  orgId,
  value,
  onChange,
}: {
  familyId: string;
  orgId: string;
  value: readonly Category[];
  onChange: (v: Category[]) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const q = useQuery({
    queryKey: ['referrals', 'coverage', familyId, orgId],
    queryFn: () => referralsApi.coverage(familyId, orgId),
  });
  return (
    <fieldset className="form-group">
      <legend className="form-label">{t('refer.attach.legend')}</legend>
      <span className="form-hint">{t('refer.attach.hint')}</span>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ProblemAlert error={q.error} /> : null}
      {q.data ? (
        <ul className="nobullet-list">
          {/* The referral's own content always goes with it; it is not something to tick. */}
          {q.data.categories
            .filter((c) => c.category !== 'referral')
            .map((c) => {
              const id = `attach-${c.category}`;
              const covered = c.coveredBy !== null;
              return (
                <li key={c.category} className="form-group-checkbox">
                  <input
                    id={id}
                    type="checkbox"
                    className="form-checkbox"
                    disabled={!covered}
                    checked={value.includes(c.category)}
                    aria-describedby={`${id}-why`}
                    onChange={(e) =>
                      onChange(
                        e.target.checked ? [...value, c.category] : value.filter((x) => x !== c.category),
                      )
                    }
                  />
                  <label className="form-label" htmlFor={id}>
                    {t(`category.${c.category}`)}
                  </label>
                  <span className="form-hint d-block" id={`${id}-why`}>
                    {c.coveredBy === 'own_org'
                      ? t('refer.attach.ownOrg')
                      : c.coveredBy === 'consent'
                        ? c.validTo
                          ? t('refer.attach.consentUntil', { date: fmt.date(c.validTo.slice(0, 10)) })
                          : t('refer.attach.consent')
                        : t('refer.attach.noConsent')}
                  </span>
                </li>
              );
            })}
        </ul>
      ) : null}
    </fieldset>
  );
}

/**
 * "Henvis": refer the family to an offer, or to an organisation and one of its units, with the
 * reason, the urgency and the records a consent lets go with it.
 */
export function ReferPage({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const ready = useTexts(referralTexts);
  const [, navigate] = useLocation();
  const [kind, setKind] = useState<Kind>('offer');
  const [offerId, setOfferId] = useState('');
  const [orgId, setOrgId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [reason, setReason] = useState('');
  const [urgency, setUrgency] = useState<'normal' | 'urgent'>('normal');
  const [categories, setCategories] = useState<Category[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The offers open to the family's municipality (the staff catalogue alone shows only the user's own).
  const offers = useQuery({
    queryKey: ['offers', 'catalogue', familyId],
    queryFn: () => offersApi.list({ familyId }),
  });
  const orgs = useQuery({ queryKey: ['organisations'], queryFn: () => adminApi.organisations() });
  const units = useQuery({
    queryKey: ['units', orgId],
    queryFn: () => adminApi.units(orgId),
    enabled: kind === 'organisation' && orgId !== '',
  });
  const offer = offers.data?.find((o) => o.id === offerId);
  const receiverOrgId = kind === 'offer' ? (offer?.organisation.id ?? '') : orgId;
  const send = useMutation({
    mutationFn: () =>
      referralsApi.create({
        familyId,
        to: kind === 'offer' ? { offerId } : { organisationId: orgId, ...(unitId ? { unitId } : {}) },
        reason: reason.trim(),
        urgency,
        attachments: categories.map((category) => ({ category })),
      }),
    onSuccess: () => navigate('/henvisninger?fane=sendt'),
    onError: (error) => {
      const fields = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
      setErrors(Object.fromEntries(fields.map((f) => [f.path.startsWith('to.') ? 'to' : f.path, f.message])));
    },
  });
  if (!ready) return <Loading />;
  const submit = () => {
    const found: Record<string, string> = {};
    if (!receiverOrgId) found.to = t('refer.errors.receiver');
    if (!reason.trim()) found.reason = t('refer.errors.reason');
    setErrors(found);
    if (Object.keys(found).length === 0) send.mutate();
  };
  const activeOffers = (offers.data ?? []).filter((o) => o.active);
  return (
    <>
      <Link href={`/familier/${familyId}`} className="back-link">
        {t('refer.back')}
      </Link>
      <PageHeading title={t('refer.title')}>{t('refer.title')}</PageHeading>
      <p className="font-lead">{t('refer.lead')}</p>
      {send.isError && Object.keys(errors).length === 0 ? <ProblemAlert error={send.error} /> : null}
      {Object.keys(errors).length > 0 ? <Alert variant="error" heading={t('refer.errors.heading')} /> : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <RadioGroup
          id="refer-kind"
          legend={t('refer.kind.legend')}
          options={[
            { value: 'offer', label: t('refer.kind.offer') },
            { value: 'organisation', label: t('refer.kind.organisation') },
          ]}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setCategories([]);
          }}
        />
        {kind === 'offer' ? (
          <SelectField
            id="refer-offer"
            label={t('refer.offer')}
            hint={errors.to}
            options={[
              { value: '', label: t('refer.choose') },
              ...activeOffers.map((o) => ({ value: o.id, label: `${o.name} (${o.organisation.name})` })),
            ]}
            value={offerId}
            onChange={(v) => {
              setOfferId(v);
              setCategories([]);
            }}
          />
        ) : (
          <>
            <SelectField
              id="refer-organisation"
              label={t('refer.organisation')}
              hint={errors.to}
              options={[
                { value: '', label: t('refer.choose') },
                ...(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name })),
              ]}
              value={orgId}
              onChange={(v) => {
                setOrgId(v);
                setUnitId('');
                setCategories([]);
              }}
            />
            {orgId ? (
              <SelectField
                id="refer-unit"
                label={t('refer.unit')}
                hint={t('refer.unitHint')}
                options={[
                  { value: '', label: t('refer.wholeOrganisation') },
                  ...(units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })),
                ]}
                value={unitId}
                onChange={setUnitId}
              />
            ) : null}
          </>
        )}
        <TextArea
          id="refer-reason"
          label={t('refer.reason')}
          hint={t('refer.reasonHint')}
          rows={5}
          value={reason}
          error={errors.reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <RadioGroup
          id="refer-urgency"
          legend={t('refer.urgency')}
          options={[
            { value: 'normal', label: t('referrals.urgency.normal') },
            { value: 'urgent', label: t('referrals.urgency.urgent') },
          ]}
          value={urgency}
          onChange={setUrgency}
        />
        {receiverOrgId ? (
          <Attachments
            familyId={familyId}
            orgId={receiverOrgId}
            value={categories}
            onChange={setCategories}
          />
        ) : null}
        <p className="fs-muted">{t('refer.deadlineNote')}</p>
        <div className="fs-actions">
          <button type="submit" className="button button-primary" disabled={send.isPending}>
            {t('refer.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
