import type {
  CompleteReferralBody,
  CreateReferralBody,
  DecideReferralBody,
  Referral,
} from '@familiespor/contracts';
import {
  copenhagenDate,
  nextReferralStatus,
  type ReferralAction,
  referralUnacknowledgedKey,
} from '@familiespor/domain';
import { referralAckDeadline } from '@familiespor/domain/referrals';
import { requireStaff } from '../../access/admin-policy';
import { authorize, decide } from '../../access/policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import type { ReferralAttachmentTable } from '../../db/schema';
import { asSystem, type Tx } from '../../db/scope';
import { type FieldError, ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { findConsentInForce } from '../families/family-access.repo';
import { familyFacts } from '../families/family-detail';
import { runTaskRulesAfterChange } from '../tasks/task-triggers';
import { closeTask, findOpenTaskByKey } from '../tasks/tasks.repo';
import './referral-access';
import './referral-open-needs';
import './referrals-timeline.sources';
import { familyNames, isReceiver, toReferral } from './referral.view';
import { referralMovedMeanwhile, referralStepRefused } from './referral-conflicts';
import * as repo from './referrals.repo';

type Family = Awaited<ReturnType<typeof familyFacts>>;

/**
 * Whom the referral goes to. A unit or an offer names its organisation; without a unit, a
 * referral to the family's own municipality goes to the family's district (its health visitors,
 * who also run the municipality's targeted groups such as Klar til baby), and one to an
 * organisation with a single unit to that unit; otherwise to the organisation as a whole.
 */
async function resolveReceiver(tx: Tx, to: CreateReferralBody['to'], family: Family) {
  const errors: FieldError[] = [];
  const unknown = (path: string, what: string) =>
    errors.push({ path, code: 'unknown_receiver', message: `No active ${what} has this id` });
  let orgId: string | null = null;
  if (to.organisationId) {
    const org = await repo.findOrganisation(tx, to.organisationId);
    if (!org?.active) unknown('to.organisationId', 'organisation');
    else orgId = org.id;
  }
  let offerId: string | null = null;
  if (to.offerId) {
    const offer = await repo.findOffer(tx, to.offerId);
    if (!offer?.active) unknown('to.offerId', 'offer');
    else if (orgId && offer.org_id !== orgId)
      errors.push({ path: 'to.offerId', code: 'not_in_organisation', message: 'The offer is not run by it' });
    else {
      orgId = offer.org_id;
      offerId = offer.id;
    }
  }
  let unitId: string | null = null;
  if (to.unitId) {
    const unit = await repo.findUnit(tx, to.unitId);
    if (!unit?.active) unknown('to.unitId', 'unit');
    else if (orgId && unit.org_id !== orgId)
      errors.push({ path: 'to.unitId', code: 'not_in_organisation', message: 'The unit is not part of it' });
    else {
      orgId = unit.org_id;
      unitId = unit.id;
    }
  }
  if (errors.length > 0 || !orgId) throw new InputError('The receiver of the referral is not known', errors);
  if (!unitId) {
    if (orgId === family.org_id && family.district_unit_id) unitId = family.district_unit_id;
    else {
      const units = await repo.activeUnitsOf(tx, orgId);
      if (units.length === 1) unitId = (units[0] as { id: string }).id;
    }
  }
  return { orgId, unitId, offerId };
}

/**
 * What may travel with the referral: the reason is its own content; every other category needs a
 * consent in force from the sender's organisation to the receiver's (inside one organisation the
 * records do not cross a boundary), and must be one the sender may read herself.
 */
async function attachmentBases(
  tx: Tx,
  ctx: RequestContext,
  p: StaffPrincipal,
  body: CreateReferralBody,
  toOrgId: string,
) {
  const errors: FieldError[] = [];
  const out: {
    category: string;
    recordIds: string[];
    basis: ReferralAttachmentTable['basis'];
    consentId: string | null;
  }[] = [{ category: 'referral', recordIds: [], basis: 'referral_content', consentId: null }];
  const seen = new Set<string>();
  for (const [i, a] of body.attachments.entries()) {
    const path = `attachments.${i}.category`;
    if (seen.has(a.category)) {
      errors.push({ path, code: 'duplicate', message: 'The category is attached twice' });
      continue;
    }
    seen.add(a.category);
    const own = await decide(tx, ctx, 'read', {
      orgId: p.orgId,
      category: a.category,
      familyId: body.familyId,
    });
    if (!own.allowed) {
      errors.push({ path, code: 'not_readable', message: 'You may not read these records yourself' });
      continue;
    }
    if (toOrgId === p.orgId) {
      out.push({ category: a.category, recordIds: a.recordIds, basis: 'own_org', consentId: null });
      continue;
    }
    const consent = await findConsentInForce(tx, {
      familyId: body.familyId,
      fromOrgId: p.orgId,
      toOrgId,
      category: a.category,
      now: ctx.now,
    });
    if (!consent) {
      errors.push({
        path,
        code: 'not_covered',
        message: 'No consent in force lets these records go to the receiver',
      });
      continue;
    }
    out.push({ category: a.category, recordIds: a.recordIds, basis: 'consent', consentId: consent.id });
  }
  if (errors.length > 0) throw new InputError('Some records may not be attached', errors);
  return out;
}

/** Refers a family to an organisation, unit or offer; the deadline to acknowledge starts now. */
export async function createReferral(
  deps: Deps,
  ctx: RequestContext,
  body: CreateReferralBody,
): Promise<Referral> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'create', entityType: 'referral' });
    const family = await familyFacts(tx, body.familyId);
    // The referral is the sender's record: writing it needs her relationship to the family.
    const d = await authorize(tx, ctx, 'write', {
      orgId: p.orgId,
      category: 'referral',
      familyId: family.id,
      entityType: 'referral',
    });
    const to = await resolveReceiver(tx, body.to, family);
    const attachments = await attachmentBases(tx, ctx, p, body, to.orgId);
    const partnershipDays =
      to.orgId === p.orgId ? null : await repo.findPartnershipDeadline(tx, p.orgId, to.orgId);
    const deadline = referralAckDeadline(ctx.now, partnershipDays);
    const row = {
      org_id: p.orgId,
      family_id: family.id,
      family_org_id: family.org_id,
      sender_user_id: p.userId,
      to_org_id: to.orgId,
      to_unit_id: to.unitId,
      to_offer_id: to.offerId,
      reason: body.reason,
      urgency: body.urgency,
      ack_working_days: deadline.workingDays,
      ack_due_on: deadline.dueOn,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    const { id } = await repo.insertReferral(tx, row);
    await repo.insertAttachments(
      tx,
      attachments.map((a) => ({
        referral_id: id,
        org_id: p.orgId,
        to_org_id: to.orgId,
        category: a.category,
        record_ids: a.recordIds,
        basis: a.basis,
        consent_id: a.consentId,
      })),
    );
    await repo.insertEvent(
      tx,
      { id, ...row },
      { status: 'requested', at: ctx.now, byUser: p.userId, note: null },
    );
    const tasks = await runTaskRulesAfterChange(tx, ctx, family.id);
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'referral',
      entityId: id,
      familyId: family.id,
      basis: d.basis,
      consentId: d.consentId ?? null,
      detail: {
        toOrgId: to.orgId,
        toUnitId: to.unitId,
        toOfferId: to.offerId,
        urgency: body.urgency,
        categories: attachments.map((a) => a.category),
        consentIds: attachments.flatMap((a) => (a.consentId ? [a.consentId] : [])),
        ackDueOn: deadline.dueOn,
        ...(tasks.length > 0 ? { taskIds: tasks } : {}),
      },
    });
    return view(tx, ctx, p, id);
  });
}

async function view(tx: Tx, ctx: RequestContext, p: StaffPrincipal, id: string): Promise<Referral> {
  const r = await repo.findReferral(tx, id);
  if (!r) throw new NotFoundError('The referral');
  return toReferral(tx, p, r, await familyNames(tx, ctx, [r]), copenhagenDate(ctx.now));
}

/**
 * One step by the receiving side: only its staff may take it (403, audited, for anyone else,
 * the sender included), from the status the step starts at (409 otherwise).
 */
async function step(
  deps: Deps,
  ctx: RequestContext,
  referralId: string,
  action: ReferralAction,
  apply: (
    tx: Tx,
    p: StaffPrincipal,
    r: NonNullable<Awaited<ReturnType<typeof repo.findReferralOwner>>>,
  ) => Promise<{
    set: Parameters<typeof repo.moveStatus>[3];
    note: string | null;
    detail?: Record<string, unknown>;
  }>,
): Promise<Referral> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'update', entityType: 'referral', entityId: referralId });
    const r = await asSystem(tx, () => repo.findReferralOwner(tx, referralId));
    if (!r) throw new NotFoundError('The referral');
    if (!isReceiver(p, r)) {
      throw new ForbiddenError({
        attempted: 'update',
        entityType: 'referral',
        entityId: referralId,
        familyId: r.family_id,
        dataOrgId: r.org_id,
        reason: 'not the receiving unit or organisation of the referral',
      });
    }
    const d = await authorize(tx, ctx, 'write', {
      orgId: r.org_id,
      category: 'referral',
      familyId: r.family_id,
      entityType: 'referral',
      entityId: referralId,
    });
    const next = nextReferralStatus(r.status, action);
    if (!next) {
      throw referralStepRefused(r.status, action);
    }
    const change = await apply(tx, p, r);
    const moved = await repo.moveStatus(tx, referralId, r.status, {
      ...change.set,
      status: next,
      updated_at: ctx.now,
    });
    if (!moved) {
      throw referralMovedMeanwhile();
    }
    await repo.insertEvent(tx, r, { status: next, at: ctx.now, byUser: p.userId, note: change.note });
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'referral',
      entityId: referralId,
      familyId: r.family_id,
      dataOrgId: r.org_id,
      basis: d.basis,
      consentId: d.consentId ?? null,
      detail: { from: r.status, to: next, ...change.detail },
    });
    return view(tx, ctx, p, referralId);
  });
}

/**
 * The receiver confirms it has the referral. The overdue tasks (the sender's and the receiving
 * unit's) have done their job: they are closed, in their own organisations — a consequence of
 * the authorised step (asSystem).
 */
export async function acknowledgeReferral(deps: Deps, ctx: RequestContext, referralId: string) {
  return step(deps, ctx, referralId, 'acknowledge', async (tx, p) => {
    const closed = await asSystem(tx, async () => {
      const ids: string[] = [];
      for (const side of ['sender', 'receiver'] as const) {
        const task = await findOpenTaskByKey(tx, referralUnacknowledgedKey(referralId, side));
        if (
          task &&
          (await closeTask(tx, task, {
            state: 'completed',
            at: ctx.now,
            byUser: p.userId,
            note: 'Henvisningen er kvitteret',
          }))
        )
          ids.push(task.id);
      }
      return ids;
    });
    return {
      set: { received_at: ctx.now, received_by: p.userId },
      note: null,
      detail: closed.length > 0 ? { closedTaskIds: closed } : {},
    };
  });
}

/**
 * Accept or reject (with the reason). Accepting gives the receiving organisation its
 * involvement with the family, so it has a relationship to it from now on.
 */
export async function decideReferral(
  deps: Deps,
  ctx: RequestContext,
  referralId: string,
  body: DecideReferralBody,
) {
  return step(deps, ctx, referralId, body.decision, async (tx, p, r) => {
    if (body.decision === 'reject') {
      return {
        set: { decided_at: ctx.now, decided_by: p.userId, rejection_reason: body.reason as string },
        note: body.reason ?? null,
      };
    }
    const involvement = await repo.insertInvolvement(tx, {
      familyId: r.family_id,
      familyOrgId: r.family_org_id,
      orgId: r.to_org_id,
      unitId: r.to_unit_id,
      at: ctx.now,
    });
    return {
      set: { decided_at: ctx.now, decided_by: p.userId, involvement_id: involvement.id },
      note: body.reason ?? null,
      detail: { involvementId: involvement.id },
    };
  });
}

/** The work the referral asked for is done: the involvement it gave ends with it. */
export async function completeReferral(
  deps: Deps,
  ctx: RequestContext,
  referralId: string,
  body: CompleteReferralBody,
) {
  return step(deps, ctx, referralId, 'complete', async (tx, p, r) => {
    if (r.involvement_id) await repo.endInvolvement(tx, r.involvement_id, ctx.now);
    return { set: { completed_at: ctx.now, completed_by: p.userId }, note: body.note ?? null };
  });
}
