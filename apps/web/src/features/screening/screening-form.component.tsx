import { copenhagenDate } from '@familiespor/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api.client';
import type { FamilyMember, RecordScreeningResult } from '../../api/api.types';
import { healthApi } from '../../api/health.api';
import { Alert } from '../../components/alert.component';
import { fieldErrorText, problemFieldErrors, type SummaryEntry } from '../../components/forms/field-errors';
import { RadioGroup, TextField } from '../../components/forms/fields.component';
import { useFormSubmit } from '../../components/forms/form-submit.hook';
import { ValidatedForm } from '../../components/forms/validated-form.component';
import { completeAnswers, type Instrument, itemOfPath, noAnswers, unanswered } from './answers';
import { EpdsItems, epdsItemId } from './epds-items.component';
import { ScreeningResult } from './screening-result.component';

const adbbItems = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const adbbOptions = ['0', '1', '2', '3', '4'] as const;

const fullName = (m: FamilyMember) => `${m.givenName} ${m.familyName}`;

/**
 * EPDS for one parent, or ADBB for one infant, filled in by the health visitor (often at the
 * 2-month visit). The server scores it and raises the follow-ups; the result is shown here.
 */
export function ScreeningForm({
  familyId,
  instrument,
  subject,
  child,
  visitId,
  onClose,
  onRecorded,
}: {
  familyId: string;
  instrument: Instrument;
  /** EPDS: the parent who answers; ADBB: the infant observed. */
  subject: FamilyMember;
  /** EPDS after the birth: the child it belongs to. */
  child?: FamilyMember | undefined;
  visitId?: string | undefined;
  onClose: () => void;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const prefix = `${instrument}-${subject.personId.slice(0, 8)}`;
  const [answers, setAnswers] = useState(() => noAnswers(instrument));
  const [observedOn, setObservedOn] = useState(() => copenhagenDate(new Date()));
  const [missing, setMissing] = useState<ReadonlySet<number>>(new Set());
  const [dateError, setDateError] = useState<string | null>(null);
  const form = useFormSubmit();
  const [result, setResult] = useState<RecordScreeningResult | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const name = fullName(subject);
  const heading =
    instrument === 'epds' ? t('screening.epds.heading', { name }) : t('screening.adbb.heading', { name });

  const entries: SummaryEntry[] = [
    ...(dateError ? [{ id: `${prefix}-date`, text: dateError }] : []),
    ...[...missing].map((i) => ({
      id: epdsItemId(prefix, i),
      text: t('screening.missingItem', { number: i + 1 }),
    })),
  ];

  const submit = async () => {
    setDateError(null);
    const open = unanswered(answers);
    const complete = completeAnswers(answers);
    if (!observedOn) setDateError(fieldErrorText(t, 'observedOn', 'required'));
    if (!complete || !observedOn) {
      setMissing(new Set(open));
      form.invalid();
      return;
    }
    setMissing(new Set());
    await form.send(
      async () => {
        const r = await healthApi.recordScreening({
          familyId,
          instrument,
          answers: complete,
          observedOn,
          ...(instrument === 'epds'
            ? { respondentPersonId: subject.personId, ...(child ? { childPersonId: child.personId } : {}) }
            : { childPersonId: subject.personId }),
          ...(visitId ? { visitId } : {}),
        });
        setResult(r);
        onRecorded();
      },
      (error) => {
        const { placed, unplaced } = problemFieldErrors(
          error,
          (path): number | 'observedOn' | null => itemOfPath(path) ?? (path === 'observedOn' ? path : null),
        );
        const items = new Set<number>();
        for (const { field, code } of placed) {
          if (field === 'observedOn') setDateError(fieldErrorText(t, 'observedOn', code));
          else items.add(field);
        }
        setMissing(items);
        return unplaced;
      },
    );
  };

  // ADBB is refused to a health visitor not registered as trained in it; that gets its own warning.
  const refused = form.failure instanceof ApiError && form.failure.status === 403 && instrument === 'adbb';

  return (
    <section aria-labelledby={`${prefix}-heading`} className="fs-panel mt-5">
      <h3 id={`${prefix}-heading`} ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      {result ? (
        <>
          <ScreeningResult result={result} respondentName={name} />
          <div className="fs-actions">
            <button type="button" className="button button-secondary" onClick={onClose}>
              {t('screening.close')}
            </button>
          </div>
        </>
      ) : (
        <ValidatedForm
          onSubmit={submit}
          entries={entries}
          status={{ ...form, failure: refused ? null : form.failure }}
          submitLabel={t('screening.submit')}
          onCancel={onClose}
        >
          {refused ? (
            <Alert variant="warning" heading={t('screening.adbb.refusedHeading')}>
              <p>{t('screening.adbb.refusedText')}</p>
            </Alert>
          ) : null}
          <TextField
            id={`${prefix}-date`}
            label={t('screening.observedOn')}
            type="date"
            className="form-input input-width-s"
            value={observedOn}
            error={dateError ?? undefined}
            onChange={(e) => setObservedOn(e.target.value)}
          />
          {instrument === 'epds' ? (
            <>
              <p>{t('screening.epds.lead')}</p>
              <EpdsItems
                idPrefix={prefix}
                answers={answers}
                errors={missing}
                onChange={(i, v) => setAnswers((a) => a.map((x, j) => (j === i ? v : x)))}
              />
            </>
          ) : (
            <div className="fs-instrument">
              <p>{t('screening.adbb.lead')}</p>
              {adbbItems.map((n, index) => {
                const value = answers[index];
                return (
                  <RadioGroup
                    key={n}
                    id={epdsItemId(prefix, index)}
                    legend={t('screening.adbb.itemLegend', {
                      number: n,
                      text: t(`screening.adbb.items.${n}`),
                    })}
                    legendClassName="form-label fs-item-legend"
                    error={missing.has(index) ? t('epds.missingAnswer') : undefined}
                    value={value === null || value === undefined ? undefined : String(value)}
                    onChange={(v) => setAnswers((a) => a.map((x, j) => (j === index ? Number(v) : x)))}
                    options={adbbOptions.map((o) => ({ value: o, label: t(`screening.adbb.options.${o}`) }))}
                  />
                );
              })}
              <p className="fs-muted fs-credit">{t('screening.adbb.credit')}</p>
            </div>
          )}
        </ValidatedForm>
      )}
    </section>
  );
}
