import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlannedFamily } from '../../api/api.types';
import { fieldErrorText } from '../../components/forms/field-errors';
import { useFormat } from '../../i18n/use-format.hook';
import type { Waiting } from './plan-draft';
import { errorOn, type PlanError, planIds } from './plan-errors';

/** `key: null` is the list of families without a cohort. */
export type MoveTarget = { key: string | null; label: string };

const optionValue = (key: string | null) => key ?? '';

/**
 * Couples as table rows with their due date and language, each with "Flyt til": a select and a
 * button, so choosing a cohort does not move the family before the lead says so.
 */
export function PlanFamilyRows({
  families,
  caption,
  targets,
  errors,
  onMove,
}: {
  families: readonly (PlannedFamily | Waiting)[];
  caption: string;
  targets: readonly MoveTarget[];
  errors: readonly PlanError[];
  onMove: (enrollmentId: string, to: string | null) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const withReason = families.some((f) => 'reason' in f);
  const first = targets[0];

  return (
    <div className="fs-table-wrapper">
      <table className="table table--zebra">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('planCohorts.parents')}</th>
            <th scope="col">{t('planCohorts.dueDate')}</th>
            <th scope="col">{t('planCohorts.language')}</th>
            {withReason ? <th scope="col">{t('planCohorts.reason')}</th> : null}
            <th scope="col">{t('planCohorts.moveTo')}</th>
          </tr>
        </thead>
        <tbody>
          {families.map((f) => {
            const id = planIds.move(f.enrollmentId);
            const e = errorOn(errors, id);
            const error = e ? fieldErrorText(t, e.field, e.code) : undefined;
            // A family without a due date cannot join a cohort: the API refuses it.
            const movable = first !== undefined && f.dueDate !== '';
            const value = chosen[f.enrollmentId] ?? optionValue(first?.key ?? null);
            return (
              <tr key={f.enrollmentId}>
                <th scope="row">
                  <bdi>{f.names}</bdi>
                  {error ? (
                    <span className="form-error-message d-block" id={`${id}-error`}>
                      <span className="sr-only">{t('forms.errorPrefix')} </span>
                      {error}
                    </span>
                  ) : null}
                </th>
                <td>{f.dueDate ? fmt.date(f.dueDate) : t('planCohorts.noDueDate')}</td>
                <td>{fmt.languageName(f.language)}</td>
                {withReason ? <td>{'reason' in f ? t(`planCohorts.reasons.${f.reason}`) : null}</td> : null}
                <td>
                  {movable ? (
                    <>
                      <label className="sr-only" htmlFor={id}>
                        {t('planCohorts.moveLabel', { names: f.names })}
                      </label>
                      <select
                        id={id}
                        className="form-select mt-0"
                        value={value}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${id}-error` : undefined}
                        onChange={(ev) => setChosen((c) => ({ ...c, [f.enrollmentId]: ev.target.value }))}
                      >
                        {targets.map((x) => (
                          <option key={optionValue(x.key)} value={optionValue(x.key)}>
                            {x.label}
                          </option>
                        ))}
                      </select>
                      <button
                        type="button"
                        className="button button-secondary mt-3"
                        onClick={() => onMove(f.enrollmentId, value === '' ? null : value)}
                      >
                        {t('planCohorts.move')}
                        <span className="sr-only"> {f.names}</span>
                      </button>
                    </>
                  ) : (
                    <span className="fs-muted">{t('planCohorts.notMovable')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
