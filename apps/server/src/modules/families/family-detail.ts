import type { FamilyDetail } from '@familiespor/contracts';
import { type Category, copenhagenDate, familyStage, maskCpr } from '@familiespor/domain';
import { authorize, type Decision, decide } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { NotFoundError } from '../../errors';
import * as repo from './families.repo';
// The access rules families add (coordinator, involvement, consent) must be loaded wherever families are read.
import './family-access';

type Facts = NonNullable<Awaited<ReturnType<typeof repo.findFamilyAccessFacts>>>;

/** Looks up who owns the family; 404 when it does not exist. */
export async function familyFacts(tx: Tx, familyId: string): Promise<Facts> {
  const facts = await asSystem(tx, () => repo.findFamilyAccessFacts(tx, familyId));
  if (!facts) throw new NotFoundError('The family');
  return facts;
}

const coordinatorOf = (c: Awaited<ReturnType<typeof repo.findCoordinatorHistory>>[number]) => ({
  assignmentId: c.id,
  staff: {
    id: c.staff_user_id,
    name: c.staff_name,
    title: c.staff_title,
    organisation: { id: c.coordinator_org_id, name: c.org_name },
  },
  startedAt: c.started_at.toISOString(),
  endedAt: c.ended_at?.toISOString() ?? null,
  handoverNote: c.handover_note,
  assignedByName: c.assigned_by_name,
});

export const memberOf = (m: repo.MemberRow) => ({
  personId: m.person_id,
  role: m.role,
  givenName: m.given_name,
  familyName: m.family_name,
  cprMasked: m.cpr ? maskCpr(m.cpr) : null,
  birthDate: m.birth_date,
  sex: m.sex,
  preferredLanguage: m.preferred_language,
  interpreterNeeded: m.interpreter_needed,
  custody: m.custody,
  firstTimeParent: m.first_time_parent,
  phone: m.phone,
  email: m.email,
});

/**
 * The family as the caller may see it: identity is required (403 otherwise); each other
 * section is decided for its own organisation and category, and left out when refused.
 * Writes one audit event per basis the read relied on.
 */
export async function readFamilyDetail(
  tx: Tx,
  ctx: RequestContext,
  familyId: string,
  purpose: string,
): Promise<FamilyDetail> {
  const facts = await familyFacts(tx, familyId);
  const identity = await authorize(tx, ctx, 'read', {
    orgId: facts.org_id,
    category: 'identity',
    familyId,
    entityType: 'family',
    entityId: familyId,
  });
  const hidden = new Set<Category>();
  const allowedPregnancyOrgs: string[] = [];
  const bases: { orgId: string; category: Category; decision: Extract<Decision, { allowed: true }> }[] = [
    { orgId: facts.org_id, category: 'identity', decision: identity },
  ];
  for (const orgId of facts.pregnancyOrgIds) {
    const d = await decide(tx, ctx, 'read', { orgId, category: 'pregnancy', familyId });
    if (d.allowed) {
      allowedPregnancyOrgs.push(orgId);
      bases.push({ orgId, category: 'pregnancy', decision: d });
    } else hidden.add('pregnancy');
  }

  const family = await repo.findFamilyRow(tx, familyId);
  if (!family) throw new NotFoundError('The family');
  const members = await repo.findMembers(tx, familyId);
  const pregnancies = await repo.findPregnancies(tx, familyId, allowedPregnancyOrgs);
  const births = await repo.findBirths(tx, familyId);
  const history = await repo.findCoordinatorHistory(tx, familyId);
  const involvements = await repo.findActiveInvolvements(tx, familyId);
  const today = copenhagenDate(ctx.now);
  const active = pregnancies.find((p) => p.status === 'active');

  for (const b of bases) {
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'family',
      entityId: familyId,
      familyId,
      dataOrgId: b.orgId,
      purpose,
      basis: b.decision.basis,
      consentId: b.decision.consentId ?? null,
      detail: { category: b.category },
    });
  }

  const coordinators = history.map(coordinatorOf);
  return {
    id: family.id,
    organisation: { id: family.org_id, name: family.org_name },
    district: family.district_unit_id
      ? { id: family.district_unit_id, name: family.district_name ?? '' }
      : null,
    address:
      family.street || family.postcode
        ? { street: family.street, postcode: family.postcode, city: family.city }
        : null,
    members: members.map(memberOf),
    pregnancies: pregnancies.map((p) => ({
      id: p.id,
      organisation: { id: p.org_id, name: p.org_name },
      dueDate: p.due_date,
      careLevel: p.care_level,
      firstChild: p.first_child,
      status: p.status,
      registeredAt: p.registered_at.toISOString(),
    })),
    births: births.map((b) => ({
      id: b.id,
      childPersonId: b.child_person_id,
      birthTime: b.birth_time.toISOString(),
      dischargeTime: b.discharge_time?.toISOString() ?? null,
      birthplace: b.birthplace,
    })),
    coordinator: coordinators.find((c) => c.endedAt === null) ?? null,
    coordinatorHistory: coordinators,
    involvements: involvements.map((i) => ({
      organisation: { id: i.org_id, name: i.org_name },
      unit: i.unit_id ? { id: i.unit_id, name: i.unit_name ?? '' } : null,
      kind: i.kind,
      since: i.started_at.toISOString(),
    })),
    stage: familyStage(
      {
        activeDueDate: active?.due_date ?? null,
        childBirthDates: members
          .filter((m) => m.role === 'child' && m.birth_date)
          .map((m) => m.birth_date as string),
      },
      today,
    ),
    hidden: [...hidden],
  };
}
