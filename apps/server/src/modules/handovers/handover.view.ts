import type { Handover, HandoverSummary } from '@familiespor/contracts';
import type * as repo from './handovers.repo';

// How a handover row is shown: a line in the lists, and the whole handover with the parents' contacts.

type SummaryRow = Awaited<ReturnType<typeof repo.listHandovers>>['rows'][number];

export function toSummary(r: SummaryRow): HandoverSummary {
  const child = r.identity.child;
  return {
    id: r.id,
    familyId: r.family_id,
    transition: r.transition,
    status: r.status,
    startDate: r.start_date,
    child: {
      personId: child.personId,
      name: `${child.givenName} ${child.familyName}`,
      birthDate: child.birthDate,
    },
    from: {
      organisation: { id: r.org_id, name: r.org_name },
      sentBy: { id: r.sent_by, name: r.sent_by_name },
    },
    to: {
      organisation: { id: r.to_org_id, name: r.to_org_name },
      unit: { id: r.to_unit_id, name: r.to_unit_name },
    },
    sentAt: r.sent_at.toISOString(),
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
  };
}

export function toHandover(r: repo.HandoverRow): Handover {
  return {
    ...toSummary(r),
    parents: r.identity.parents.map((p) => ({
      role: p.role,
      name: `${p.givenName} ${p.familyName}`,
      phone: p.phone,
      email: p.email,
    })),
    content: r.content,
    sender: {
      id: r.sent_by,
      name: r.sent_by_name,
      title: r.sent_by_title,
      phone: r.sent_by_phone,
      email: r.sent_by_email,
    },
    acknowledgedBy:
      r.acknowledged_by && r.acknowledged_by_name
        ? { id: r.acknowledged_by, name: r.acknowledged_by_name }
        : null,
  };
}
