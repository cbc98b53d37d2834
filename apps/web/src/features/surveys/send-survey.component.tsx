import type { SendSurveyBody, SentSurvey } from '@familiespor/contracts';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { surveysTexts, useTexts } from '../../i18n/lazy-texts';
import { surveysApi } from './surveys.api';

function Sent({ sent }: { sent: SentSurvey }) {
  const { t } = useTranslation();
  if (sent.anonymous)
    return (
      <Alert variant="success" heading={t('surveys.send.anonymousHeading')}>
        <p>
          {t('surveys.codeLabel')}: <strong dir="ltr">{sent.anonymous.code}</strong>
        </p>
        <p dir="ltr">{sent.anonymous.url}</p>
        <p>
          {t('surveys.send.anonymousText', {
            page: `${new URL(sent.anonymous.url).origin}/portal/spoergeskema`,
          })}
        </p>
      </Alert>
    );
  return (
    <Alert variant="success">
      <p>
        {sent.linksCreated === 0
          ? t('surveys.send.none')
          : t('surveys.send.done', { count: sent.linksCreated, emailed: sent.emailed })}
      </p>
    </Alert>
  );
}

/**
 * "Send spørgeskema" where the occasion is: a held session, a course's end, a closed case, or after
 * open counselling. Sending again asks only the parents not asked yet (the server keeps it so).
 */
export function SendSurveyButton({
  body,
  endOfCourse = false,
}: {
  body: SendSurveyBody;
  endOfCourse?: boolean;
}) {
  const { t } = useTranslation();
  const ready = useTexts(surveysTexts);
  const send = useMutation({ mutationFn: () => surveysApi.send(body) });
  if (!ready) return null;
  return (
    <div className="mt-5 mb-5">
      {send.data ? <Sent sent={send.data} /> : null}
      {send.isError ? <ProblemAlert error={send.error} /> : null}
      <button
        type="button"
        className="button button-secondary"
        disabled={send.isPending}
        onClick={() => send.mutate()}
      >
        {body.occasion === 'open_counselling'
          ? t('surveys.send.anonymousButton')
          : endOfCourse
            ? t('surveys.send.buttonEnd')
            : t('surveys.send.button')}
      </button>
    </div>
  );
}
