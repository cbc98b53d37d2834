import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';

/** Why a chosen file is not sent: none chosen, or larger than the page takes. */
export type FileProblem = 'chooseFile' | 'tooBig';

/** The file chosen in `input`, or why there is none to send. */
export function chosenFile(input: HTMLInputElement | null, maxBytes: number): File | FileProblem {
  const file = input?.files?.[0];
  if (!file) return 'chooseFile';
  return file.size > maxBytes ? 'tooBig' : file;
}

/**
 * DKFDS file input for an import page: label, hint and error tied to the input, then a folded
 * "what the file must look like" (`children`). The error is an alert, because it comes after
 * pressing the button rather than while typing.
 */
export function FileUploadField({
  id,
  label,
  hint,
  error,
  accept,
  ref,
  onChange,
  formatHeading,
  children,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | null;
  accept: string;
  ref: Ref<HTMLInputElement>;
  onChange: () => void;
  formatHeading: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className={`form-group${error ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor={id}>
          {label}
        </label>
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
        {error ? (
          <span className="form-error-message" id={`${id}-error`} role="alert">
            <span className="sr-only">{t('forms.errorPrefix')} </span>
            {error}
          </span>
        ) : null}
        <input
          ref={ref}
          id={id}
          type="file"
          accept={accept}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={onChange}
        />
      </div>
      <details className="details mt-5">
        <summary className="details-summary">
          <span className="details-summary-text">{formatHeading}</span>
        </summary>
        <div className="details-text">{children}</div>
      </details>
    </>
  );
}
