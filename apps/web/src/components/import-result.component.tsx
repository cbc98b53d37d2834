import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format.hook';

type Counts = { rows: number; created: number; unchanged: number; failed: number };
export type LineError = { line: number; field: string | null; code: string; reason: string };

/**
 * What an import did, line by line: the counts, then a table of the lines that failed with the
 * field and the reason. Shared by the birth notifications and the readmissions; `texts` is the
 * key prefix of the page's own words (rows, created, unchanged, failed, errorsHeading, line,
 * field, reasonHeading, wholeLine).
 */
export function ImportResultDetails({
  result,
  texts,
  errorsLead,
  lineLabel,
  reason,
}: {
  result: Counts & { errors: readonly LineError[] };
  texts: 'birthImport' | 'readmissionImport';
  errorsLead?: ReactNode;
  /** How a line number is shown (0 can mean "the whole file"). */
  lineLabel?: (line: number) => ReactNode;
  reason: (error: LineError) => ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <>
      <dl className="fs-summary">
        <dt>{t(`${texts}.rows`)}</dt>
        <dd>{fmt.number(result.rows)}</dd>
        <dt>{t(`${texts}.created`)}</dt>
        <dd>{fmt.number(result.created)}</dd>
        <dt>{t(`${texts}.unchanged`)}</dt>
        <dd>{fmt.number(result.unchanged)}</dd>
        <dt>{t(`${texts}.failed`)}</dt>
        <dd>{fmt.number(result.failed)}</dd>
      </dl>
      {result.errors.length > 0 ? (
        <>
          <h3>{t(`${texts}.errorsHeading`)}</h3>
          {errorsLead ? <p>{errorsLead}</p> : null}
          <div className="fs-table-wrapper">
            <table className="table table--zebra">
              <caption className="sr-only">{t(`${texts}.errorsHeading`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`${texts}.line`)}</th>
                  <th scope="col">{t(`${texts}.field`)}</th>
                  <th scope="col">{t(`${texts}.reasonHeading`)}</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a line can have more than one error
                  <tr key={`${e.line}-${i}`}>
                    <th scope="row">{lineLabel ? lineLabel(e.line) : fmt.number(e.line)}</th>
                    <td>{e.field ? <code>{e.field}</code> : t(`${texts}.wholeLine`)}</td>
                    <td>{reason(e)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
