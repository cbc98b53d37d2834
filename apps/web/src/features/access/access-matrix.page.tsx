import { accessLevels, categories, staffRoles } from '@familiespor/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminApi } from '../../api/admin.api';
import type { StaffMe } from '../../api/api.types';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';

/** Who may see which kind of record in the organisation: read-only here (DESIGN §4). */
export function AccessMatrixPage({ me }: { me: StaffMe }) {
  const { t } = useTranslation();
  const matrix = useQuery({
    queryKey: ['access-matrix', me.organisation.id],
    queryFn: () => adminApi.accessMatrix(me.organisation.id),
  });
  const cell = new Map(matrix.data?.entries.map((e) => [`${e.role}/${e.category}`, e]));
  return (
    <>
      <PageHeading title={t('pages.accessMatrix.title')}>{t('pages.accessMatrix.title')}</PageHeading>
      <p className="font-lead">{t('access.matrix.lead', { organisation: me.organisation.name })}</p>
      {matrix.isPending ? <Loading /> : null}
      {matrix.isError ? <ProblemAlert error={matrix.error} /> : null}
      {matrix.data ? (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
          <section className="fs-table-wrapper" tabIndex={0} aria-labelledby="matrix-caption">
            <table className="table table--compact">
              <caption id="matrix-caption">{t('access.matrix.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('access.matrix.role')}</th>
                  {categories.map((c) => (
                    <th scope="col" key={c}>
                      {t(`category.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {staffRoles.map((r) => (
                  <tr key={r}>
                    <th scope="row">{t(`roles.${r}.name`)}</th>
                    {categories.map((c) => {
                      const e = cell.get(`${r}/${c}`);
                      if (!e) return <td key={c}>–</td>;
                      const tightened = e.level !== e.defaultLevel;
                      return (
                        <td key={c}>
                          {tightened ? (
                            <strong>{t(`accessLevel.${e.level}.short`)}</strong>
                          ) : (
                            t(`accessLevel.${e.level}.short`)
                          )}
                          {tightened ? (
                            <span className="d-block fs-muted">
                              {t('access.matrix.tightened', {
                                level: t(`accessLevel.${e.defaultLevel}.short`),
                              })}
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <h2 className="mt-7">{t('access.matrix.legendHeading')}</h2>
          <dl className="fs-summary">
            {accessLevels.map((l) => (
              <div key={l} className="fs-summary-row">
                <dt>{t(`accessLevel.${l}.short`)}</dt>
                <dd>{t(`accessLevel.${l}.long`)}</dd>
              </div>
            ))}
          </dl>
          <p>{t('access.matrix.readOnly')}</p>
        </>
      ) : null}
    </>
  );
}
