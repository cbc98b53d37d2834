import type { PendingSurvey } from '@familiespor/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../api/api.client';
import { Alert } from '../../components/alert.component';
import { TextField } from '../../components/forms/fields.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { surveysTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { SurveyForm } from './survey-form.component';
import { surveysApi } from './surveys.api';

function SurveyAbout({ survey }: { survey: PendingSurvey }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <p>
      <strong>{t(`surveys.occasion.${survey.occasion}`)}</strong>
      {survey.offerName ? `: ${survey.offerName}` : ''}
      {survey.title ? ` – ${survey.title}` : ''}
      <br />
      {survey.organisationName}, {f.date(survey.occasionDate)}
    </p>
  );
}

/** "Spørgeskemaer": the parent's surveys, newest first; each answered once. */
export function PortalSurveysPage() {
  const { t } = useTranslation();
  const ready = useTexts(surveysTexts);
  const mine = useQuery({ queryKey: ['surveys', 'mine'], queryFn: surveysApi.mine });
  if (!ready || mine.isPending) return <Loading />;
  const title = t('surveys.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="font-lead">{t('surveys.lead')}</p>
      {mine.isError ? <ProblemAlert error={mine.error} /> : null}
      {mine.data?.length === 0 ? <p>{t('surveys.none')}</p> : null}
      <ul className="nobullet-list">
        {mine.data?.map((s) => (
          <li key={s.linkId} className="mb-6">
            <SurveyAbout survey={s} />
            {s.answered ? (
              <p>{t('surveys.answered')}</p>
            ) : (
              <Link href={`/portal/spoergeskemaer/${s.linkId}`} className="button button-primary">
                {t('surveys.answer')}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** One of the logged-in parent's surveys, answered by its link. */
export function PortalSurveyAnswerPage({ linkId }: { linkId: string }) {
  const { t } = useTranslation();
  const ready = useTexts(surveysTexts);
  const mine = useQuery({ queryKey: ['surveys', 'mine'], queryFn: surveysApi.mine });
  if (!ready || mine.isPending) return <Loading />;
  const survey = mine.data?.find((s) => s.linkId === linkId);
  const title = t('surveys.formTitle');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {survey ? <SurveyAbout survey={survey} /> : <Alert variant="warning" heading={t('surveys.notFound')} />}
      {survey?.answered ? <Alert variant="info" heading={t('surveys.alreadyAnswered')} /> : null}
      {survey && !survey.answered ? <SurveyForm target={{ linkId }} /> : null}
      <p>
        <Link href="/portal/spoergeskemaer">{t('surveys.back')}</Link>
      </p>
    </>
  );
}

/** The link from the e-mail, or the code from open counselling: no login. */
export function PublicSurveyPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const ready = useTexts(surveysTexts);
  const about = useQuery({
    queryKey: ['surveys', 'token', token],
    queryFn: () => surveysApi.byToken(token),
    retry: false,
  });
  if (!ready || about.isPending) return <Loading />;
  const title = t('surveys.formTitle');
  const missing =
    about.error instanceof ApiError && (about.error.status === 404 || about.error.status === 400);
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {missing ? <Alert variant="warning" heading={t('surveys.notFound')} /> : null}
      {about.isError && !missing ? <ProblemAlert error={about.error} /> : null}
      {about.data ? <SurveyAbout survey={about.data} /> : null}
      {about.data?.answered ? <Alert variant="info" heading={t('surveys.alreadyAnswered')} /> : null}
      {about.data && !about.data.answered ? <SurveyForm target={{ token }} /> : null}
    </>
  );
}

/** "Har du fået en kode?": the code from open counselling, typed in. */
export function SurveyCodePage() {
  const { t } = useTranslation();
  const ready = useTexts(surveysTexts);
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');
  if (!ready) return <Loading />;
  const title = t('surveys.formTitle');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const token = code.replace(/[^A-Za-z0-9]/g, '');
          if (token) navigate(`/portal/spoergeskema/${token}`);
        }}
      >
        <TextField
          id="survey-code"
          label={t('surveys.codeLabel')}
          hint={t('surveys.codeHint')}
          dir="ltr"
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" className="button button-primary">
          {t('surveys.answer')}
        </button>
      </form>
    </>
  );
}
