import type { Enrollment, enrollBody } from '@familiespor/contracts';
import type { z } from 'zod';
import { authorize } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { familyFacts } from '../families/family-detail';
import { assessSignUp } from './eligibility.facts';
import * as repo from './enrollment.repo';
import * as offers from './offers.repo';
import { getOfferIn } from './offers.service';

const ruleMessages: Record<string, string> = {
  first_time_parents: 'The offer is for first-time parents',
  pregnancy_weeks: 'The pregnancy is not in the weeks the offer is for',
  child_age: 'The child is not the age the offer is for',
  municipality: 'The offer is for residents of another municipality',
  language: 'The offer is not held in a language the parents speak, and no interpreter is arranged',
  referral: 'The offer needs a referral from a professional',
};

export async function toEnrollment(tx: Tx, row: repo.EnrollmentRow): Promise<Enrollment> {
  const participants = await asSystem(tx, () => repo.participantsOf(tx, [row.id]));
  let position: number | null = null;
  if (row.status === 'waitlisted') {
    const queue = await asSystem(tx, () => repo.waitlist(tx, row.offer_id));
    position = queue.findIndex((q) => q.id === row.id) + 1;
  }
  return {
    id: row.id,
    offerId: row.offer_id,
    offerName: row.offer_name,
    familyId: row.family_id,
    status: row.status,
    priority: row.priority,
    waitlistPosition: position,
    participants: participants.map((p) => ({
      personId: p.person_id,
      name: `${p.given_name} ${p.family_name}`,
    })),
    cohortId: row.cohort_id,
    signedUpAt: row.signed_up_at.toISOString(),
    enrolledAt: row.enrolled_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
    endReason: row.end_reason,
  };
}

/**
 * Sign-up: by the parents in the portal (choosing who takes part), by the midwife at the week-16
 * consultation, or by a health visitor. The offer row is locked for the decision, so parallel
 * sign-ups for the last seat enrol exactly one family; the others go on the waitlist.
 */
export async function enrollInOffer(
  deps: Deps,
  ctx: RequestContext,
  offerId: string,
  body: z.infer<typeof enrollBody>,
): Promise<Enrollment> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    if (!p)
      throw new ForbiddenError({ attempted: 'create', entityType: 'enrollment', reason: 'login required' });
    const familyId = p.kind === 'parent' ? (body.familyId ?? p.familyIds[0]) : body.familyId;
    if (!familyId) {
      throw new InputError('Say which family signs up', [
        { path: 'familyId', code: 'required', message: 'Choose the family' },
      ]);
    }
    if (p.kind === 'parent' && (body.referralReason || body.targeted)) {
      throw new InputError('Referrals are made by professionals', [
        { path: 'referralReason', code: 'staff_only', message: 'Only professionals refer' },
      ]);
    }
    const facts = await familyFacts(tx, familyId);
    const offer = await getOfferIn(tx, offerId);
    // Parents write their own course records; a professional signing a family up refers it.
    const decision = await authorize(tx, ctx, 'write', {
      orgId: facts.org_id,
      category: p.kind === 'parent' ? 'course' : 'referral',
      familyId,
      entityType: 'enrollment',
    });
    if (!offer.active) throw new ConflictError('The offer is closed for sign-up');

    const members = await asSystem(tx, () => offers.familyFactsForEligibility(tx, familyId));
    const parents = (members?.members ?? []).filter((m) => m.role !== 'child');
    const unknown = body.participantIds.filter((id) => !parents.some((m) => m.id === id));
    if (unknown.length > 0) {
      throw new InputError('Only the family’s parents can take part', [
        { path: 'participantIds', code: 'not_a_parent', message: 'Choose among the family’s parents' },
      ]);
    }
    // A professional's reason makes this sign-up a referral; an accepted referral to the offer
    // has made the family referred already (the waitlist puts both first).
    const { eligibility, referred, referralIds } = await assessSignUp(
      tx,
      ctx,
      offer,
      familyId,
      Boolean(body.referralReason),
    );
    if (eligibility.enrollment) throw new ConflictError('The family is signed up already');
    const failing = eligibility.rules.filter((r) => !r.ok);
    if (!eligibility.now) {
      throw new InputError(
        'The family cannot join this offer now',
        (failing.length > 0 ? failing : [{ rule: 'pregnancy_weeks' as const }]).map((r) => ({
          path: 'offerId',
          code: `not_eligible_${r.rule}`,
          message: ruleMessages[r.rule] ?? r.rule,
        })),
      );
    }

    const seat = await asSystem(tx, () => seatFree(tx, offerId));
    const status = seat ? 'enrolled' : 'waitlisted';
    const due = await asSystem(tx, () => offers.activeDueDate(tx, familyId, facts.pregnancyOrgIds));
    const insert = async () => {
      const { id } = await repo.insertEnrollment(tx, {
        offer_id: offerId,
        org_id: offer.organisation.id,
        family_id: familyId,
        family_org_id: facts.org_id,
        status,
        priority: referred ? 'referred' : body.targeted ? 'targeted' : 'standard',
        referral_reason: body.referralReason ?? null,
        due_date: due,
        signed_up_at: ctx.now,
        enrolled_at: seat ? ctx.now : null,
        created_by_kind: p.kind === 'parent' ? 'parent' : 'staff',
        created_by: p.kind === 'parent' ? p.personId : p.userId,
      });
      await repo.insertParticipants(tx, id, offer.organisation.id, [...new Set(body.participantIds)]);
      await repo.insertEnrollmentEvent(tx, {
        enrollment_id: id,
        org_id: offer.organisation.id,
        status,
        at: ctx.now,
        by_kind: p.kind,
        by_id: p.kind === 'parent' ? p.personId : p.userId,
        reason: body.referralReason ?? null,
      });
      return id;
    };
    // The enrollment is the provider's record. Usually the provider is the family's municipality,
    // already in scope; an NGO's or another organisation's offer is written on the system's behalf
    // once the sign-up has been authorised above.
    const inScopeAlready =
      offer.organisation.id === facts.org_id || (p.kind === 'staff' && offer.organisation.id === p.orgId);
    const id = inScopeAlready ? await insert() : await asSystem(tx, insert);
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'enrollment',
      entityId: id,
      familyId,
      dataOrgId: offer.organisation.id,
      basis: decision.basis,
      detail: {
        offerId,
        status,
        participants: body.participantIds.length,
        referred,
        ...(referralIds.length > 0 ? { referralIds } : {}),
      },
    });
    return toEnrollment(tx, (await asSystem(tx, () => repo.findEnrollment(tx, id))) as repo.EnrollmentRow);
  });
}

/** The first family on the waitlist gets a freed seat. */
/**
 * Seat accounting is the offer's, whoever asks: it runs with row-level security lifted, so an
 * NGO's offer is locked and counted like the municipality's. The offer row is locked until the
 * transaction ends. A seat is free only when nobody waits for it: the waitlist goes first.
 */
async function seatFree(tx: Tx, offerId: string): Promise<boolean> {
  const locked = await offers.lockOffer(tx, offerId);
  if (!locked) throw new NotFoundError('The offer');
  if (locked.capacity == null) return true;
  const enrolled = await offers.countEnrolled(tx, offerId);
  return enrolled < locked.capacity && (await repo.waitlist(tx, offerId)).length === 0;
}

/** Moves waitlisted families into freed seats, first in line first. Returns who moved up. */
export async function promoteFromWaitlist(tx: Tx, ctx: RequestContext, offerId: string): Promise<string[]> {
  return asSystem(tx, async () => {
    const locked = await offers.lockOffer(tx, offerId);
    if (!locked) return [];
    const promoted: string[] = [];
    const queue = await repo.waitlist(tx, offerId);
    let enrolled = await offers.countEnrolled(tx, offerId);
    for (const next of queue) {
      if (locked.capacity != null && enrolled >= locked.capacity) break;
      const row = await repo.findEnrollment(tx, next.id);
      await repo.setEnrollmentStatus(tx, next.id, { status: 'enrolled', enrolled_at: ctx.now });
      await repo.insertEnrollmentEvent(tx, {
        enrollment_id: next.id,
        org_id: row?.org_id as string,
        status: 'enrolled',
        at: ctx.now,
        by_kind: 'system',
        by_id: null,
        reason: 'seat freed',
      });
      await writeAudit(tx, ctx, {
        action: 'update',
        entityType: 'enrollment',
        entityId: next.id,
        familyId: next.family_id,
        dataOrgId: row?.org_id ?? null,
        detail: { status: 'enrolled', from: 'waitlist' },
      });
      promoted.push(next.id);
      enrolled++;
    }
    return promoted;
  });
}

/** The family declines (before the start) or drops out (after); the first on the waitlist moves up. */
export async function withdrawEnrollment(
  deps: Deps,
  ctx: RequestContext,
  enrollmentId: string,
  body: { status: 'declined' | 'dropped_out'; reason: string },
): Promise<Enrollment> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    const row = await asSystem(tx, () => repo.findEnrollment(tx, enrollmentId));
    if (!row) throw new NotFoundError('The sign-up');
    const decision = await authorize(tx, ctx, 'write', {
      orgId: p?.kind === 'parent' ? row.family_org_id : row.org_id,
      category: 'course',
      familyId: row.family_id,
      entityType: 'enrollment',
      entityId: enrollmentId,
    });
    if (!['invited', 'waitlisted', 'enrolled'].includes(row.status))
      throw new ConflictError('The sign-up has ended already');
    // Declining is before the course begins; dropping out is after.
    const firstSession = row.cohort_id
      ? await asSystem(tx, () => repo.cohortStart(tx, row.cohort_id as string))
      : null;
    const started = firstSession !== null && firstSession.getTime() <= ctx.now.getTime();
    if (body.status === 'dropped_out' && !started) {
      throw new InputError('The course has not begun: decline instead', [
        { path: 'status', code: 'not_started', message: 'Use declined before the first session' },
      ]);
    }
    if (body.status === 'declined' && started) {
      throw new InputError('The course has begun: drop out instead', [
        { path: 'status', code: 'already_started', message: 'Use dropped_out after the first session' },
      ]);
    }
    const write = async () => {
      await repo.setEnrollmentStatus(tx, enrollmentId, {
        status: body.status,
        ended_at: ctx.now,
        end_reason: body.reason,
      });
      await repo.insertEnrollmentEvent(tx, {
        enrollment_id: enrollmentId,
        org_id: row.org_id,
        status: body.status,
        at: ctx.now,
        by_kind: p?.kind ?? 'system',
        by_id: p?.kind === 'parent' ? p.personId : p?.kind === 'staff' ? p.userId : null,
        reason: body.reason,
      });
      return row.status === 'enrolled' ? promoteFromWaitlist(tx, ctx, row.offer_id) : [];
    };
    const promoted =
      p?.kind === 'staff' && p.orgId === row.org_id ? await write() : await asSystem(tx, write);
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'enrollment',
      entityId: enrollmentId,
      familyId: row.family_id,
      dataOrgId: row.org_id,
      basis: decision.basis,
      detail: { status: body.status, promoted },
    });
    return toEnrollment(
      tx,
      (await asSystem(tx, () => repo.findEnrollment(tx, enrollmentId))) as repo.EnrollmentRow,
    );
  });
}
