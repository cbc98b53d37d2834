import type { FamilyDetail, FamilySummary } from '@familiespor/contracts';
import { copenhagenDate, familyStage, formatCpr, maskCpr, parseCpr } from '@familiespor/domain';
import { requireStaff } from '../../access/admin-policy';
import { authorize, decide } from '../../access/policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { ForbiddenError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import * as repo from './families.repo';
import { readFamilyDetail } from './family-detail';

export async function getFamily(deps: Deps, ctx: RequestContext, familyId: string): Promise<FamilyDetail> {
  return runUseCase(deps, ctx, (tx) => readFamilyDetail(tx, ctx, familyId, 'care'));
}

type SummaryRow = Awaited<ReturnType<typeof repo.familySummaries>>[number];

function toSummary(r: SummaryRow, today: string): FamilySummary {
  const members = r.members ?? [];
  const parents = members.filter((m) => m.role !== 'child');
  const children = members.filter((m) => m.role === 'child');
  return {
    id: r.id,
    organisation: { id: r.org_id, name: r.org_name },
    district: r.district_unit_id ? { id: r.district_unit_id, name: r.district_name ?? '' } : null,
    parents: parents.map((m) => ({
      personId: m.personId,
      role: m.role,
      name: `${m.givenName} ${m.familyName}`,
      cprMasked: m.cpr ? maskCpr(m.cpr) : null,
    })),
    children: children.map((m) => ({
      personId: m.personId,
      name: `${m.givenName} ${m.familyName}`,
      birthDate: m.birthDate,
    })),
    stage: familyStage(
      {
        activeDueDate: r.due_date ?? null,
        childBirthDates: children.map((c) => c.birthDate).filter((d): d is string => Boolean(d)),
      },
      today,
    ),
    coordinator: r.coordinator_id ? { id: r.coordinator_id, name: r.coordinator_name ?? '' } : null,
    coordinatorSince: r.coordinator_since ? new Date(r.coordinator_since).toISOString() : null,
  };
}

async function summaries(tx: Tx, ctx: RequestContext, p: StaffPrincipal, ids: string[]) {
  const rows = await asSystem(tx, () => repo.familySummaries(tx, ids, p.orgId, ctx.now));
  const order = new Map(ids.map((id, i) => [id, i]));
  const today = copenhagenDate(ctx.now);
  return rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)).map((r) => toSummary(r, today));
}

/** "Mine familier": the families the user is coordinator for. */
export async function listMyFamilies(deps: Deps, ctx: RequestContext): Promise<FamilySummary[]> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'family' });
    const caseload = await asSystem(tx, () => repo.caseloadFamilyIds(tx, p.userId));
    // Being the coordinator is the relationship; what remains is whether the role may see
    // identity in each owning organisation — one decision per organisation.
    const allowedOrgs = new Set<string>();
    for (const orgId of new Set(caseload.map((c) => c.org_id))) {
      const sample = caseload.find((c) => c.org_id === orgId)?.family_id as string;
      if ((await decide(tx, ctx, 'read', { orgId, category: 'identity', familyId: sample })).allowed)
        allowedOrgs.add(orgId);
    }
    const ids = caseload.filter((c) => allowedOrgs.has(c.org_id)).map((c) => c.family_id);
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'family',
      purpose: 'caseload',
      detail: { list: 'caseload', familyIds: ids },
    });
    return summaries(tx, ctx, p, ids);
  });
}

/** Families of the user's organisation that someone works with but nobody coordinates. */
export async function listFamiliesWithoutCoordinator(
  deps: Deps,
  ctx: RequestContext,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: FamilySummary[] }> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'family' });
    // The same question as for one family: may this user read identity in the own organisation?
    await authorize(tx, ctx, 'read', { orgId: p.orgId, category: 'identity', entityType: 'family' });
    const onlyUnits = p.roles.includes('programme_lead') ? null : p.unitIds;
    const { total, ids } = await repo.familiesWithoutCoordinator(tx, p.orgId, onlyUnits, page);
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'family',
      purpose: 'coordination',
      detail: { list: 'without_coordinator', familyIds: ids },
    });
    return { total, items: await summaries(tx, ctx, p, ids) };
  });
}

/**
 * Search by CPR, name or the child's birth date. Only families the user may see are
 * returned; the search is audited without its terms (a CPR number is personal data).
 */
export async function searchFamilies(
  deps: Deps,
  ctx: RequestContext,
  q: { cpr?: string | undefined; name?: string | undefined; childBirthDate?: string | undefined },
): Promise<FamilySummary[]> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'family_search' });
    const cpr = q.cpr ? (parseCpr(q.cpr) as { ok: true; cpr: { digits: string } }).cpr.digits : undefined;
    const candidates = await asSystem(tx, () =>
      repo.searchFamilyCandidates(
        tx,
        { cpr, name: q.name, childBirthDate: q.childBirthDate },
        { orgId: p.orgId, userId: p.userId, now: ctx.now },
        500,
      ),
    );
    const allowed: string[] = [];
    for (const c of candidates) {
      if ((await decide(tx, ctx, 'read', { orgId: c.org_id, category: 'identity', familyId: c.id })).allowed)
        allowed.push(c.id);
      if (allowed.length >= 50) break;
    }
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'family_search',
      purpose: 'search',
      detail: {
        by: [cpr ? 'cpr' : null, q.name ? 'name' : null, q.childBirthDate ? 'child_birth_date' : null].filter(
          Boolean,
        ),
        familyIds: allowed,
      },
    });
    return summaries(tx, ctx, p, allowed);
  });
}

/** Shows a whole CPR number; each reveal is audited with the person it concerns. */
export async function revealCpr(
  deps: Deps,
  ctx: RequestContext,
  personId: string,
): Promise<{ personId: string; cpr: string }> {
  return runUseCase(deps, ctx, async (tx) => {
    const memberships = await asSystem(tx, () => repo.findPersonFamilyOrg(tx, personId));
    const first = memberships[0];
    // An unknown person is refused like an inaccessible one: the answer must not tell them apart.
    if (!first) {
      throw new ForbiddenError({
        attempted: 'read',
        entityType: 'person_cpr',
        entityId: personId,
        reason: 'no such person in any family',
      });
    }
    let decision: Awaited<ReturnType<typeof decide>> = {
      allowed: false,
      reason: 'no family the user may see',
    };
    let via = first;
    for (const m of memberships) {
      decision = await decide(tx, ctx, 'read', {
        orgId: m.org_id,
        category: 'identity',
        familyId: m.family_id,
      });
      via = m;
      if (decision.allowed) break;
    }
    if (!decision.allowed) {
      await authorize(tx, ctx, 'read', {
        orgId: via.org_id,
        category: 'identity',
        familyId: via.family_id,
        entityType: 'person_cpr',
        entityId: personId,
      });
    }
    if (!first.cpr) throw new NotFoundError('A CPR number for this person');
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'person_cpr',
      entityId: personId,
      personId,
      familyId: via.family_id,
      dataOrgId: via.org_id,
      basis: decision.allowed ? decision.basis : null,
      purpose: 'cpr_reveal',
    });
    return { personId, cpr: formatCpr(first.cpr as string) };
  });
}
