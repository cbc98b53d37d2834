import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { FamilySummary } from '../../api/api.types';
import { NameList } from '../../components/name-list.component';
import { useFormat } from '../../i18n/use-format.hook';
import { useStageWords } from '../timeline/stage-words.hook';

export type FamilyListOrigin = 'mine' | 'uden-tovholder' | 'soeg';
export type FamilyColumn = 'cpr' | 'coordinator' | 'coordinatorSince';

/** The family's parents' names, which is how a health visitor knows the family. */
export function familyName(
  f: { parents: readonly { name: string }[]; children: readonly { name: string }[] },
  list: (items: readonly string[]) => string,
  fallback: string,
): string {
  const names = f.parents.map((p) => p.name);
  return names.length > 0 ? list(names) : (f.children[0]?.name ?? fallback);
}

/** A list of families: parents (linking to the family), children and stage, district and more. */
export function FamilyTable({
  families,
  caption,
  from,
  columns,
}: {
  families: readonly FamilySummary[];
  caption: string;
  from: FamilyListOrigin;
  columns: readonly FamilyColumn[];
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const stage = useStageWords();
  return (
    <div className="fs-table-wrapper">
      <table className="table table--zebra">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('families.table.parents')}</th>
            <th scope="col">{t('families.table.stage')}</th>
            <th scope="col">{t('families.table.district')}</th>
            {columns.includes('coordinator') ? <th scope="col">{t('families.table.coordinator')}</th> : null}
            {columns.includes('coordinatorSince') ? (
              <th scope="col">{t('families.table.coordinatorSince')}</th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {families.map((f) => (
            <tr key={f.id}>
              <th scope="row">
                <Link href={`/familier/${f.id}?fra=${from}`}>
                  {f.parents.length > 0 ? (
                    <NameList names={f.parents.map((p) => p.name)} />
                  ) : (
                    familyName(f, fmt.list, t('families.unnamed'))
                  )}
                </Link>
                {columns.includes('cpr') ? (
                  <span className="d-block fs-muted weight-normal">
                    {f.parents
                      .filter((p) => p.cprMasked)
                      .map((p, i) => (
                        <span key={p.personId}>
                          {i > 0 ? ', ' : null}
                          {/* A CPR number reads left to right, also in an Arabic sentence. */}
                          <bdi dir="ltr">{p.cprMasked}</bdi>
                        </span>
                      ))}
                  </span>
                ) : null}
              </th>
              <td>
                <span className="d-block">{stage.short(f.stage)}</span>
                {f.children.length > 0 ? (
                  <span className="d-block fs-muted">{fmt.list(f.children.map((c) => c.name))}</span>
                ) : null}
              </td>
              <td>{f.district?.name ?? t('families.noDistrict')}</td>
              {columns.includes('coordinator') ? (
                <td>{f.coordinator?.name ?? t('families.noCoordinatorShort')}</td>
              ) : null}
              {columns.includes('coordinatorSince') ? (
                <td>{f.coordinatorSince ? fmt.date(f.coordinatorSince) : ''}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
