import type { createOfferBody, Offer, updateOfferBody } from '@familiespor/contracts';
import {
  checkTemplate,
  copenhagenDate,
  type EligibilityRules,
  fivTemplate,
  isReferredTo,
  type TemplateSession,
} from '@familiespor/domain';
import type { z } from 'zod';
import { requireOwnOrgRole, requireStaff } from '../../access/admin-policy';
import { authorize } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import type { Tx } from '../../db/scope';
import { type FieldError, ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { familyFacts } from '../families/family-detail';
import { eligibilityFor, gatherFacts, judge, signUpsAndReferrals } from './eligibility.facts';
import { promoteFromWaitlist } from './enrollment.service';
import * as repo from './offers.repo';

const templateErrors = (sessions: readonly TemplateSession[], fiv: boolean): FieldError[] =>
  checkTemplate(sessions, fiv).map((p) => ({
    path: p.index === null ? 'template' : `template.${p.index}.offset`,
    code: p.code,
    message:
      p.code === 'too_few_sessions'
        ? 'Familieiværksætterne keeps at least 12 sessions'
        : p.code === 'after_third_birthday'
          ? 'A session may not lie after the child’s third birthday'
          : 'Sessions must be in date order',
  }));

async function toOffers(tx: Tx, rows: repo.OfferRow[]): Promise<Offer[]> {
  const ids = rows.map((r) => r.id);
  const sites = await repo.listSites(tx, ids);
  const templates = new Map(
    (await repo.listTemplates(tx, ids)).map((t) => [t.offer_id, t.sessions as TemplateSession[]]),
  );
  return rows.map((r) => ({
    id: r.id,
    organisation: { id: r.org_id, name: r.org_name },
    name: r.name,
    description: r.description,
    kind: r.kind,
    level: r.level,
    municipalityIds: r.municipality_ids,
    eligibility: r.eligibility as EligibilityRules,
    capacity: r.capacity,
    languages: r.languages,
    legalBasis: r.legal_basis,
    referralOnly: r.referral_only,
    fiv: r.fiv,
    schedule: r.schedule,
    active: r.active,
    sites: sites
      .filter((s) => s.offer_id === r.id)
      .map((s) => ({
        id: s.id,
        name: s.name,
        address: s.address,
        maxCohorts: s.max_cohorts,
        languages: s.languages,
      })),
    template: templates.get(r.id) ?? null,
    enrolled: Number(r.enrolled ?? 0),
    waitlisted: Number(r.waitlisted ?? 0),
  }));
}

/**
 * The catalogue. Staff see their organisation's offers and those open to its residents;
 * parents see the offers of their municipality, each with whether they can join now or soon.
 */
export async function listOffers(
  deps: Deps,
  ctx: RequestContext,
  query: { familyId?: string | undefined; includeInactive: boolean },
) {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    if (!p) throw new ForbiddenError({ attempted: 'read', entityType: 'offer', reason: 'login required' });
    const familyId = p.kind === 'parent' ? (query.familyId ?? p.familyIds[0]) : query.familyId;
    let municipality: string | undefined;
    if (familyId) {
      // Eligibility is about the family: the same question as reading who it is, and audited.
      const facts = await familyFacts(tx, familyId);
      const decision = await authorize(tx, ctx, 'read', {
        orgId: facts.org_id,
        category: 'identity',
        familyId,
        entityType: 'family',
        entityId: familyId,
      });
      await writeAudit(tx, ctx, {
        action: 'read',
        entityType: 'family',
        entityId: familyId,
        familyId,
        dataOrgId: facts.org_id,
        basis: decision.basis,
        consentId: decision.consentId ?? null,
        purpose: 'eligibility',
      });
      municipality = facts.org_id;
    }
    const rows = await repo.listOffers(tx, {
      ...(municipality
        ? { forMunicipality: municipality }
        : p.kind === 'staff'
          ? { forMunicipality: p.orgId }
          : {}),
      includeInactive: query.includeInactive && p.kind === 'staff',
    });
    const offers = await toOffers(tx, rows);
    if (!familyId) return offers.map((o) => ({ ...o, forFamily: null }));
    // One transaction, one statement at a time: statements of a transaction must never interleave.
    const facts = await gatherFacts(tx, ctx, familyId);
    const { open, referral } = await signUpsAndReferrals(tx, ctx, familyId);
    const today = copenhagenDate(ctx.now);
    return offers.map((o) => ({
      ...o,
      forFamily: judge(o, facts, familyId, today, open.get(o.id) ?? null, isReferredTo(o.id, referral)),
    }));
  });
}

export async function getOfferIn(tx: Tx, offerId: string): Promise<Offer> {
  const row = await repo.findOffer(tx, offerId);
  if (!row) throw new NotFoundError('The offer');
  return (await toOffers(tx, [row]))[0] as Offer;
}

export async function getOffer(deps: Deps, ctx: RequestContext, offerId: string): Promise<Offer> {
  return runUseCase(deps, ctx, async (tx) => {
    if (!ctx.principal)
      throw new ForbiddenError({ attempted: 'read', entityType: 'offer', reason: 'login required' });
    const row = await repo.findOffer(tx, offerId);
    if (!row) throw new NotFoundError('The offer');
    return (await toOffers(tx, [row]))[0] as Offer;
  });
}

/** The programme lead adds an offer to the municipality's catalogue (NGOs and housing secretariats add theirs). */
export async function createOffer(
  deps: Deps,
  ctx: RequestContext,
  body: z.infer<typeof createOfferBody>,
): Promise<Offer> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'create', entityType: 'offer' });
    requireOwnOrgRole(ctx, p.orgId, ['programme_lead'], { attempted: 'create', entityType: 'offer' });
    const template = body.template ?? (body.fiv ? [...fivTemplate] : undefined);
    const errors: FieldError[] = [];
    if (body.fiv && body.kind !== 'course') {
      errors.push({ path: 'kind', code: 'fiv_is_a_course', message: 'Familieiværksætterne is a course' });
    }
    if (template) errors.push(...templateErrors(template, body.fiv));
    const municipalityIds = body.municipalityIds?.length ? body.municipalityIds : [p.orgId];
    const kinds = await repo.organisationKinds(tx, municipalityIds);
    municipalityIds.forEach((id, i) => {
      if (!kinds.some((k) => k.id === id && k.kind === 'municipality')) {
        errors.push({
          path: `municipalityIds.${i}`,
          code: 'not_a_municipality',
          message: 'Not a municipality',
        });
      }
    });
    if (errors.length > 0) throw new InputError('The offer has invalid fields', errors);
    const { id } = await repo.insertOffer(tx, {
      org_id: p.orgId,
      name: body.name,
      description: body.description,
      kind: body.kind,
      level: body.level,
      municipality_ids: municipalityIds,
      eligibility: JSON.stringify({
        ...body.eligibility,
        ...(body.referralOnly ? { referralOnly: true } : {}),
      }),
      capacity: body.capacity,
      languages: body.languages,
      legal_basis: body.legalBasis,
      referral_only: body.referralOnly,
      fiv: body.fiv,
      schedule: body.schedule,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    await repo.insertSites(
      tx,
      body.sites.map((s) => ({
        offer_id: id,
        org_id: p.orgId,
        name: s.name,
        address: s.address,
        max_cohorts: s.maxCohorts,
        languages: s.languages,
      })),
    );
    if (template) await repo.upsertTemplate(tx, id, p.orgId, template, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'offer',
      entityId: id,
      detail: { kind: body.kind, fiv: body.fiv },
    });
    return (await toOffers(tx, [(await repo.findOffer(tx, id)) as repo.OfferRow]))[0] as Offer;
  });
}

export async function updateOffer(
  deps: Deps,
  ctx: RequestContext,
  offerId: string,
  body: z.infer<typeof updateOfferBody>,
): Promise<Offer> {
  return runUseCase(deps, ctx, async (tx) => {
    const existing = await repo.findOffer(tx, offerId);
    if (!existing) throw new NotFoundError('The offer');
    requireOwnOrgRole(ctx, existing.org_id, ['programme_lead'], {
      attempted: 'update',
      entityType: 'offer',
      entityId: offerId,
    });
    const errors: FieldError[] = [];
    if (body.template) errors.push(...templateErrors(body.template, existing.fiv));
    if (body.capacity !== undefined && body.capacity !== null) {
      const enrolled = await repo.countEnrolled(tx, offerId);
      if (body.capacity < enrolled) {
        errors.push({
          path: 'capacity',
          code: 'below_enrolled',
          message: `${enrolled} families are enrolled already`,
        });
      }
    }
    if (errors.length > 0) throw new InputError('The offer has invalid fields', errors);
    await repo.updateOffer(tx, offerId, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.eligibility !== undefined ? { eligibility: JSON.stringify(body.eligibility) } : {}),
      ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
      ...(body.languages !== undefined ? { languages: body.languages } : {}),
      ...(body.legalBasis !== undefined ? { legal_basis: body.legalBasis } : {}),
      ...(body.schedule !== undefined ? { schedule: body.schedule } : {}),
      ...(body.active !== undefined ? { active: body.active } : {}),
      updated_at: ctx.now,
    });
    if (body.template) await repo.upsertTemplate(tx, offerId, existing.org_id, body.template, ctx.now);
    // More seats: the waitlist moves up first, before anyone new can sign up.
    const promoted = body.capacity !== undefined ? await promoteFromWaitlist(tx, ctx, offerId) : [];
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'offer',
      entityId: offerId,
      detail: { fields: Object.keys(body), promoted: promoted.length },
    });
    return (await toOffers(tx, [(await repo.findOffer(tx, offerId)) as repo.OfferRow]))[0] as Offer;
  });
}

/** Why a family may or may not join an offer, rule by rule (staff), or whether it may now or soon (parents). */
export async function checkEligibility(deps: Deps, ctx: RequestContext, offerId: string, familyId: string) {
  return runUseCase(deps, ctx, async (tx) => {
    const facts = await familyFacts(tx, familyId);
    const decision = await authorize(tx, ctx, 'read', {
      orgId: facts.org_id,
      category: 'identity',
      familyId,
      entityType: 'family',
      entityId: familyId,
    });
    const row = await repo.findOffer(tx, offerId);
    if (!row) throw new NotFoundError('The offer');
    const offer = (await toOffers(tx, [row]))[0] as Offer;
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'family',
      entityId: familyId,
      familyId,
      dataOrgId: facts.org_id,
      basis: decision.basis,
      consentId: decision.consentId ?? null,
      purpose: 'eligibility',
      detail: { offerId },
    });
    return eligibilityFor(tx, ctx, offer, familyId);
  });
}
