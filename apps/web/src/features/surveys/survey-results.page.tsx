import type { SurveyOfferResult } from '@familiespor/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { HiddenFigure } from '../../components/figures-table.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { surveysTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { surveysApi } from './surveys.api';

type Summary = Pick<SurveyOfferResult, 'responses' | 'questions'>;

function SummaryTable({ summary, caption }: { summary: Summary; caption: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  // A hidden count reads "<5" as in every other suppressed table (under 5, or hidden with one).
  const cell = (n: number | null | undefined) =>
    n === null || n === undefined ? <HiddenFigure label={t('surveys.results.hiddenCell')} /> : fmt.number(n);
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact">
        <caption>
          {caption} · {t('surveys.results.responses')}:{' '}
          {summary.responses === '<5' ? t('surveys.results.suppressed') : fmt.number(summary.responses)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('surveys.results.statement')}</th>
            {[1, 2, 3, 4, 5].map((s) => (
              <th scope="col" key={s} className="text-align-right">
                {s}
              </th>
            ))}
            <th scope="col" className="text-align-right">
              {t('surveys.results.mean')}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.questions.map((q) => (
            <tr key={q.question}>
              <th scope="row">{t(`surveys.statements.${q.question}`)}</th>
              {[0, 1, 2, 3, 4].map((i) => (
                <td key={i} className="text-align-right">
                  {q.counts ? cell(q.counts[i]) : t('surveys.results.hidden')}
                </td>
              ))}
              <td className="text-align-right">
                {q.mean === null ? t('surveys.results.hidden') : fmt.decimal(q.mean)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Forældrenes tilfredshed": per offer and per occasion, groups under 5 shown as "<5". */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ready = useTexts(surveysTexts);
  const offerId = new URLSearchParams(useSearch()).get('tilbud') ?? undefined;
  const results = useQuery({
    queryKey: ['surveys', 'results', offerId],
    queryFn: () => surveysApi.results(offerId),
  });
  if (!ready || results.isPending) return <Loading />;
  const title = t('surveys.results.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="font-lead">{t('surveys.results.lead')}</p>
      {results.isError ? <ProblemAlert error={results.error} /> : null}
      {results.data?.offers.length === 0 ? <p>{t('surveys.results.none')}</p> : null}
      {results.data?.offers.map((o) => {
        const name = o.offer?.name ?? t('surveys.results.caseOffer');
        return (
          <section key={o.offer?.id ?? o.organisation.id} className="mb-8">
            <h2>{name}</h2>
            <SummaryTable summary={o} caption={name} />
            <h3>{t('surveys.results.occasions')}</h3>
            {o.occasions.map((occ) => (
              <SummaryTable
                key={occ.surveyId}
                summary={occ}
                caption={`${t(`surveys.occasion.${occ.occasion}`)}${occ.title ? ` – ${occ.title}` : ''}, ${fmt.date(occ.occasionDate)}`}
              />
            ))}
            <h3>{t('surveys.results.freeText')}</h3>
            {o.freeText === null ? (
              <p>{t('surveys.results.freeTextHidden')}</p>
            ) : (
              <ul>
                {o.freeText.map((text, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the same words may come twice; the list never reorders
                  <li key={i}>
                    <bdi>{text}</bdi>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
