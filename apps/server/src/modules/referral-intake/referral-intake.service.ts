import type { CreateReferralIntakeBody, ReferralIntake } from '@familiespor/contracts';
import {
  copenhagenDate,
  intakeLifeStageProblem,
  nextReferralIntakeStatus,
  parseCpr,
  type ReferralIntakeAction,
} from '@familiespor/domain';
import { referralAckDeadline } from '@familiespor/domain/referrals';
import { authorize } from '../../access/policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { type FieldError, ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { findHealthVisitingUnit } from '../families/families.repo';
import { bridgeOffers } from '../open-counselling/anonymous-contacts.repo';
import { contactLoggers, requireOwnRole } from '../open-counselling/open-counselling-access';
import { servedMunicipalities } from '../open-counselling/open-counselling-slots.repo';
import { referralMovedMeanwhile, referralStepRefused } from '../referrals/referral-conflicts';
import { findPartnershipDeadline } from '../referrals/referrals.repo';
import * as repo from './referral-intake.repo';
import { intakeReceiverRoles, isIntakeReceiver, toIntake } from './referral-intake.view';

/**
 * What the parent agrees to, in the words the counsellor reads to her (stored with the intake:
 * the consent is the legal ground of the transfer).
 */
export const intakeConsentPurpose =
  'Forælderen har givet samtykke til, at rådgivningen videregiver navn, kontaktoplysninger og ' +
  'årsagen til henvendelsen til den modtagende kommune, så kommunen kan tilbyde den hjælp, ' +
  'forælderen har bedt om.';

/**
 * The receiver: the offer's organisation, and there the unit serving the parent's postcode (the
 * district health visitors, who also run the targeted groups), else the organisation's only
 * unit, else the organisation as a whole.
 */
async function receivingUnit(tx: Tx, orgId: string, postcode: string): Promise<string | null> {
  const unit = await findHealthVisitingUnit(tx, orgId, postcode);
  if (unit?.district) return unit.id;
  const units = await repo.activeUnitsOf(tx, orgId);
  return units.length === 1 ? (units[0] as { id: string }).id : null;
}

/**
 * The NGO counsellor refers a parent who has chosen to be identified to a partner municipality's
 * offer, with the parent's consent recorded. Only the drop-in's counsellors refer this way (an
 * intake is the bridge from open counselling; everyone else refers a family they know), and only
 * to another organisation's offer among those the drop-in points to.
 */
export async function createReferralIntake(
  deps: Deps,
  ctx: RequestContext,
  body: CreateReferralIntakeBody,
): Promise<ReferralIntake> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireOwnRole(ctx, contactLoggers, { attempted: 'create', entityType: 'referral_intake' });
    const d = await authorize(tx, ctx, 'write', {
      orgId: p.orgId,
      category: 'referral',
      entityType: 'referral_intake',
    });
    const today = copenhagenDate(ctx.now);
    const person = body.person;
    const errors: FieldError[] = [];
    if (!person.phone && !person.email) {
      errors.push({
        path: 'person.phone',
        code: 'contact_missing',
        message: 'Give a phone number or an e-mail address, so the receiver can reach the parent',
      });
    }
    const stage = intakeLifeStageProblem(
      { dueDate: person.dueDate ?? null, childAgeMonths: person.childAgeMonths ?? null },
      today,
    );
    if (stage) {
      errors.push({
        path: stage === 'stage_missing' ? 'person.childAgeMonths' : 'person.dueDate',
        code: stage,
        message:
          stage === 'stage_missing'
            ? 'Give the due date or the child’s age'
            : stage === 'due_date_past'
              ? 'The due date has passed'
              : 'The due date is more than 44 weeks ahead',
      });
    }
    const offers = await bridgeOffers(tx, p.orgId, await servedMunicipalities(tx, p.orgId));
    const offer = offers.find((o) => o.id === body.offerId && o.org_id !== p.orgId);
    if (!offer) {
      errors.push({
        path: 'offerId',
        code: 'unknown_offer',
        message: 'Not an active offer of a partner municipality',
      });
    }
    if (errors.length > 0 || !offer) throw new InputError('The referral has invalid fields', errors);

    const cpr = person.cpr ? parseCpr(person.cpr) : null;
    const home = await repo.municipalityOfPostcode(tx, person.postcode);
    const unitId = await receivingUnit(tx, offer.org_id, person.postcode);
    const deadline = referralAckDeadline(ctx.now, await findPartnershipDeadline(tx, p.orgId, offer.org_id));
    const { id } = await repo.insertIntake(tx, {
      org_id: p.orgId,
      sender_user_id: p.userId,
      to_org_id: offer.org_id,
      to_unit_id: unitId,
      to_offer_id: offer.id,
      given_name: person.givenName,
      family_name: person.familyName,
      parent_role: person.role,
      phone: person.phone ?? null,
      email: person.email ?? null,
      cpr: cpr?.ok ? cpr.cpr.digits : null,
      postcode: person.postcode,
      home_org_id: home?.id ?? null,
      due_date: person.dueDate ?? null,
      child_age_months: person.childAgeMonths ?? null,
      preferred_language: person.preferredLanguage,
      interpreter_needed: person.interpreterNeeded,
      reason: body.reason,
      urgency: body.urgency,
      consent_how: body.consent.capturedHow,
      consent_given_at: ctx.now,
      consent_purpose: intakeConsentPurpose,
      ack_working_days: deadline.workingDays,
      ack_due_on: deadline.dueOn,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'referral_intake',
      entityId: id,
      basis: d.basis,
      detail: {
        toOrgId: offer.org_id,
        toUnitId: unitId,
        toOfferId: offer.id,
        urgency: body.urgency,
        consentHow: body.consent.capturedHow,
        withCpr: Boolean(cpr?.ok),
        ackDueOn: deadline.dueOn,
      },
    });
    const row = await repo.findIntake(tx, id);
    if (!row) throw new NotFoundError('The referral');
    return toIntake(p, row, today);
  });
}

export type IntakeStepResult = {
  set: Parameters<typeof repo.moveIntake>[3];
  detail?: Record<string, unknown>;
};

/**
 * One step by the receiving side: only its staff may take it (403, audited, for anyone else, the
 * sender included), from the status the step starts at (409 otherwise). The receiver works on
 * the intake on the parent's consent recorded in it; her own role must be one that works with
 * referrals.
 */
export async function intakeStep(
  deps: Deps,
  ctx: RequestContext,
  intakeId: string,
  action: ReferralIntakeAction,
  apply: (tx: Tx, p: StaffPrincipal, r: repo.IntakeRow) => Promise<IntakeStepResult>,
): Promise<ReferralIntake> {
  return runUseCase(deps, ctx, async (tx) => {
    const attempt = { attempted: 'update' as const, entityType: 'referral_intake', entityId: intakeId };
    const p = requireOwnRole(ctx, intakeReceiverRoles, attempt);
    const r = await asSystem(tx, () => repo.findIntake(tx, intakeId));
    if (!r) throw new NotFoundError('The referral');
    if (!isIntakeReceiver(p, r)) {
      throw new ForbiddenError({
        ...attempt,
        dataOrgId: r.org_id,
        reason: 'not the receiving unit or organisation of the referral',
      });
    }
    await authorize(tx, ctx, 'write', {
      orgId: p.orgId,
      category: 'referral',
      entityType: 'referral_intake',
      entityId: intakeId,
    });
    const next = nextReferralIntakeStatus(r.status, action);
    if (!next) {
      throw referralStepRefused(r.status, action);
    }
    const change = await apply(tx, p, r);
    const moved = await repo.moveIntake(tx, intakeId, r.status, {
      ...change.set,
      status: next,
      updated_at: ctx.now,
    });
    if (!moved) {
      throw referralMovedMeanwhile();
    }
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'referral_intake',
      entityId: intakeId,
      dataOrgId: r.org_id,
      basis: 'consent',
      detail: { from: r.status, to: next, ...change.detail },
    });
    const row = await repo.findIntake(tx, intakeId);
    if (!row) throw new NotFoundError('The referral');
    return toIntake(p, row, copenhagenDate(ctx.now));
  });
}

/** The receiver confirms it has the referral. */
export async function acknowledgeReferralIntake(deps: Deps, ctx: RequestContext, intakeId: string) {
  return intakeStep(deps, ctx, intakeId, 'acknowledge', async (_tx, p) => ({
    set: { received_at: ctx.now, received_by: p.userId },
  }));
}
