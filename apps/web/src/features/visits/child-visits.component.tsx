import { copenhagenDate } from '@familiespor/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildVisit, FamilyDetail, FamilyMember } from '../../api/api.types';
import { healthApi } from '../../api/health.api';
import { useSession } from '../../app/session.hook';
import { Alert } from '../../components/alert.component';
import { Loading } from '../../components/loading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { BookVisitForm, CancelBookingPanel, useBookingWords } from './book-visit.component';
import { RecordVisitForm } from './record-visit.component';
import { TargetedVisitForm } from './targeted-visit.component';
import { type VisitStanding, visitStanding } from './visit-form';

const badge: Record<VisitStanding, string> = {
  done: 'badge-success',
  overdue: 'badge-error',
  due: 'badge-warning',
  booked: 'badge-info',
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

/** The booked time, place and health visitor of a planned visit; a day outside the window marked. */
function BookingSummary({ visit }: { visit: ChildVisit }) {
  const { t } = useTranslation();
  const words = useBookingWords();
  if (visit.status !== 'planned' || !visit.booking) return null;
  return (
    <span className="d-block fs-booking">
      {t('visits.booking.summary', words(visit.booking))}
      <span className="d-block fs-muted">
        {t('visits.booking.with', { name: visit.booking.healthVisitor.name })}
      </span>
      {visit.bookingOutsideWindow ? (
        <span className="badge badge-warning">{t('visits.booking.outsideBadge')}</span>
      ) : null}
    </span>
  );
}

type Panel = { kind: 'record' | 'book' | 'unbook'; visit: ChildVisit };

/**
 * Book (or move, or call off) and record: what can be done with a planned visit. A booking is
 * made with the health visitor who makes it, so only a health visitor books or moves one here;
 * a programme lead may still call one off.
 */
function VisitActions({
  visit,
  mayBook,
  open,
}: {
  visit: ChildVisit;
  mayBook: boolean;
  open: (kind: Panel['kind']) => void;
}) {
  const { t } = useTranslation();
  if (visit.status !== 'planned') return null;
  const which = <span className="sr-only">{` ${visit.name}`}</span>;
  return (
    <div className="fs-row-actions">
      {visit.booking || !mayBook ? null : (
        <button type="button" className="button button-secondary button-small" onClick={() => open('book')}>
          {t('visits.booking.open')}
          {which}
        </button>
      )}
      <button type="button" className="button button-secondary button-small" onClick={() => open('record')}>
        {t('visits.record.open')}
        {which}
      </button>
      {visit.booking ? (
        <>
          {mayBook ? (
            <button
              type="button"
              className="button button-tertiary button-small"
              onClick={() => open('book')}
            >
              {t('visits.booking.move')}
              {which}
            </button>
          ) : null}
          <button
            type="button"
            className="button button-tertiary button-small"
            onClick={() => open('unbook')}
          >
            {t('visits.booking.cancel')}
            {which}
          </button>
        </>
      ) : null}
    </div>
  );
}

/** One child's visit plan: type, window and status, overdue marked; book, record or add a visit. */
function ChildPlan({
  family,
  child,
  visits,
  mayAct,
  mayBook,
  onChanged,
}: {
  family: FamilyDetail;
  child: FamilyMember;
  visits: ChildVisit[];
  mayAct: boolean;
  mayBook: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const today = copenhagenDate(new Date());
  const [panel, setPanel] = useState<Panel | null>(null);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const name = fullName(child);
  const headingId = `visits-${child.personId.slice(0, 8)}`;
  const overdue = visits.filter((v) => visitStanding(v, today) === 'overdue').length;
  const done = (message: string) => {
    setPanel(null);
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
                      <BookingSummary visit={v} />
                    </td>
                    {mayAct ? (
                      <td>
                        <VisitActions
                          visit={v}
                          mayBook={mayBook}
                          open={(kind) => {
                            setSaved(null);
                            setAdding(false);
                            setPanel({ kind, visit: v });
                          }}
                        />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {panel?.kind === 'record' ? (
        <RecordVisitForm
          key={panel.visit.id}
          visit={panel.visit}
          childName={name}
          onClose={() => setPanel(null)}
          onSaved={done}
        />
      ) : null}
      {panel?.kind === 'book' ? (
        <BookVisitForm
          key={`book-${panel.visit.id}`}
          visit={panel.visit}
          childName={name}
          onClose={() => setPanel(null)}
          onSaved={done}
        />
      ) : null}
      {panel?.kind === 'unbook' && panel.visit.booking ? (
        <CancelBookingPanel
          key={`unbook-${panel.visit.id}`}
          visit={{ ...panel.visit, booking: panel.visit.booking }}
          onClose={() => setPanel(null)}
          onCancelled={done}
        />
      ) : null}
      {mayAct && !panel ? (
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
  const session = useSession();
  const mayBook = mayAct && session.data?.kind === 'staff' && session.data.roles.includes('health_visitor');
  const children = family.members.filter((m) => m.role === 'child');
  const visits = useQuery({
    queryKey: ['family', family.id, 'visits'],
    queryFn: () => healthApi.visits(family.id),
  });
  const changed = () => {
    void client.invalidateQueries({ queryKey: ['family', family.id, 'visits'] });
    void client.invalidateQueries({ queryKey: ['family', family.id, 'timeline'] });
    void client.invalidateQueries({ queryKey: ['tasks'] });
    void client.invalidateQueries({ queryKey: ['visits', 'calendar'] });
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
              mayBook={mayBook}
              onChanged={changed}
            />
          ))
        : null}
    </section>
  );
}
