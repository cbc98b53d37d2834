import { parseCpr } from '@familiespor/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type FamilySearch, familiesApi } from '../../api/families.api';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { fieldErrorText, summaryEntries } from '../../components/forms/field-errors';
import { TextField } from '../../components/forms/fields.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { FamilyTable } from './family-table.component';

/** The server returns at most this many families; more means the search should be narrower. */
const serverLimit = 50;

const schema = z.object({
  searchCpr: z
    .string()
    .trim()
    .refine((s) => s === '' || parseCpr(s).ok),
  searchName: z.union([z.literal(''), z.string().trim().min(2).max(100)]),
  searchChildBirthDate: z.string(),
});
type Values = z.infer<typeof schema>;
const fields = [
  { name: 'searchCpr', id: 'search-cpr' },
  { name: 'searchName', id: 'search-name' },
  { name: 'searchChildBirthDate', id: 'search-child-birth-date' },
] as const;

// The last search lives in the query cache, which is emptied at logout — never in the address
// bar or the browser's storage, because a CPR number is personal data.
const termsKey = ['families', 'search', 'terms'] as const;

function toTerms(v: Values): FamilySearch {
  return {
    ...(v.searchCpr.trim() ? { cpr: v.searchCpr.trim() } : {}),
    ...(v.searchName.trim() ? { name: v.searchName.trim() } : {}),
    ...(v.searchChildBirthDate ? { childBirthDate: v.searchChildBirthDate } : {}),
  };
}

/** "Søg familie": by CPR, name or the child's birth date; only families the user may see come back. */
export function SearchFamiliesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const [terms, setTerms] = useState<FamilySearch | null>(
    () => client.getQueryData<FamilySearch>(termsKey) ?? null,
  );
  const [attempt, setAttempt] = useState(0);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      searchCpr: terms?.cpr ?? '',
      searchName: terms?.name ?? '',
      searchChildBirthDate: terms?.childBirthDate ?? '',
    },
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const err = (name: keyof Values) =>
    errors[name] ? fieldErrorText(t, name, errors[name]?.type as string | undefined) : undefined;
  const results = useQuery({
    queryKey: ['families', 'search', 'results', terms],
    queryFn: () => familiesApi.search(terms as FamilySearch),
    enabled: terms !== null,
  });

  const submit = form.handleSubmit(
    (v) => {
      const next = toTerms(v);
      if (Object.keys(next).length === 0) {
        form.setError('searchCpr', { type: 'no_terms' });
        setAttempt((n) => n + 1);
        return;
      }
      client.setQueryData(termsKey, next);
      setTerms(next);
    },
    () => setAttempt((n) => n + 1),
  );

  const found = results.data ?? [];
  return (
    <>
      <PageHeading title={t('pages.searchFamilies.title')}>{t('pages.searchFamilies.title')}</PageHeading>
      <p className="font-lead">{t('families.search.lead')}</p>
      <div className="row">
        <div className="col-12 col-lg-8">
          <search>
            <form onSubmit={submit} noValidate>
              <ErrorSummary entries={summaryEntries(t, errors, fields)} attempt={attempt} />
              <TextField
                id="search-cpr"
                label={t('families.search.cpr')}
                hint={t('families.search.cprHint')}
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                className="form-input input-width-s"
                error={err('searchCpr')}
                {...form.register('searchCpr')}
              />
              <TextField
                id="search-name"
                label={t('families.search.name')}
                hint={t('families.search.nameHint')}
                autoComplete="off"
                error={err('searchName')}
                {...form.register('searchName')}
              />
              <TextField
                id="search-child-birth-date"
                label={t('families.search.childBirthDate')}
                type="date"
                className="form-input input-width-s"
                error={err('searchChildBirthDate')}
                {...form.register('searchChildBirthDate')}
              />
              <div className="fs-actions">
                <button type="submit" className="button button-primary">
                  <Icon name="search" />
                  {t('families.search.submit')}
                </button>
              </div>
            </form>
          </search>
          <p className="fs-muted mt-5">{t('families.search.who')}</p>
        </div>
      </div>

      {terms !== null ? (
        <section aria-labelledby="results-heading" className="mt-7">
          <h2 id="results-heading">{t('families.search.resultsHeading')}</h2>
          {results.isPending ? <Loading /> : null}
          {results.isError ? <ProblemAlert error={results.error} /> : null}
          {results.data ? (
            <>
              <p role="status">
                {found.length === 0
                  ? t('families.search.none')
                  : t('families.search.count', { count: found.length, total: fmt.number(found.length) })}
              </p>
              {found.length >= serverLimit ? (
                <p>{t('families.search.limited', { limit: fmt.number(serverLimit) })}</p>
              ) : null}
              {found.length > 0 ? (
                <FamilyTable
                  families={found}
                  caption={t('families.search.caption')}
                  from="soeg"
                  columns={['cpr', 'coordinator']}
                />
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
