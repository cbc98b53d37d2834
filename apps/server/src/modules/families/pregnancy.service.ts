import { randomUUID } from 'node:crypto';
import type { FamilyDetail, RegisterPregnancyBody } from '@familiespor/contracts';
import {
  addDays,
  checkDueDate,
  copenhagenDate,
  dateAtWeek,
  parseCpr,
  pregnancyVisitKey,
} from '@familiespor/domain';
import { authorize } from '../../access/policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx, widenScope } from '../../db/scope';
import { ConflictError, type FieldError, ForbiddenError, InputError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { findOrganisation } from '../organisations/organisations.repo';
import * as repo from './families.repo';
import { readFamilyDetail } from './family-detail';

type PersonInput = {
  cpr?: string | null | undefined;
  givenName: string;
  familyName: string;
  birthDate?: string | null | undefined;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  phone?: string | null | undefined;
  email?: string | null | undefined;
};

type ResolvedPerson = { id: string; isNew: boolean; duplicateOverride: boolean };

/**
 * The same CPR reuses the person. A new person whose name and birth date match someone
 * already registered is probably the same person: the caller must confirm with a reason.
 */
async function resolvePerson(
  tx: Tx,
  input: PersonInput,
  path: string,
  overrideReason: string | undefined,
  warnings: FieldError[],
): Promise<ResolvedPerson> {
  const parsed = input.cpr ? parseCpr(input.cpr) : null;
  const cpr = parsed?.ok ? parsed.cpr : null;
  if (cpr) {
    const existing = await asSystem(tx, () => repo.findPersonByCpr(tx, cpr.digits));
    if (existing) {
      await asSystem(tx, () =>
        repo.updatePersonContact(tx, existing.id, {
          preferred_language: input.preferredLanguage,
          interpreter_needed: input.interpreterNeeded,
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          ...(input.email !== undefined ? { email: input.email } : {}),
        }),
      );
      return { id: existing.id, isNew: false, duplicateOverride: false };
    }
  }
  const birthDate = cpr?.birthDate ?? input.birthDate ?? null;
  let duplicateOverride = false;
  if (birthDate) {
    const lookalikes = await asSystem(tx, () =>
      repo.findPersonsByNameAndBirthDate(tx, input.givenName, input.familyName, birthDate),
    );
    if (lookalikes.length > 0) {
      if (!overrideReason) {
        warnings.push({
          path,
          code: 'possible_duplicate',
          message: 'A person with the same name and birth date is registered already',
        });
      }
      duplicateOverride = true;
    }
  }
  const id = randomUUID();
  await repo.insertPerson(tx, {
    id,
    cpr: cpr?.digits ?? null,
    given_name: input.givenName,
    family_name: input.familyName,
    birth_date: birthDate,
    sex: cpr?.sex ?? null,
    preferred_language: input.preferredLanguage,
    interpreter_needed: input.interpreterNeeded,
    phone: input.phone ?? null,
    email: input.email ?? null,
  });
  return { id, isNew: true, duplicateOverride };
}

async function requireRegionMidwifery(tx: Tx, ctx: RequestContext): Promise<StaffPrincipal> {
  const p = ctx.principal;
  const attempt = { attempted: 'create' as const, entityType: 'pregnancy' };
  if (p?.kind !== 'staff') throw new ForbiddenError({ ...attempt, reason: 'staff only' });
  const org = await findOrganisation(tx, p.orgId);
  if (org?.kind !== 'region') {
    throw new ForbiddenError({ ...attempt, reason: 'pregnancies are registered by the region’s midwives' });
  }
  await authorize(tx, ctx, 'write', { orgId: p.orgId, category: 'pregnancy', entityType: 'pregnancy' });
  return p;
}

/**
 * Pregnancy registration by the region's midwife (Step 3): the family lands in its home
 * municipality's red thread, and — with the mother's consent — the health visitors of the
 * family's district get the registration and a task to plan the pregnancy visit.
 */
export async function registerPregnancy(
  deps: Deps,
  ctx: RequestContext,
  body: RegisterPregnancyBody,
): Promise<FamilyDetail> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = await requireRegionMidwifery(tx, ctx);
    const today = copenhagenDate(ctx.now);
    const errors: FieldError[] = [];
    const dueProblem = checkDueDate(body.dueDate, today);
    if (dueProblem) {
      errors.push({
        path: 'dueDate',
        code: dueProblem,
        message:
          dueProblem === 'due_date_past'
            ? 'The due date has passed'
            : 'The due date is more than 44 weeks ahead',
      });
    }
    const municipality = await repo.findMunicipalityByCode(tx, body.address.municipalityCode);
    if (!municipality) {
      errors.push({
        path: 'address.municipalityCode',
        code: 'unknown_municipality',
        message: 'No municipality has this code',
      });
    }
    if (body.partner?.cpr && body.partner.cpr.replace('-', '') === body.mother.cpr.replace('-', '')) {
      errors.push({
        path: 'partner.cpr',
        code: 'same_as_mother',
        message: 'The partner’s CPR is the mother’s',
      });
    }
    if (errors.length > 0 || !municipality)
      throw new InputError('The registration has invalid fields', errors);

    // Creating the family in the municipality's red thread is what registration is for.
    await widenScope(tx, municipality.id);
    const warnings: FieldError[] = [];
    const mother = await resolvePerson(tx, body.mother, 'mother', body.duplicateOverrideReason, warnings);
    const existingFamily = mother.isNew
      ? undefined
      : await asSystem(tx, () => repo.findParentFamilyIn(tx, mother.id, municipality.id));
    // The same partner again (the couple's next child), recognised in the family without a CPR.
    const knownPartner =
      existingFamily && body.partner && !body.partner.cpr
        ? await asSystem(tx, () =>
            repo.findFamilyParentByName(tx, existingFamily.id, {
              givenName: body.partner?.givenName as string,
              familyName: body.partner?.familyName as string,
              birthDate: body.partner?.birthDate ?? null,
            }),
          )
        : undefined;
    const partner = knownPartner
      ? { id: knownPartner.id, isNew: false, duplicateOverride: false }
      : body.partner
        ? await resolvePerson(tx, body.partner, 'partner', body.duplicateOverrideReason, warnings)
        : null;
    if (warnings.length > 0) {
      throw new ConflictError(
        'Check for duplicates: confirm with duplicateOverrideReason to continue',
        warnings,
      );
    }
    if (await asSystem(tx, () => repo.findActivePregnancyOfMother(tx, mother.id))) {
      throw new ConflictError('The mother has an ongoing pregnancy registered already', [
        {
          path: 'mother.cpr',
          code: 'pregnancy_exists',
          message: 'An ongoing pregnancy is registered for her',
        },
      ]);
    }

    const unit = await repo.findHealthVisitingUnit(tx, municipality.id, body.address.postcode);
    const address = { street: body.address.street, postcode: body.address.postcode, city: body.address.city };
    let familyId: string;
    if (existingFamily) {
      familyId = existingFamily.id;
      await repo.updateFamilyAddress(tx, familyId, {
        ...address,
        district_unit_id: unit?.district ? unit.id : existingFamily.district_unit_id,
        updated_at: ctx.now,
      });
    } else {
      familyId = (
        await repo.insertFamily(tx, {
          org_id: municipality.id,
          district_unit_id: unit?.district ? unit.id : null,
          ...address,
        })
      ).id;
    }
    await repo.insertMemberIfAbsent(tx, {
      family_id: familyId,
      person_id: mother.id,
      org_id: municipality.id,
      role: 'mother',
      custody: true,
      first_time_parent: body.mother.firstTimeParent,
    });
    if (partner && body.partner) {
      await repo.insertMemberIfAbsent(tx, {
        family_id: familyId,
        person_id: partner.id,
        org_id: municipality.id,
        role: body.partner.role,
        custody: true,
        first_time_parent: body.partner.firstTimeParent,
      });
    }

    const midwiferyUnit = p.unitIds[0] ?? null;
    const { id: pregnancyId } = await repo.insertPregnancy(tx, {
      family_id: familyId,
      org_id: p.orgId,
      unit_id: midwiferyUnit,
      mother_person_id: mother.id,
      due_date: body.dueDate,
      care_level: body.careLevel,
      first_child: body.mother.firstTimeParent && (body.partner?.firstTimeParent ?? true),
      registered_by: p.userId,
      registered_at: ctx.now,
    });
    await repo.insertInvolvement(tx, {
      family_id: familyId,
      family_org_id: municipality.id,
      org_id: p.orgId,
      unit_id: midwiferyUnit,
      staff_user_id: p.userId,
      kind: 'pregnancy_care',
      reason: 'Svangreomsorg: graviditeten er registreret af jordemoderen',
      started_at: ctx.now,
    });

    let consentId: string | null = null;
    let taskId: string | null = null;
    if (body.consent.shareWithHealthVisiting) {
      consentId = (
        await repo.insertConsent(tx, {
          family_id: familyId,
          family_org_id: municipality.id,
          granted_by_person_id: mother.id,
          categories: ['identity', 'pregnancy'],
          from_org_id: p.orgId,
          to_org_id: municipality.id,
          purpose: 'Sundhedsplejen planlægger graviditetsbesøg og tilbud til familien',
          valid_from: ctx.now,
          valid_to: new Date(`${addDays(body.dueDate, 365)}T00:00:00Z`),
          captured_how: body.consent.capturedHow,
          captured_by: p.userId,
          captured_at: ctx.now,
        })
      ).id;
      if (unit) {
        // Plan the visit so it can happen in week 28–32; a late registration gets a week.
        const start = today;
        const week26 = dateAtWeek(body.dueDate, 26);
        const end = [dateAtWeek(body.dueDate, 32), addDays(today, 14)].sort().at(-1) as string;
        const due = [week26, addDays(today, 7)].sort().at(-1) as string;
        taskId = await repo.insertTaskOnce(tx, {
          org_id: municipality.id,
          family_id: familyId,
          assignee_unit_id: unit.id,
          assignee_user_id: null,
          kind: 'plan_pregnancy_visit',
          key: pregnancyVisitKey(pregnancyId),
          window_start: start,
          due: due > end ? end : due,
          window_end: end,
          reason: 'Ny graviditet registreret af jordemoderen: planlæg graviditetsbesøget',
          rule: 'pregnancy_registered',
          created_at: ctx.now,
        });
      }
    }

    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'pregnancy',
      entityId: pregnancyId,
      familyId,
      personId: mother.id,
      basis: 'own_org',
      detail: {
        newFamily: !existingFamily,
        newPersons: [mother, partner].filter((x) => x?.isNew).length,
        duplicateOverride: Boolean(mother.duplicateOverride || partner?.duplicateOverride),
        ...(body.duplicateOverrideReason && (mother.duplicateOverride || partner?.duplicateOverride)
          ? { overrideReason: body.duplicateOverrideReason }
          : {}),
      },
    });
    if (!existingFamily) {
      await writeAudit(tx, ctx, {
        action: 'create',
        entityType: 'family',
        entityId: familyId,
        familyId,
        dataOrgId: municipality.id,
        basis: 'legal_basis',
        purpose: 'pregnancy_registration',
      });
    }
    if (consentId) {
      await writeAudit(tx, ctx, {
        action: 'create',
        entityType: 'consent',
        entityId: consentId,
        familyId,
        personId: mother.id,
        detail: { capturedHow: body.consent.capturedHow, toOrgId: municipality.id, task: taskId !== null },
      });
    }
    return readFamilyDetail(tx, ctx, familyId, 'pregnancy_registration');
  });
}
