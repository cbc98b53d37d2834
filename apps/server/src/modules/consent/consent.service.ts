import type { Consent, ConsentOverview, GrantConsentBody, WithdrawConsentBody } from '@familiespor/contracts';
import {
  type ConsentableCategory,
  checkConsent,
  consentStatus,
  consentValidity,
  copenhagenDate,
} from '@familiespor/domain';
import { type Decision, decide } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { ConflictError, type FieldError, ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { familyFacts } from '../families/family-detail';
import './consent-gate';
import './consent-timeline.sources';
import * as repo from './consent.repo';

type Allowed = Extract<Decision, { allowed: true }>;
const name = (given: string | null, family: string | null) => [given, family].filter(Boolean).join(' ');

export function toConsent(r: repo.ConsentRow, now: Date): Consent {
  const withdrawnBy = r.withdrawn_staff_name
    ? { kind: 'staff' as const, name: r.withdrawn_staff_name }
    : r.withdrawn_person_given
      ? { kind: 'parent' as const, name: name(r.withdrawn_person_given, r.withdrawn_person_family) }
      : null;
  return {
    id: r.id,
    familyId: r.family_id,
    categories: r.categories as ConsentableCategory[],
    from: { id: r.from_org_id, name: r.from_name },
    to: { id: r.to_org_id, name: r.to_name },
    purpose: r.purpose,
    validFrom: r.valid_from.toISOString(),
    validTo: r.valid_to?.toISOString() ?? null,
    status: consentStatus({ validFrom: r.valid_from, validTo: r.valid_to, withdrawnAt: r.withdrawn_at }, now),
    grantedBy: { personId: r.granted_by_person_id, name: name(r.granted_given, r.granted_family) },
    capturedHow: r.captured_how,
    capturedAt: r.captured_at.toISOString(),
    capturedBy: r.captured_by ? { id: r.captured_by, name: r.captured_by_name ?? '' } : null,
    withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    withdrawnHow: r.withdrawn_how,
    withdrawnBy,
  };
}

/**
 * May the caller act on this family's consents at all? A parent of the family (basis `self`),
 * or a professional who may read the family's identity — on any basis. A professional must
 * moreover belong to one of the organisations the consent concerns.
 */
async function authorizeFamily(
  tx: Tx,
  ctx: RequestContext,
  family: { id: string; orgId: string },
  attempted: 'read' | 'create' | 'update',
  entityId?: string,
): Promise<Allowed> {
  const d = await decide(tx, ctx, 'read', { orgId: family.orgId, category: 'identity', familyId: family.id });
  if (!d.allowed)
    throw new ForbiddenError({
      attempted,
      entityType: 'consent',
      entityId: entityId ?? null,
      familyId: family.id,
      dataOrgId: family.orgId,
      reason: d.reason,
    });
  return d;
}

/** A parent gives or withdraws consent only with custody (forældremyndighed). */
async function requireCustody(
  tx: Tx,
  familyId: string,
  personId: string,
  attempt: { attempted: 'create' | 'update'; entityId?: string; dataOrgId: string },
) {
  const parents = await repo.familyParents(tx, familyId);
  const me = parents.find((m) => m.person_id === personId);
  if (!me?.custody)
    throw new ForbiddenError({
      attempted: attempt.attempted,
      entityType: 'consent',
      entityId: attempt.entityId ?? null,
      familyId,
      dataOrgId: attempt.dataOrgId,
      reason: 'only a parent with custody gives or withdraws consent',
    });
}

/** The parent a professional names must be one of the family's parents with custody. */
async function checkNamedParent(tx: Tx, familyId: string, personId: string | undefined, path: string) {
  if (!personId) return { path, code: 'required', message: 'Which parent is required' };
  const parents = await repo.familyParents(tx, familyId);
  const named = parents.find((m) => m.person_id === personId);
  if (!named) return { path, code: 'not_a_parent_of_family', message: 'Not a parent in the family' };
  if (!named.custody) return { path, code: 'no_custody', message: 'The parent does not have custody' };
  return null;
}

function requireParty(
  ctx: RequestContext,
  orgs: { familyOrgId: string; fromOrgId: string; toOrgId: string },
  attempt: { attempted: 'create' | 'update'; familyId: string; entityId?: string },
) {
  const p = ctx.principal;
  if (p?.kind !== 'staff') return;
  if ([orgs.familyOrgId, orgs.fromOrgId, orgs.toOrgId].includes(p.orgId)) return;
  throw new ForbiddenError({
    ...attempt,
    entityType: 'consent',
    entityId: attempt.entityId ?? null,
    dataOrgId: orgs.familyOrgId,
    reason: 'the organisation is not a party to the consent',
  });
}

async function readConsent(tx: Tx, id: string, now: Date): Promise<Consent> {
  const row = await repo.findConsent(tx, id);
  if (!row) throw new NotFoundError('The consent');
  return toConsent(row, now);
}

/**
 * grantConsent: a parent with custody in the portal, or a professional recording a consent the
 * parent gave on paper or by word of mouth (which parent, how, by whom). Scope: categories ×
 * from → to organisation × purpose, valid between two dates.
 */
export async function grantConsent(
  deps: Deps,
  ctx: RequestContext,
  body: GrantConsentBody,
): Promise<Consent> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    const facts = await familyFacts(tx, body.familyId);
    const family = { id: body.familyId, orgId: facts.org_id };
    const d = await authorizeFamily(tx, ctx, family, 'create');
    const errors: FieldError[] = [];
    let grantedBy: string;
    if (p?.kind === 'parent') {
      if (body.grantedByPersonId && body.grantedByPersonId !== p.personId)
        throw new ForbiddenError({
          attempted: 'create',
          entityType: 'consent',
          familyId: family.id,
          dataOrgId: family.orgId,
          reason: 'a parent gives consent for themself',
        });
      if (body.capturedHow)
        errors.push({ path: 'capturedHow', code: 'staff_only', message: 'Set by the portal itself' });
      grantedBy = p.personId;
    } else {
      const named = await asSystem(tx, () =>
        checkNamedParent(tx, family.id, body.grantedByPersonId, 'grantedByPersonId'),
      );
      if (named) errors.push(named);
      if (!body.capturedHow)
        errors.push({ path: 'capturedHow', code: 'required', message: 'Paper or verbal is required' });
      grantedBy = body.grantedByPersonId ?? '';
    }
    const today = copenhagenDate(ctx.now);
    for (const problem of checkConsent(body, today))
      errors.push({ ...problem, message: consentProblemText[problem.code] ?? problem.code });
    const known = await repo.existingOrganisations(tx, [body.fromOrgId, body.toOrgId]);
    for (const path of ['fromOrgId', 'toOrgId'] as const)
      if (!known.has(body[path]))
        errors.push({ path, code: 'unknown_organisation', message: 'No such organisation' });
    if (errors.length > 0) throw new InputError('The consent has invalid fields', errors);

    requireParty(
      ctx,
      { familyOrgId: family.orgId, fromOrgId: body.fromOrgId, toOrgId: body.toOrgId },
      { attempted: 'create', familyId: family.id },
    );
    if (p?.kind === 'parent')
      await asSystem(tx, () =>
        requireCustody(tx, family.id, p.personId, { attempted: 'create', dataOrgId: family.orgId }),
      );

    const validity = consentValidity(body, ctx.now);
    const id = await repo.insertConsent(tx, {
      family_id: family.id,
      family_org_id: family.orgId,
      granted_by_person_id: grantedBy,
      categories: [...body.categories],
      from_org_id: body.fromOrgId,
      to_org_id: body.toOrgId,
      purpose: body.purpose,
      valid_from: validity.validFrom,
      valid_to: validity.validTo,
      captured_how: p?.kind === 'staff' ? (body.capturedHow ?? 'paper') : 'portal',
      captured_by: p?.kind === 'staff' ? p.userId : null,
      captured_at: ctx.now,
    });
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'consent',
      entityId: id,
      familyId: family.id,
      personId: grantedBy,
      dataOrgId: family.orgId,
      basis: d.basis,
      consentId: id,
      detail: {
        categories: body.categories,
        fromOrgId: body.fromOrgId,
        toOrgId: body.toOrgId,
        capturedHow: p?.kind === 'staff' ? body.capturedHow : 'portal',
      },
    });
    // The family's organisation always sees its own consents; the reader may be a third party.
    return asSystem(tx, () => readConsent(tx, id, ctx.now));
  });
}

const consentProblemText: Record<string, string> = {
  required: 'At least one category is required',
  not_consentable: 'Not a category a consent can cover',
  duplicate: 'Each category once',
  same_organisation: 'A consent is between two different organisations',
  in_past: 'The date has passed',
  before_valid_from: 'The consent ends before it starts',
  too_long: 'A consent can run for at most three years',
  invalid_date: 'Not a date in the calendar',
};

/**
 * withdrawConsent: by a parent with custody in the portal, or recorded by a professional when the
 * parent withdrew it on paper or by phone. It bites on the next read: the gate asks every time.
 */
export async function withdrawConsent(
  deps: Deps,
  ctx: RequestContext,
  consentId: string,
  body: WithdrawConsentBody,
): Promise<Consent> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    const owner = await asSystem(tx, () => repo.findConsentOwner(tx, consentId));
    if (!owner) throw new NotFoundError('The consent');
    const family = { id: owner.family_id, orgId: owner.family_org_id };
    const d = await authorizeFamily(tx, ctx, family, 'update', consentId);
    const attempt = { attempted: 'update' as const, familyId: family.id, entityId: consentId };
    let how: 'portal' | 'paper' | 'verbal';
    let byPersonId: string | null;
    if (p?.kind === 'parent') {
      const errors: FieldError[] = [];
      if (body.capturedHow)
        errors.push({ path: 'capturedHow', code: 'staff_only', message: 'Set by the portal itself' });
      if (body.withdrawnByPersonId && body.withdrawnByPersonId !== p.personId)
        errors.push({
          path: 'withdrawnByPersonId',
          code: 'staff_only',
          message: 'A parent withdraws for themself',
        });
      if (errors.length > 0) throw new InputError('The withdrawal has invalid fields', errors);
      await asSystem(tx, () =>
        requireCustody(tx, family.id, p.personId, { ...attempt, dataOrgId: family.orgId }),
      );
      how = 'portal';
      byPersonId = p.personId;
    } else {
      const errors: FieldError[] = [];
      const named = await asSystem(tx, () =>
        checkNamedParent(tx, family.id, body.withdrawnByPersonId, 'withdrawnByPersonId'),
      );
      if (named) errors.push(named);
      if (!body.capturedHow)
        errors.push({ path: 'capturedHow', code: 'required', message: 'Paper or verbal is required' });
      if (errors.length > 0) throw new InputError('The withdrawal has invalid fields', errors);
      requireParty(
        ctx,
        { familyOrgId: family.orgId, fromOrgId: owner.from_org_id, toOrgId: owner.to_org_id },
        attempt,
      );
      how = body.capturedHow ?? 'paper';
      byPersonId = body.withdrawnByPersonId ?? null;
    }
    if (owner.withdrawn_at) throw new ConflictError('The consent has already been withdrawn');
    const changed = await repo.withdrawConsent(tx, consentId, {
      at: ctx.now,
      how,
      byPersonId,
      byStaffId: p?.kind === 'staff' ? p.userId : null,
    });
    if (changed === 0) throw new ConflictError('The consent has already been withdrawn');
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'consent',
      entityId: consentId,
      familyId: family.id,
      personId: byPersonId,
      dataOrgId: family.orgId,
      basis: d.basis,
      consentId,
      detail: { withdrawn: true, how },
    });
    return asSystem(tx, () => readConsent(tx, consentId, ctx.now));
  });
}

async function overview(
  tx: Tx,
  ctx: RequestContext,
  family: { id: string; orgId: string },
  d: Allowed,
): Promise<ConsentOverview> {
  // After the decision: the consents, the organisations they may name and the family's parents
  // are read for this family only, whichever organisation the caller belongs to.
  const [rows, organisations, parents] = await asSystem(
    tx,
    async () =>
      [
        await repo.findFamilyConsents(tx, family.id),
        await repo.consentOrganisations(tx, family.id, family.orgId),
        await repo.familyParents(tx, family.id),
      ] as const,
  );
  await writeAudit(tx, ctx, {
    action: 'read',
    entityType: 'consent',
    familyId: family.id,
    dataOrgId: family.orgId,
    basis: d.basis,
    consentId: d.consentId ?? null,
    detail: { consents: rows.length },
  });
  return {
    familyId: family.id,
    consents: rows.map((r) => toConsent(r, ctx.now)),
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    parents: parents.map((m) => ({
      personId: m.person_id,
      name: name(m.given_name, m.family_name),
      custody: m.custody,
    })),
  };
}

/** listMyConsents: the parent's family's consents — active, pending, expired and withdrawn. */
export async function listMyConsents(
  deps: Deps,
  ctx: RequestContext,
  familyIdParam: string | undefined,
): Promise<ConsentOverview> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    if (p?.kind !== 'parent')
      throw new ForbiddenError({ attempted: 'read', entityType: 'consent', reason: 'parents only' });
    const familyId = familyIdParam ?? p.familyIds[0];
    if (!familyId) throw new NotFoundError('Your family');
    const facts = await familyFacts(tx, familyId);
    const family = { id: familyId, orgId: facts.org_id };
    return overview(tx, ctx, family, await authorizeFamily(tx, ctx, family, 'read'));
  });
}

/** listFamilyConsents: the family's consents for a professional who may see the family. */
export async function listFamilyConsents(
  deps: Deps,
  ctx: RequestContext,
  familyId: string,
): Promise<ConsentOverview> {
  return runUseCase(deps, ctx, async (tx) => {
    const facts = await familyFacts(tx, familyId);
    const family = { id: familyId, orgId: facts.org_id };
    return overview(tx, ctx, family, await authorizeFamily(tx, ctx, family, 'read'));
  });
}
