import { copenhagenDate } from '@familiespor/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildVisit, VisitBooking } from '../../api/api.types';
import { healthApi } from '../../api/health.api';
import { Alert } from '../../components/alert.component';
import { fieldErrorList, problemFieldErrors } from '../../components/forms/field-errors';
import { RadioGroup, TextField } from '../../components/forms/fields.component';
import { useFormSubmit } from '../../components/forms/form-submit.hook';
import { ValidatedForm } from '../../components/forms/validated-form.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { isolate } from '../../i18n/isolate';
import { useFormat } from '../../i18n/use-format.hook';
import {
  type BookingField,
  type BookingFieldError,
  type BookingFormValues,
  bookingFieldOfPath,
  bookingFormDefaults,
  bookingOutsideWindow,
  bookingRequest,
} from './booking-form';

const fieldOrder: readonly BookingField[] = ['date', 'time', 'place'];
const places = ['home', 'clinic', 'phone', 'video'] as const;

/** "tirsdag 24. november kl. 10.00" and "hjemme": how a booking is said in sentences. */
export function useBookingWords() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (booking: Pick<VisitBooking, 'at' | 'place'>) => ({
    when: t('visits.booking.when', { day: fmt.weekdayDate(booking.at), time: fmt.time(booking.at) }),
    place: t(`visits.place.${booking.place}`),
  });
}

/**
 * "Aftal tid" (and "Flyt"): date, time and place of a planned visit, proposed inside its window
 * and at home. A date outside the window is allowed — the family may be away — but the form
 * says so before it is saved.
 */
export function BookVisitForm({
  visit,
  childName,
  onClose,
  onSaved,
}: {
  visit: ChildVisit;
  childName: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useBookingWords();
  const moving = visit.booking !== null;
  const [v, setV] = useState<BookingFormValues>(() => bookingFormDefaults(visit, copenhagenDate(new Date())));
  const [errors, setErrors] = useState<BookingFieldError[]>([]);
  const form = useFormSubmit();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const prefix = `booking-${visit.id.slice(0, 8)}`;
  const id = (f: BookingField) => `${prefix}-${f}`;
  const { err, entries } = fieldErrorList(t, errors, 'booking', fieldOrder, id);
  const outside = bookingOutsideWindow(v.date, visit.window);
  const windowText = fmt.dateRange(visit.window.start, visit.window.end);

  const submit = async () => {
    const r = bookingRequest(v);
    if (!r.ok) {
      setErrors(r.errors);
      form.invalid();
      return;
    }
    setErrors([]);
    await form.send(
      async () => {
        const saved = await healthApi.bookVisit(visit.id, r.body);
        const said = saved.booking ? words(saved.booking) : { when: '', place: '' };
        onSaved(t(moving ? 'visits.booking.moved' : 'visits.booking.saved', { visit: visit.name, ...said }));
      },
      (error) => {
        const { placed, unplaced } = problemFieldErrors(error, bookingFieldOfPath);
        setErrors(placed);
        return unplaced;
      },
    );
  };

  return (
    <section aria-labelledby={`${prefix}-heading`} className="fs-panel mt-5">
      <h3 id={`${prefix}-heading`} ref={headingRef} tabIndex={-1}>
        {t(moving ? 'visits.booking.moveHeading' : 'visits.booking.heading', {
          visit: isolate(visit.name),
          name: isolate(childName),
        })}
      </h3>
      <p className="fs-muted">{t('visits.window', { window: windowText })}</p>
      <p>{t('visits.booking.lead')}</p>
      <ValidatedForm
        onSubmit={submit}
        entries={entries}
        status={form}
        submitLabel={t('visits.booking.submit')}
        onCancel={onClose}
      >
        <div className="fs-field-row">
          <TextField
            id={id('date')}
            label={t('visits.booking.date')}
            type="date"
            className="form-input input-width-s"
            value={v.date}
            error={err('date')}
            // The field's own error, and the window warning below the row.
            aria-describedby={
              [err('date') ? `${id('date')}-error` : null, outside ? `${prefix}-outside` : null]
                .filter(Boolean)
                .join(' ') || undefined
            }
            onChange={(e) => setV({ ...v, date: e.target.value })}
          />
          <TextField
            id={id('time')}
            label={t('visits.booking.time')}
            hint={t('visits.booking.timeHint')}
            type="time"
            step={300}
            className="form-input input-width-xs"
            value={v.time}
            error={err('time')}
            onChange={(e) => setV({ ...v, time: e.target.value })}
          />
        </div>
        {outside ? (
          <div id={`${prefix}-outside`} className="mt-5">
            <Alert variant="warning">
              <strong className="d-block">{t('visits.booking.outsideWindowHeading')}</strong>
              {t('visits.booking.outsideWindow', { window: windowText })}
            </Alert>
          </div>
        ) : null}
        <RadioGroup
          id={id('place')}
          legend={t('visits.booking.place')}
          value={v.place}
          error={err('place')}
          onChange={(place) => setV({ ...v, place })}
          options={places.map((p) => ({ value: p, label: t(`visits.place.${p}`) }))}
        />
      </ValidatedForm>
    </section>
  );
}

/** "Aflys aftalen": asks first, because the family has been told the time. */
export function CancelBookingPanel({
  visit,
  onClose,
  onCancelled,
}: {
  visit: ChildVisit & { booking: VisitBooking };
  onClose: () => void;
  onCancelled: (message: string) => void;
}) {
  const { t } = useTranslation();
  const words = useBookingWords();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const prefix = `unbook-${visit.id.slice(0, 8)}`;
  const cancel = async () => {
    setFailure(null);
    setBusy(true);
    try {
      await healthApi.cancelBooking(visit.id);
      onCancelled(t('visits.booking.cancelled', { visit: visit.name }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${prefix}-heading`} className="fs-panel mt-5">
      <h3 id={`${prefix}-heading`} ref={headingRef} tabIndex={-1}>
        {t('visits.booking.cancelHeading', { visit: isolate(visit.name) })}
      </h3>
      <p>{t('visits.booking.cancelText', words(visit.booking))}</p>
      {failure ? <ProblemAlert error={failure} /> : null}
      <div className="fs-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void cancel()}>
          {t('visits.booking.cancelConfirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('visits.booking.keep')}
        </button>
      </div>
    </section>
  );
}
