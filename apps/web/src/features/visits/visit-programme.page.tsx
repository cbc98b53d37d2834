import { visitKinds, visitTargets } from '@familiespor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api.client';
import type { VisitProgramme } from '../../api/api.types';
import { healthApi } from '../../api/health.api';
import { Alert } from '../../components/alert.component';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { fieldErrorText } from '../../components/forms/field-errors';
import { SelectField, TextField } from '../../components/forms/fields.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { healthTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import {
  fieldId,
  keyFromName,
  type ProgrammeFieldError,
  type ProgrammeFormValues,
  type ProgrammeRow,
  programmeFieldOfPath,
  programmeForm,
  programmeRequest,
  type WindowFrom,
} from './programme-form';

const froms: readonly WindowFrom[] = ['birth', 'birth_months', 'pregnancy_week'];

function Timeliness() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const q = useQuery({ queryKey: ['visit-timeliness'], queryFn: () => healthApi.timeliness() });
  return (
    <section aria-labelledby="timeliness-heading" className="mt-7">
      <h2 id="timeliness-heading">{t('programme.timeliness.heading')}</h2>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ProblemAlert error={q.error} /> : null}
      {q.data ? (
        <>
          <p>
            {t('programme.timeliness.lead', { period: fmt.dateRange(q.data.period.from, q.data.period.to) })}
          </p>
          <div className="fs-table-wrapper">
            <table className="table table--zebra">
              <caption className="sr-only">{t('programme.timeliness.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('programme.timeliness.visit')}</th>
                  <th scope="col">{t('programme.timeliness.due')}</th>
                  <th scope="col">{t('programme.timeliness.inWindow')}</th>
                  <th scope="col">{t('programme.timeliness.late')}</th>
                  <th scope="col">{t('programme.timeliness.notDone')}</th>
                  <th scope="col">{t('programme.timeliness.share')}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.visitTypes.map((v) => (
                  <tr key={v.key}>
                    <th scope="row">{v.name}</th>
                    <td>{fmt.number(v.due)}</td>
                    <td>{fmt.number(v.doneInWindow)}</td>
                    <td>{fmt.number(v.doneLate)}</td>
                    <td>{fmt.number(v.notDone)}</td>
                    <td>
                      {v.shareInWindow === null
                        ? t('programme.timeliness.none')
                        : fmt.percent(v.shareInWindow)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function Editor({ programme }: { programme: VisitProgramme }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [v, setV] = useState<ProgrammeFormValues>(() => programmeForm(programme));
  const [errors, setErrors] = useState<ProgrammeFieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  useEffect(() => setV(programmeForm(programme)), [programme]);
  const save = useMutation({
    mutationFn: healthApi.updateProgramme,
    onSuccess: (p) => {
      client.setQueryData(['visit-programme'], p);
      setSaved(true);
    },
    onError: (error) => {
      setAttempt((n) => n + 1);
      const problem = error instanceof ApiError ? error.problem : null;
      setErrors(
        (problem?.errors ?? []).flatMap((e) => {
          const field = programmeFieldOfPath(e.path);
          return field ? [{ field, code: e.code }] : [];
        }),
      );
    },
  });
  const err = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? fieldErrorText(t, `programme.${field.replace(/^visit-type-\d+-/, '')}`, e.code) : undefined;
  };
  const order = [
    ...v.rows.flatMap((_, i) =>
      (['name', 'start', 'end', 'target', 'kind'] as const).map((f) => fieldId(i, f)),
    ),
    'visit-types',
    'epds-mother',
    'epds-father',
  ];
  const entries = order.flatMap((id) => {
    const text = err(id);
    return text ? [{ id, text }] : [];
  });
  const setRow = (i: number, patch: Partial<ProgrammeRow>) =>
    setV((old) => ({ ...old, rows: old.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const unitOf = (from: WindowFrom) => t(`programme.unit.${from}`);
  const submit = () => {
    setSaved(false);
    save.reset();
    const r = programmeRequest(v);
    if (!r.ok) {
      setErrors(r.errors);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors([]);
    save.mutate(r.body);
  };
  const leftover = save.isError && errors.length === 0;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ErrorSummary entries={entries} attempt={attempt} />
      {leftover ? <ProblemAlert error={save.error} /> : null}
      {saved ? <Alert variant="success" heading={t('programme.saved')} /> : null}
      <h2>{t('programme.visitTypes')}</h2>
      <p>{t('programme.visitTypesLead')}</p>
      {v.rows.map((r, i) => (
        <fieldset key={r.key} className="fs-panel mb-5">
          <legend className="h3">{r.name.trim() || t('programme.newVisit')}</legend>
          <TextField
            id={fieldId(i, 'name')}
            label={t('programme.name')}
            value={r.name}
            error={err(fieldId(i, 'name'))}
            onChange={(e) => setRow(i, { name: e.target.value })}
          />
          <SelectField
            id={fieldId(i, 'from')}
            label={t('programme.from')}
            value={r.from}
            onChange={(from) => setRow(i, { from })}
            options={froms.map((f) => ({ value: f, label: t(`programme.fromOption.${f}`) }))}
          />
          <div className="fs-field-row">
            <TextField
              id={fieldId(i, 'start')}
              label={t('programme.start', { unit: unitOf(r.from) })}
              inputMode="numeric"
              className="form-input input-width-xs"
              value={r.start}
              error={err(fieldId(i, 'start'))}
              onChange={(e) => setRow(i, { start: e.target.value })}
            />
            <TextField
              id={fieldId(i, 'end')}
              label={t('programme.end', { unit: unitOf(r.from) })}
              inputMode="numeric"
              className="form-input input-width-xs"
              value={r.end}
              error={err(fieldId(i, 'end'))}
              onChange={(e) => setRow(i, { end: e.target.value })}
            />
          </div>
          <SelectField
            id={fieldId(i, 'target')}
            label={t('programme.target')}
            value={r.target}
            onChange={(target) => setRow(i, { target })}
            options={visitTargets.map((x) => ({ value: x, label: t(`programme.targetOption.${x}`) }))}
          />
          <SelectField
            id={fieldId(i, 'kind')}
            label={t('programme.kind')}
            value={r.kind}
            onChange={(kind) => setRow(i, { kind })}
            options={visitKinds.map((x) => ({ value: x, label: t(`visits.kind.${x}`) }))}
          />
          <button
            type="button"
            className="button button-tertiary"
            onClick={() => setV((old) => ({ ...old, rows: old.rows.filter((_, j) => j !== i) }))}
          >
            {t('programme.remove')}
            <span className="sr-only">{` ${r.name}`}</span>
          </button>
        </fieldset>
      ))}
      <p id="visit-types" tabIndex={-1}>
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            setV((old) => ({
              ...old,
              rows: [
                ...old.rows,
                {
                  key: keyFromName(
                    `ekstra_${old.rows.length + 1}`,
                    old.rows.map((x) => x.key),
                  ),
                  name: '',
                  from: 'birth_months',
                  start: '',
                  end: '',
                  target: 'all',
                  kind: 'extended',
                },
              ],
            }))
          }
        >
          {t('programme.add')}
        </button>
      </p>
      <fieldset className="mt-6">
        <legend className="h2">{t('programme.epdsHeading')}</legend>
        <p>{t('programme.epdsLead')}</p>
        <div className="fs-field-row">
          <TextField
            id="epds-mother"
            label={t('programme.epdsMother')}
            inputMode="numeric"
            className="form-input input-width-xs"
            value={v.epdsMother}
            error={err('epds-mother')}
            onChange={(e) => setV({ ...v, epdsMother: e.target.value })}
          />
          <TextField
            id="epds-father"
            label={t('programme.epdsFather')}
            inputMode="numeric"
            className="form-input input-width-xs"
            value={v.epdsFather}
            error={err('epds-father')}
            onChange={(e) => setV({ ...v, epdsFather: e.target.value })}
          />
        </div>
      </fieldset>
      <div className="fs-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('programme.save')}
        </button>
      </div>
    </form>
  );
}

/** "Besøgsprogram": the programme lead edits the municipality's visit types and EPDS cut-offs. */
export function VisitProgrammePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ready = useTexts(healthTexts);
  const q = useQuery({ queryKey: ['visit-programme'], queryFn: () => healthApi.programme() });
  if (!ready || q.isPending) return <Loading />;
  return (
    <>
      <PageHeading title={t('pages.visitProgramme.title')}>{t('pages.visitProgramme.title')}</PageHeading>
      {q.isError ? <ProblemAlert error={q.error} /> : null}
      {q.data ? (
        <>
          <p className="font-lead">{t('programme.lead', { organisation: q.data.organisation.name })}</p>
          <p>
            {q.data.isDefault
              ? t('programme.isDefault')
              : t('programme.updatedAt', { date: q.data.updatedAt ? fmt.dateTime(q.data.updatedAt) : '' })}
          </p>
          <Alert variant="info" headingLevel={2} heading={t('programme.appliesHeading')}>
            <p>{t('programme.appliesText')}</p>
          </Alert>
          <Editor programme={q.data} />
          <Timeliness />
        </>
      ) : null}
    </>
  );
}
