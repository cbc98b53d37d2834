import type { CounsellingCase, OpenCounsellingCaseBody } from '@familiespor/contracts';
import { checkConsent, consentValidity, copenhagenDate, parseCpr } from '@familiespor/domain';
import { requireStaff } from '../../access/admin-policy';
import { authorize, type Decision } from '../../access/policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { ConflictError, type FieldError, ForbiddenError, InputError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { insertConsent } from '../consent/consent.repo';
import { findConsentInForce } from '../families/family-access.repo';
import { familyFacts } from '../families/family-detail';
import { findReferralOwner } from '../referrals/referrals.repo';
import * as repo from './counselling.repo';
import { caseView } from './counselling-case';
import { familyCopy } from './counselling-family-copy';
import { caseOfReferral, familiesOfParentCpr, familyMembers, openCaseOf } from './counselling-lookup.repo';

type Allowed = Extract<Decision, { allowed: true }>;
type Family = { id: string; orgId: string };
/** How the case came about, once the family is known. */
type Origin =
  | { kind: 'referral'; family: Family; referralId: string }
  | { kind: 'own_request'; family: Family; personId: string; how: 'paper' | 'verbal' };

const invalid = (errors: FieldError[]) => new InputError('The counselling case has invalid fields', errors);

const readIdentity = (tx: Tx, ctx: RequestContext, family: Family) =>
  authorize(tx, ctx, 'read', {
    orgId: family.orgId,
    category: 'identity',
    familyId: family.id,
    entityType: 'family',
    entityId: family.id,
  });

/**
 * From a referral: one to the counsellor's organisation that its receiver has accepted (the
 * acceptance gave the organisation its involvement, so it knows who the family is). A referral
 * that is not there, or not to this organisation, is unknown (400) — its existence is not told.
 */
async function fromReferral(tx: Tx, p: StaffPrincipal, referralId: string): Promise<Origin> {
  const r = await asSystem(tx, () => findReferralOwner(tx, referralId));
  if (!r || r.to_org_id !== p.orgId)
    throw invalid([
      { path: 'referralId', code: 'unknown_referral', message: 'No referral to you has this id' },
    ]);
  if (r.status !== 'accepted')
    throw new ConflictError(`The referral is ${r.status}: accept it before opening a case`, [
      { path: 'referralId', code: 'referral_not_accepted', message: `The referral is ${r.status}` },
    ]);
  if (await asSystem(tx, () => caseOfReferral(tx, r.id)))
    throw new ConflictError('A counselling case has been opened from this referral already', [
      { path: 'referralId', code: 'case_exists', message: 'The referral has its case' },
    ]);
  return { kind: 'referral', family: { id: r.family_id, orgId: r.family_org_id }, referralId: r.id };
}

/**
 * On the family's own request: the parent who asks is named by person id (the counsellor sees the
 * family already) or by CPR number (the parent is with her, and she cannot see the family yet). The
 * parent must have custody.
 */
async function fromOwnRequest(tx: Tx, body: OpenCounsellingCaseBody): Promise<Origin> {
  const how = body.capturedHow as 'paper' | 'verbal';
  if (body.familyId) {
    const facts = await familyFacts(tx, body.familyId);
    const members = await asSystem(tx, () => familyMembers(tx, facts.id));
    const parent = members.find((m) => m.person_id === body.requestedByPersonId);
    if (!parent || parent.role === 'child' || !parent.custody)
      throw invalid([
        {
          path: 'requestedByPersonId',
          code: 'not_a_custodian',
          message: 'Not a parent with custody in the family',
        },
      ]);
    return {
      kind: 'own_request',
      family: { id: facts.id, orgId: facts.org_id },
      personId: parent.person_id,
      how,
    };
  }
  const parsed = parseCpr(body.parentCpr as string);
  const digits = parsed.ok ? parsed.cpr.digits : '';
  const found = await asSystem(tx, () => familiesOfParentCpr(tx, digits));
  if (found.length === 0)
    throw invalid([
      {
        path: 'parentCpr',
        code: 'unknown_parent',
        message: 'No family in Familiespor has a parent with custody with this CPR number',
      },
    ]);
  if (found.length > 1)
    throw invalid([
      {
        path: 'parentCpr',
        code: 'several_families',
        message: 'The parent belongs to more than one family: open the case from the family’s page',
      },
    ]);
  const f = found[0] as (typeof found)[number];
  return {
    kind: 'own_request',
    family: { id: f.family_id, orgId: f.family_org_id },
    personId: f.person_id,
    how,
  };
}

/**
 * The parents' consent that lets the counsellor's organisation know who the family is, when the
 * family belongs to another organisation: one in force already (e.g. given in the portal), or the
 * one the parent gives now, recorded by the counsellor (paper or verbal).
 */
async function identityConsent(
  tx: Tx,
  ctx: RequestContext,
  p: StaffPrincipal,
  origin: Extract<Origin, { kind: 'own_request' }>,
  validTo: string | undefined,
): Promise<{ id: string; recorded: boolean } | null> {
  const family = origin.family;
  if (family.orgId === p.orgId) return null;
  const inForce = await asSystem(tx, () =>
    findConsentInForce(tx, {
      familyId: family.id,
      fromOrgId: family.orgId,
      toOrgId: p.orgId,
      category: 'identity',
      now: ctx.now,
    }),
  );
  if (inForce) return { id: inForce.id, recorded: false };
  if (!validTo)
    throw invalid([
      { path: 'consentValidTo', code: 'required', message: 'Until when the parent’s consent runs' },
    ]);
  const problems = checkConsent(
    { categories: ['identity'], fromOrgId: family.orgId, toOrgId: p.orgId, validTo },
    copenhagenDate(ctx.now),
  );
  if (problems.length > 0)
    throw invalid(
      problems.map((x) => ({
        path: 'consentValidTo',
        code: x.code,
        message: 'Check the consent’s end date',
      })),
    );
  const validity = consentValidity({ validTo }, ctx.now);
  // The counsellor records what the parent said or signed; the row is the municipality's and
  // the secretariat's together (consent_parties), written as the consent module writes it.
  const id = await asSystem(tx, () =>
    insertConsent(tx, {
      family_id: family.id,
      family_org_id: family.orgId,
      granted_by_person_id: origin.personId,
      categories: ['identity'],
      from_org_id: family.orgId,
      to_org_id: p.orgId,
      purpose: 'Familien har selv bedt om familierådgivning',
      valid_from: validity.validFrom,
      valid_to: validity.validTo,
      captured_how: origin.how,
      captured_by: p.userId,
      captured_at: ctx.now,
    }),
  );
  return { id, recorded: true };
}

/**
 * openCounsellingCase: a family counsellor opens a case for a family, from an accepted referral or
 * on the family's own request, in one of her units. The case gives her organisation an involvement
 * with the family while it is open. One open case per family in an organisation (409).
 */
export async function openCounsellingCase(
  deps: Deps,
  ctx: RequestContext,
  body: OpenCounsellingCaseBody,
): Promise<CounsellingCase> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'create', entityType: 'counselling_case' });
    if (!p.roles.includes('family_counsellor'))
      throw new ForbiddenError({
        attempted: 'create',
        entityType: 'counselling_case',
        dataOrgId: p.orgId,
        reason: 'a family counsellor opens and runs a counselling case',
      });
    const d = await authorize(tx, ctx, 'write', {
      orgId: p.orgId,
      category: 'counselling',
      entityType: 'counselling_case',
    });
    const unitId = body.unitId ?? (p.unitIds.length === 1 ? p.unitIds[0] : undefined);
    if (!unitId || !p.unitIds.includes(unitId))
      throw invalid([
        { path: 'unitId', code: unitId ? 'not_your_unit' : 'required', message: 'One of your units' },
      ]);

    const origin =
      body.openedFrom === 'referral'
        ? await fromReferral(tx, p, body.referralId as string)
        : await fromOwnRequest(tx, body);
    const family = origin.family;
    if (await asSystem(tx, () => openCaseOf(tx, family.id, p.orgId)))
      throw new ConflictError('The family has an open counselling case with you already', [
        { path: 'familyId', code: 'case_open', message: 'Close the open case before opening another' },
      ]);

    // Who the family is: known already (the referral's involvement, or the family page), or known
    // on the consent the parent gives now; inside the own organisation, through the case itself.
    let identity: Allowed | null = null;
    if (origin.kind === 'referral' || body.familyId) identity = await readIdentity(tx, ctx, family);
    const consent =
      origin.kind === 'own_request' ? await identityConsent(tx, ctx, p, origin, body.consentValidTo) : null;
    const involvement = await repo.insertInvolvement(tx, {
      familyId: family.id,
      familyOrgId: family.orgId,
      orgId: p.orgId,
      unitId,
      userId: p.userId,
      at: ctx.now,
    });
    identity ??= await readIdentity(tx, ctx, family);
    const members = await familyMembers(tx, family.id);

    const today = copenhagenDate(ctx.now);
    const { id } = await repo.insertCase(tx, {
      org_id: p.orgId,
      unit_id: unitId,
      family_id: family.id,
      family_org_id: family.orgId,
      counsellor_id: p.userId,
      family_copy: JSON.stringify(familyCopy(members)),
      reason: body.reason,
      opened_from: origin.kind,
      referral_id: origin.kind === 'referral' ? origin.referralId : null,
      requested_by_person_id: origin.kind === 'own_request' ? origin.personId : null,
      request_how: origin.kind === 'own_request' ? origin.how : null,
      consent_id: consent?.id ?? null,
      involvement_id: involvement.id,
      opened_on: today,
      opened_at: ctx.now,
      opened_by: p.userId,
    });
    const goals = await repo.insertGoals(
      tx,
      body.goals.map((g, position) => ({
        case_id: id,
        org_id: p.orgId,
        title: g.title,
        position,
        created_on: today,
        created_at: ctx.now,
        created_by: p.userId,
      })),
    );

    if (consent?.recorded)
      await writeAudit(tx, ctx, {
        action: 'create',
        entityType: 'consent',
        entityId: consent.id,
        familyId: family.id,
        personId: origin.kind === 'own_request' ? origin.personId : null,
        dataOrgId: family.orgId,
        basis: 'consent',
        consentId: consent.id,
        detail: {
          categories: ['identity'],
          fromOrgId: family.orgId,
          toOrgId: p.orgId,
          capturedHow: body.capturedHow,
        },
      });
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'family',
      entityId: family.id,
      familyId: family.id,
      dataOrgId: family.orgId,
      purpose: 'counselling',
      basis: identity.basis,
      consentId: identity.consentId ?? null,
      detail: { category: 'identity', copiedTo: 'counselling_case' },
    });
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'counselling_case',
      entityId: id,
      familyId: family.id,
      dataOrgId: p.orgId,
      basis: d.basis,
      detail: {
        category: 'counselling',
        openedFrom: origin.kind,
        ...(origin.kind === 'referral' ? { referralId: origin.referralId } : {}),
        ...(consent ? { consentId: consent.id } : {}),
        involvementId: involvement.id,
        goalIds: goals.map((g) => g.id),
      },
    });
    const owner = await repo.findCaseOwner(tx, id);
    if (!owner) throw new Error('the new case is not readable in its own transaction');
    return caseView(tx, ctx, owner);
  });
}
