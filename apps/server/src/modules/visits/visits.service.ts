import type { addTargetedVisitBody, ChildVisit, RecordVisitBody, VisitBooking } from '@familiespor/contracts';
import { checkMeasurement, copenhagenDate, isOutsideWindow, type Measurement } from '@familiespor/domain';
import type { z } from 'zod';
import { authorize } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { ConflictError, type FieldError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { familyFacts } from '../families/family-detail';
import { runTaskRulesAfterChange, settleVisitTask } from '../tasks/task-triggers';
import './visit-booking-relationship';
import './visits-timeline.sources';
import * as repo from './visits.repo';

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

type BookingColumns = Pick<
  repo.VisitRow,
  'booked_at' | 'booked_place' | 'booked_with' | 'booked_with_name' | 'window_start' | 'window_end'
>;

/** The booking of a visit row, and whether its Danish day lies outside the window. */
export function bookingOf(v: BookingColumns): {
  booking: VisitBooking | null;
  bookingOutsideWindow: boolean;
} {
  if (!v.booked_at || !v.booked_place || !v.booked_with)
    return { booking: null, bookingOutsideWindow: false };
  return {
    booking: {
      at: v.booked_at.toISOString(),
      place: v.booked_place,
      healthVisitor: { id: v.booked_with, name: v.booked_with_name ?? '' },
    },
    bookingOutsideWindow: isOutsideWindow(copenhagenDate(v.booked_at), {
      start: v.window_start,
      end: v.window_end,
    }),
  };
}

export function toVisit(v: repo.VisitRow): ChildVisit {
  return {
    id: v.id,
    familyId: v.family_id,
    childPersonId: v.child_person_id,
    key: v.visit_key,
    name: v.name,
    kind: v.kind,
    reason: v.reason,
    window: { start: v.window_start, due: v.due, end: v.window_end },
    status: v.status,
    statusReason: v.status_reason,
    rescheduledFrom: v.rescheduled_from,
    record:
      v.status === 'done' && v.done_on && v.place
        ? {
            doneOn: v.done_on,
            place: v.place,
            weightG: v.weight_g,
            lengthCm: num(v.length_cm),
            headCm: num(v.head_cm),
            topics: v.topics,
            development: v.development,
            developmentNote: v.development_note,
            pkuDone: v.pku_done,
            hearingDone: v.hearing_done,
            notes: v.notes,
            recordedBy: v.recorded_by ? { id: v.recorded_by, name: v.recorded_by_name ?? '' } : null,
          }
        : null,
    ...bookingOf(v),
  };
}

export async function readVisit(tx: Tx, visitId: string): Promise<ChildVisit> {
  const row = await repo.findVisit(tx, visitId);
  if (!row) throw new NotFoundError('The visit');
  return toVisit(row);
}

/** The child's (or all the family's children's) planned and recorded visits. */
export async function listChildVisits(
  deps: Deps,
  ctx: RequestContext,
  familyId: string,
  query: { childPersonId?: string | undefined },
): Promise<ChildVisit[]> {
  return runUseCase(deps, ctx, async (tx) => {
    const facts = await familyFacts(tx, familyId);
    const d = await authorize(tx, ctx, 'read', {
      orgId: facts.org_id,
      category: 'health_visit',
      familyId,
      entityType: 'child_visit',
    });
    const rows = await repo.listVisits(tx, {
      familyId,
      orgId: facts.org_id,
      childPersonId: query.childPersonId,
    });
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'child_visit',
      familyId,
      personId: query.childPersonId ?? null,
      dataOrgId: facts.org_id,
      basis: d.basis,
      consentId: d.consentId ?? null,
      detail: { visits: rows.length },
    });
    return rows.map(toVisit);
  });
}

const measurements: { field: 'weightG' | 'lengthCm' | 'headCm'; measurement: Measurement }[] = [
  { field: 'weightG', measurement: 'weight_g' },
  { field: 'lengthCm', measurement: 'length_cm' },
  { field: 'headCm', measurement: 'head_cm' },
];

function checkDoneVisit(
  body: Extract<RecordVisitBody, { outcome: 'done' }>,
  birthDate: string | null,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (body.doneOn > today)
    errors.push({ path: 'doneOn', code: 'in_future', message: 'The date is in the future' });
  if (birthDate && body.doneOn < birthDate)
    errors.push({ path: 'doneOn', code: 'before_birth', message: 'The date is before the child was born' });
  if (birthDate && errors.length === 0) {
    for (const { field, measurement } of measurements) {
      const value = body[field];
      if (value !== null && checkMeasurement(measurement, value, birthDate, body.doneOn) === 'implausible') {
        errors.push({ path: field, code: 'implausible', message: 'Not plausible for the child’s age' });
      }
    }
  }
  return errors;
}

/**
 * Changing a visit — recording it, booking it — is `write health_visit` on the municipality's
 * record, with a relationship to the family. The owner is looked up as the system so that a
 * visit the caller may not see is refused by the decision, not hidden as missing.
 */
export async function authorizeVisitWrite(tx: Tx, ctx: RequestContext, visitId: string) {
  const owner = await asSystem(tx, () => repo.findVisitOwner(tx, visitId));
  if (!owner) throw new NotFoundError('The visit');
  const d = await authorize(tx, ctx, 'write', {
    orgId: owner.org_id,
    category: 'health_visit',
    familyId: owner.family_id,
    entityType: 'child_visit',
    entityId: visitId,
  });
  return { owner, d };
}

/**
 * The health visitor records a visit: done (with measurements checked for the child's age),
 * missed (rescheduled into a new window, or left missed) or cancelled.
 */
export async function recordVisit(
  deps: Deps,
  ctx: RequestContext,
  visitId: string,
  body: RecordVisitBody,
): Promise<{ visit: ChildVisit; rescheduledTo: ChildVisit | null }> {
  return runUseCase(deps, ctx, async (tx) => {
    const { owner, d } = await authorizeVisitWrite(tx, ctx, visitId);
    if (owner.status !== 'planned') {
      throw new ConflictError('Only a planned visit can be recorded', [
        { path: 'outcome', code: 'visit_not_planned', message: `The visit is ${owner.status}` },
      ]);
    }
    const today = copenhagenDate(ctx.now);
    const userId = ctx.principal?.kind === 'staff' ? ctx.principal.userId : null;
    let rescheduledId: string | null = null;
    if (body.outcome === 'done') {
      const child = await repo.findChildOfFamily(tx, owner.family_id, owner.child_person_id);
      const errors = checkDoneVisit(body, child?.birth_date ?? null, today);
      if (errors.length > 0) throw new InputError('The visit record has invalid fields', errors);
      await repo.updateVisit(tx, visitId, {
        status: 'done',
        done_on: body.doneOn,
        place: body.place,
        weight_g: body.weightG,
        length_cm: body.lengthCm,
        head_cm: body.headCm,
        topics: body.topics,
        development: body.development?.status ?? null,
        development_note: body.development?.status === 'concern' ? body.development.note : null,
        pku_done: body.pkuDone,
        hearing_done: body.hearingDone,
        notes: body.notes,
        recorded_by: userId,
        recorded_at: ctx.now,
      });
    } else if (body.outcome === 'missed') {
      const to = body.rescheduleTo;
      if (to) {
        const errors: FieldError[] = [];
        if (to.start < today)
          errors.push({
            path: 'rescheduleTo.start',
            code: 'in_past',
            message: 'The new window has begun already',
          });
        if (to.end < to.start)
          errors.push({
            path: 'rescheduleTo.end',
            code: 'window_order',
            message: 'The window ends before it starts',
          });
        if (errors.length > 0) throw new InputError('The new window is invalid', errors);
      }
      await repo.updateVisit(tx, visitId, {
        status: to ? 'rescheduled' : 'missed',
        status_reason: body.reason,
        recorded_by: userId,
        recorded_at: ctx.now,
      });
      if (to) {
        const old = await repo.findVisit(tx, visitId);
        if (!old) throw new NotFoundError('The visit');
        rescheduledId = (
          await repo.insertVisit(tx, {
            org_id: old.org_id,
            family_id: old.family_id,
            child_person_id: old.child_person_id,
            visit_key: old.visit_key,
            name: old.name,
            kind: old.kind,
            reason: old.reason,
            window_start: to.start,
            due: to.end,
            window_end: to.end,
            rescheduled_from: visitId,
            created_by: userId,
            created_at: ctx.now,
          })
        ).id;
      }
    } else {
      await repo.updateVisit(tx, visitId, {
        status: 'cancelled',
        status_reason: body.reason,
        recorded_by: userId,
        recorded_at: ctx.now,
      });
    }
    await settleVisitTask(
      tx,
      ctx,
      { childPersonId: owner.child_person_id, visitKey: owner.visit_key },
      body.outcome === 'missed' && body.rescheduleTo
        ? {
            kind: 'rescheduled',
            window: {
              start: body.rescheduleTo.start,
              due: body.rescheduleTo.end,
              end: body.rescheduleTo.end,
            },
          }
        : { kind: body.outcome },
    );
    const tasks = await runTaskRulesAfterChange(tx, ctx, owner.family_id);
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'child_visit',
      entityId: visitId,
      familyId: owner.family_id,
      personId: owner.child_person_id,
      dataOrgId: owner.org_id,
      basis: d.basis,
      consentId: d.consentId ?? null,
      detail: {
        outcome: body.outcome,
        ...(rescheduledId ? { rescheduledTo: rescheduledId } : {}),
        ...(tasks.length > 0 ? { tasks } : {}),
      },
    });
    return {
      visit: await readVisit(tx, visitId),
      rescheduledTo: rescheduledId ? await readVisit(tx, rescheduledId) : null,
    };
  });
}

/** A targeted extra visit, added by a professional with the reason for it. */
export async function addTargetedVisit(
  deps: Deps,
  ctx: RequestContext,
  familyId: string,
  body: z.infer<typeof addTargetedVisitBody>,
): Promise<ChildVisit> {
  return runUseCase(deps, ctx, async (tx) => {
    const facts = await familyFacts(tx, familyId);
    const d = await authorize(tx, ctx, 'write', {
      orgId: facts.org_id,
      category: 'health_visit',
      familyId,
      entityType: 'child_visit',
    });
    const today = copenhagenDate(ctx.now);
    const errors: FieldError[] = [];
    const child = await repo.findChildOfFamily(tx, familyId, body.childPersonId);
    if (!child)
      errors.push({
        path: 'childPersonId',
        code: 'not_a_child_of_family',
        message: 'Not a child of the family',
      });
    if (body.windowEnd < today)
      errors.push({ path: 'windowEnd', code: 'in_past', message: 'The window has ended already' });
    if (body.windowEnd < body.windowStart)
      errors.push({ path: 'windowEnd', code: 'window_order', message: 'The window ends before it starts' });
    if (errors.length > 0) throw new InputError('The visit has invalid fields', errors);
    const { id } = await repo.insertVisit(tx, {
      org_id: facts.org_id,
      family_id: familyId,
      child_person_id: body.childPersonId,
      visit_key: 'targeted',
      name: body.name,
      kind: 'targeted',
      reason: body.reason,
      window_start: body.windowStart,
      due: body.windowEnd,
      window_end: body.windowEnd,
      created_by: ctx.principal?.kind === 'staff' ? ctx.principal.userId : null,
      created_at: ctx.now,
    });
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'child_visit',
      entityId: id,
      familyId,
      personId: body.childPersonId,
      dataOrgId: facts.org_id,
      basis: d.basis,
      consentId: d.consentId ?? null,
      detail: { kind: 'targeted' },
    });
    return readVisit(tx, id);
  });
}
