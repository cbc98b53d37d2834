import { randomUUID } from 'node:crypto';
import type { DecideReferralIntakeBody } from '@familiespor/contracts';
import { parseCpr } from '@familiespor/domain';
import { authorize } from '../../access/policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { ConflictError, InputError } from '../../errors';
import type { Deps } from '../../use-case';
import * as families from '../families/families.repo';
import { familyFacts } from '../families/family-detail';
import * as referrals from '../referrals/referrals.repo';
import { runTaskRulesAfterChange } from '../tasks/task-triggers';
import type { IntakeRow } from './referral-intake.repo';
import * as repo from './referral-intake.repo';
import { intakeStep } from './referral-intake.service';

type LinkedFamily = { id: string; orgId: string; registered: boolean };

/**
 * A family the receiver found (a CPR match or her own search): it must be her organisation's,
 * and she must be able to see who it is — the same question as opening the family.
 */
async function linkFamily(tx: Tx, ctx: RequestContext, p: StaffPrincipal, familyId: string) {
  const found = await asSystem(tx, () => families.findFamilyAccessFacts(tx, familyId));
  if (!found || found.org_id !== p.orgId) {
    throw new InputError('The family is not known', [
      { path: 'familyId', code: 'unknown_family', message: 'No family of your organisation has this id' },
    ]);
  }
  const family = await familyFacts(tx, familyId);
  await authorize(tx, ctx, 'read', {
    orgId: family.org_id,
    category: 'identity',
    familyId,
    entityType: 'family',
    entityId: familyId,
  });
  return { id: familyId, orgId: family.org_id, registered: false };
}

/**
 * A new family in the receiver's municipality, from the details the parent gave: the parent as
 * its first member, in the district serving her postcode. A CPR number already registered means
 * the family exists: the receiver is to search for it and link it, not to make a second person.
 */
async function registerFamily(tx: Tx, ctx: RequestContext, p: StaffPrincipal, r: IntakeRow) {
  await authorize(tx, ctx, 'write', { orgId: p.orgId, category: 'identity', entityType: 'family' });
  if (r.cpr && (await asSystem(tx, () => repo.personWithCpr(tx, r.cpr as string)))) {
    throw new ConflictError('A person with this CPR number is registered: find the family and link it', [
      { path: 'registerFamily', code: 'person_exists', message: 'The CPR number is registered already' },
    ]);
  }
  const parsed = r.cpr ? parseCpr(r.cpr) : null;
  const cpr = parsed?.ok ? parsed.cpr : null;
  const personId = randomUUID();
  await families.insertPerson(tx, {
    id: personId,
    cpr: r.cpr,
    given_name: r.given_name,
    family_name: r.family_name,
    birth_date: cpr?.birthDate ?? null,
    sex: cpr?.sex ?? null,
    preferred_language: r.preferred_language,
    interpreter_needed: r.interpreter_needed,
    phone: r.phone,
    email: r.email,
  });
  const unit = await families.findHealthVisitingUnit(tx, p.orgId, r.postcode);
  const { id } = await families.insertFamily(tx, {
    org_id: p.orgId,
    district_unit_id: unit?.district ? unit.id : null,
    street: null,
    postcode: r.postcode,
    city: null,
  });
  await families.insertMemberIfAbsent(tx, {
    family_id: id,
    person_id: personId,
    org_id: p.orgId,
    role: r.parent_role,
    custody: true,
  });
  await writeAudit(tx, ctx, {
    action: 'create',
    entityType: 'family',
    entityId: id,
    familyId: id,
    personId,
    basis: 'consent',
    purpose: 'referral_intake',
    detail: { referralIntakeId: r.id, withCpr: Boolean(r.cpr) },
  });
  return { id, orgId: p.orgId, registered: true };
}

/**
 * The intake becomes an ordinary referral of the family, accepted: still the sender's record
 * (org_id, sender), with the history it already had, the reason as its content, and the
 * receiver's involvement — so from here on it is worked on, followed and logged like any other.
 * The referral's rows carry the sender's organisation, which the receiver's scope cannot write:
 * they are a consequence of the authorised acceptance (asSystem).
 */
async function becomeReferral(
  tx: Tx,
  ctx: RequestContext,
  p: StaffPrincipal,
  r: IntakeRow,
  family: LinkedFamily,
) {
  const involvement = await referrals.insertInvolvement(tx, {
    familyId: family.id,
    familyOrgId: family.orgId,
    orgId: r.to_org_id,
    unitId: r.to_unit_id,
    at: ctx.now,
  });
  const receivedAt = r.received_at as Date;
  const receivedBy = r.received_by as string;
  const row = {
    org_id: r.org_id,
    family_id: family.id,
    family_org_id: family.orgId,
    sender_user_id: r.sender_user_id,
    to_org_id: r.to_org_id,
    to_unit_id: r.to_unit_id,
    to_offer_id: r.to_offer_id,
    reason: r.reason,
    urgency: r.urgency,
    status: 'accepted' as const,
    ack_working_days: r.ack_working_days,
    ack_due_on: r.ack_due_on,
    created_at: r.created_at,
    received_at: receivedAt,
    received_by: receivedBy,
    decided_at: ctx.now,
    decided_by: p.userId,
    involvement_id: involvement.id,
    updated_at: ctx.now,
  };
  const referralId = await asSystem(tx, async () => {
    const { id } = await referrals.insertReferral(tx, row);
    await referrals.insertAttachments(tx, [
      {
        referral_id: id,
        org_id: r.org_id,
        to_org_id: r.to_org_id,
        category: 'referral',
        record_ids: [],
        basis: 'referral_content',
        consent_id: null,
      },
    ]);
    const ref = { id, org_id: r.org_id, to_org_id: r.to_org_id };
    await referrals.insertEvent(tx, ref, {
      status: 'requested',
      at: r.created_at,
      byUser: r.sender_user_id,
      note: null,
    });
    await referrals.insertEvent(tx, ref, {
      status: 'received',
      at: receivedAt,
      byUser: receivedBy,
      note: null,
    });
    await referrals.insertEvent(tx, ref, {
      status: 'accepted',
      at: ctx.now,
      byUser: p.userId,
      note: family.registered ? 'Familien er oprettet i Familiespor' : 'Knyttet til en kendt familie',
    });
    return id;
  });
  const tasks = await runTaskRulesAfterChange(tx, ctx, family.id);
  await writeAudit(tx, ctx, {
    action: 'create',
    entityType: 'referral',
    entityId: referralId,
    familyId: family.id,
    dataOrgId: r.org_id,
    basis: 'consent',
    purpose: 'referral_intake',
    detail: {
      referralIntakeId: r.id,
      involvementId: involvement.id,
      registeredFamily: family.registered,
      ...(tasks.length > 0 ? { taskIds: tasks } : {}),
    },
  });
  return { referralId, involvementId: involvement.id };
}

/**
 * Accept — linking the person to a family found, or registering a new one — or reject with the
 * reason. On acceptance the intake has done its job: it names the referral it became.
 */
export async function decideReferralIntake(
  deps: Deps,
  ctx: RequestContext,
  intakeId: string,
  body: DecideReferralIntakeBody,
) {
  return intakeStep(deps, ctx, intakeId, body.decision, async (tx, p, r) => {
    if (body.decision === 'reject') {
      return {
        set: { decided_at: ctx.now, decided_by: p.userId, rejection_reason: body.reason as string },
      };
    }
    const family = body.familyId
      ? await linkFamily(tx, ctx, p, body.familyId)
      : await registerFamily(tx, ctx, p, r);
    const { referralId, involvementId } = await becomeReferral(tx, ctx, p, r, family);
    return {
      set: { decided_at: ctx.now, decided_by: p.userId, referral_id: referralId },
      detail: { referralId, familyId: family.id, registeredFamily: family.registered, involvementId },
    };
  });
}
