import type { ImportReadmissionsBody, ReadmissionsImportResult } from '@familiespor/contracts';
import { type AdmissionLineError, parseAdmissionsCsv } from '@familiespor/domain';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem } from '../../db/scope';
import { ForbiddenError, InputError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import * as repo from './readmissions.repo';

/**
 * Who imports the region's file: the region's midwives and programme lead (the file is the
 * region's), or a municipality's programme lead who received it. A municipality's file only
 * reaches its own children: a child of another municipality is "unknown child" to it.
 */
function mayImport(roles: readonly string[], orgKind: string | null): boolean {
  if (orgKind === 'region') return roles.includes('midwife') || roles.includes('programme_lead');
  if (orgKind === 'municipality') return roles.includes('programme_lead');
  return false;
}

/**
 * One chunk of the file in one transaction: authorize → look up each child → insert → audit.
 * A chunk whose every line is bad is refused (400) and nothing is written; otherwise the good
 * lines go in and the bad ones are reported with their line numbers. An admission already there
 * (same child, day and diagnosis) is "unchanged", so re-importing a file adds nothing.
 */
export async function importReadmissions(
  deps: Deps,
  ctx: RequestContext,
  input: ImportReadmissionsBody,
): Promise<ReadmissionsImportResult> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    const orgKind = p?.kind === 'staff' ? await repo.organisationKind(tx, p.orgId) : null;
    if (p?.kind !== 'staff' || !mayImport(p.roles, orgKind))
      throw new ForbiddenError({
        attempted: 'create',
        entityType: 'readmission_import',
        reason: 'role may not import readmissions',
      });

    const offset = (input.firstLine ?? 2) - 2;
    const parsed = parseAdmissionsCsv(input.content);
    const errors: AdmissionLineError[] = parsed.errors.map((e) =>
      e.code === 'missing_columns' ? e : { ...e, line: e.line + offset },
    );
    const found = await asSystem(tx, () =>
      repo.findChildrenByCpr(
        tx,
        parsed.rows.map((r) => r.childCpr),
      ),
    );
    const childOf = new Map<string, (typeof found)[number]>();
    for (const c of found) {
      if (c.cpr && !childOf.has(c.cpr) && (orgKind === 'region' || c.org_id === p.orgId))
        childOf.set(c.cpr, c);
    }

    let created = 0;
    let unchanged = 0;
    for (const row of parsed.rows) {
      const line = row.line + offset;
      const child = childOf.get(row.childCpr);
      if (!child) {
        errors.push({
          line,
          field: 'child_cpr',
          code: 'unknown_child',
          reason: 'no child with this CPR number',
        });
        continue;
      }
      if (child.birth_date && row.admittedOn < child.birth_date) {
        errors.push({
          line,
          field: 'admission_date',
          code: 'admission_before_birth',
          reason: 'the admission is before the child was born',
        });
        continue;
      }
      const id = await asSystem(tx, () =>
        repo.insertAdmission(tx, {
          org_id: child.org_id,
          family_id: child.family_id,
          child_person_id: child.person_id,
          admitted_on: row.admittedOn,
          discharged_on: row.dischargedOn,
          icd10: row.icd10,
          cause: row.cause,
          imported_by: p.userId,
          imported_by_org_id: p.orgId,
          imported_at: ctx.now,
        }),
      );
      if (!id) {
        unchanged++;
        continue;
      }
      created++;
      await asSystem(tx, () =>
        writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'infant_admission',
          entityId: id,
          familyId: child.family_id,
          personId: child.person_id,
          dataOrgId: child.org_id === p.orgId ? null : child.org_id,
          purpose: 'readmission_import',
        }),
      );
    }
    errors.sort((a, b) => a.line - b.line);
    if (created + unchanged === 0)
      // Nothing usable: the transaction rolls back and the lines come back as the 400's errors.
      throw new InputError(
        'No line of the file could be imported',
        errors.map((e) => ({
          path: e.field ? `line ${e.line}: ${e.field}` : `line ${e.line}`,
          code: e.code,
          message: e.reason,
        })),
      );
    const result = { rows: parsed.lines, created, unchanged, failed: errors.length, errors };
    await writeAudit(tx, ctx, {
      action: 'execute',
      entityType: 'readmission_import',
      detail: { rows: result.rows, created, unchanged, failed: result.failed },
    });
    return result;
  });
}
