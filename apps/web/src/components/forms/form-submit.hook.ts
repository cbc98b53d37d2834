import { useState } from 'react';

/** What the form frame shows of a submit: see `ValidatedForm`. */
export type FormSubmitStatus = { attempt: number; failure: unknown; busy: boolean };

/**
 * The state a checked form keeps around its submit. Every failed try counts as an attempt, so
 * the error summary takes focus again even when the same errors come back; a new try clears the
 * last failure's alert; the submit button is off while the request runs.
 */
export function useFormSubmit() {
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  /** The form's own check stopped the submit; the caller has set the field errors. */
  const invalid = () => {
    setFailure(null);
    setAttempt((n) => n + 1);
  };
  /**
   * Sends. When `request` throws, `place` puts the field errors on the form and answers
   * whether the general alert is wanted as well (see `problemFieldErrors`).
   */
  const send = async (request: () => Promise<void>, place: (error: unknown) => boolean) => {
    setFailure(null);
    setBusy(true);
    try {
      await request();
    } catch (error) {
      setAttempt((n) => n + 1);
      if (place(error)) setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return { attempt, failure, busy, invalid, send };
}
