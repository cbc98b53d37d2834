import type { ListReferralIntakesQuery, ReferralIntake, ReferralIntakeList } from '@familiespor/contracts';
import { copenhagenDate } from '@familiespor/domain';
import { requireStaff } from '../../access/admin-policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem } from '../../db/scope';
import { ForbiddenError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import * as repo from './referral-intake.repo';
import {
  isIntakeReceiver,
  isSender,
  receivesIntakes,
  toIntake,
  toIntakeSummary,
} from './referral-intake.view';

/**
 * "Sendt": the user's own intakes (a programme lead: the organisation's) — the sender always sees
 * where her referral stands. "Modtaget": what was sent to the user's units or organisation,
 * overdue first. Each list names people, so each read is audited with the intakes it showed.
 */
export async function listReferralIntakes(
  deps: Deps,
  ctx: RequestContext,
  query: ListReferralIntakesQuery,
): Promise<ReferralIntakeList> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'referral_intake' });
    if (query.box === 'received' && !receivesIntakes(p))
      throw new ForbiddenError({
        attempted: 'read',
        entityType: 'referral_intake',
        dataOrgId: p.orgId,
        reason: 'not a role that receives referrals',
      });
    const today = copenhagenDate(ctx.now);
    const lead = p.roles.includes('programme_lead');
    const rows =
      query.box === 'sent'
        ? await repo.listSentIntakes(tx, { orgId: p.orgId, userId: lead ? null : p.userId })
        : await repo.listReceivedIntakes(tx, { orgId: p.orgId, unitIds: lead ? null : p.unitIds, today });
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'referral_intake',
      purpose: query.box === 'sent' ? 'referrals_sent' : 'referrals_received',
      detail: { list: query.box, referralIntakeIds: rows.map((r) => r.id) },
    });
    return { box: query.box, items: rows.map((r) => toIntakeSummary(r, today)) };
  });
}

/**
 * One intake with the person's details, the reason and the consent: for its sender (she wrote
 * it, and keeps seeing it — never the family it was linked to) and its receiving side.
 */
export async function getReferralIntake(
  deps: Deps,
  ctx: RequestContext,
  intakeId: string,
): Promise<ReferralIntake> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'referral_intake', entityId: intakeId });
    const r = await asSystem(tx, () => repo.findIntake(tx, intakeId));
    if (!r) throw new NotFoundError('The referral');
    const sender = isSender(p, r);
    if (!sender && !isIntakeReceiver(p, r)) {
      throw new ForbiddenError({
        attempted: 'read',
        entityType: 'referral_intake',
        entityId: intakeId,
        dataOrgId: r.org_id,
        reason: 'neither the sender nor the receiver of the referral',
      });
    }
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'referral_intake',
      entityId: intakeId,
      dataOrgId: r.org_id,
      basis: sender ? 'own_org' : 'consent',
    });
    return toIntake(p, r, copenhagenDate(ctx.now));
  });
}
