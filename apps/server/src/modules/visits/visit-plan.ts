import {
  copenhagenDate,
  defaultEpdsCutoffs,
  defaultVisitProgramme,
  type EpdsCutoffs,
  planVisits,
  type VisitType,
} from '@familiespor/domain';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import * as repo from './visits.repo';

export type LoadedProgramme = { visitTypes: VisitType[]; isDefault: boolean; updatedAt: Date | null };

/** The municipality's programme, or the statutory default when it has not set its own. */
export async function loadProgramme(tx: Tx, orgId: string): Promise<LoadedProgramme> {
  const row = await repo.findProgramme(tx, orgId);
  if (!row) return { visitTypes: [...defaultVisitProgramme], isDefault: true, updatedAt: null };
  // Written only through updateVisitProgramme, which validates with the contract and the domain.
  return { visitTypes: row.visit_types as VisitType[], isDefault: false, updatedAt: row.updated_at };
}

export async function loadEpdsCutoffs(tx: Tx, orgId: string): Promise<EpdsCutoffs> {
  const rows = await repo.findEpdsCutoffs(tx, orgId);
  const of = (role: 'mother' | 'father') =>
    rows.find((r) => r.respondent_role === role)?.cutoff ?? defaultEpdsCutoffs[role];
  return { mother: of('mother'), father: of('father') };
}

/** Mother and child went home less than 72 hours after the birth: the early visit on day 2–3. */
const earlyDischargeMs = 72 * 3_600_000;

/**
 * The child's visit plan, made at the birth inside the birth's transaction, from the programme
 * of the family's municipality. The plan is the municipality's record; the birth may be
 * registered by the region, so writing it is a consequence of that authorised write (asSystem).
 * Re-running plans nothing twice (one row per child and visit type).
 */
export async function planChildVisitsAtBirth(
  tx: Tx,
  ctx: RequestContext,
  birth: {
    familyId: string;
    familyOrgId: string;
    childPersonId: string;
    pregnancyId: string | null;
    birthTime: Date;
    dischargeTime: Date | null;
  },
): Promise<number> {
  const planned = await asSystem(tx, async () => {
    const programme = await loadProgramme(tx, birth.familyOrgId);
    const facts = await repo.planFacts(tx, birth.familyId, birth.pregnancyId);
    const visits = planVisits(programme.visitTypes, {
      birthDate: copenhagenDate(birth.birthTime),
      dueDate: facts.pregnancy?.due_date ?? null,
      firstTimeParents: facts.pregnancy?.first_child ?? facts.anyFirstTimeParent,
      careLevel: facts.pregnancy?.care_level ?? null,
      earlyDischarge:
        birth.dischargeTime !== null &&
        birth.dischargeTime.getTime() - birth.birthTime.getTime() < earlyDischargeMs,
    });
    return repo.insertPlannedVisits(
      tx,
      visits.map((v) => ({
        org_id: birth.familyOrgId,
        family_id: birth.familyId,
        child_person_id: birth.childPersonId,
        visit_key: v.key,
        name: v.name,
        kind: v.kind,
        window_start: v.start,
        due: v.due,
        window_end: v.end,
        created_at: ctx.now,
      })),
    );
  });
  await writeAudit(tx, ctx, {
    action: 'create',
    entityType: 'visit_plan',
    entityId: birth.childPersonId,
    familyId: birth.familyId,
    personId: birth.childPersonId,
    dataOrgId: birth.familyOrgId,
    detail: { visits: planned },
  });
  return planned;
}
