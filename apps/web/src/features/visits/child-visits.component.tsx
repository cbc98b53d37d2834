import { copenhagenDate } from '@familiespor/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildVisit, FamilyDetail, FamilyMember } from '../../api/api.types';
import { healthApi } from '../../api/health.api';
import { Alert } from '../../components/alert.component';
import { Loading } from '../../components/loading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { RecordVisitForm } from './record-visit.component';
import { TargetedVisitForm } from './targeted-visit.component';
import { type VisitStanding, visitStanding } from './visit-form';

const badge: Record<VisitStanding, string> = {
  done: 'badge-success',
  overdue: 'badge-error',
  due: 'badge-warning',
  upcoming: 'badge-info',
  missed: 'badge-error',
  rescheduled: 'badge-info',
  cancelled: 'badge-info',
};

const fullName = (m: FamilyMember) => `${m.givenName} ${m.familyName}`;

function RecordSummary({ visit }: { visit: ChildVisit }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const r = visit.record;
  if (!r) return visit.statusReason ? <span className="d-block fs-muted">{visit.statusReason}</span> : null;
  const measures = [
    r.weightG === null ? null : t('visits.measure.weight', { value: fmt.number(r.weightG) }),
    r.lengthCm === null ? null : t('visits.measure.length', { value: fmt.decimal(r.lengthCm) }),
    r.headCm === null ? null : t('visits.measure.head', { value: fmt.decimal(r.headCm) }),
  ].filter((x): x is string => x !== null);
  return (
    <span className="d-block fs-muted">
      {t('visits.doneSummary', { date: fmt.date(r.doneOn), place: t(`visits.place.${r.place}`) })}
      {measures.length > 0 ? ` · ${fmt.list(measures)}` : ''}
      {r.development ? ` · ${t(`visits.development.${r.development}`)}` : ''}
    </span>
  );
}

/** One child's visit plan: type, window and status, overdue marked; record or add a visit. */
function ChildPlan({
  family,
  child,
  visits,
  mayAct,
  onChanged,
}: {
  family: FamilyDetail;
  child: FamilyMember;
  visits: ChildVisit[];
  mayAct: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const today = copenhagenDate(new Date());
  const [recording, setRecording] = useState<ChildVisit | null>(null);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const name = fullName(child);
  const headingId = `visits-${child.personId.slice(0, 8)}`;
  const overdue = visits.filter((v) => visitStanding(v, today) === 'overdue').length;
  const done = (message: string) => {
    setRecording(null);
    setAdding(false);
    setSaved(message);
    onChanged();
  };
  return (
    <section aria-labelledby={headingId} className="mb-6">
      <h3 id={headingId}>{t('visits.childHeading', { name })}</h3>
      {saved ? <Alert variant="success" heading={saved} headingLevel={3} /> : null}
      {overdue > 0 ? <p className="fs-overdue-note">{t('visits.overdueCount', { count: overdue })}</p> : null}
      {visits.length === 0 ? (
        <p>{t('visits.none')}</p>
      ) : (
        <div className="fs-table-wrapper">
          <table className="table table--zebra">
            <caption className="sr-only">{t('visits.caption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('visits.col.visit')}</th>
                <th scope="col">{t('visits.col.window')}</th>
                <th scope="col">{t('visits.col.status')}</th>
                {mayAct ? (
                  <th scope="col">
                    <span className="sr-only">{t('visits.col.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => {
                const standing = visitStanding(v, today);
                return (
                  <tr key={v.id} className={standing === 'overdue' ? 'fs-row-overdue' : undefined}>
                    <th scope="row">
                      {v.name}
                      <span className="d-block fs-muted weight-normal">
                        {t(`visits.kind.${v.kind}`)}
                        {v.reason ? ` · ${v.reason}` : ''}
                      </span>
                    </th>
                    <td className="fs-nowrap">{fmt.dateRange(v.window.start, v.window.end)}</td>
                    <td>
                      <span className={`badge ${badge[standing]}`}>{t(`visits.standing.${standing}`)}</span>
                      <RecordSummary visit={v} />
                    </td>
                    {mayAct ? (
                      <td>
                        {v.status === 'planned' ? (
                          <button
                            type="button"
                            className="button button-secondary button-small"
                            onClick={() => {
                              setSaved(null);
                              setAdding(false);
                              setRecording(v);
                            }}
                          >
                            {t('visits.record.open')}
                            <span className="sr-only">{` ${v.name}`}</span>
                          </button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {recording ? (
        <RecordVisitForm
          key={recording.id}
          visit={recording}
          childName={name}
          onClose={() => setRecording(null)}
          onSaved={done}
        />
      ) : null}
      {mayAct && !recording ? (
        adding ? (
          <TargetedVisitForm
            familyId={family.id}
            childPersonId={child.personId}
            childName={name}
            onClose={() => setAdding(false)}
            onSaved={done}
          />
        ) : (
          <button
            type="button"
            className="button button-tertiary"
            onClick={() => {
              setSaved(null);
              setAdding(true);
            }}
          >
            {t('visits.targeted.open')}
          </button>
        )
      ) : null}
    </section>
  );
}

/** "Besøg": each child's home-visit plan (listChildVisits). */
export function ChildVisits({ family, mayAct }: { family: FamilyDetail; mayAct: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const children = family.members.filter((m) => m.role === 'child');
  const visits = useQuery({
    queryKey: ['family', family.id, 'visits'],
    queryFn: () => healthApi.visits(family.id),
  });
  const changed = () => {
    void client.invalidateQueries({ queryKey: ['family', family.id, 'visits'] });
    void client.invalidateQueries({ queryKey: ['family', family.id, 'timeline'] });
    void client.invalidateQueries({ queryKey: ['tasks'] });
  };
  return (
    <section aria-labelledby="visits-heading" className="mb-6">
      <h2 id="visits-heading">{t('visits.heading')}</h2>
      {visits.isPending ? <Loading /> : null}
      {visits.isError ? <ProblemAlert error={visits.error} /> : null}
      {visits.data && children.length === 0 ? <p>{t('visits.noChildren')}</p> : null}
      {visits.data
        ? children.map((c) => (
            <ChildPlan
              key={c.personId}
              family={family}
              child={c}
              visits={visits.data.filter((v) => v.childPersonId === c.personId)}
              mayAct={mayAct}
              onChanged={changed}
            />
          ))
        : null}
    </section>
  );
}
