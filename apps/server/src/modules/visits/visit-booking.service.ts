import type { BookVisitBody, CalendarVisit, ChildVisit, VisitCalendar } from '@familiespor/contracts';
import {
  copenhagenDate,
  formatIsoWeek,
  isOutsideWindow,
  isoWeekOf,
  isoWeekRange,
  parseIsoWeek,
  shiftIsoWeek,
} from '@familiespor/domain';
import { requireStaff } from '../../access/admin-policy';
import { authorize } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import type { Tx } from '../../db/scope';
import { ConflictError, type FieldError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import './visit-booking-relationship';
import * as bookings from './visit-booking.repo';
import { authorizeVisitWrite, bookingOf, readVisit } from './visits.service';

/** At most this many visits "to book" are listed; the total says how many there are. */
const toBookLimit = 50;

const notPlanned = (status: string) =>
  new ConflictError('Only a planned visit can be booked', [
    { path: 'visitId', code: 'visit_not_planned', message: `The visit is ${status}` },
  ]);

/**
 * Booking changes the municipality's visit record, so it is decided as recording the visit is:
 * `write health_visit` with a relationship to the family. Returns the visit as it stands.
 */
async function visitToBook(tx: Tx, ctx: RequestContext, visitId: string) {
  const p = requireStaff(ctx, { attempted: 'write', entityType: 'child_visit', entityId: visitId });
  const { d } = await authorizeVisitWrite(tx, ctx, visitId);
  const visit = await bookings.findVisitForBooking(tx, visitId);
  if (!visit) throw new NotFoundError('The visit');
  if (visit.status !== 'planned') throw notPlanned(visit.status);
  return { p, d, visit };
}

type VisitToBook = Awaited<ReturnType<typeof visitToBook>>;

/** Booking, rebooking and calling off all update the child's visit record, on the decision's basis. */
async function auditBooking(
  tx: Tx,
  ctx: RequestContext,
  visitId: string,
  visit: VisitToBook['visit'],
  d: VisitToBook['d'],
  detail: Record<string, unknown>,
) {
  await writeAudit(tx, ctx, {
    action: 'update',
    entityType: 'child_visit',
    entityId: visitId,
    familyId: visit.family_id,
    personId: visit.child_person_id,
    dataOrgId: visit.org_id,
    basis: d.basis,
    consentId: d.consentId ?? null,
    detail,
  });
}

/**
 * The health visitor books a planned visit with the family: a time, a place, and who will come
 * (the caller unless another health visitor of the municipality is named). A booking outside
 * the window is kept and flagged; booking again replaces the booking.
 */
export async function bookVisit(
  deps: Deps,
  ctx: RequestContext,
  visitId: string,
  body: BookVisitBody,
): Promise<ChildVisit> {
  return runUseCase(deps, ctx, async (tx) => {
    const { p, d, visit } = await visitToBook(tx, ctx, visitId);
    const errors: FieldError[] = [];
    const at = new Date(body.at);
    if (at.getTime() < ctx.now.getTime())
      errors.push({ path: 'at', code: 'in_past', message: 'The time has passed' });
    const visitor = await bookings.findHealthVisitor(tx, visit.org_id, body.healthVisitorId ?? p.userId);
    if (!visitor)
      errors.push(
        body.healthVisitorId
          ? {
              path: 'healthVisitorId',
              code: 'invalid_reference',
              message: 'Not an active health visitor of the municipality',
            }
          : {
              path: 'healthVisitorId',
              code: 'required',
              message: 'Name the health visitor: you are not one of the municipality’s',
            },
      );
    if (errors.length > 0 || !visitor) throw new InputError('The booking has invalid fields', errors);
    const set = await bookings.setBooking(tx, visitId, {
      at,
      place: body.place,
      with: visitor.id,
      by: p.userId,
      on: ctx.now,
    });
    if (!set) throw notPlanned('recorded');
    const outsideWindow = isOutsideWindow(copenhagenDate(at), {
      start: visit.window_start,
      end: visit.window_end,
    });
    const rebooked = visit.booked_at !== null;
    await auditBooking(tx, ctx, visitId, visit, d, {
      booking: rebooked ? 'rebooked' : 'booked',
      healthVisitorId: visitor.id,
      outsideWindow,
      // The booking it replaced, by whom it was to be made (the time is not repeated here).
      ...(rebooked ? { replacedHealthVisitorId: visit.booked_with } : {}),
    });
    return readVisit(tx, visitId);
  });
}

/** The appointment is called off; the visit stays planned, to be booked again. */
export async function cancelVisitBooking(
  deps: Deps,
  ctx: RequestContext,
  visitId: string,
): Promise<ChildVisit> {
  return runUseCase(deps, ctx, async (tx) => {
    const { d, visit } = await visitToBook(tx, ctx, visitId);
    if (visit.booked_at === null) {
      throw new ConflictError('The visit is not booked', [
        { path: 'visitId', code: 'not_booked', message: 'There is no booking to cancel' },
      ]);
    }
    await bookings.clearBooking(tx, visitId);
    await auditBooking(tx, ctx, visitId, visit, d, {
      booking: 'cancelled',
      healthVisitorId: visit.booked_with,
    });
    return readVisit(tx, visitId);
  });
}

function toCalendarVisit(r: bookings.CalendarRow): CalendarVisit {
  return {
    visitId: r.id,
    name: r.name,
    kind: r.kind,
    window: { start: r.window_start, due: r.due, end: r.window_end },
    child: { personId: r.child_person_id, givenName: r.child_given_name },
    family: { id: r.family_id, names: r.parent_names ?? [] },
    ...bookingOf(r),
  };
}

/**
 * The health visitor's week (default: this week in Copenhagen): the planned visits booked with
 * her, and the planned visits of her families — those she coordinates and those of her
 * districts — that still need a time. Every family listed is one she works with (booked with
 * her, coordinator, district), so the question is what her role may see in her organisation:
 * the visit records and the names on them.
 */
export async function listMyVisitCalendar(
  deps: Deps,
  ctx: RequestContext,
  query: { week?: string | undefined },
): Promise<VisitCalendar> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'child_visit' });
    const week = query.week ? parseIsoWeek(query.week) : isoWeekOf(copenhagenDate(ctx.now));
    const range = week ? isoWeekRange(week) : null;
    if (!week || !range)
      throw new InputError('The week is invalid', [
        { path: 'week', code: 'invalid_week', message: 'Use an ISO week such as 2026-W48' },
      ]);
    const d = await authorize(tx, ctx, 'read', {
      orgId: p.orgId,
      category: 'health_visit',
      entityType: 'child_visit',
    });
    await authorize(tx, ctx, 'read', { orgId: p.orgId, category: 'identity', entityType: 'family' });
    const booked = await bookings.bookedVisitsOf(tx, p.userId, range.from, range.to);
    const toBook = await bookings.visitsToBook(tx, {
      userId: p.userId,
      unitIds: p.unitIds,
      monday: range.days[0] as string,
      sunday: range.days[6] as string,
      limit: toBookLimit,
    });
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'child_visit',
      purpose: 'calendar',
      dataOrgId: p.orgId,
      basis: d.basis,
      detail: {
        list: 'visit_calendar',
        week: range.week,
        familyIds: [...new Set([...booked, ...toBook.rows].map((r) => r.family_id))],
      },
    });
    return {
      week: range.week,
      previousWeek: formatIsoWeek(shiftIsoWeek(week, -1)),
      nextWeek: formatIsoWeek(shiftIsoWeek(week, 1)),
      days: range.days,
      booked: booked.map(toCalendarVisit),
      toBook: toBook.rows.map(toCalendarVisit),
      toBookTotal: toBook.total,
    };
  });
}
