import { useTranslation } from 'react-i18next';
import type { FamilyDetail } from '../../api/api.types';
import { useFormat } from '../../i18n/use-format.hook';

const statusBadge = { active: 'badge-info', born: 'badge-success', ended: '' } as const;

/** The family's pregnancies (as far as the user may see them) and births. */
export function PregnanciesAndBirths({ family }: { family: FamilyDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const childName = (personId: string) => {
    const c = family.members.find((m) => m.personId === personId);
    return c ? `${c.givenName} ${c.familyName}` : t('timeline.theChild');
  };
  return (
    <section aria-labelledby="pregnancies-heading">
      <h2 id="pregnancies-heading">{t('families.pregnancies.heading')}</h2>
      <h3>{t('families.pregnancies.list')}</h3>
      {family.pregnancies.length === 0 ? (
        <p>
          {family.hidden.includes('pregnancy')
            ? t('families.pregnancies.hidden')
            : t('families.pregnancies.none')}
        </p>
      ) : (
        <div className="fs-table-wrapper">
          <table className="table table--zebra">
            <caption className="sr-only">{t('families.pregnancies.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('families.pregnancies.dueDate')}</th>
                <th scope="col">{t('families.pregnancies.careLevel')}</th>
                <th scope="col">{t('families.pregnancies.status')}</th>
                <th scope="col">{t('families.pregnancies.registered')}</th>
              </tr>
            </thead>
            <tbody>
              {family.pregnancies.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {fmt.date(p.dueDate)}
                    {p.firstChild ? (
                      <span className="d-block fs-muted weight-normal">
                        {t('families.pregnancies.firstChild')}
                      </span>
                    ) : null}
                  </th>
                  <td>{t('families.pregnancies.level', { level: p.careLevel })}</td>
                  <td>
                    <span className={`badge ${statusBadge[p.status]}`}>
                      {t(`families.pregnancies.state.${p.status}`)}
                    </span>
                  </td>
                  <td>
                    {fmt.date(p.registeredAt)}
                    <span className="d-block fs-muted">{p.organisation.name}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {family.births.length > 0 ? (
        <>
          <h3>{t('families.pregnancies.births')}</h3>
          <div className="fs-table-wrapper">
            <table className="table table--zebra">
              <caption className="sr-only">{t('families.births.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('families.births.child')}</th>
                  <th scope="col">{t('families.births.time')}</th>
                  <th scope="col">{t('families.births.discharged')}</th>
                  <th scope="col">{t('families.births.place')}</th>
                </tr>
              </thead>
              <tbody>
                {family.births.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">{childName(b.childPersonId)}</th>
                    <td>{fmt.dateTime(b.birthTime)}</td>
                    <td>
                      {b.dischargeTime ? fmt.dateTime(b.dischargeTime) : t('families.births.notDischarged')}
                    </td>
                    <td>{b.birthplace ?? t('families.births.noPlace')}</td>
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
