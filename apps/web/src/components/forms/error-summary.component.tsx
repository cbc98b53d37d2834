import { type MouseEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../icon.component';
import type { SummaryEntry } from './field-errors';

/**
 * DKFDS error summary: takes focus after a failed submit, announces itself, and each line
 * links to its field; following a link scrolls the field's label into view and focuses it.
 */
export function ErrorSummary({ entries, attempt }: { entries: readonly SummaryEntry[]; attempt: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const visible = entries.length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again on every failed attempt
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [attempt, visible]);
  if (!visible) return null;
  const go = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const input = document.getElementById(id);
    if (!input) return;
    event.preventDefault();
    const label =
      document.querySelector(`label[for="${id}"]`) ?? input.closest('fieldset')?.querySelector('legend');
    (label ?? input).scrollIntoView();
    input.focus({ preventScroll: true });
  };
  return (
    <div
      className="alert alert-error"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-heading"
    >
      <Icon name="error" className="alert-icon" label={t('alert.error')} />
      <div className="alert-body">
        <h2 className="alert-heading" id="error-summary-heading">
          {t('forms.errorSummary')}
        </h2>
        <ul className="alert-text nobullet-list">
          {entries.map((e) => (
            <li key={e.id}>
              <a href={`#${e.id}`} className="function-link" onClick={(event) => go(event, e.id)}>
                {e.text}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
