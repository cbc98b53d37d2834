import type { courseSession } from '@familiespor/contracts';
import { addDays, cohortFigures, copenhagenDate, missedTwoInARow } from '@familiespor/domain';
import type { z } from 'zod';
import { authorize } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { insertTaskOnce } from '../families/families.repo';
import * as repo from './cohorts.repo';
import './offers-access';
import './offers-timeline.sources';
import { cohortFacts } from './offers-timeline.repo';

type Session = z.infer<typeof courseSession>;
type Participant = NonNullable<Session['participants']>[number];

export function toSession(s: repo.SessionRow, participants?: Participant[]): Session {
  return {
    id: s.id,
    offer: { id: s.offer_id, name: s.offer_name },
    cohort: s.cohort_id ? { id: s.cohort_id, name: s.cohort_name ?? '' } : null,
    number: s.number,
    title: s.title,
    theme: s.theme,
    startsAt: s.starts_at.toISOString(),
    endsAt: s.ends_at.toISOString(),
    place: s.place,
    facilitator: s.facilitator_user_id ? { id: s.facilitator_user_id, name: s.facilitator_name ?? '' } : null,
    guestPresenters: s.guest_presenters,
    status: s.status,
    ...(participants ? { participants } : {}),
  };
}

async function participantsOf(tx: Tx, cohortId: string, sessionId: string | null): Promise<Participant[]> {
  return (await repo.cohortParticipants(tx, cohortId, sessionId)).map((r) => ({
    personId: r.person_id,
    familyId: r.family_id,
    name: `${r.given_name} ${r.family_name}`,
    role: r.role,
    present: r.present,
  }));
}

/**
 * Sessions: the facilitator's (with the parents to check in), the programme lead's for the
 * organisation, or — for a parent — the family's own ("Mine aftaler").
 */
export async function listSessions(
  deps: Deps,
  ctx: RequestContext,
  query: { cohortId?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<Session[]> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    const range = { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) };
    if (p?.kind === 'parent') {
      const familyId = p.familyIds[0];
      if (!familyId) return [];
      const family = await asSystem(tx, () => repo.familyDistrict(tx, familyId));
      await authorize(tx, ctx, 'read', {
        orgId: family?.org_id as string,
        category: 'course',
        familyId,
        entityType: 'course_session',
      });
      const rows = await asSystem(tx, () =>
        repo.listSessions(tx, {
          familyId,
          ...range,
          ...(query.cohortId ? { cohortId: query.cohortId } : {}),
        }),
      );
      return rows.map((s) => toSession(s));
    }
    if (p?.kind !== 'staff')
      throw new ForbiddenError({ attempted: 'read', entityType: 'course_session', reason: 'login required' });
    const lead = p.roles.includes('programme_lead');
    const rows = await repo.listSessions(tx, {
      orgId: p.orgId,
      ...(lead ? {} : { facilitatorId: p.userId }),
      ...(query.cohortId ? { cohortId: query.cohortId } : {}),
      ...range,
    });
    if (!lead && !p.roles.some((r) => r === 'health_visitor' || r === 'course_facilitator')) {
      throw new ForbiddenError({
        attempted: 'read',
        entityType: 'course_session',
        reason: 'facilitators and programme leads only',
      });
    }
    // The parents' names when one cohort is asked for: the facilitator checks them in.
    if (query.cohortId && rows.length > 0) {
      const people = await participantsOf(tx, query.cohortId, null);
      await writeAudit(tx, ctx, {
        action: 'read',
        entityType: 'enrollment',
        purpose: 'course_facilitation',
        detail: { cohortId: query.cohortId, familyIds: [...new Set(people.map((x) => x.familyId))] },
      });
      const recorded = new Map(
        (await repo.cohortAttendance(tx, query.cohortId)).map((a) => [
          `${a.session_id}/${a.person_id}`,
          a.present,
        ]),
      );
      return rows.map((s) =>
        toSession(
          s,
          people.map((x) => ({ ...x, present: recorded.get(`${s.id}/${x.personId}`) ?? null })),
        ),
      );
    }
    return rows.map((s) => toSession(s));
  });
}

/**
 * The facilitator checks in each parent on their own. When a family has missed two held
 * sessions in a row, its coordinator (else the district) gets a task to get in touch.
 */
export async function recordAttendance(
  deps: Deps,
  ctx: RequestContext,
  sessionId: string,
  attendance: { personId: string; present: boolean }[],
): Promise<Session> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    const session = await repo.findSession(tx, sessionId);
    if (!session?.cohort_id) throw new NotFoundError('The session');
    const cohortId = session.cohort_id;
    if (
      p?.kind !== 'staff' ||
      (session.facilitator_user_id !== p.userId &&
        !(p.roles.includes('programme_lead') && p.orgId === session.org_id))
    ) {
      throw new ForbiddenError({
        attempted: 'write',
        entityType: 'attendance',
        entityId: sessionId,
        reason: 'only the cohort’s facilitator or the programme lead',
      });
    }
    await authorize(tx, ctx, 'write', {
      orgId: session.org_id,
      category: 'course',
      entityType: 'attendance',
      entityId: sessionId,
    });
    if (session.status === 'cancelled') throw new ConflictError('The session was cancelled');
    if (session.starts_at.getTime() > ctx.now.getTime() + 12 * 3_600_000) {
      throw new InputError('Attendance is recorded on the day', [
        { path: 'sessionId', code: 'in_the_future', message: 'The session has not taken place yet' },
      ]);
    }
    const people = await participantsOf(tx, cohortId, null);
    const errors = attendance
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => !people.some((x) => x.personId === a.personId))
      .map(({ i }) => ({
        path: `attendance.${i}.personId`,
        code: 'not_a_participant',
        message: 'Not a parent in this cohort',
      }));
    if (errors.length > 0) throw new InputError('Some people are not in this cohort', errors);
    const enrollmentOf = new Map(
      (await repo.cohortParticipants(tx, cohortId, null)).map((r) => [r.person_id, r.enrollment_id]),
    );
    for (const a of attendance) {
      await repo.upsertAttendance(tx, {
        session_id: sessionId,
        person_id: a.personId,
        enrollment_id: enrollmentOf.get(a.personId) as string,
        org_id: session.org_id,
        present: a.present,
        recorded_by: p.userId,
        recorded_at: ctx.now,
      });
    }
    await repo.markSessionHeld(tx, sessionId);
    const tasks = await dropoutRiskTasks(tx, ctx, cohortId, session.org_id);
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'attendance',
      entityId: sessionId,
      detail: {
        present: attendance.filter((a) => a.present).length,
        absent: attendance.filter((a) => !a.present).length,
        dropoutTasks: tasks,
      },
    });
    return toSession(
      (await repo.findSession(tx, sessionId)) as repo.SessionRow,
      await participantsOf(tx, cohortId, sessionId),
    );
  });
}

async function dropoutRiskTasks(
  tx: Tx,
  ctx: RequestContext,
  cohortId: string,
  orgId: string,
): Promise<number> {
  const rows = await repo.heldAttendance(tx, cohortId);
  const byEnrollment = new Map<string, { familyId: string; came: boolean[]; last: string }>();
  for (const r of rows) {
    const entry = byEnrollment.get(r.enrollment_id) ?? {
      familyId: r.family_id,
      came: [],
      last: r.session_id,
    };
    // The key names the first session of the current run of absences: one task per run.
    if (!r.came && (entry.came.length === 0 || entry.came.at(-1))) entry.last = r.session_id;
    entry.came.push(Boolean(r.came));
    byEnrollment.set(r.enrollment_id, entry);
  }
  let created = 0;
  const today = copenhagenDate(ctx.now);
  for (const [enrollmentId, e] of byEnrollment) {
    if (!missedTwoInARow(e.came)) continue;
    const who = await asSystem(tx, () => repo.activeCoordinatorOf(tx, e.familyId));
    const district = await asSystem(tx, () => repo.familyDistrict(tx, e.familyId));
    if (!who && !district?.district_unit_id) continue;
    // Key per enrollment and last missed session: re-recording the same session adds nothing.
    const id = await asSystem(tx, () =>
      insertTaskOnce(tx, {
        org_id: district?.org_id ?? orgId,
        family_id: e.familyId,
        assignee_user_id: who?.staff_user_id ?? null,
        assignee_unit_id: who ? null : (district?.district_unit_id ?? null),
        kind: 'course_dropout_risk',
        key: `course_dropout_risk:${enrollmentId}:${e.last}`,
        window_start: today,
        due: addDays(today, 3),
        window_end: addDays(today, 14),
        reason: 'Familien er ikke kommet til de to seneste gange på forløbet: tag kontakt',
        rule: 'missed_two_sessions',
        created_at: ctx.now,
      }),
    );
    if (id) created++;
  }
  return created;
}

/**
 * Per-cohort figures for the facilitator and the programme lead: sessions per parent, mothers
 * and fathers/co-parents apart, and the partners' participation (counts only, no names).
 */
export async function getCohortFigures(deps: Deps, ctx: RequestContext, cohortId: string) {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    const facts = await cohortFacts(tx, cohortId);
    if (!facts) throw new NotFoundError('The cohort');
    if (
      p?.kind !== 'staff' ||
      (facts.cohort.facilitator_user_id !== p.userId &&
        !(p.roles.includes('programme_lead') && p.orgId === facts.cohort.org_id))
    ) {
      throw new ForbiddenError({
        attempted: 'read',
        entityType: 'cohort',
        entityId: cohortId,
        reason: 'only the cohort’s facilitator or the programme lead',
      });
    }
    const families = new Set(facts.parents.map((x) => x.family_id));
    const withPartner = new Set(
      facts.parents.filter((x) => x.role === 'father' || x.role === 'co_parent').map((x) => x.family_id),
    );
    return {
      cohortId,
      name: facts.cohort.name,
      ...cohortFigures(
        facts.held,
        facts.parents.map((x) => ({ role: x.role, attended: Number(x.attended ?? 0) })),
        withPartner.size,
        families.size,
      ),
    };
  });
}
