import type { AccessLogEntry, AccessLogPage } from '@familiespor/contracts';
import type { Category, StaffRole } from '@familiespor/domain';
import { decide } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem } from '../../db/scope';
import { ForbiddenError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { familyFacts } from '../families/family-detail';
import { findFamilyAccessRows } from './access-log.repo';

type Query = { familyId?: string | undefined; cursor?: string | undefined; limit: number };
type LoggedAction = AccessLogEntry['action'];

/**
 * getMyAccessLog — "Hvem har set mine data": who among the professionals read or changed the
 * family's data, when, and on what basis, newest first. Repeated reads in a short span are one
 * row with how many times (access-log.repo.ts); changes and emergency access are always rows of
 * their own. The parents' own actions and the platform's are left out, and so is anything about
 * a concern report. Reading the log is itself recorded (basis `self`).
 */
export async function getMyAccessLog(deps: Deps, ctx: RequestContext, q: Query): Promise<AccessLogPage> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    if (p?.kind !== 'parent')
      throw new ForbiddenError({ attempted: 'read', entityType: 'access_log', reason: 'parents only' });
    const familyId = q.familyId ?? p.familyIds[0];
    if (!familyId) throw new NotFoundError('Your family');
    const facts = await familyFacts(tx, familyId);
    const d = await decide(tx, ctx, 'read', { orgId: facts.org_id, category: 'identity', familyId });
    if (!d.allowed)
      throw new ForbiddenError({
        attempted: 'read',
        entityType: 'access_log',
        familyId,
        dataOrgId: facts.org_id,
        reason: d.reason,
      });
    // After the decision: the family's events are kept by many organisations' chains.
    const rows = await asSystem(tx, () =>
      findFamilyAccessRows(tx, { familyId, beforeId: q.cursor ?? null, limit: q.limit + 1 }),
    );
    const page = rows.slice(0, q.limit);
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'access_log',
      familyId,
      dataOrgId: facts.org_id,
      basis: d.basis,
      detail: {
        entries: page.length,
        events: page.reduce((n, r) => n + r.count, 0),
        cursor: q.cursor ?? null,
      },
    });
    return {
      familyId,
      nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
      entries: page.map((r) => ({
        id: r.id,
        occurredAt: r.last_at.toISOString(),
        firstOccurredAt: r.first_at.toISOString(),
        count: r.count,
        actor: {
          name: r.actor_name,
          roles: r.roles as StaffRole[],
          organisation: r.org_id ? { id: r.org_id, name: r.org_name ?? '' } : null,
        },
        action: r.action as LoggedAction,
        entityType: r.entity_type,
        categories: r.categories as Category[],
        dataOrganisation: r.data_org_id ? { id: r.data_org_id, name: r.data_org_name ?? '' } : null,
        basis: r.basis,
        purposes: r.purposes,
        consentId: r.consent_id,
        breakGlassReason: r.break_glass_reason,
      })),
    };
  });
}
