import type {
  AddCounsellingContactBody,
  AddCounsellingGoalBody,
  CloseCounsellingCaseBody,
  CounsellingCase,
  ScoreCounsellingGoalsBody,
} from '@familiespor/contracts';
import { checkCaseDay, checkClosing, copenhagenDate } from '@familiespor/domain';
import { requireStaff } from '../../access/admin-policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { ConflictError, InputError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import * as referrals from '../referrals/referrals.repo';
import * as repo from './counselling.repo';
import { auditCase, authorizeCaseWrite, caseOwner, caseView } from './counselling-case';

const staffOf = (ctx: RequestContext, caseId: string) =>
  requireStaff(ctx, { attempted: 'update', entityType: 'counselling_case', entityId: caseId });

/** A new goal, agreed with the family; it is scored from then on. */
export async function addCounsellingGoal(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  body: AddCounsellingGoalBody,
): Promise<CounsellingCase> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = staffOf(ctx, caseId);
    const owner = await caseOwner(tx, caseId);
    const d = await authorizeCaseWrite(tx, ctx, owner);
    const [goal] = await repo.insertGoals(tx, [
      {
        case_id: owner.id,
        org_id: owner.org_id,
        title: body.title,
        position: await repo.nextGoalPosition(tx, owner.id),
        created_on: copenhagenDate(ctx.now),
        created_at: ctx.now,
        created_by: p.userId,
      },
    ]);
    await auditCase(tx, ctx, owner, {
      action: 'create',
      entityType: 'counselling_goal',
      entityId: goal?.id as string,
      basis: d.basis,
    });
    return caseView(tx, ctx, owner);
  });
}

/**
 * Scores on the 0–10 scale, for one or more of the case's goals on one day (usually a contact
 * where the family and the counsellor look at the goals together).
 */
export async function scoreCounsellingGoals(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  body: ScoreCounsellingGoalsBody,
): Promise<CounsellingCase> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = staffOf(ctx, caseId);
    const owner = await caseOwner(tx, caseId);
    const d = await authorizeCaseWrite(tx, ctx, owner);
    const errors = checkCaseDay('scoredOn', body.scoredOn, owner.opened_on, copenhagenDate(ctx.now));
    const goals = new Set((await repo.goalsOf(tx, owner.id)).map((g) => g.id));
    const seen = new Set<string>();
    body.scores.forEach((s, i) => {
      if (!goals.has(s.goalId))
        errors.push({ path: `scores.${i}.goalId`, code: 'unknown_goal', message: 'Not a goal of this case' });
      else if (seen.has(s.goalId))
        errors.push({ path: `scores.${i}.goalId`, code: 'duplicate', message: 'Each goal once per scoring' });
      seen.add(s.goalId);
    });
    if (errors.length > 0) throw new InputError('The scores have invalid fields', errors);
    const rows = await repo.insertScores(
      tx,
      body.scores.map((s) => ({
        goal_id: s.goalId,
        case_id: owner.id,
        org_id: owner.org_id,
        score: s.score,
        scored_on: body.scoredOn,
        note: s.note || null,
        scored_by: p.userId,
        scored_at: ctx.now,
      })),
    );
    await auditCase(tx, ctx, owner, {
      action: 'create',
      entityType: 'counselling_goal_score',
      basis: d.basis,
      detail: { scoreIds: rows.map((r) => r.id), goalIds: body.scores.map((s) => s.goalId) },
    });
    return caseView(tx, ctx, owner);
  });
}

/** A contact with the family: when, how, how long, who took part, and the counsellor's note. */
export async function addCounsellingContact(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  body: AddCounsellingContactBody,
): Promise<CounsellingCase> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = staffOf(ctx, caseId);
    const owner = await caseOwner(tx, caseId);
    const d = await authorizeCaseWrite(tx, ctx, owner);
    const errors = checkCaseDay('contactOn', body.contactOn, owner.opened_on, copenhagenDate(ctx.now));
    if (errors.length > 0) throw new InputError('The contact has invalid fields', errors);
    const { id } = await repo.insertContact(tx, {
      case_id: owner.id,
      org_id: owner.org_id,
      contact_on: body.contactOn,
      form: body.form,
      duration_minutes: body.durationMinutes,
      participants: [...body.participants],
      note: body.note || null,
      recorded_by: p.userId,
      recorded_at: ctx.now,
    });
    await auditCase(tx, ctx, owner, {
      action: 'create',
      entityType: 'counselling_contact',
      entityId: id,
      basis: d.basis,
      detail: { form: body.form },
    });
    return caseView(tx, ctx, owner);
  });
}

/**
 * Closes the case with its outcome. The involvement it gave ends with it, and so does the accepted
 * referral it was opened from: the work the referral asked for is done (its receiver's step,
 * taken by the counsellor who is that receiver).
 */
export async function closeCounsellingCase(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  body: CloseCounsellingCaseBody,
): Promise<CounsellingCase> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = staffOf(ctx, caseId);
    const owner = await caseOwner(tx, caseId);
    const d = await authorizeCaseWrite(tx, ctx, owner);
    const today = copenhagenDate(ctx.now);
    const closedOn = body.closedOn ?? today;
    const errors = checkClosing(
      { closedOn, outcome: body.outcome, note: body.note ?? null },
      owner.opened_on,
      today,
    );
    if (errors.length > 0) throw new InputError('The closing has invalid fields', errors);
    const closed = await repo.closeCase(tx, owner.id, {
      closed_on: closedOn,
      closed_at: ctx.now,
      closed_by: p.userId,
      outcome: body.outcome,
      closing_note: body.note || null,
    });
    if (!closed) throw new ConflictError('The counselling case has been closed already');
    await repo.endInvolvement(tx, owner.involvement_id, ctx.now);
    const completedReferral = owner.referral_id ? await completeReferral(tx, ctx, p.userId, owner) : null;
    await auditCase(tx, ctx, owner, {
      action: 'update',
      basis: d.basis,
      detail: {
        closed: true,
        outcome: body.outcome,
        ...(completedReferral ? { completedReferralId: completedReferral } : {}),
      },
    });
    return caseView(tx, ctx, { ...owner, status: 'closed' });
  });
}

/** The referral the case came from, still accepted: completed, its involvement ended. */
async function completeReferral(
  tx: Tx,
  ctx: RequestContext,
  userId: string,
  owner: { referral_id: string | null; org_id: string; family_id: string },
): Promise<string | null> {
  const r = await asSystem(tx, () => referrals.findReferralOwner(tx, owner.referral_id as string));
  if (r?.status !== 'accepted' || r.to_org_id !== owner.org_id) return null;
  const moved = await referrals.moveStatus(tx, r.id, 'accepted', {
    status: 'completed',
    completed_at: ctx.now,
    completed_by: userId,
    updated_at: ctx.now,
  });
  if (!moved) return null;
  await referrals.insertEvent(tx, r, {
    status: 'completed',
    at: ctx.now,
    byUser: userId,
    note: 'Rådgivningsforløbet er afsluttet',
  });
  if (r.involvement_id) await referrals.endInvolvement(tx, r.involvement_id, ctx.now);
  await writeAudit(tx, ctx, {
    action: 'update',
    entityType: 'referral',
    entityId: r.id,
    familyId: r.family_id,
    dataOrgId: r.org_id,
    basis: 'legal_basis',
    detail: { from: 'accepted', to: 'completed', byCounsellingCase: true },
  });
  return r.id;
}
