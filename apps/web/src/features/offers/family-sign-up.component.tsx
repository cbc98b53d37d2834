import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api.client';
import type { Enrollment, FamilyMember, OfferForFamily } from '../../api/api.types';
import { offersApi } from '../../api/offers.api';
import { Alert } from '../../components/alert.component';
import { CheckboxField } from '../../components/forms/fields.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useRuleWords } from './rule-words.hook';

const minReason = 5;

/**
 * A professional signs the family up, or refers it to an offer that needs a referral: which
 * parents take part (both by default — the midwife at week 16 signs the couple up), a reason
 * for a referral, and whether the family needs a targeted place.
 */
export function FamilySignUpForm({
  offer,
  familyId,
  parents,
  referral,
  today,
  onDone,
  onCancel,
}: {
  offer: OfferForFamily;
  familyId: string;
  parents: readonly FamilyMember[];
  referral: boolean;
  today: string;
  onDone: (e: Enrollment) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const words = useRuleWords('staff');
  const [chosen, setChosen] = useState<string[]>(parents.map((p) => p.personId));
  const [reason, setReason] = useState('');
  const [targeted, setTargeted] = useState(false);
  const [errors, setErrors] = useState<{ who?: boolean; reason?: boolean }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  const id = `sign-up-${offer.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    const next = {
      who: chosen.length === 0,
      reason: (referral && trimmed.length < minReason) || (trimmed.length > 0 && trimmed.length < minReason),
    };
    setErrors(next);
    if (next.who) return first.current?.focus();
    if (next.reason) return reasonBox.current?.focus();
    setBusy(true);
    setFailure(null);
    try {
      onDone(
        await offersApi.enroll(offer.id, {
          familyId,
          participantIds: chosen,
          ...(trimmed ? { referralReason: trimmed } : {}),
          ...(targeted ? { targeted: true } : {}),
        }),
      );
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  const refused =
    failure instanceof ApiError
      ? (failure.problem?.errors ?? []).filter((e) => e.code.startsWith('not_eligible_'))
      : [];

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="mt-4">
      {failure && refused.length === 0 ? <ProblemAlert error={failure} /> : null}
      {refused.length > 0 ? (
        <Alert variant="error" heading={t('familyOffers.refused')} headingLevel={3}>
          {offer.forFamily?.rules
            .filter((r) => refused.some((e) => e.code === `not_eligible_${r.rule}`))
            .map((r) => (
              <p key={r.rule}>{words(offer, { ...r, ok: false }, today)}</p>
            ))}
        </Alert>
      ) : null}
      <div className={`form-group${errors.who ? ' form-error' : ''}`}>
        <fieldset aria-describedby={`${id}-who-hint${errors.who ? ` ${id}-who-error` : ''}`}>
          <legend className="form-label">{t('familyOffers.who')}</legend>
          <span className="form-hint" id={`${id}-who-hint`}>
            {t('familyOffers.whoHint')}
          </span>
          {errors.who ? (
            <span className="form-error-message" id={`${id}-who-error`}>
              <span className="sr-only">{t('forms.errorPrefix')} </span>
              {t('familyOffers.whoMissing')}
            </span>
          ) : null}
          {parents.map((p, i) => (
            <div className="form-group-checkbox" key={p.personId}>
              <input
                ref={i === 0 ? first : undefined}
                type="checkbox"
                className="form-checkbox"
                id={`${id}-${p.personId}`}
                checked={chosen.includes(p.personId)}
                onChange={(e) =>
                  setChosen(
                    e.target.checked ? [...chosen, p.personId] : chosen.filter((x) => x !== p.personId),
                  )
                }
              />
              <label htmlFor={`${id}-${p.personId}`}>
                {t('familyOffers.parent', {
                  name: `${p.givenName} ${p.familyName}`,
                  role: t(`families.role.${p.role}`),
                })}
              </label>
            </div>
          ))}
        </fieldset>
      </div>
      <div className={`form-group${errors.reason ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor={`${id}-reason`}>
          {referral ? t('familyOffers.reason') : t('familyOffers.reasonOptional')}
        </label>
        <span className="form-hint" id={`${id}-reason-hint`}>
          {referral ? t('familyOffers.reasonHint') : t('familyOffers.reasonOptionalHint')}
        </span>
        {errors.reason ? (
          <span className="form-error-message" id={`${id}-reason-error`}>
            <span className="sr-only">{t('forms.errorPrefix')} </span>
            {t('familyOffers.reasonTooShort')}
          </span>
        ) : null}
        <textarea
          ref={reasonBox}
          id={`${id}-reason`}
          className="form-input"
          rows={3}
          value={reason}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={`${id}-reason-hint${errors.reason ? ` ${id}-reason-error` : ''}`}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <CheckboxField
        id={`${id}-targeted`}
        label={t('familyOffers.targeted')}
        hint={t('familyOffers.targetedHint')}
        checked={targeted}
        onChange={(e) => setTargeted(e.target.checked)}
      />
      <div className="fs-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {referral ? t('familyOffers.referSubmit') : t('familyOffers.signUpSubmit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
