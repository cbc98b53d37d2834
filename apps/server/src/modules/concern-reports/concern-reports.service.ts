import { randomUUID } from 'node:crypto';
import type { ConcernRecipient, CreateConcernReportBody, SentConcernReport } from '@familiespor/contracts';
import { parseCpr } from '@familiespor/domain';
import { assessmentDeadline, receiptDeadline } from '@familiespor/domain/concern';
import { requireStaff } from '../../access/admin-policy';
import { authorize } from '../../access/policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { type FieldError, InputError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { toSentConcernReport } from './concern-report.mapper';
import * as repo from './concern-reports.repo';

/**
 * Concern reports, the sender's side. A note on the audit trail: no concern-report event
 * carries `family_id` or `person_id`. The report is reachable from the event through its
 * entity id (the controller can always trace it), but any view of the audit trail by family —
 * the parents' "who has seen our data" above all — never shows that a report exists.
 */

/**
 * Whether this user may send concern reports at all: the matrix's 'send' (or 'full') on
 * category concern, asked for the user's own organisation and no family. The sender needs no
 * other access to the family, and sending gives none.
 */
async function authorizeSend(tx: Tx, ctx: RequestContext): Promise<StaffPrincipal> {
  const p = requireStaff(ctx, { attempted: 'create', entityType: 'concern_report' });
  await authorize(tx, ctx, 'write', { orgId: p.orgId, category: 'concern', entityType: 'concern_report' });
  return p;
}

const invalid = (path: string, message: string): InputError =>
  new InputError('The concern report names something that does not exist', [
    { path, code: 'invalid_reference', message },
  ]);

type Addressed = {
  orgId: string;
  unitId: string | null;
  subject: Pick<
    repo.InsertRow,
    | 'family_id'
    | 'child_person_id'
    | 'pregnancy_id'
    | 'subject_unborn'
    | 'subject_name'
    | 'subject_cpr'
    | 'subject_birth_date'
    | 'subject_due_date'
    | 'subject_address'
  >;
};

/**
 * Where the report goes and whom it is about. A family known in Familiespor sends it to the
 * family's home municipality; a child the sender identifies freely, to the municipality the
 * sender names. The lookups run as system: the sender may not see the family, and the answer
 * reveals only whether the ids given belong together. Free identification is kept as typed and
 * never matched to a person: that would tell the sender who is known in Familiespor.
 */
async function addressReport(tx: Tx, body: CreateConcernReportBody): Promise<Addressed> {
  const empty = {
    family_id: null,
    child_person_id: null,
    pregnancy_id: null,
    subject_name: null,
    subject_cpr: null,
    subject_birth_date: null,
    subject_due_date: null,
    subject_address: null,
  };
  if (body.unregistered) {
    const u = body.unregistered;
    const [recipient] = await asSystem(tx, () => repo.listRecipients(tx, u.municipalityOrgId));
    if (!recipient) throw invalid('unregistered.municipalityOrgId', 'Not an active municipality');
    const cpr = u.cpr ? parseCpr(u.cpr) : null;
    return {
      orgId: recipient.org_id,
      unitId: recipient.unit_id,
      subject: {
        ...empty,
        subject_unborn: u.unborn,
        subject_name: u.name,
        subject_cpr: cpr?.ok ? cpr.cpr.digits : null,
        subject_birth_date: u.unborn ? null : (u.birthDate ?? null),
        subject_due_date: u.unborn ? (u.dueDate ?? null) : null,
        subject_address: u.address,
      },
    };
  }
  const familyId = body.familyId as string;
  const found = await asSystem(tx, async () => {
    const family = await repo.findFamilyOrg(tx, familyId);
    if (!family) return { family: null, belongs: false };
    const belongs = body.childPersonId
      ? await repo.isChildOfFamily(tx, familyId, body.childPersonId)
      : await repo.isPregnancyOfFamily(tx, familyId, body.pregnancyId as string);
    return { family, belongs };
  });
  if (!found.family) throw invalid('familyId', 'No such family');
  if (!found.belongs) {
    throw body.childPersonId
      ? invalid('childPersonId', 'Not a child of the family')
      : invalid('pregnancyId', 'Not a pregnancy of the family');
  }
  const [recipient] = await asSystem(tx, () => repo.listRecipients(tx, found.family?.org_id));
  if (!recipient) throw invalid('familyId', 'The family’s home municipality does not receive reports here');
  return {
    orgId: recipient.org_id,
    unitId: recipient.unit_id,
    subject: {
      ...empty,
      family_id: familyId,
      child_person_id: body.childPersonId ?? null,
      pregnancy_id: body.pregnancyId ?? null,
      subject_unborn: Boolean(body.pregnancyId),
    },
  };
}

/** createConcernReport: any professional sends a report to the social services of the municipality. */
export async function createConcernReport(
  deps: Deps,
  ctx: RequestContext,
  body: CreateConcernReportBody,
): Promise<SentConcernReport> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = await authorizeSend(tx, ctx);
    const errors: FieldError[] = [];
    const u = body.unregistered;
    if (u?.unborn && u.birthDate)
      errors.push({ path: 'unregistered.birthDate', code: 'invalid', message: 'An unborn child' });
    if (u && !u.unborn && u.dueDate)
      errors.push({ path: 'unregistered.dueDate', code: 'invalid', message: 'A born child' });
    if (errors.length > 0) throw new InputError('The identification does not add up', errors);
    const to = await addressReport(tx, body);
    const id = randomUUID();
    await repo.insertConcernReport(tx, {
      id,
      org_id: to.orgId,
      receiving_unit_id: to.unitId,
      sender_org_id: p.orgId,
      sender_user_id: p.userId,
      sender_phone: body.senderContact.phone ?? null,
      sender_email: body.senderContact.email ?? null,
      ...to.subject,
      worry: body.worry,
      observations: body.observations,
      parents_informed: body.parentsInformed,
      urgency: body.urgency,
      received_at: ctx.now,
      assessment_due_at: assessmentDeadline(ctx.now),
      receipt_due_on: receiptDeadline(ctx.now),
    });
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'concern_report',
      entityId: id,
      dataOrgId: to.orgId,
      purpose: 'concern_report',
      basis: 'legal_basis',
      detail: { urgency: body.urgency, registered: to.subject.family_id !== null },
    });
    // The sender's own narrow view of what was just sent, read the way "Mine underretninger" reads it.
    const [sent] = await repo.sentReports(tx, p.userId, { limit: 1, id });
    if (!sent) throw new Error('the report just sent is not in the sender’s view');
    return toSentConcernReport(sent);
  });
}

/** listMySentConcernReports: what the user sent, and only what the sender may learn about it. */
export async function listMySentConcernReports(
  deps: Deps,
  ctx: RequestContext,
  query: { limit: number },
): Promise<SentConcernReport[]> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'concern_report' });
    const rows = await repo.sentReports(tx, p.userId, { limit: query.limit });
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'concern_report',
      purpose: 'sent_status',
      detail: { list: 'sent', reportIds: rows.map((r) => r.id) },
    });
    return rows.map(toSentConcernReport);
  });
}

/** listConcernRecipients: the municipalities a report can go to (directory data, not personal). */
export async function listConcernRecipients(deps: Deps, ctx: RequestContext): Promise<ConcernRecipient[]> {
  return runUseCase(deps, ctx, async (tx) => {
    requireStaff(ctx, { attempted: 'read', entityType: 'concern_recipient' });
    const rows = await repo.listRecipients(tx);
    return rows.map((r) => ({
      organisation: { id: r.org_id, name: r.org_name },
      unit: r.unit_id ? { id: r.unit_id, name: r.unit_name ?? '' } : null,
    }));
  });
}
