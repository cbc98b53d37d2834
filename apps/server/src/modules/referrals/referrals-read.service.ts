import type { ListReferralsQuery, Referral, ReferralCoverage, ReferralList } from '@familiespor/contracts';
import { type Category, consentableCategories, copenhagenDate } from '@familiespor/domain';
import { requireStaff } from '../../access/admin-policy';
import { authorize, type Decision, decide } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem } from '../../db/scope';
import { ForbiddenError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { findConsentInForce } from '../families/family-access.repo';
import { familyFacts } from '../families/family-detail';
import './referral-access';
import './referrals-timeline.sources';
import { familyNames, isReceiver, isSender, toReferral, toSummary } from './referral.view';
import * as repo from './referrals.repo';

const listLimit = 200;

/**
 * "Sendt": the user's own referrals (a programme lead: the organisation's), with status and
 * deadline — the sender always sees where her referral stands. "Modtaget": the inbox of the
 * user's units and of the organisation, overdue first. Each received referral is decided as the
 * sender's record (the referral's legal basis); one the reader may no longer see is left out.
 */
export async function listReferrals(
  deps: Deps,
  ctx: RequestContext,
  query: ListReferralsQuery,
): Promise<ReferralList> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'referral' });
    const today = copenhagenDate(ctx.now);
    const lead = p.roles.includes('programme_lead');
    const open = query.status === 'open';
    let rows: repo.ReferralRow[];
    if (query.box === 'sent') {
      rows = await repo.listSent(tx, {
        orgId: p.orgId,
        userId: lead ? null : p.userId,
        open,
        limit: listLimit,
      });
    } else {
      // The inbox may hold other organisations' referrals: read under asSystem, then decided per sender.
      const candidates = await asSystem(tx, () =>
        repo.listReceived(tx, {
          orgId: p.orgId,
          unitIds: lead ? null : p.unitIds,
          today,
          open,
          limit: listLimit,
        }),
      );
      const verdicts = new Map<string, Decision>();
      rows = [];
      for (const r of candidates) {
        const key = `${r.org_id}:${r.family_id}`;
        let d = verdicts.get(key);
        if (!d) {
          d = await decide(tx, ctx, 'read', { orgId: r.org_id, category: 'referral', familyId: r.family_id });
          verdicts.set(key, d);
        }
        if (d.allowed) rows.push(r);
      }
    }
    const names = await familyNames(tx, ctx, rows);
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'referral',
      purpose: query.box === 'sent' ? 'referrals_sent' : 'referrals_received',
      detail: {
        list: query.box,
        referralIds: rows.map((r) => r.id),
        familyIds: [...new Set(rows.map((r) => r.family_id))],
      },
    });
    return { box: query.box, items: rows.map((r) => toSummary(r, names, today)) };
  });
}

/** One referral with its attachments and history: for its sender and its receiving side. */
export async function getReferral(deps: Deps, ctx: RequestContext, referralId: string): Promise<Referral> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'referral', entityId: referralId });
    const owner = await asSystem(tx, () => repo.findReferralOwner(tx, referralId));
    if (!owner) throw new NotFoundError('The referral');
    const sender = isSender(p, owner);
    if (!sender && !isReceiver(p, owner)) {
      throw new ForbiddenError({
        attempted: 'read',
        entityType: 'referral',
        entityId: referralId,
        familyId: owner.family_id,
        dataOrgId: owner.org_id,
        reason: 'neither the sender nor the receiver of the referral',
      });
    }
    // The sender wrote it and follows it whatever has happened since (her tie to the family may
    // have ended with the pregnancy); the receiving side reads it on the referral's legal basis.
    const d: Extract<Decision, { allowed: true }> = sender
      ? { allowed: true, basis: 'own_org' }
      : await authorize(tx, ctx, 'read', {
          orgId: owner.org_id,
          category: 'referral',
          familyId: owner.family_id,
          entityType: 'referral',
          entityId: referralId,
        });
    const r = await repo.findReferral(tx, referralId);
    if (!r) throw new NotFoundError('The referral');
    const result = await toReferral(tx, p, r, await familyNames(tx, ctx, [r]), copenhagenDate(ctx.now));
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'referral',
      entityId: referralId,
      familyId: owner.family_id,
      dataOrgId: owner.org_id,
      basis: d.basis,
      consentId: d.consentId ?? null,
    });
    return result;
  });
}

/**
 * For the "Henvis" form: which categories of the family's records the sender's organisation may
 * attach for a receiver, because a consent in force covers them (or the receiver is the same
 * organisation). Needs the same tie to the family as writing the referral.
 */
export async function getReferralCoverage(
  deps: Deps,
  ctx: RequestContext,
  familyId: string,
  toOrganisationId: string,
): Promise<ReferralCoverage> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'consent', entityId: null });
    const family = await familyFacts(tx, familyId);
    const d = await authorize(tx, ctx, 'write', {
      orgId: p.orgId,
      category: 'referral',
      familyId: family.id,
      entityType: 'referral',
    });
    if (!(await repo.findOrganisation(tx, toOrganisationId))) throw new NotFoundError('The organisation');
    const categories: ReferralCoverage['categories'] = [];
    for (const category of consentableCategories) {
      if (toOrganisationId === p.orgId) {
        categories.push({ category, coveredBy: 'own_org', consentId: null, validTo: null });
        continue;
      }
      const c = await findConsentInForce(tx, {
        familyId,
        fromOrgId: p.orgId,
        toOrgId: toOrganisationId,
        category: category satisfies Category,
        now: ctx.now,
      });
      categories.push({
        category,
        coveredBy: c ? 'consent' : null,
        consentId: c?.id ?? null,
        validTo: c?.valid_to?.toISOString() ?? null,
      });
    }
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'consent',
      familyId,
      dataOrgId: family.org_id,
      purpose: 'referral_coverage',
      basis: d.basis,
      detail: {
        toOrgId: toOrganisationId,
        consentIds: categories.flatMap((c) => (c.consentId ? [c.consentId] : [])),
      },
    });
    return { familyId, toOrganisationId, categories };
  });
}
