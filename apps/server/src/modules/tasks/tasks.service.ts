import type {
  AssignTaskBody,
  CompleteTaskBody,
  ListMyTasksQuery,
  Task,
  VisitTimeliness,
  VisitTimelinessQuery,
  Worklist,
} from '@familiespor/contracts';
import { addDays, copenhagenDate, followUpOfKey, isAlertTask, maskCpr } from '@familiespor/domain';
import { requireOwnOrgRole, requireStaff } from '../../access/admin-policy';
import { decide } from '../../access/policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { loadProgramme } from '../visits/visit-plan';
import './task-relationship';
import './tasks-timeline.sources';
import * as repo from './tasks.repo';

type TaskRow = Awaited<ReturnType<typeof repo.worklistTasks>>[number];

function toTask(r: TaskRow): Task {
  return {
    id: r.id,
    kind: r.kind,
    alert: isAlertTask(r.kind),
    state: r.state,
    reason: r.reason,
    window: { start: r.window_start, due: r.due, end: r.window_end },
    assignee: r.assignee_user_id
      ? { user: { id: r.assignee_user_id, name: r.user_name ?? '' } }
      : { unit: { id: r.assignee_unit_id as string, name: r.unit_name ?? '' } },
    family: r.family_id
      ? {
          id: r.family_id,
          names: r.parent_names ?? [],
          cprMasked: r.parent_cpr ? maskCpr(r.parent_cpr) : null,
        }
      : null,
    createdAt: r.created_at.toISOString(),
  };
}

const holderOf = (p: StaffPrincipal): repo.Holder => ({ userId: p.userId, unitIds: p.unitIds });

/**
 * "I dag": the open tasks assigned to the user or to one of their units — alerts first, then by
 * due date — with counts per group. Holding the task is the relationship; whether the role may
 * see the family's identity is decided once per organisation the tasks belong to (a coordinator
 * in a partner organisation holds the municipality's tasks), and tasks of an organisation it
 * refuses are left out of both the list and the counts.
 */
export async function listMyTasks(
  deps: Deps,
  ctx: RequestContext,
  query: ListMyTasksQuery,
): Promise<Worklist> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'task' });
    const today = copenhagenDate(ctx.now);
    const perOrg = await asSystem(tx, () => repo.worklistCounts(tx, holderOf(p), today));
    const allowed: typeof perOrg = [];
    for (const o of perOrg) {
      const d = o.sample_family_id
        ? await decide(tx, ctx, 'read', {
            orgId: o.org_id,
            category: 'identity',
            familyId: o.sample_family_id,
          })
        : { allowed: true as const };
      if (d.allowed) allowed.push(o);
    }
    const rows = await asSystem(tx, () =>
      repo.worklistTasks(tx, holderOf(p), {
        today,
        group: query.due,
        orgIds: allowed.map((o) => o.org_id),
        limit: query.limit,
      }),
    );
    const sum = (k: 'alerts' | 'overdue' | 'today' | 'upcoming' | 'total') =>
      allowed.reduce((n, o) => n + Number(o[k]), 0);
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'task',
      purpose: 'worklist',
      detail: {
        list: 'worklist',
        due: query.due,
        familyIds: [...new Set(rows.map((r) => r.family_id).filter((id): id is string => id !== null))],
      },
    });
    return {
      counts: {
        alerts: sum('alerts'),
        overdue: sum('overdue'),
        today: sum('today'),
        upcoming: sum('upcoming'),
        total: sum('total'),
      },
      items: rows.map(toTask),
    };
  });
}

type TaskOwner = NonNullable<Awaited<ReturnType<typeof repo.findTask>>>;

/**
 * Who may act on a task: whoever holds it (the user, or a member of the unit), and the
 * programme lead of the organisation it belongs to, who oversees the whole worklist.
 */
async function taskForAction(
  tx: Tx,
  ctx: RequestContext,
  taskId: string,
  attempted: 'update',
): Promise<{ p: StaffPrincipal; task: TaskOwner }> {
  const p = requireStaff(ctx, { attempted, entityType: 'task', entityId: taskId });
  // The task may belong to another organisation than the holder's (a partner's coordinator).
  const task = await asSystem(tx, () => repo.findTask(tx, taskId));
  if (!task) throw new NotFoundError('The task');
  const holds =
    task.assignee_user_id === p.userId ||
    (task.assignee_unit_id !== null && p.unitIds.includes(task.assignee_unit_id)) ||
    (p.orgId === task.org_id && p.roles.includes('programme_lead'));
  if (!holds) {
    throw new ForbiddenError({
      attempted,
      entityType: 'task',
      entityId: taskId,
      familyId: task.family_id,
      dataOrgId: task.org_id,
      reason: 'not the assignee, in the assignee unit or the programme lead',
    });
  }
  if (task.state !== 'ready') {
    throw new ConflictError('The task is closed already', [
      { path: 'taskId', code: 'task_closed', message: `The task is ${task.state}` },
    ]);
  }
  return { p, task };
}

const clock = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The item-10 alert is one call made by one person, but it is written once for the coordinator
 * and once for the district unit: closing one copy closes the others the same way, each with a
 * note saying who handled it and when, so nobody calls the family twice. They are the same
 * family's tasks of the same organisation, so this is a consequence of the authorised close.
 */
async function closeOtherCopies(
  tx: Tx,
  ctx: RequestContext,
  p: StaffPrincipal,
  task: TaskOwner,
  body: CompleteTaskBody,
): Promise<string[]> {
  const followUp = followUpOfKey(task.key);
  if (!followUp) return [];
  return asSystem(tx, async () => {
    const copies = await repo.findOpenCopies(tx, task, followUp);
    if (copies.length === 0) return [];
    const name = (await repo.findStaffName(tx, p.userId)) ?? 'en kollega';
    const when = `${copenhagenDate(ctx.now)} kl. ${clock.format(ctx.now)}`;
    const what = body.outcome === 'completed' ? 'Klaret' : 'Annulleret';
    const note = `${what} af ${name} ${when} på en anden kopi af samme opgave${body.reason ? `: ${body.reason}` : ''}`;
    const closed: string[] = [];
    for (const c of copies) {
      if (await repo.closeTask(tx, c, { state: body.outcome, at: ctx.now, byUser: p.userId, note })) {
        closed.push(c.id);
      }
    }
    return closed;
  });
}

/**
 * Completes a task, or cancels it with the reason; the change goes into the task's history, and
 * the other copies of the same follow-up are closed with it.
 */
export async function completeTask(
  deps: Deps,
  ctx: RequestContext,
  taskId: string,
  body: CompleteTaskBody,
): Promise<{ id: string; state: 'completed' | 'cancelled' }> {
  return runUseCase(deps, ctx, async (tx) => {
    const { p, task } = await taskForAction(tx, ctx, taskId, 'update');
    const closed = await asSystem(tx, () =>
      repo.closeTask(tx, task, {
        state: body.outcome,
        at: ctx.now,
        byUser: p.userId,
        note: body.reason ?? null,
      }),
    );
    // Someone else closed it between the read and the write.
    if (!closed) throw new ConflictError('The task is closed already');
    const copies = await closeOtherCopies(tx, ctx, p, task, body);
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'task',
      entityId: task.id,
      familyId: task.family_id,
      dataOrgId: task.org_id,
      basis: p.orgId === task.org_id ? 'own_org' : null,
      detail: {
        kind: task.kind,
        state: body.outcome,
        ...(copies.length > 0 ? { copiesClosed: copies } : {}),
      },
    });
    return { id: task.id, state: body.outcome };
  });
}

/** Hands an open task to a colleague or a unit of the same organisation. */
export async function assignTask(
  deps: Deps,
  ctx: RequestContext,
  taskId: string,
  body: AssignTaskBody,
): Promise<{ id: string; assignee: { userId: string } | { unitId: string } }> {
  return runUseCase(deps, ctx, async (tx) => {
    const { p, task } = await taskForAction(tx, ctx, taskId, 'update');
    const to =
      'userId' in body
        ? await asSystem(tx, () => repo.findActiveStaffOfOrg(tx, task.org_id, body.userId))
        : await asSystem(tx, () => repo.findActiveUnitOfOrg(tx, task.org_id, body.unitId));
    if (!to) {
      const path = 'userId' in body ? 'userId' : 'unitId';
      throw new InputError('Tasks go to people and units of the organisation that owns them', [
        { path, code: 'invalid_reference', message: 'Not an active user or unit of the task’s organisation' },
      ]);
    }
    await asSystem(tx, () =>
      repo.reassignTask(
        tx,
        task,
        { userId: 'userId' in body ? body.userId : null, unitId: 'unitId' in body ? body.unitId : null },
        { at: ctx.now, byUser: p.userId, note: body.note || `Tildelt ${to.name}` },
      ),
    );
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'task',
      entityId: task.id,
      familyId: task.family_id,
      dataOrgId: task.org_id,
      basis: p.orgId === task.org_id ? 'own_org' : null,
      detail: {
        kind: task.kind,
        assignee: 'userId' in body ? { userId: body.userId } : { unitId: body.unitId },
      },
    });
    return { id: task.id, assignee: 'userId' in body ? { userId: body.userId } : { unitId: body.unitId } };
  });
}

/**
 * The programme lead's timeliness: per visit type, the share of visits done by the end of their
 * window, over a period (default: the last twelve months). Counts only, no family is named.
 */
export async function getVisitTimeliness(
  deps: Deps,
  ctx: RequestContext,
  query: VisitTimelinessQuery,
): Promise<VisitTimeliness> {
  return runUseCase(deps, ctx, async (tx) => {
    const staff = requireStaff(ctx, { attempted: 'read', entityType: 'visit_timeliness' });
    const p = requireOwnOrgRole(ctx, staff.orgId, ['programme_lead'], {
      attempted: 'read',
      entityType: 'visit_timeliness',
    });
    const yesterday = addDays(copenhagenDate(ctx.now), -1);
    const to = query.to && query.to < yesterday ? query.to : yesterday;
    const from = query.from ?? addDays(to, -365);
    const rows = from <= to ? await repo.visitTimeliness(tx, p.orgId, from, to) : [];
    // The programme's own order (week 1, month 1, 2 months …); other keys (targeted) after it.
    const order = (await loadProgramme(tx, p.orgId)).visitTypes.map((t) => t.key);
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    rows.sort((a, b) => rank(a.visit_key) - rank(b.visit_key) || a.visit_key.localeCompare(b.visit_key));
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'visit_timeliness',
      purpose: 'programme_oversight',
      detail: { from, to },
    });
    return {
      orgId: p.orgId,
      period: { from, to },
      visitTypes: rows.map((r) => ({
        key: r.visit_key,
        name: r.name,
        due: r.total,
        doneInWindow: r.done_in_window,
        doneLate: r.done_late,
        notDone: r.total - r.done_in_window - r.done_late,
        cancelled: r.cancelled,
        shareInWindow: r.total > 0 ? r.done_in_window / r.total : null,
      })),
    };
  });
}
