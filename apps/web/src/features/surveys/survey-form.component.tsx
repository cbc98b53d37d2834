import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api.client';
import { Alert } from '../../components/alert.component';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { RadioGroup, TextArea } from '../../components/forms/fields.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { surveysApi } from './surveys.api';

const questions = ['can_act', 'heard', 'satisfied'] as const;
type Question = (typeof questions)[number];
const scores = ['1', '2', '3', '4', '5'] as const;
type Score = (typeof scores)[number];

/**
 * The three statements, 1–5, and the free text; answered by the token from the link or by the
 * logged-in parent's link. A link answers once: the server's 409 is shown as "already answered".
 */
export function SurveyForm({ target }: { target: { token: string } | { linkId: string } }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Partial<Record<Question, Score>>>({});
  const [freeText, setFreeText] = useState('');
  const [missing, setMissing] = useState<readonly Question[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<'thanks' | 'already' | null>(null);

  if (done === 'thanks')
    return (
      <Alert variant="success" heading={t('surveys.thanksHeading')}>
        <p>{t('surveys.thanksText')}</p>
      </Alert>
    );
  if (done === 'already') return <Alert variant="info" heading={t('surveys.alreadyAnswered')} />;

  const submit = async () => {
    setFailure(null);
    const gaps = questions.filter((q) => values[q] === undefined);
    setMissing(gaps);
    if (gaps.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await surveysApi.submit({
        ...target,
        scores: {
          can_act: Number(values.can_act),
          heard: Number(values.heard),
          satisfied: Number(values.satisfied),
        },
        freeText: freeText.trim() === '' ? null : freeText,
      });
      setDone('thanks');
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setDone('already');
      else {
        setFailure(error);
        setAttempt((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary
        entries={missing.map((q) => ({ id: `survey-${q}`, text: t(`surveys.statements.${q}`) }))}
        attempt={attempt}
      />
      {failure ? <ProblemAlert error={failure} /> : null}
      <p className="font-lead">{t('surveys.formLead')}</p>
      <p>{t('surveys.anonymous')}</p>
      {questions.map((q) => (
        <RadioGroup<Score>
          key={q}
          id={`survey-${q}`}
          legend={t(`surveys.statements.${q}`)}
          legendClassName="form-label fs-item-legend"
          error={missing.includes(q) ? t('surveys.missingScore') : undefined}
          value={values[q]}
          onChange={(v) => setValues((old) => ({ ...old, [q]: v }))}
          options={scores.map((s) => ({ value: s, label: t(`surveys.scale.${s}`) }))}
        />
      ))}
      <TextArea
        id="survey-free-text"
        label={t('surveys.freeText')}
        hint={t('surveys.freeTextHint')}
        optional
        maxLength={1000}
        value={freeText}
        onChange={(e) => setFreeText(e.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('surveys.submit')}
      </button>
    </form>
  );
}
