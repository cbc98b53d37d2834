import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api.client';
import { Alert } from './alert.component';

/** A failed request, told in the user's language, with the request id support can look up. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const problem = error instanceof ApiError ? error.problem : null;
  const code = problem?.code ?? (error instanceof ApiError ? 'internal' : 'network');
  return (
    <Alert variant="error" heading={t(`problem.${code}.title`)}>
      <p>{t(`problem.${code}.text`)}</p>
      {problem?.requestId ? (
        <p className="fs-muted">{t('problem.requestId', { id: problem.requestId })}</p>
      ) : null}
    </Alert>
  );
}
