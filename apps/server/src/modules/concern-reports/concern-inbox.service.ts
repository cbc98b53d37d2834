import type {
  AssessConcernReportBody,
  ChildAssessmentBody,
  ConcernInbox,
  ConcernReport,
  ListConcernReportsQuery,
} from '@familiespor/contracts';
import { copenhagenDate } from '@familiespor/domain';
import { requireStaff } from '../../access/admin-policy';
import { authorize } from '../../access/policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { ConflictError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { toConcernReport } from './concern-report.mapper';
import * as repo from './concern-reports.repo';

/**
 * Concern reports, the receiving municipality's side: the caseworkers' inbox and what they
 * record. The matrix gives category concern in full to caseworkers only; everyone else may
 * send and is refused here (403, audited). The question is asked for the caller's own
 * organisation and no family: the inbox is the municipality's, whoever the family is, and the
 * reports of other municipalities stay out of reach by row-level security (404).
 * Audit events carry no family or person id (see concern-reports.service.ts).
 */
async function authorizeInbox(
  tx: Tx,
  ctx: RequestContext,
  action: 'read' | 'write',
  entityId?: string,
): Promise<{ p: StaffPrincipal; basis: 'own_org' | 'consent' | 'legal_basis' | 'break_the_glass' | 'self' }> {
  const attempted = action === 'read' ? 'read' : 'update';
  const p = requireStaff(ctx, { attempted, entityType: 'concern_report', entityId: entityId ?? null });
  const target = {
    orgId: p.orgId,
    category: 'concern' as const,
    entityType: 'concern_report',
    ...(entityId ? { entityId } : {}),
  };
  // Working a report is reading it first: 'send' allows the write of a new report only.
  const d = await authorize(tx, ctx, 'read', target);
  if (action === 'write') await authorize(tx, ctx, 'write', target);
  return { p, basis: d.basis };
}

/** One report with who it is about; the identification is read as system after authorisation. */
async function loadReport(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  revealCpr = false,
): Promise<ConcernReport> {
  const row = await repo.findReport(tx, id);
  if (!row) throw new NotFoundError('The concern report');
  const subjects = await asSystem(tx, () => repo.subjectsOf(tx, [row]));
  return toConcernReport(row, subjects, ctx.now, revealCpr);
}

/** listConcernReports: the municipality's inbox, reports past a deadline first, then the newest. */
export async function listConcernReports(
  deps: Deps,
  ctx: RequestContext,
  query: ListConcernReportsQuery,
): Promise<ConcernInbox> {
  return runUseCase(deps, ctx, async (tx) => {
    const { p, basis } = await authorizeInbox(tx, ctx, 'read');
    const today = copenhagenDate(ctx.now);
    const rows = await repo.inboxReports(tx, p.orgId, {
      status: query.status,
      now: ctx.now,
      today,
      limit: query.limit,
    });
    const counts = await repo.inboxCounts(tx, p.orgId, ctx.now, today);
    const subjects = await asSystem(tx, () => repo.subjectsOf(tx, rows));
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'concern_report',
      purpose: 'concern_inbox',
      basis,
      detail: { list: 'inbox', status: query.status, reportIds: rows.map((r) => r.id) },
    });
    return {
      counts: { open: counts.open, overdue: counts.overdue },
      items: rows.map((r) => toConcernReport(r, subjects, ctx.now)),
    };
  });
}

/** getConcernReport: one report in full, the CPR number unmasked. */
export async function getConcernReport(deps: Deps, ctx: RequestContext, id: string): Promise<ConcernReport> {
  return runUseCase(deps, ctx, async (tx) => {
    const { basis } = await authorizeInbox(tx, ctx, 'read', id);
    const report = await loadReport(tx, ctx, id, true);
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'concern_report',
      entityId: id,
      purpose: 'concern_assessment',
      basis,
      detail: { cprShown: report.subject.cpr !== null },
    });
    return report;
  });
}

async function update(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  change: (tx: Tx, p: StaffPrincipal) => Promise<{ done: boolean; conflict: string; detail: object }>,
): Promise<ConcernReport> {
  return runUseCase(deps, ctx, async (tx) => {
    const { p, basis } = await authorizeInbox(tx, ctx, 'write', id);
    if (!(await repo.findReport(tx, id))) throw new NotFoundError('The concern report');
    const { done, conflict, detail } = await change(tx, p);
    if (!done) throw new ConflictError(conflict);
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'concern_report',
      entityId: id,
      purpose: 'concern_assessment',
      basis,
      detail: { ...detail },
    });
    return loadReport(tx, ctx, id);
  });
}

/** assessConcernReport: the urgent assessment (within 24 hours): must something be done at once? */
export async function assessConcernReport(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: AssessConcernReportBody,
): Promise<ConcernReport> {
  return update(deps, ctx, id, async (tx, p) => ({
    done: await repo.recordAssessment(tx, id, {
      at: ctx.now,
      by: p.userId,
      acuteRisk: body.acuteRisk,
      note: body.note || null,
    }),
    conflict: 'The report has been assessed already',
    detail: { recorded: 'assessment', acuteRisk: body.acuteRisk },
  }));
}

/** sendConcernReceipt: the receipt to the sender (within 6 working days). */
export async function sendConcernReceipt(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<ConcernReport> {
  return update(deps, ctx, id, async (tx, p) => ({
    done: await repo.recordReceipt(tx, id, { at: ctx.now, by: p.userId }),
    conflict: 'The receipt has been sent already',
    detail: { recorded: 'receipt' },
  }));
}

/**
 * recordChildAssessmentStarted: whether a child assessment (børnefaglig undersøgelse, § 20)
 * was started — the one thing about the outcome the sender learns. "Not started" may later
 * become "started"; a started assessment is not undone (409).
 */
export async function recordChildAssessmentStarted(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: ChildAssessmentBody,
): Promise<ConcernReport> {
  const decision = body.started ? 'started' : 'not_started';
  return update(deps, ctx, id, async (tx, p) => ({
    done: await repo.recordChildAssessment(tx, id, { decision, at: ctx.now, by: p.userId }),
    conflict: 'A child assessment has been started already',
    detail: { recorded: 'child_assessment', decision },
  }));
}
