import { randomUUID } from 'node:crypto';
import type { FamilyDetail, ImportResult, RegisterBirthBody } from '@familiespor/contracts';
import { checkBirth, configurationOnlyRoles, copenhagenDate, parseCpr } from '@familiespor/domain';
import { authorize } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, inScope, type Scope, type Tx } from '../../db/scope';
import { AppError, ConflictError, type FieldError, ForbiddenError, InputError } from '../../errors';
import { type Deps, recordDenied, runUseCase } from '../../use-case';
import { runTaskRulesAfterChange, settlePregnancyVisitTask } from '../tasks/task-triggers';
import { planChildVisitsAtBirth } from '../visits/visit-plan';
import { type BirthNotification, parseCsv, parseJson } from './birth-notification.parser';
import * as repo from './families.repo';
import { familyFacts, readFamilyDetail } from './family-detail';

type BirthInput = {
  familyId: string;
  familyOrgId: string;
  districtUnitId: string | null;
  pregnancy: { id: string; due_date: string; status: string } | undefined;
  child: {
    cpr: string | null;
    givenName: string | null;
    familyName: string | null;
    sex: 'female' | 'male' | null;
  };
  birthTime: Date;
  dischargeTime: Date | null;
  birthplace: string | null;
  source: 'manual' | 'import';
};

const birthMessages: Record<string, string> = {
  birth_before_pregnancy: 'The birth is before the pregnancy began',
  birth_in_future: 'The birth time is in the future',
  discharge_before_birth: 'The discharge is before the birth',
};

/**
 * One birth, inside the caller's transaction: the child joins the family, the pregnancy
 * ends, the pregnancy-care involvement ends, and the municipality's health visiting gets
 * its statutory involvement (Sundhedsloven § 120) and the child's visit plan. Returns the new
 * birth's id.
 */
async function recordBirth(
  tx: Tx,
  ctx: RequestContext,
  actorOrgId: string,
  input: BirthInput,
): Promise<string> {
  const today = copenhagenDate(ctx.now);
  const birthDate = copenhagenDate(input.birthTime);
  const errors: FieldError[] = [];
  const problem = checkBirth(
    input.pregnancy?.due_date ?? birthDate,
    birthDate,
    today,
    input.birthTime,
    input.dischargeTime,
    ctx.now,
  );
  if (problem) {
    errors.push({
      path: problem === 'discharge_before_birth' ? 'dischargeTime' : 'birthTime',
      code: problem,
      message: birthMessages[problem] ?? problem,
    });
  }
  const cpr = input.child.cpr ? parseCpr(input.child.cpr) : null;
  if (cpr?.ok && cpr.cpr.birthDate !== birthDate) {
    errors.push({
      path: 'child.cpr',
      code: 'cpr_birth_date_mismatch',
      message: 'The CPR number’s birth date is not the birth date',
    });
  }
  if (errors.length > 0) throw new InputError('The birth has invalid fields', errors);

  const members = await repo.findMembers(tx, input.familyId);
  const mother = members.find((m) => m.role === 'mother');
  const sex = cpr?.ok ? cpr.cpr.sex : input.child.sex;
  const childId = randomUUID();
  await repo.insertPerson(tx, {
    id: childId,
    cpr: cpr?.ok ? cpr.cpr.digits : null,
    // Until the parents name the child, Danish practice writes "Pige"/"Dreng" and the mother's surname.
    given_name: input.child.givenName ?? (sex === 'female' ? 'Pige' : sex === 'male' ? 'Dreng' : 'Barn'),
    family_name: input.child.familyName ?? mother?.family_name ?? members[0]?.family_name ?? 'Ukendt',
    birth_date: birthDate,
    sex: sex ?? null,
    preferred_language: mother?.preferred_language ?? 'da',
  });
  await repo.insertMemberIfAbsent(tx, {
    family_id: input.familyId,
    person_id: childId,
    org_id: input.familyOrgId,
    role: 'child',
    custody: false,
    first_time_parent: false,
  });
  const { id: birthId } = await repo.insertBirth(tx, {
    family_id: input.familyId,
    family_org_id: input.familyOrgId,
    pregnancy_id: input.pregnancy?.id ?? null,
    org_id: actorOrgId,
    child_person_id: childId,
    birth_time: input.birthTime,
    discharge_time: input.dischargeTime,
    birthplace: input.birthplace,
    source: input.source,
    registered_by: ctx.principal?.kind === 'staff' ? ctx.principal.userId : null,
    created_at: ctx.now,
  });
  if (input.pregnancy?.status === 'active') {
    const pregnancyId = input.pregnancy.id;
    // The pregnancy is the region's record; ending it is a consequence of the birth.
    await asSystem(tx, async () => {
      await repo.markPregnancyBorn(tx, pregnancyId, input.birthTime);
      const regions = await tx
        .selectFrom('pregnancy')
        .select('org_id')
        .where('id', '=', pregnancyId)
        .execute();
      for (const r of regions)
        await repo.endInvolvements(tx, input.familyId, r.org_id, 'pregnancy_care', ctx.now);
    });
  }
  const unit = input.districtUnitId
    ? { id: input.districtUnitId }
    : await asSystem(tx, () =>
        tx
          .selectFrom('unit')
          .select('id')
          .where('org_id', '=', input.familyOrgId)
          .where('service', '=', 'health_visiting')
          .orderBy('kind')
          .executeTakeFirst(),
      );
  await repo.insertInvolvement(tx, {
    family_id: input.familyId,
    family_org_id: input.familyOrgId,
    org_id: input.familyOrgId,
    unit_id: unit?.id ?? null,
    staff_user_id: null,
    kind: 'statutory',
    reason: 'Sundhedsloven § 120: sundhedspleje til alle nyfødte i kommunen',
    started_at: ctx.now,
  });
  // The statutory involvement comes with the child's visit plan (Sundhedsloven § 120).
  await planChildVisitsAtBirth(tx, ctx, {
    familyId: input.familyId,
    familyOrgId: input.familyOrgId,
    childPersonId: childId,
    pregnancyId: input.pregnancy?.id ?? null,
    birthTime: input.birthTime,
    dischargeTime: input.dischargeTime,
  });
  const pregnancyVisitTask = input.pregnancy
    ? await settlePregnancyVisitTask(tx, ctx, input.pregnancy.id)
    : null;
  // The early visits (day 2–3, week 1) are due within days: on the worklist now, not tonight.
  await runTaskRulesAfterChange(tx, ctx, input.familyId);
  await writeAudit(tx, ctx, {
    action: 'create',
    entityType: 'birth',
    entityId: birthId,
    familyId: input.familyId,
    personId: childId,
    dataOrgId: input.familyOrgId,
    detail: {
      source: input.source,
      pregnancy: input.pregnancy?.id ?? null,
      ...(pregnancyVisitTask ? { pregnancyVisitTaskCancelled: pregnancyVisitTask } : {}),
    },
  });
  return birthId;
}

async function assertChildNotRegistered(
  tx: Tx,
  childCpr: string | null,
  familyId: string,
): Promise<'new' | 'same_family'> {
  if (!childCpr) return 'new';
  const existing = await asSystem(tx, () => repo.findPersonByCpr(tx, childCpr));
  if (!existing) return 'new';
  const membership = await asSystem(tx, () => repo.findChildMembership(tx, existing.id));
  if (membership?.family_id === familyId) return 'same_family';
  throw new ConflictError('A person with the child’s CPR is registered already', [
    { path: 'child.cpr', code: 'cpr_taken', message: 'Another person has this CPR number' },
  ]);
}

export async function registerBirth(
  deps: Deps,
  ctx: RequestContext,
  familyId: string,
  body: RegisterBirthBody,
): Promise<FamilyDetail> {
  return runUseCase(deps, ctx, async (tx) => {
    const facts = await familyFacts(tx, familyId);
    await authorize(tx, ctx, 'write', {
      orgId: facts.org_id,
      category: 'identity',
      familyId,
      entityType: 'birth',
    });
    const pregnancy = await asSystem(tx, () => repo.findPregnancyForBirth(tx, familyId, body.pregnancyId));
    if (body.pregnancyId && !pregnancy) {
      throw new InputError('Unknown pregnancy', [
        { path: 'pregnancyId', code: 'invalid_reference', message: 'Not a pregnancy of this family' },
      ]);
    }
    const childCpr = body.child.cpr
      ? (parseCpr(body.child.cpr) as { ok: true; cpr: { digits: string } }).cpr.digits
      : null;
    if ((await assertChildNotRegistered(tx, childCpr, familyId)) === 'same_family') {
      throw new ConflictError('The child is registered in the family already', [
        { path: 'child.cpr', code: 'already_registered', message: 'The birth is registered already' },
      ]);
    }
    const p = ctx.principal;
    await recordBirth(tx, ctx, p?.kind === 'staff' ? p.orgId : facts.org_id, {
      familyId,
      familyOrgId: facts.org_id,
      districtUnitId: facts.district_unit_id,
      pregnancy,
      child: {
        cpr: childCpr,
        givenName: body.child.givenName ?? null,
        familyName: body.child.familyName ?? null,
        sex: body.child.sex ?? null,
      },
      birthTime: new Date(body.birthTime),
      dischargeTime: body.dischargeTime ? new Date(body.dischargeTime) : null,
      birthplace: body.birthplace ?? null,
      source: 'manual',
    });
    return readFamilyDetail(tx, ctx, familyId, 'birth_registration');
  });
}

export type ImportOptions = {
  /** The operator's command line: a trusted integration acting for the system, not for a user. */
  trustedIntegration?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Told about failures that are not the caller's input: a line still reports "could not be saved". */
  onUnexpectedError?: (line: number, error: Error) => void;
};

const importRoles = ['midwife', 'health_visitor', 'programme_lead'] as const;

/**
 * A batch of birth notifications. Each notification is one transaction: a failure rolls
 * back that birth only, so no family is ever half-written; the rest go through. A child
 * already in the mother's family is "unchanged", so re-importing a file changes nothing.
 */
export async function importBirthNotifications(
  deps: Deps,
  ctx: RequestContext,
  input: { format: 'csv' | 'json'; content: string; filename?: string | undefined },
  options: ImportOptions = {},
): Promise<ImportResult> {
  const p = ctx.principal;
  if (!options.trustedIntegration) {
    const allowed =
      p?.kind === 'staff' && p.roles.some((r) => (importRoles as readonly string[]).includes(r));
    if (!allowed || (p?.kind === 'staff' && p.roles.every((r) => configurationOnlyRoles.includes(r)))) {
      await runUseCase(deps, ctx, async () => {
        throw new ForbiddenError({
          attempted: 'create',
          entityType: 'birth_import',
          reason: 'role may not import births',
        });
      });
    }
  }
  const parsed = input.format === 'csv' ? parseCsv(input.content) : parseJson(input.content);
  const result: ImportResult = {
    rows: parsed.lines,
    created: 0,
    unchanged: 0,
    failed: parsed.errors.length,
    errors: [...parsed.errors],
  };
  const scope: Scope =
    options.trustedIntegration || p?.kind !== 'staff'
      ? { kind: 'system' }
      : { kind: 'orgs', orgIds: [p.orgId] };
  let done = 0;
  for (const row of parsed.rows) {
    try {
      const outcome = await inScope(deps.db, scope, (tx) => importOne(tx, ctx, row, options));
      if (outcome === 'created') result.created++;
      else result.unchanged++;
    } catch (error) {
      result.failed++;
      result.errors.push({
        line: row.line,
        field: fieldOf(error),
        code: codeOf(error),
        reason: reasonOf(error),
      });
      if (error instanceof ForbiddenError) await recordDenied(deps, ctx, error);
      else if (!(error instanceof AppError)) options.onUnexpectedError?.(row.line, error as Error);
    }
    options.onProgress?.(++done, parsed.rows.length);
  }
  result.errors.sort((a, b) => a.line - b.line);
  await inScope(deps.db, scope, (tx) =>
    writeAudit(tx, ctx, {
      action: 'execute',
      entityType: 'birth_import',
      detail: {
        rows: result.rows,
        created: result.created,
        unchanged: result.unchanged,
        failed: result.failed,
      },
    }),
  );
  return result;
}

const columnOf: Record<string, string> = {
  'child.cpr': 'child_cpr',
  birthTime: 'birth_time',
  dischargeTime: 'discharge_time',
};
function fieldOf(error: unknown): string | null {
  const path = error instanceof AppError ? error.errors?.[0]?.path : undefined;
  return path ? (columnOf[path] ?? path) : null;
}
function codeOf(error: unknown): string {
  if (error instanceof ForbiddenError) return 'no_access';
  if (error instanceof AppError) return error.errors?.[0]?.code ?? error.code;
  return 'not_saved';
}
function reasonOf(error: unknown): string {
  if (error instanceof ForbiddenError) return 'no access to this family';
  if (error instanceof AppError) return error.errors?.[0]?.message ?? error.message;
  return 'could not be saved; nothing from this line was written';
}

async function importOne(
  tx: Tx,
  ctx: RequestContext,
  row: BirthNotification,
  options: ImportOptions,
): Promise<'created' | 'unchanged'> {
  const found = await asSystem(tx, () => repo.findPregnancyByMotherCpr(tx, row.motherCpr));
  // Re-sending a file must change nothing, also days later and after the birth ended the
  // sender's own access: "unchanged" says no more than the sender's own file does.
  if (found && (await assertChildNotRegistered(tx, row.childCpr, found.family_id)) === 'same_family')
    return 'unchanged';
  // A pregnancy that ended in a birth takes a second child only within two days (twins).
  const twinWindowMs = 48 * 3_600_000;
  const pregnancy =
    found?.status === 'born' &&
    found.ended_at &&
    row.birthTime.getTime() - found.ended_at.getTime() > twinWindowMs
      ? undefined
      : found;
  if (!pregnancy)
    throw new InputError('No pregnancy is registered for the mother', [
      { path: 'mother_cpr', code: 'unknown_mother', message: 'No pregnancy is registered for this mother' },
    ]);
  if (!options.trustedIntegration) {
    await authorize(tx, ctx, 'write', {
      orgId: pregnancy.family_org_id,
      category: 'identity',
      familyId: pregnancy.family_id,
      entityType: 'birth',
    });
  }
  const p = ctx.principal;
  await recordBirth(tx, ctx, p?.kind === 'staff' ? p.orgId : pregnancy.org_id, {
    familyId: pregnancy.family_id,
    familyOrgId: pregnancy.family_org_id,
    districtUnitId: pregnancy.district_unit_id,
    pregnancy: { id: pregnancy.id, due_date: pregnancy.due_date, status: pregnancy.status },
    child: { cpr: row.childCpr, givenName: null, familyName: null, sex: null },
    birthTime: row.birthTime,
    dischargeTime: row.dischargeTime,
    birthplace: row.birthplace,
    source: 'import',
  });
  return 'created';
}
