import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarFeed as Feed } from '../../api/api.types';
import { portalApi } from '../../api/portal.api';
import { Alert } from '../../components/alert.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { webcalUrl } from './appointments';

/**
 * "Abonnér i din kalender": a personal address the phone's calendar follows. The server keeps
 * only a fingerprint of it, so it can be shown once; a new one stops the old, and so does "Stop".
 */
export function CalendarFeed() {
  const { t } = useTranslation();
  const [feed, setFeed] = useState<Feed | null>(null);
  const [stopped, setStopped] = useState(false);
  const [copied, setCopied] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const address = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const make = async () => {
    setBusy(true);
    setFailure(null);
    setCopied(false);
    try {
      setFeed(await portalApi.calendarFeed());
      setStopped(false);
      // The new address is where the parent continues: to copy it.
      requestAnimationFrame(() => address.current?.select());
      requestAnimationFrame(() => address.current?.focus());
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  const stop = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await portalApi.revokeCalendarFeed();
      setFeed(null);
      setStopped(true);
      heading.current?.focus();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!feed) return;
    try {
      await navigator.clipboard.writeText(feed.url);
      setCopied(true);
    } catch {
      // No clipboard (an old browser or a blocked permission): the address is selected to copy by hand.
      address.current?.select();
      setCopied(false);
    }
  };

  return (
    <section aria-labelledby="calendar-heading" className="fs-panel">
      <h2 id="calendar-heading" ref={heading} tabIndex={-1}>
        {t('calendar.heading')}
      </h2>
      <p>{t('calendar.lead')}</p>
      {failure ? <ProblemAlert error={failure} /> : null}
      {stopped ? <Alert variant="success" heading={t('calendar.stopped')} headingLevel={3} /> : null}
      {feed ? (
        <>
          <div className="form-group">
            <label className="form-label" htmlFor="calendar-url">
              {t('calendar.address')}
            </label>
            <span className="form-hint" id="calendar-url-hint">
              {t('calendar.addressHint')}
            </span>
            <input
              ref={address}
              id="calendar-url"
              className="form-input fs-input-wide"
              readOnly
              dir="ltr"
              value={feed.url}
              aria-describedby="calendar-url-hint"
              onFocus={(e) => e.target.select()}
            />
          </div>
          <div className="fs-actions mt-4">
            <button type="button" className="button button-primary" onClick={() => void copy()}>
              {t('calendar.copy')}
            </button>
            <a className="button button-secondary" href={webcalUrl(feed.url)}>
              {t('calendar.open')}
            </a>
          </div>
          <p role="status" className="fs-muted">
            {copied ? t('calendar.copied') : ''}
          </p>
        </>
      ) : (
        <div className="fs-actions mt-4">
          <button type="button" className="button button-primary" onClick={() => void make()} disabled={busy}>
            {t('calendar.make')}
          </button>
        </div>
      )}

      <h3 className="h5">{t('calendar.howHeading')}</h3>
      <ol>
        <li>{t('calendar.step1')}</li>
        <li>{t('calendar.stepIphone')}</li>
        <li>{t('calendar.stepAndroid')}</li>
        <li>{t('calendar.step4')}</li>
      </ol>
      <p>{t('calendar.private')}</p>

      <h3 className="h5">{t('calendar.stopHeading')}</h3>
      <p>{t('calendar.stopText')}</p>
      <div className="fs-actions mt-4">
        {feed ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void make()}
            disabled={busy}
          >
            {t('calendar.renew')}
          </button>
        ) : null}
        <button type="button" className="button button-secondary" onClick={() => void stop()} disabled={busy}>
          {t('calendar.stop')}
        </button>
      </div>
    </section>
  );
}
