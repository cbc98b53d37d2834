import type { eligibilityResult, Offer } from '@familiespor/contracts';
import {
  checkEligibility as checkRules,
  copenhagenDate,
  type EligibilityRules,
  type FamilyFacts,
  isReferredTo,
  type ReferralFacts,
} from '@familiespor/domain';
import type { z } from 'zod';
import { decide } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { asSystem, type Tx } from '../../db/scope';
import { familyFacts } from '../families/family-detail';
import { referralsToOffers } from '../referrals/referrals.repo';
import { familyEnrollments } from './enrollment.repo';
import * as repo from './offers.repo';

// Whether a family may join an offer: the facts the domain's rules need, read as far as the
// reader may see them, and the judgement per offer. Used by the catalogue, the eligibility
// check and sign-up.

/**
 * The facts the eligibility rules need, as far as the caller may see them: the due date is a
 * pregnancy record, read only where decide() allows it.
 */
export async function gatherFacts(tx: Tx, ctx: RequestContext, familyId: string): Promise<FamilyFacts> {
  const facts = await familyFacts(tx, familyId);
  const readable: string[] = [];
  for (const orgId of facts.pregnancyOrgIds) {
    if ((await decide(tx, ctx, 'read', { orgId, category: 'pregnancy', familyId })).allowed)
      readable.push(orgId);
  }
  const data = await asSystem(tx, async () => ({
    base: await repo.familyFactsForEligibility(tx, familyId),
    due: await repo.activeDueDate(tx, familyId, readable),
  }));
  const parents = data.base?.members.filter((m) => m.role !== 'child') ?? [];
  return {
    municipalityId: facts.org_id,
    firstTimeParents: parents.length > 0 && parents.every((m) => m.first_time_parent),
    activeDueDate: data.due,
    childBirthDates: (data.base?.members ?? [])
      .filter((m) => m.role === 'child' && m.birth_date)
      .map((m) => m.birth_date as string),
    languages: [...new Set(parents.map((m) => m.preferred_language))],
    interpreterAvailable: parents.some((m) => m.interpreter_needed),
    referred: false,
  };
}

export function judge(
  offer: Offer,
  facts: FamilyFacts,
  familyId: string,
  today: string,
  enrollment: { id: string; status: string } | null,
  referred = false,
): z.infer<typeof eligibilityResult> {
  const rules: EligibilityRules = { ...offer.eligibility, municipalityIds: offer.municipalityIds };
  if (offer.referralOnly) rules.referralOnly = true;
  return { offerId: offer.id, familyId, ...checkRules(rules, { ...facts, referred }, today), enrollment };
}

/**
 * The family's open sign-ups per offer, and what its referrals and sign-ups say about which
 * offers it is referred to. A referral is the sender's record: it counts only where decide()
 * lets the reader see the sender's referrals — the parents their own, the receiving side on the
 * referral's legal basis, the sender's organisation its own — like the due date above.
 */
export async function signUpsAndReferrals(tx: Tx, ctx: RequestContext, familyId: string) {
  const rows = await asSystem(tx, () => familyEnrollments(tx, familyId));
  const open = new Map(
    rows
      .filter((r) => ['invited', 'waitlisted', 'enrolled'].includes(r.status))
      .map((r) => [r.offer_id, { id: r.id, status: r.status }]),
  );
  const sent = await asSystem(tx, () => referralsToOffers(tx, familyId));
  const readable = new Set<string>();
  for (const orgId of new Set(sent.map((r) => r.org_id))) {
    if ((await decide(tx, ctx, 'read', { orgId, category: 'referral', familyId })).allowed)
      readable.add(orgId);
  }
  const referrals = sent
    .filter((r) => readable.has(r.org_id))
    .map((r) => ({ id: r.id, offerId: r.to_offer_id as string, status: r.status }));
  const signUps = rows.map((r) => ({ offerId: r.offer_id, status: r.status, priority: r.priority }));
  const referral = { referrals, signUps } satisfies ReferralFacts;
  return { open, referral };
}

/**
 * Eligibility of one family for one offer, and whether it counts as referred to it: `referring`
 * when a professional refers it with this sign-up, otherwise an accepted referral to the offer
 * (`isReferredTo`). `referralIds` names the accepted referrals that opened the door.
 */
export async function assessSignUp(
  tx: Tx,
  ctx: RequestContext,
  offer: Offer,
  familyId: string,
  referring: boolean,
) {
  const facts = await gatherFacts(tx, ctx, familyId);
  const { open, referral } = await signUpsAndReferrals(tx, ctx, familyId);
  const referred = referring || isReferredTo(offer.id, referral);
  const eligibility = judge(
    offer,
    facts,
    familyId,
    copenhagenDate(ctx.now),
    open.get(offer.id) ?? null,
    referred,
  );
  // The accepted referrals that opened the door (isReferredTo's first reason), for the audit.
  const referralIds = referral.referrals
    .filter((r) => r.offerId === offer.id && r.status === 'accepted')
    .map((r) => r.id);
  return { eligibility, referred, referralIds };
}

/** Eligibility of one family for one offer, as staff and parents see it. */
export async function eligibilityFor(tx: Tx, ctx: RequestContext, offer: Offer, familyId: string) {
  return (await assessSignUp(tx, ctx, offer, familyId, false)).eligibility;
}
