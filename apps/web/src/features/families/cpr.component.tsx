import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { familiesApi } from '../../api/families.api';
import { Icon } from '../../components/icon.component';
import { ProblemAlert } from '../../components/problem-alert.component';

/**
 * A CPR number shown masked (DDMMYY-xxxx) until the user asks to see it. Every reveal is
 * audited on the server, so it is one deliberate click per person, never automatic.
 */
export function Cpr({ personId, masked, name }: { personId: string; masked: string; name: string }) {
  const { t } = useTranslation();
  const [cpr, setCpr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const number = useRef<HTMLSpanElement>(null);
  // The button goes away when the number is shown; focus moves to the number, so it is read out.
  useEffect(() => {
    if (cpr) number.current?.focus();
  }, [cpr]);
  const reveal = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setCpr((await familiesApi.revealCpr(personId)).cpr);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="fs-cpr">
      <span className="fs-nowrap" dir="ltr" ref={number} tabIndex={cpr ? -1 : undefined}>
        {cpr ?? masked}
      </span>
      {cpr ? null : (
        <button
          type="button"
          className="function-link fs-cpr-reveal"
          onClick={() => void reveal()}
          disabled={busy}
          aria-label={t('families.members.revealFor', { name })}
        >
          <Icon name="visibility" />
          {t('families.members.reveal')}
        </button>
      )}
      {failure ? <ProblemAlert error={failure} /> : null}
    </span>
  );
}
