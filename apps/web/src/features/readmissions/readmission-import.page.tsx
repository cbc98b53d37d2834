import type { ReadmissionsImportResult } from '@familiespor/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.component';
import { chosenFile, FileUploadField } from '../../components/file-upload-field.component';
import { Icon } from '../../components/icon.component';
import { ImportResultDetails } from '../../components/import-result.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { outcomesTexts, useTexts } from '../../i18n/lazy-texts';
import { addResult, emptyResult, refusedPart, splitFile } from './readmission-file';
import { readmissionsApi } from './readmissions.api';

const maxBytes = 20 * 1024 * 1024;
const knownReasons = [
  'invalid_cpr',
  'invalid_date',
  'invalid_icd10',
  'discharge_before_admission',
  'unknown_child',
  'admission_before_birth',
  'missing_columns',
] as const;
type KnownReason = (typeof knownReasons)[number];
const isKnown = (code: string): code is KnownReason => (knownReasons as readonly string[]).includes(code);

function Result({ result, filename }: { result: ReadmissionsImportResult; filename: string }) {
  const { t } = useTranslation();
  const saved = result.created + result.unchanged;
  return (
    <section aria-labelledby="readmission-result" className="mt-7">
      <Alert
        variant={result.failed === 0 ? 'success' : saved === 0 ? 'error' : 'warning'}
        heading={t('readmissionImport.resultHeading', { file: filename })}
      >
        <p>
          {result.failed === 0
            ? t('readmissionImport.allOk')
            : saved === 0
              ? t('readmissionImport.noneOk')
              : t('readmissionImport.someFailed')}
        </p>
      </Alert>
      <h2 id="readmission-result" className="sr-only">
        {t('readmissionImport.resultHeading', { file: filename })}
      </h2>
      <ImportResultDetails
        result={result}
        texts="readmissionImport"
        reason={(e) =>
          isKnown(e.code) ? t(`readmissionImport.reason.${e.code}`) : <span lang="en">{e.reason}</span>
        }
      />
    </section>
  );
}

/**
 * "Indlæs genindlæggelser": the region's file, sent in parts so the progress bar shows how far
 * it has come; each part's good lines are saved, and re-importing the file adds nothing.
 */
export function ReadmissionImportPage() {
  const ready = useTexts(outcomesTexts);
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<{ result: ReadmissionsImportResult; filename: string } | null>(null);
  if (!ready) return <Loading />;

  const refuse = (message: string) => {
    setError(message);
    input.current?.focus();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setOutcome(null);
    const file = chosenFile(input.current, maxBytes);
    if (typeof file === 'string') return refuse(t(`readmissionImport.${file}`));
    const parts = splitFile(await file.text());
    if (parts.length === 0) return refuse(t('readmissionImport.empty'));
    setError(null);
    const total = parts.reduce((s, p) => s + p.lines, 0);
    let result = emptyResult();
    let done = 0;
    setProgress({ done, total });
    try {
      for (const part of parts) {
        try {
          const answer = await readmissionsApi.importPart({
            content: part.content,
            firstLine: part.firstLine,
            filename: file.name,
          });
          result = addResult(result, answer);
        } catch (e) {
          const refused = refusedPart(e, part.lines);
          if (!refused) throw e;
          result = addResult(result, refused);
          // Every part is sent with the file's header: a header without the columns fails them all
          // alike, so the first refusal says it once and the rest is not sent.
          if (refused.errors.some((x) => x.code === 'missing_columns')) break;
        }
        done += part.lines;
        setProgress({ done, total });
      }
      setOutcome({ result, filename: file.name });
    } catch (e) {
      setFailure(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <PageHeading title={t('pages.readmissionImport.title')}>
        {t('pages.readmissionImport.title')}
      </PageHeading>
      <p className="font-lead">{t('readmissionImport.lead')}</p>
      <div className="row">
        <div className="col-12 col-lg-8">
          <form onSubmit={(e) => void submit(e)} noValidate>
            {failure ? <ProblemAlert error={failure} /> : null}
            <FileUploadField
              id="readmission-file"
              ref={input}
              label={t('readmissionImport.file')}
              hint={t('readmissionImport.fileHint')}
              error={error}
              accept=".csv,text/csv"
              onChange={() => {
                setError(null);
                setOutcome(null);
              }}
              formatHeading={t('readmissionImport.formatHeading')}
            >
              <p>{t('readmissionImport.formatText')}</p>
              <pre className="fs-code" dir="ltr">
                <code>{t('readmissionImport.example')}</code>
              </pre>
            </FileUploadField>
            {progress ? (
              <div className="mt-5" role="status">
                <label htmlFor="readmission-progress" className="form-label">
                  {t('readmissionImport.progress', { done: progress.done, total: progress.total })}
                </label>
                <progress
                  id="readmission-progress"
                  className="fs-progress"
                  max={progress.total}
                  value={progress.done}
                />
              </div>
            ) : null}
            <div className="fs-actions">
              <button type="submit" className="button button-primary" disabled={progress !== null}>
                <Icon name="upload" />
                {progress ? t('readmissionImport.importing') : t('readmissionImport.submit')}
              </button>
            </div>
          </form>
          {outcome ? <Result result={outcome.result} filename={outcome.filename} /> : null}
        </div>
      </div>
    </>
  );
}
