import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.component';
import { useFormat } from '../../i18n/use-format.hook';

/** When the statement was last reviewed; change it with the text. */
export const statementDate = '2026-11-23';

const knownIssues = ['manualAudit', 'arabicFont', 'comingPages'] as const;

/**
 * Tilgængelighedserklæring, as the Danish web accessibility act asks of a public service:
 * status, known shortcomings, how it was assessed, feedback and where to complain.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <PageHeading title={t('a11y.title')}>{t('a11y.title')}</PageHeading>
        <p className="font-lead">{t('a11y.lead')}</p>

        <h2>{t('a11y.statusHeading')}</h2>
        <p>{t('a11y.status')}</p>

        <h2>{t('a11y.issuesHeading')}</h2>
        <ul>
          {knownIssues.map((k) => (
            <li key={k}>{t(`a11y.issues.${k}`)}</li>
          ))}
        </ul>

        <h2>{t('a11y.howHeading')}</h2>
        <p>{t('a11y.how')}</p>
        <ul>
          <li>{t('a11y.features.keyboard')}</li>
          <li>{t('a11y.features.screenReader')}</li>
          <li>{t('a11y.features.languages')}</li>
          <li>{t('a11y.features.phone')}</li>
          <li>{t('a11y.features.session')}</li>
        </ul>

        <h2>{t('a11y.feedbackHeading')}</h2>
        <p>{t('a11y.feedback')}</p>

        <h2>{t('a11y.complaintHeading')}</h2>
        <p>
          {t('a11y.complaint')}{' '}
          <a href="https://www.was.digst.dk/" rel="noopener">
            {t('a11y.complaintLink')}
          </a>
        </p>

        <p className="fs-muted mt-7">{t('a11y.date', { date: fmt.date(statementDate) })}</p>
      </div>
    </div>
  );
}
