import type { familyTimeline, myTimeline, teamMember } from '@familiespor/contracts';
import { copenhagenDate, familyStage } from '@familiespor/domain';
import type { z } from 'zod';
import { decide } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { asSystem, type Tx } from '../../db/scope';
import { ForbiddenError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { readTimeline } from '../timeline/timeline.service';
import * as repo from './families.repo';
import { familyFacts } from './family-detail';
import './family-timeline.sources';

type Range = { from?: string | undefined; to?: string | undefined };

/** The stage, using the active pregnancy only when the caller may read it. */
async function stageFor(tx: Tx, ctx: RequestContext, familyId: string) {
  const facts = await familyFacts(tx, familyId);
  const readable: string[] = [];
  for (const orgId of facts.pregnancyOrgIds) {
    if ((await decide(tx, ctx, 'read', { orgId, category: 'pregnancy', familyId })).allowed)
      readable.push(orgId);
  }
  const pregnancies = await repo.findPregnancies(tx, familyId, readable);
  const members = await repo.findMembers(tx, familyId);
  return familyStage(
    {
      activeDueDate: pregnancies.find((p) => p.status === 'active')?.due_date ?? null,
      childBirthDates: members
        .filter((m) => m.role === 'child' && m.birth_date)
        .map((m) => m.birth_date as string),
    },
    copenhagenDate(ctx.now),
  );
}

export async function getFamilyTimeline(
  deps: Deps,
  ctx: RequestContext,
  familyId: string,
  range: Range,
): Promise<z.infer<typeof familyTimeline>> {
  return runUseCase(deps, ctx, async (tx) => {
    const entries = await readTimeline(
      tx,
      ctx,
      familyId,
      { from: range.from ?? null, to: range.to ?? null },
      'care',
    );
    return { familyId, stage: await stageFor(tx, ctx, familyId), entries };
  });
}

const serviceRole: Record<string, z.infer<typeof teamMember>['role']> = {
  health_visiting: 'health_visiting',
  midwifery: 'midwifery',
  birthplace: 'midwifery',
  family_counselling: 'family_counselling',
  social_services: 'social_services',
  daycare: 'daycare',
};

/**
 * The parent's own red thread: the timeline, "Dit team" with the coordinator first and how to
 * reach each of them, and the children, for the portal.
 */
export async function getMyFamilyTimeline(
  deps: Deps,
  ctx: RequestContext,
  familyIdParam: string | undefined,
  range: Range,
): Promise<z.infer<typeof myTimeline>> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    if (p?.kind !== 'parent') {
      throw new ForbiddenError({ attempted: 'read', entityType: 'family_timeline', reason: 'parents only' });
    }
    const familyId = familyIdParam ?? p.familyIds[0];
    if (!familyId) throw new NotFoundError('Your family');
    const entries = await readTimeline(
      tx,
      ctx,
      familyId,
      { from: range.from ?? null, to: range.to ?? null },
      'own_family',
    );
    const stage = await stageFor(tx, ctx, familyId);
    const [history, involvements, members] = await asSystem(
      tx,
      async () =>
        [
          await repo.findCoordinatorHistory(tx, familyId),
          await repo.findActiveInvolvements(tx, familyId),
          await repo.findMembers(tx, familyId),
        ] as const,
    );
    const coordinator = history.find((c) => c.ended_at === null);
    const team: z.infer<typeof teamMember>[] = [];
    if (coordinator) {
      team.push({
        role: 'coordinator',
        name: coordinator.staff_name,
        title: coordinator.staff_title,
        organisation: { id: coordinator.coordinator_org_id, name: coordinator.org_name },
        unit: null,
        phone: coordinator.staff_phone,
        email: coordinator.staff_email,
      });
    }
    for (const i of involvements) {
      team.push({
        role:
          (i.unit_service && serviceRole[i.unit_service]) ||
          (i.kind === 'pregnancy_care' ? 'midwifery' : 'other'),
        name: i.staff_name,
        title: i.staff_title,
        organisation: { id: i.org_id, name: i.org_name },
        unit: i.unit_id ? { id: i.unit_id, name: i.unit_name ?? '' } : null,
        phone: i.unit_phone,
        email: i.unit_email,
      });
    }
    // The district's health visitors are the family's from the start — they plan the pregnancy
    // visit — before the birth gives them their statutory involvement.
    const district = await asSystem(tx, () => repo.findDistrictContact(tx, familyId));
    if (district && !team.some((t) => t.unit?.id === district.unit_id)) {
      team.push({
        role: 'health_visiting',
        name: null,
        title: null,
        organisation: { id: district.org_id, name: district.org_name },
        unit: { id: district.unit_id, name: district.unit_name },
        phone: district.phone,
        email: district.email,
      });
    }
    return {
      familyId,
      stage,
      entries,
      team,
      children: members
        .filter((m) => m.role === 'child')
        .map((m) => ({ givenName: m.given_name, birthDate: m.birth_date })),
      parents: members
        .filter((m) => m.role !== 'child')
        .map((m) => ({ personId: m.person_id, name: `${m.given_name} ${m.family_name}`, role: m.role })),
    };
  });
}
