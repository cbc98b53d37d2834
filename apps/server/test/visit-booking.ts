import type { ChildVisit, VisitCalendar } from '@familiespor/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema';
import { inScope } from '../src/db/scope';
import type { Session } from './http';

// ---- Step 5: booked visits and the week calendar -------------------------------------------

export const bookAs = (session: Session, visitId: string, body: Record<string, unknown>) =>
  session.request('PUT', `/api/visits/${visitId}/booking`, body);

export const unbookAs = (session: Session, visitId: string) =>
  session.request('DELETE', `/api/visits/${visitId}/booking`);

/** listMyVisitCalendar for a week (default this week); fails loudly unless 200. */
export async function calendarOf(session: Session, week?: string): Promise<VisitCalendar> {
  const res = await session.request('GET', `/api/visits/calendar${week ? `?week=${week}` : ''}`);
  if (res.statusCode !== 200) throw new Error(`listMyVisitCalendar: ${res.statusCode} ${res.body}`);
  return res.json() as VisitCalendar;
}

export const visitIds = (list: readonly { visitId: string }[]) => list.map((v) => v.visitId);

/** The visit of the child's programme with this key ('week-1', '2-month', …); the test knows it is there. */
export const visitByKey = (visits: ChildVisit[], key: string) =>
  visits.find((v) => v.key === key) as ChildVisit;

/** The booking columns of a family's visits, to show that a refused request wrote nothing. */
export function bookingRows(db: Kysely<DB>, familyId: string) {
  return inScope(db, { kind: 'system' }, (tx) =>
    tx
      .selectFrom('child_visit')
      .select(['id', 'status', 'booked_at', 'booked_place', 'booked_with', 'booked_by', 'booked_on'])
      .where('family_id', '=', familyId)
      .orderBy('id')
      .execute(),
  );
}
