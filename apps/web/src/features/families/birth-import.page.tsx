import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../api/api.types';
import { familiesApi } from '../../api/families.api';
import { Alert } from '../../components/alert.component';
import { chosenFile, FileUploadField } from '../../components/file-upload-field.component';
import { Icon } from '../../components/icon.component';
import { ImportResultDetails } from '../../components/import-result.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { formatOf, importReasonOf } from './import-reasons';

/** Files larger than this are not birth notifications from one birthplace; the API refuses big bodies too. */
const maxBytes = 5 * 1024 * 1024;

function Reason({ error }: { error: { code: string; reason: string } }) {
  const { t } = useTranslation();
  const known = importReasonOf(error);
  // An unknown code is shown with the server's own words, marked as English for screen readers.
  if (!known) return <span lang="en">{error.reason}</span>;
  return <>{t(`birthImport.reason.${known.key}`, { columns: known.detail })}</>;
}

function Result({ result, filename }: { result: ImportResult; filename: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ok = result.failed === 0;
  return (
    <section aria-labelledby="result-heading" className="mt-7">
      <Alert
        variant={ok ? 'success' : 'warning'}
        heading={t('birthImport.resultHeading', { file: filename })}
      >
        <p>{ok ? t('birthImport.allOk') : t('birthImport.someFailed')}</p>
      </Alert>
      <h2 id="result-heading">{t('birthImport.summary')}</h2>
      <ImportResultDetails
        result={result}
        texts="birthImport"
        errorsLead={t('birthImport.errorsLead')}
        lineLabel={(line) => (line === 0 ? t('birthImport.wholeFile') : fmt.number(line))}
        reason={(e) => <Reason error={e} />}
      />
    </section>
  );
}

/** "Fødselsanmeldelser": upload a CSV or JSON file of birth notifications and see what happened to each line. */
export function BirthImportPage() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ result: ImportResult; filename: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setOutcome(null);
    const file = chosenFile(input.current, maxBytes);
    if (typeof file === 'string') {
      setError(t(`birthImport.${file}`));
      input.current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      // The browser reads the file; only its text goes to the server.
      const content = await file.text();
      if (content.trim() === '') {
        setError(t('birthImport.empty'));
        input.current?.focus();
        return;
      }
      const result = await familiesApi.importBirths({
        format: formatOf(file.name),
        content,
        filename: file.name,
      });
      setOutcome({ result, filename: file.name });
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={t('pages.birthImport.title')}>{t('pages.birthImport.title')}</PageHeading>
      <p className="font-lead">{t('birthImport.lead')}</p>
      <div className="row">
        <div className="col-12 col-lg-8">
          <form onSubmit={(e) => void submit(e)} noValidate>
            {failure ? <ProblemAlert error={failure} /> : null}
            <FileUploadField
              id="birth-file"
              ref={input}
              label={t('birthImport.file')}
              hint={t('birthImport.fileHint')}
              error={error}
              accept=".csv,.json,text/csv,application/json"
              onChange={() => {
                setError(null);
                setOutcome(null);
              }}
              formatHeading={t('birthImport.formatHeading')}
            >
              <p>{t('birthImport.formatCsv')}</p>
              <pre className="fs-code" dir="ltr">
                <code>{t('birthImport.csvExample')}</code>
              </pre>
              <p>{t('birthImport.formatJson')}</p>
              <p>{t('birthImport.formatRules')}</p>
            </FileUploadField>
            <div className="fs-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                <Icon name="upload" />
                {busy ? t('birthImport.importing') : t('birthImport.submit')}
              </button>
            </div>
          </form>
          {outcome ? <Result result={outcome.result} filename={outcome.filename} /> : null}
        </div>
      </div>
    </>
  );
}
