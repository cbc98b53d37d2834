import { useTranslation } from 'react-i18next';
import type { FamilyMember } from '../../api/api.types';
import { telHref } from '../../components/tel-href';
import { useFormat } from '../../i18n/use-format.hook';
import { Cpr } from './cpr.component';

const order: Record<FamilyMember['role'], number> = {
  mother: 0,
  father: 1,
  co_parent: 1,
  other_caregiver: 2,
  child: 3,
};

/** The family's members: parents first on equal footing, then the children. */
export function FamilyMembers({ members }: { members: readonly FamilyMember[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sorted = [...members].sort((a, b) => order[a.role] - order[b.role]);
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('families.members.heading')}</h2>
      <div className="fs-table-wrapper">
        <table className="table table--zebra">
          <caption className="sr-only">{t('families.members.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('families.members.name')}</th>
              <th scope="col">{t('families.members.cpr')}</th>
              <th scope="col">{t('families.members.language')}</th>
              <th scope="col">{t('families.members.contact')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((m) => {
              const name = `${m.givenName} ${m.familyName}`;
              return (
                <tr key={m.personId}>
                  <th scope="row">
                    {name}
                    <span className="d-block fs-muted weight-normal">
                      {t(`families.role.${m.role}`)}
                      {m.role !== 'child' && m.firstTimeParent ? ` · ${t('families.members.firstTime')}` : ''}
                    </span>
                    {m.birthDate ? (
                      <span className="d-block fs-muted weight-normal">
                        {t('families.members.born', { date: fmt.date(m.birthDate) })}
                      </span>
                    ) : null}
                  </th>
                  <td>
                    {m.cprMasked ? (
                      <Cpr personId={m.personId} masked={m.cprMasked} name={name} />
                    ) : (
                      <span className="fs-muted">{t('families.members.noCpr')}</span>
                    )}
                  </td>
                  <td>
                    {fmt.languageName(m.preferredLanguage)}
                    {m.interpreterNeeded ? (
                      <span className="d-block">
                        <span className="badge badge-warning">{t('families.members.interpreter')}</span>
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {m.phone ? (
                      <a className="d-block fs-nowrap" href={telHref(m.phone)} dir="ltr">
                        {m.phone}
                      </a>
                    ) : null}
                    {m.email ? (
                      <a className="d-block" href={`mailto:${m.email}`} dir="ltr">
                        {m.email}
                      </a>
                    ) : null}
                    {!m.phone && !m.email ? (
                      <span className="fs-muted">{t('families.members.noContact')}</span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
