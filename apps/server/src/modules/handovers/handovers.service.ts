import type {
  CreateHandoverBody,
  Handover,
  HandoverPage,
  HandoverReceiver,
  HandoverSummary,
  ListHandoversQuery,
} from '@familiespor/contracts';
import {
  checkHandover,
  copenhagenDate,
  type HandoverTransition,
  receivingServices,
} from '@familiespor/domain';
import { requireStaff } from '../../access/admin-policy';
import { authorize, decide } from '../../access/policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { type AuditInput, writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { ConflictError, type FieldError, ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { familyFacts } from '../families/family-detail';
import './handover-access';
import './handovers-timeline.sources';
import { toHandover, toSummary } from './handover.view';
import * as repo from './handovers.repo';

const staffOf = (ctx: RequestContext, entityId?: string) =>
  requireStaff(ctx, { attempted: 'read', entityType: 'handover', entityId: entityId ?? null });

type HandoverOwner = NonNullable<Awaited<ReturnType<typeof repo.findHandoverOwner>>>;

async function readHandover(tx: Tx, handoverId: string): Promise<Handover> {
  const row = await repo.findHandover(tx, handoverId);
  if (!row) throw new NotFoundError('The handover');
  return toHandover(row);
}

/** An event on one handover is logged against the child, with the sending organisation's data. */
async function auditHandover(
  tx: Tx,
  ctx: RequestContext,
  owner: HandoverOwner,
  entry: Pick<AuditInput, 'action' | 'basis' | 'consentId' | 'detail'>,
) {
  await writeAudit(tx, ctx, {
    ...entry,
    entityType: 'handover',
    entityId: owner.id,
    familyId: owner.family_id,
    personId: owner.child_person_id,
    dataOrgId: owner.org_id,
  });
}

/** The handover as the policy sees it: the receiving unit's staff read it as 'received'. */
async function authorizeRead(tx: Tx, ctx: RequestContext, p: StaffPrincipal, owner: HandoverOwner) {
  const received = p.unitIds.includes(owner.to_unit_id);
  const d = await authorize(tx, ctx, 'read', {
    orgId: owner.org_id,
    category: 'handover',
    familyId: owner.family_id,
    qualifiers: received ? ['received'] : [],
    entityType: 'handover',
    entityId: owner.id,
  });
  // The receiver reads on the family's consent: withdrawn or expired, the handover is closed to them.
  if (received && !(await asSystem(tx, () => repo.handoverConsentInForce(tx, owner.id, ctx.now)))) {
    throw new ForbiddenError({
      attempted: 'read',
      entityType: 'handover',
      entityId: owner.id,
      familyId: owner.family_id,
      dataOrgId: owner.org_id,
      reason: 'the consent the handover went on is no longer in force',
    });
  }
  return { d, received };
}

type Custodian = Awaited<ReturnType<typeof repo.findCustodians>>[number];
type Unit = NonNullable<Awaited<ReturnType<typeof repo.findReceivingUnit>>>;

/**
 * The parents' consent the handover goes on. To another organisation: a consent in force in
 * the register for 'handover' from the sender's organisation to the receiver's. Inside the
 * sender's own organisation (health visiting → the municipality's daycare) the register holds no
 * consent (0010: two organisations), yet sundhedsloven still wants the parents' word before health
 * visiting's knowledge reaches daycare: the sender records it on the handover — which parent, how.
 * Without either: 409 consent_missing.
 */
async function consentFor(
  tx: Tx,
  ctx: RequestContext,
  p: StaffPrincipal,
  body: CreateHandoverBody,
  unit: Unit,
  custodians: readonly Custodian[],
): Promise<{ consentId: string | null; personId: string | null; how: 'paper' | 'verbal' | null }> {
  if (unit.org_id !== p.orgId) {
    const consent = await asSystem(tx, () =>
      repo.findHandoverConsent(tx, {
        familyId: body.familyId,
        fromOrgId: p.orgId,
        toOrgId: unit.org_id,
        now: ctx.now,
      }),
    );
    if (!consent) {
      throw new ConflictError('The family has not consented to a handover to this organisation', [
        {
          path: 'receivingUnitId',
          code: 'consent_missing',
          message: `No consent in force lets handovers go from the sender's organisation to ${unit.org_name}`,
        },
      ]);
    }
    return { consentId: consent.id, personId: null, how: null };
  }
  const given = body.parentConsent;
  if (!given) {
    throw new ConflictError('Record the parents’ consent to the handover first', [
      {
        path: 'parentConsent',
        code: 'consent_missing',
        message:
          'A handover inside the organisation needs the consent of a parent with custody, recorded here',
      },
    ]);
  }
  if (!custodians.some((c) => c.person_id === given.grantedByPersonId)) {
    throw new InputError('The handover has invalid fields', [
      {
        path: 'parentConsent.grantedByPersonId',
        code: 'not_a_custodian',
        message: 'Not a parent with custody in the family',
      },
    ]);
  }
  return { consentId: null, personId: given.grantedByPersonId, how: given.capturedHow };
}

/**
 * A professional hands a child over at a transition: to daycare on the start date, or to the
 * specialised children's area, only on the parents' consent (see consentFor). Without it: 409,
 * nothing written.
 */
export async function createHandover(
  deps: Deps,
  ctx: RequestContext,
  body: CreateHandoverBody,
): Promise<Handover> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'write', entityType: 'handover', familyId: body.familyId });
    const facts = await familyFacts(tx, body.familyId);
    const d = await authorize(tx, ctx, 'write', {
      orgId: p.orgId,
      category: 'handover',
      familyId: body.familyId,
      entityType: 'handover',
    });
    // The sender copies the child's and the parents' names into the handover: identity of the family.
    await authorize(tx, ctx, 'read', {
      orgId: facts.org_id,
      category: 'identity',
      familyId: body.familyId,
      entityType: 'family',
      entityId: body.familyId,
    });

    const errors: FieldError[] = [];
    const unit = await repo.findReceivingUnit(tx, body.receivingUnitId);
    if (!unit?.active || !unit.org_active)
      errors.push({ path: 'receivingUnitId', code: 'unknown_unit', message: 'No such unit' });
    const child = await asSystem(tx, () => repo.findChild(tx, body.familyId, body.childPersonId));
    if (!child)
      errors.push({ path: 'childPersonId', code: 'unknown_child', message: 'Not a child of the family' });
    errors.push(
      ...checkHandover(
        {
          transition: body.transition,
          startDate: body.startDate,
          content: body.content,
          receivingService: unit ? (unit.service ?? '') : null,
        },
        copenhagenDate(ctx.now),
      ),
    );
    if (errors.length > 0 || !unit || !child) throw new InputError('The handover has invalid fields', errors);

    const parents = await asSystem(tx, () => repo.findCustodians(tx, body.familyId));
    const consent = await consentFor(tx, ctx, p, body, unit, parents);
    const { id } = await repo.insertHandover(tx, {
      org_id: p.orgId,
      family_id: body.familyId,
      child_person_id: child.id,
      transition: body.transition,
      to_org_id: unit.org_id,
      to_unit_id: unit.id,
      start_date: body.startDate,
      content: JSON.stringify(body.content),
      identity: JSON.stringify({
        child: {
          personId: child.id,
          givenName: child.given_name,
          familyName: child.family_name,
          birthDate: child.birth_date,
        },
        parents: parents.map((m) => ({
          role: m.role,
          givenName: m.given_name,
          familyName: m.family_name,
          phone: m.phone,
          email: m.email,
        })),
      }),
      consent_id: consent.consentId,
      consent_person_id: consent.personId,
      consent_how: consent.how,
      sent_by: p.userId,
      sent_at: ctx.now,
    });
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'handover',
      entityId: id,
      familyId: body.familyId,
      personId: child.id,
      dataOrgId: p.orgId,
      basis: d.basis,
      consentId: consent.consentId,
      detail: {
        transition: body.transition,
        toOrgId: unit.org_id,
        toUnitId: unit.id,
        consent: consent.consentId ? 'register' : 'on_handover',
      },
    });
    return readHandover(tx, id);
  });
}

/** One handover; for the receiving unit's staff, only while the consent it went on is in force. */
export async function getHandover(deps: Deps, ctx: RequestContext, handoverId: string): Promise<Handover> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = staffOf(ctx, handoverId);
    const owner = await asSystem(tx, () => repo.findHandoverOwner(tx, handoverId));
    if (!owner) throw new NotFoundError('The handover');
    const { d } = await authorizeRead(tx, ctx, p, owner);
    const handover = await readHandover(tx, handoverId);
    await auditHandover(tx, ctx, owner, { action: 'read', basis: d.basis, consentId: d.consentId ?? null });
    return handover;
  });
}

/**
 * "Modtagne overleveringer" (received by one of my units) or the handovers I sent. Each is
 * decided as the single read is; one refused is left out of the page.
 */
export async function listHandovers(
  deps: Deps,
  ctx: RequestContext,
  q: ListHandoversQuery,
): Promise<HandoverPage> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = staffOf(ctx);
    const box = q.box === 'received' ? { received: p.unitIds } : { sentBy: p.userId };
    // Row-level security lets both parties see a handover: no system scope needed.
    const { total, rows } = await repo.listHandovers(tx, box, ctx.now, q);
    const items: HandoverSummary[] = [];
    for (const r of rows) {
      const received = p.unitIds.includes(r.to_unit_id);
      const d = await decide(tx, ctx, 'read', {
        orgId: r.org_id,
        category: 'handover',
        familyId: r.family_id,
        qualifiers: received ? ['received'] : [],
      });
      if (d.allowed) items.push(toSummary(r));
    }
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'handover',
      purpose: q.box === 'received' ? 'handover_received' : 'handover_sent',
      detail: { list: q.box, handoverIds: items.map((i) => i.id) },
    });
    return { total, items };
  });
}

/** The receiving unit confirms it has the handover; once. */
export async function acknowledgeHandover(
  deps: Deps,
  ctx: RequestContext,
  handoverId: string,
): Promise<Handover> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'update', entityType: 'handover', entityId: handoverId });
    const owner = await asSystem(tx, () => repo.findHandoverOwner(tx, handoverId));
    if (!owner) throw new NotFoundError('The handover');
    // Acknowledging is the receiver's: anyone else who may read it (the sender) may not.
    if (!p.unitIds.includes(owner.to_unit_id)) {
      throw new ForbiddenError({
        attempted: 'update',
        entityType: 'handover',
        entityId: handoverId,
        familyId: owner.family_id,
        dataOrgId: owner.org_id,
        reason: 'only the receiving unit acknowledges a handover',
      });
    }
    const { d } = await authorizeRead(tx, ctx, p, owner);
    if (owner.status !== 'sent') throw new ConflictError('The handover has been acknowledged already');
    const done = await repo.acknowledgeHandover(tx, handoverId, p.userId, ctx.now);
    if (!done) throw new ConflictError('The handover has been acknowledged already');
    await auditHandover(tx, ctx, owner, {
      action: 'update',
      basis: d.basis,
      consentId: d.consentId ?? owner.consent_id ?? null,
      detail: { acknowledged: true },
    });
    return readHandover(tx, handoverId);
  });
}

/**
 * The units that can receive a transition: the sender's own organisation's and those of every
 * organisation the family has consented to; each says whether the consent is there.
 */
export async function listHandoverReceivers(
  deps: Deps,
  ctx: RequestContext,
  q: { familyId: string; transition: HandoverTransition },
): Promise<HandoverReceiver[]> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'write', entityType: 'handover', familyId: q.familyId });
    await familyFacts(tx, q.familyId);
    const d = await authorize(tx, ctx, 'write', {
      orgId: p.orgId,
      category: 'handover',
      familyId: q.familyId,
      entityType: 'handover',
    });
    const consented = await asSystem(tx, () => repo.consentedReceiverOrgs(tx, q.familyId, p.orgId, ctx.now));
    const units = await repo.receivingUnits(tx, receivingServices[q.transition], [
      ...new Set([p.orgId, ...consented]),
    ]);
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'consent',
      familyId: q.familyId,
      purpose: 'handover',
      basis: d.basis,
      detail: { category: 'handover', consentedOrgs: consented.length },
    });
    return units.map((u) => ({
      id: u.id,
      name: u.name,
      organisation: { id: u.org_id, name: u.org_name },
      consent: u.org_id === p.orgId ? ('record_on_handover' as const) : ('in_force' as const),
    }));
  });
}
