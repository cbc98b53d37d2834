import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FamilyDetail, FamilyMember, Screening } from '../../api/api.types';
import { healthApi } from '../../api/health.api';
import { Loading } from '../../components/loading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import type { Instrument } from './answers';
import { ScreeningForm } from './screening-form.component';

const fullName = (m: FamilyMember) => `${m.givenName} ${m.familyName}`;
const parentRoles: readonly string[] = ['mother', 'father', 'co_parent'];

function Row({ s, members }: { s: Screening; members: FamilyMember[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const who =
    s.instrument === 'epds'
      ? members.find((m) => m.personId === s.respondent?.personId)
      : members.find((m) => m.personId === s.childPersonId);
  return (
    <tr>
      <td className="fs-nowrap">{fmt.date(s.observedOn)}</td>
      <th scope="row">
        {s.instrument.toUpperCase()}
        <span className="d-block weight-normal">
          {who ? fullName(who) : t('screening.unknownPerson')}
          {s.respondent ? ` (${t(`screening.role.${s.respondent.role}`)})` : ''}
        </span>
        <span className="d-block fs-muted weight-normal">
          {s.enteredBy === 'parent' ? t('screening.enteredByParent') : ''}
          {s.inPregnancy ? t('screening.inPregnancy') : ''}
        </span>
      </th>
      <td>{t('screening.score', { total: fmt.number(s.total), cutoff: fmt.number(s.cutoff) })}</td>
      <td>
        <span className={`badge ${s.band === 'below_cutoff' ? 'badge-success' : 'badge-warning'}`}>
          {t(`screening.band.${s.band}`)}
        </span>
        {s.flags.includes('self_harm') ? (
          <span className="badge badge-error d-block mt-2 fs-badge-inline">
            {t('screening.flag.self_harm')}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

/** "Screeninger": EPDS for each parent on their own, ADBB for the infant, and the results so far. */
export function FamilyScreenings({ family, mayAct }: { family: FamilyDetail; mayAct: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState<{ instrument: Instrument; person: FamilyMember } | null>(null);
  const list = useQuery({
    queryKey: ['family', family.id, 'screenings'],
    queryFn: () => healthApi.screenings(family.id),
  });
  const parents = family.members.filter((m) => parentRoles.includes(m.role));
  const children = family.members.filter((m) => m.role === 'child');
  // The youngest child: the EPDS after a birth belongs to it.
  const youngest = [...children].sort((a, b) => (b.birthDate ?? '').localeCompare(a.birthDate ?? ''))[0];
  const recorded = () => {
    void client.invalidateQueries({ queryKey: ['family', family.id, 'screenings'] });
    void client.invalidateQueries({ queryKey: ['family', family.id, 'timeline'] });
    void client.invalidateQueries({ queryKey: ['tasks'] });
  };
  return (
    <section aria-labelledby="screenings-heading" className="mb-6">
      <h2 id="screenings-heading">{t('screening.heading')}</h2>
      <p>{t('screening.lead')}</p>
      {mayAct && !open ? (
        <div className="fs-actions mb-5">
          {parents.map((p) => (
            <button
              key={p.personId}
              type="button"
              className="button button-secondary"
              onClick={() => setOpen({ instrument: 'epds', person: p })}
            >
              {t('screening.epds.open', {
                name: fullName(p),
                role: t(`screening.role.${knownRole(p.role)}`),
              })}
            </button>
          ))}
          {children.map((c) => (
            <button
              key={c.personId}
              type="button"
              className="button button-secondary"
              onClick={() => setOpen({ instrument: 'adbb', person: c })}
            >
              {t('screening.adbb.open', { name: fullName(c) })}
            </button>
          ))}
        </div>
      ) : null}
      {open ? (
        <ScreeningForm
          key={`${open.instrument}-${open.person.personId}`}
          familyId={family.id}
          instrument={open.instrument}
          subject={open.person}
          child={open.instrument === 'epds' ? youngest : undefined}
          onClose={() => setOpen(null)}
          onRecorded={recorded}
        />
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ProblemAlert error={list.error} /> : null}
      {list.data && list.data.length === 0 ? <p>{t('screening.none')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <div className="fs-table-wrapper">
          <table className="table table--zebra">
            <caption className="sr-only">{t('screening.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('screening.col.date')}</th>
                <th scope="col">{t('screening.col.instrument')}</th>
                <th scope="col">{t('screening.col.score')}</th>
                <th scope="col">{t('screening.col.band')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((s) => (
                <Row key={s.id} s={s} members={family.members} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

const knownRole = (role: string) =>
  role === 'mother' || role === 'father' || role === 'co_parent' ? role : 'co_parent';
