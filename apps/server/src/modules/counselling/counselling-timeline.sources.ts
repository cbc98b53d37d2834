import { registerTimelineSource, type TimelineDraft } from '../timeline/timeline.registry';
import { timelineCases, timelineContacts } from './counselling-lookup.repo';

// Counselling in the red thread: the case opened and closed, and each contact — the counsellor's
// organisation's records, category counselling, for professionals only (parents see their
// counsellor in "Dit team", not the case). Never the notes, the reason or the goals: those are on
// the case's own page, behind its own decision.
registerTimelineSource({
  kind: 'counselling_case',
  categories: ['counselling'],
  audience: 'staff',
  async entries(tx, familyId): Promise<TimelineDraft[]> {
    return (await timelineCases(tx, familyId)).flatMap((c): TimelineDraft[] => [
      {
        id: `counselling_case:${c.id}:opened`,
        kind: 'counselling_opened',
        date: c.opened_on,
        window: null,
        orgId: c.org_id,
        category: 'counselling' as const,
        status: 'done' as const,
        params: { caseId: c.id, counsellor: c.counsellor_name, openedFrom: c.opened_from },
      },
      ...(c.closed_on
        ? [
            {
              id: `counselling_case:${c.id}:closed`,
              kind: 'counselling_closed',
              date: c.closed_on,
              window: null,
              orgId: c.org_id,
              category: 'counselling' as const,
              status: 'done' as const,
              params: { caseId: c.id, counsellor: c.counsellor_name, outcome: c.outcome },
            },
          ]
        : []),
    ]);
  },
});

registerTimelineSource({
  kind: 'counselling_contact',
  categories: ['counselling'],
  audience: 'staff',
  async entries(tx, familyId) {
    return (await timelineContacts(tx, familyId)).map((k) => ({
      id: `counselling_contact:${k.id}`,
      kind: 'counselling_contact',
      date: k.contact_on,
      window: null,
      orgId: k.org_id,
      category: 'counselling' as const,
      status: 'done' as const,
      params: {
        caseId: k.case_id,
        counsellor: k.counsellor_name,
        form: k.form,
        durationMinutes: k.duration_minutes,
      },
    }));
  },
});
