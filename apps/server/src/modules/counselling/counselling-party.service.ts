import type { AddCounsellingPartyBody, CounsellingCase } from '@familiespor/contracts';
import { checkCaseDay, copenhagenDate } from '@familiespor/domain';
import { requireStaff } from '../../access/admin-policy';
import type { RequestContext } from '../../access/request-context';
import { asSystem } from '../../db/scope';
import { ConflictError, type FieldError, InputError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { findConsentInForce } from '../families/family-access.repo';
import * as repo from './counselling.repo';
import { auditCase, authorizeCaseWrite, caseOwner, caseView } from './counselling-case';
import { familyMembers, findUnitWithOrg } from './counselling-lookup.repo';

/**
 * A collaborating party — daycare, childminder, health visiting, school — always with the
 * parents' consent. A unit of another organisation in Familiespor goes on a consent in force in
 * the register for category counselling, from the case's organisation to the party's (the same
 * consent then lets the party read the case); without one: 409 consent_missing. A party outside
 * Familiespor, or a unit of the case's own organisation (where the register holds no consents),
 * needs the parent's consent recorded on the party: which parent, how and when.
 */
export async function addCounsellingParty(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  body: AddCounsellingPartyBody,
): Promise<CounsellingCase> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'update', entityType: 'counselling_case', entityId: caseId });
    const owner = await caseOwner(tx, caseId);
    const d = await authorizeCaseWrite(tx, ctx, owner);
    const errors: FieldError[] = [];
    const unit = body.unitId ? ((await findUnitWithOrg(tx, body.unitId)) ?? null) : null;
    if (body.unitId && !(unit?.active && unit.org_active))
      errors.push({ path: 'unitId', code: 'unknown_unit', message: 'No active unit has this id' });
    const register = unit !== null && unit.org_id !== owner.org_id;
    const given = body.parentConsent;
    if (given && !register) {
      const members = await asSystem(tx, () => familyMembers(tx, owner.family_id));
      if (!members.some((m) => m.person_id === given.grantedByPersonId && m.role !== 'child' && m.custody))
        errors.push({
          path: 'parentConsent.grantedByPersonId',
          code: 'not_a_custodian',
          message: 'Not a parent with custody in the family',
        });
      errors.push(
        ...checkCaseDay('parentConsent.givenOn', given.givenOn, '0001-01-01', copenhagenDate(ctx.now)),
      );
    }
    if (errors.length > 0) throw new InputError('The party has invalid fields', errors);

    let consentId: string | null = null;
    if (register && unit) {
      const consent = await asSystem(tx, () =>
        findConsentInForce(tx, {
          familyId: owner.family_id,
          fromOrgId: owner.org_id,
          toOrgId: unit.org_id,
          category: 'counselling',
          now: ctx.now,
        }),
      );
      if (!consent)
        throw new ConflictError('The family has not consented to counselling being shared with this party', [
          {
            path: 'unitId',
            code: 'consent_missing',
            message: `No consent in force lets counselling go from the case's organisation to ${unit.org_name}`,
          },
        ]);
      consentId = consent.id;
    } else if (!given) {
      throw new ConflictError('Record the parents’ consent to the collaboration first', [
        {
          path: 'parentConsent',
          code: 'consent_missing',
          message: 'A party outside Familiespor or in the own organisation needs the parents’ consent here',
        },
      ]);
    }

    const { id } = await repo.insertParty(tx, {
      case_id: owner.id,
      org_id: owner.org_id,
      kind: body.kind,
      name: unit ? `${unit.name}, ${unit.org_name}` : (body.name as string),
      contact: body.contact || (unit ? [unit.phone, unit.email].filter(Boolean).join(', ') || null : null),
      party_unit_id: unit?.id ?? null,
      party_org_id: unit?.org_id ?? null,
      consent_id: consentId,
      consent_person_id: consentId ? null : (given?.grantedByPersonId ?? null),
      consent_how: consentId ? null : (given?.capturedHow ?? null),
      consent_on: consentId ? null : (given?.givenOn ?? null),
      added_by: p.userId,
      added_at: ctx.now,
    });
    await auditCase(tx, ctx, owner, {
      action: 'create',
      entityType: 'counselling_party',
      entityId: id,
      basis: d.basis,
      consentId,
      detail: {
        kind: body.kind,
        partyOrgId: unit?.org_id ?? null,
        consent: consentId ? 'register' : 'recorded',
      },
    });
    return caseView(tx, ctx, owner);
  });
}
