import type { Consent, ConsentOverview } from '@familiespor/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroup } from '../../components/forms/fields.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { consentApi } from './consent.api';
import { sortConsents } from './consent-form';
import { useConsentErrorText, useConsentWords } from './consent-words.hook';

const badge: Record<Consent['status'], string> = {
  active: 'badge-success',
  pending: 'badge-info',
  expired: 'badge-warning',
  withdrawn: 'badge-error',
};

/** Asks before a withdrawal; staff also say which parent withdrew it and how. */
function WithdrawConfirm({
  consent,
  overview,
  audience,
  headingLevel,
  onDone,
  onCancel,
}: {
  consent: Consent;
  overview: ConsentOverview;
  audience: 'parent' | 'staff';
  headingLevel: 3 | 4;
  onDone: (c: Consent) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const words = useConsentWords();
  const errorText = useConsentErrorText();
  const [by, setBy] = useState<string | undefined>();
  const [how, setHow] = useState<'paper' | 'verbal' | undefined>();
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const staff = audience === 'staff';
  const headingId = `withdraw-${consent.id}-heading`;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const confirm = async () => {
    if (staff && (!by || !how)) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onDone(
        await consentApi.withdraw(
          consent.id,
          staff && by && how ? { withdrawnByPersonId: by, capturedHow: how } : {},
        ),
      );
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="fs-confirm">
      <Heading id={headingId} className="h5 mt-0">
        {staff ? t('consent.staff.withdrawHeading') : t('consent.withdraw.confirmHeading')}
      </Heading>
      <p>
        {t('consent.withdraw.confirmText', {
          to: consent.to.name,
          from: consent.from.name,
          what: words.what(consent.categories),
        })}
      </p>
      {failure ? <ProblemAlert error={failure} /> : null}
      {staff ? (
        <>
          <RadioGroup
            id={`withdrawn-by-${consent.id}`}
            legend={t('consent.staff.withdrawnBy')}
            error={missing && !by ? errorText('required') : undefined}
            value={by}
            onChange={setBy}
            options={overview.parents.map((p) => ({
              value: p.personId,
              label: p.custody ? p.name : t('consent.staff.noCustody', { name: p.name }),
            }))}
          />
          <RadioGroup
            id={`withdrawn-how-${consent.id}`}
            legend={t('consent.staff.withdrawnHow')}
            error={missing && !how ? errorText('required') : undefined}
            value={how}
            onChange={setHow}
            options={[
              { value: 'paper' as const, label: t('consent.staff.paper') },
              { value: 'verbal' as const, label: t('consent.staff.verbal') },
            ]}
          />
        </>
      ) : null}
      <div className="fs-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {staff ? t('consent.staff.withdrawSubmit') : t('consent.withdraw.confirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('consent.withdraw.cancel')}
        </button>
      </div>
    </div>
  );
}

function ConsentItem({
  consent,
  overview,
  audience,
  headingLevel,
  onWithdrawn,
}: {
  consent: Consent;
  overview: ConsentOverview;
  audience: 'parent' | 'staff';
  headingLevel: 2 | 3;
  onWithdrawn: (c: Consent) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useConsentWords();
  const [confirming, setConfirming] = useState(false);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const inForce = consent.status === 'active' || consent.status === 'pending';
  const headingId = `consent-${consent.id}`;
  return (
    <li className="fs-consent">
      <span className={`badge ${badge[consent.status]}`}>{t(`consent.status.${consent.status}`)}</span>
      <Heading id={headingId} className="h4 mt-2 mb-2">
        {words.sentence(consent)}
      </Heading>
      <p className="mt-0 mb-2">{t('consent.why', { purpose: consent.purpose })}</p>
      <p className="fs-muted mt-0 mb-2">
        {consent.status === 'pending'
          ? `${t('consent.validFrom', { date: fmt.date(consent.validFrom) })} · `
          : ''}
        {consent.validTo
          ? t('consent.validTo', { date: fmt.date(lastDay(consent.validTo)) })
          : t('consent.untilWithdrawn')}
      </p>
      <p className="fs-muted mt-0 mb-2">
        {t('consent.given', {
          date: fmt.date(consent.capturedAt),
          name: consent.grantedBy.name,
          how: t(`consent.how.${consent.capturedHow}`),
        })}
        {consent.capturedBy ? ` (${t('consent.staff.byStaff', { name: consent.capturedBy.name })})` : ''}
      </p>
      {consent.withdrawnAt && consent.withdrawnHow ? (
        <p className="fs-muted mt-0 mb-2">
          {t('consent.withdrawnOn', {
            date: fmt.date(consent.withdrawnAt),
            name: consent.withdrawnBy?.name ?? '',
            how: t(`consent.how.${consent.withdrawnHow}`),
          })}
        </p>
      ) : null}
      {inForce && !confirming ? (
        <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
          {t('consent.withdraw.open')}
          <span className="sr-only">: {words.sentence(consent)}</span>
        </button>
      ) : null}
      {inForce && confirming ? (
        <WithdrawConfirm
          consent={consent}
          overview={overview}
          audience={audience}
          headingLevel={headingLevel === 2 ? 3 : 4}
          onCancel={() => setConfirming(false)}
          onDone={(c) => {
            setConfirming(false);
            onWithdrawn(c);
          }}
        />
      ) : null}
    </li>
  );
}

/** The server stores the instant after the last day; people think in the last day itself. */
const lastDay = (validTo: string) => new Date(new Date(validTo).getTime() - 1);

export function ConsentList({
  overview,
  audience,
  headingLevel = 2,
  onWithdrawn,
}: {
  overview: ConsentOverview;
  audience: 'parent' | 'staff';
  headingLevel?: 2 | 3;
  onWithdrawn: (c: Consent) => void;
}) {
  const { t } = useTranslation();
  if (overview.consents.length === 0) return <p>{t('consent.none')}</p>;
  return (
    <ul className="nobullet-list fs-consent-list">
      {sortConsents(overview.consents).map((c) => (
        <ConsentItem
          key={c.id}
          consent={c}
          overview={overview}
          audience={audience}
          headingLevel={headingLevel}
          onWithdrawn={onWithdrawn}
        />
      ))}
    </ul>
  );
}
