import type { ConcernReport, SentConcernReport } from '@familiespor/contracts';
import { copenhagenDate, maskCpr } from '@familiespor/domain';
import { concernDeadlines } from '@familiespor/domain/concern';
import type { ReportRow, sentReports, subjectsOf } from './concern-reports.repo';

type Subjects = Awaited<ReturnType<typeof subjectsOf>>;

const addressOf = (f: { street: string | null; postcode: string | null; city: string | null }) => {
  const line = [f.street, [f.postcode, f.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return line || null;
};

function subjectOf(r: ReportRow, s: Subjects, revealCpr: boolean): ConcernReport['subject'] {
  const family = r.family_id ? s.families.get(r.family_id) : undefined;
  const child = r.child_person_id ? s.children.get(r.child_person_id) : undefined;
  const pregnancy = r.pregnancy_id ? s.pregnancies.get(r.pregnancy_id) : undefined;
  const who = child ?? pregnancy;
  const cpr = who ? who.cpr : r.subject_cpr;
  return {
    unborn: r.subject_unborn,
    familyId: r.family_id,
    name: who ? `${who.given_name} ${who.family_name}` : (r.subject_name ?? ''),
    cprMasked: cpr ? maskCpr(cpr) : null,
    ...(revealCpr ? { cpr: cpr ?? null } : {}),
    birthDate: child ? child.birth_date : r.subject_birth_date,
    dueDate: pregnancy ? pregnancy.due_date : r.subject_due_date,
    address: family ? addressOf(family) : r.subject_address,
  };
}

/** The receiving caseworker's view of a report, with where it stands against both deadlines. */
export function toConcernReport(r: ReportRow, s: Subjects, now: Date, revealCpr = false): ConcernReport {
  const d = concernDeadlines(r.received_at, now, {
    assessedAt: r.assessed_at,
    receiptSentAt: r.receipt_sent_at,
  });
  const ref = (id: string | null, name: string | null) => ({ id: id ?? '', name: name ?? '' });
  return {
    id: r.id,
    receivedAt: r.received_at.toISOString(),
    urgency: r.urgency,
    recipient: {
      organisation: ref(r.org_id, r.org_name),
      unit: r.receiving_unit_id ? ref(r.receiving_unit_id, r.unit_name) : null,
    },
    subject: subjectOf(r, s, revealCpr),
    sender: {
      name: r.sender_name,
      title: r.sender_title,
      organisation: ref(r.sender_org_id, r.sender_org_name),
      phone: r.sender_phone,
      email: r.sender_email,
    },
    worry: r.worry,
    observations: r.observations,
    parentsInformed: r.parents_informed,
    deadlines: {
      assessment: { dueAt: d.assessment.dueAt.toISOString(), state: d.assessment.state },
      receipt: d.receipt,
      overdue: d.overdue,
    },
    assessment:
      r.assessed_at && r.acute_risk !== null
        ? {
            at: r.assessed_at.toISOString(),
            by: ref(r.assessed_by, r.assessed_by_name),
            acuteRisk: r.acute_risk,
            note: r.assessment_note,
          }
        : null,
    receipt: r.receipt_sent_at
      ? { at: r.receipt_sent_at.toISOString(), by: ref(r.receipt_sent_by, r.receipt_sent_by_name) }
      : null,
    childAssessment:
      r.child_assessment && r.child_assessment_at
        ? {
            decision: r.child_assessment,
            at: r.child_assessment_at.toISOString(),
            by: ref(r.child_assessment_by, r.child_assessment_by_name),
          }
        : null,
  };
}

/** The sender's view: received (the receipt's date) and whether a child assessment began. */
export function toSentConcernReport(r: Awaited<ReturnType<typeof sentReports>>[number]): SentConcernReport {
  return {
    id: r.id,
    sentAt: r.received_at.toISOString(),
    recipient: {
      organisation: { id: r.org_id, name: r.org_name },
      unit: r.receiving_unit_id ? { id: r.receiving_unit_id, name: r.unit_name ?? '' } : null,
    },
    subject: { unborn: r.subject_unborn, name: r.subject_name },
    receiptOn: r.receipt_sent_at ? copenhagenDate(r.receipt_sent_at) : null,
    childAssessment: r.child_assessment,
  };
}
