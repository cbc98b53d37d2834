import { copenhagenDate, dateAtWeek, kindergartenStart } from '@familiespor/domain';
import { registerTimelineSource, statusOf, type TimelineDraft } from '../timeline/timeline.registry';
import * as repo from './family-timeline.repo';

// Pregnancy milestones: the week-16 consultation (where the midwife tells about the course for
// first-time parents), week 26 (the course begins) and the due date.
registerTimelineSource({
  kind: 'pregnancy',
  categories: ['pregnancy'],
  async entries(tx, familyId, today) {
    const out: TimelineDraft[] = [];
    for (const p of await repo.timelinePregnancies(tx, familyId)) {
      const active = p.status === 'active';
      const registered = copenhagenDate(p.registered_at);
      out.push({
        id: `pregnancy:${p.id}:registered`,
        kind: 'pregnancy_registered',
        date: registered,
        window: null,
        orgId: p.org_id,
        category: 'pregnancy',
        status: 'done',
        params: { dueDate: p.due_date },
      });
      for (const week of [16, 26]) {
        const date = dateAtWeek(p.due_date, week);
        if (!active && date > (p.ended_at ? copenhagenDate(p.ended_at) : today)) continue;
        out.push({
          id: `pregnancy:${p.id}:week${week}`,
          kind: `pregnancy_week_${week}`,
          date,
          window: null,
          orgId: p.org_id,
          category: 'pregnancy',
          status: date < today ? 'done' : date === today ? 'due' : 'upcoming',
          params: { week },
        });
      }
      if (active) {
        out.push({
          id: `pregnancy:${p.id}:due`,
          kind: 'due_date',
          date: p.due_date,
          window: null,
          orgId: p.org_id,
          category: 'pregnancy',
          status: p.due_date < today ? 'overdue' : p.due_date === today ? 'due' : 'upcoming',
          params: {},
        });
      }
    }
    return out;
  },
});

registerTimelineSource({
  kind: 'birth',
  categories: ['identity'],
  async entries(tx, familyId) {
    return (await repo.timelineBirths(tx, familyId)).map((b) => ({
      id: `birth:${b.id}`,
      kind: 'birth',
      date: b.birth_date ?? copenhagenDate(b.birth_time),
      window: null,
      orgId: b.family_org_id,
      category: 'identity' as const,
      status: 'done' as const,
      params: { childName: b.given_name, birthplace: b.birthplace },
    }));
  },
});

// Kindergarten at 2 years 10 months: where the red thread hands over to daycare.
registerTimelineSource({
  kind: 'kindergarten',
  categories: ['identity'],
  async entries(tx, familyId, today) {
    return (await repo.timelineChildren(tx, familyId))
      .filter((c) => c.birth_date)
      .map((c) => {
        const date = kindergartenStart(c.birth_date as string);
        return {
          id: `kindergarten:${c.id}`,
          kind: 'kindergarten_start',
          date,
          window: null,
          orgId: c.org_id,
          category: 'identity' as const,
          status: statusOf(today, date, null) === 'done' ? ('done' as const) : ('upcoming' as const),
          params: { childName: c.given_name },
        };
      });
  },
});

registerTimelineSource({
  kind: 'coordinator',
  categories: ['identity'],
  async entries(tx, familyId) {
    return (await repo.timelineCoordinators(tx, familyId)).map((c) => ({
      id: `coordinator:${c.id}`,
      kind: 'coordinator_assigned',
      date: copenhagenDate(c.started_at),
      window: null,
      orgId: c.family_org_id,
      category: 'identity' as const,
      status: 'done' as const,
      params: { name: c.name },
    }));
  },
});
