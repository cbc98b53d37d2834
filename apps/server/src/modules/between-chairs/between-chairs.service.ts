import type { BetweenChairsPage } from '@familiespor/contracts';
import { addDays, copenhagenDate, maskCpr, summariseNeeds } from '@familiespor/domain';
import { addWorkingDays } from '@familiespor/domain/working-days';
import { requireOwnOrgRole, requireStaff } from '../../access/admin-policy';
import { authorize } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem } from '../../db/scope';
import { type Deps, runUseCase } from '../../use-case';
import { familySummaries } from '../families/families.repo';
import * as repo from './between-chairs.repo';
import './open-need.sources';

/** Act within three working days; the task stays open two weeks. */
const taskDueWorkingDays = 3;
const taskOpenDays = 14;

/**
 * "Mellem to stole": the programme lead's families of the own organisation with an open need
 * and no active coordinator (or a need that counts even with one). Computing the list makes sure
 * each has a task for the organisation, keyed per family, so computing it again creates nothing.
 */
export async function listFamiliesBetweenChairs(
  deps: Deps,
  ctx: RequestContext,
  page: { limit: number; offset: number },
): Promise<BetweenChairsPage> {
  return runUseCase(deps, ctx, async (tx) => {
    const attempt = { attempted: 'read' as const, entityType: 'between_chairs' };
    const p = requireOwnOrgRole(ctx, requireStaff(ctx, attempt).orgId, ['programme_lead'], attempt);
    // The needs name screenings and course dropouts: the lead must see those of the own organisation.
    for (const category of ['identity', 'screening', 'course'] as const)
      await authorize(tx, ctx, 'read', { orgId: p.orgId, category, entityType: 'between_chairs' });

    const today = copenhagenDate(ctx.now);
    const q = { orgId: p.orgId, today, now: ctx.now };
    const end = addDays(today, taskOpenDays);
    const due = addWorkingDays(today, taskDueWorkingDays);
    const tasksCreated = await repo.ensureBetweenChairsTasks(tx, q, {
      assigneeUserId: p.userId,
      window: { start: today, due: due > end ? end : due, end },
      reason: 'Familien har et åbent behov og ingen tovholder: find en tovholder',
    });
    const { total, rows } = await repo.betweenChairsPage(tx, q, page);
    const ids = rows.map((r) => r.family_id);
    // Names of the families the list has found in the organisation (read after the decision above).
    const families = new Map(
      (await asSystem(tx, () => familySummaries(tx, ids, p.orgId, ctx.now))).map((f) => [f.id, f]),
    );
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'family',
      purpose: 'coordination',
      detail: { list: 'between_chairs', familyIds: ids, tasksCreated },
    });
    return {
      total,
      tasksCreated,
      items: rows.map((r) => {
        const f = families.get(r.family_id);
        const members = f?.members ?? [];
        const { needs, since } = summariseNeeds(r.needs);
        return {
          family: {
            id: r.family_id,
            district: f?.district_unit_id ? { id: f.district_unit_id, name: f.district_name ?? '' } : null,
            parents: members
              .filter((m) => m.role !== 'child')
              .map((m) => ({
                personId: m.personId,
                role: m.role,
                name: `${m.givenName} ${m.familyName}`,
                cprMasked: m.cpr ? maskCpr(m.cpr) : null,
              })),
            children: members
              .filter((m) => m.role === 'child')
              .map((m) => ({
                personId: m.personId,
                name: `${m.givenName} ${m.familyName}`,
                birthDate: m.birthDate,
              })),
          },
          needs,
          since: since ?? r.since,
          coordinatorMissing: r.coordinator_missing,
          task:
            r.task_id && r.task_state && r.task_due
              ? { id: r.task_id, state: r.task_state, due: r.task_due, assignee: r.task_assignee }
              : null,
        };
      }),
    };
  });
}
