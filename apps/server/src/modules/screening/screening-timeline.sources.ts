import { registerTimelineSource } from '../timeline/timeline.registry';
import { timelineScreenings } from './screening.repo';

// Screenings: their own sensitive category, so only those who may see screenings see the entry.
// The timeline decides per organisation and category without the pregnancy qualifier, so a
// midwife does not see them here; the scores never leave the screening record except band and flags.
registerTimelineSource({
  kind: 'screening',
  categories: ['screening'],
  async entries(tx, familyId) {
    return (await timelineScreenings(tx, familyId)).map((s) => ({
      id: `screening:${s.id}`,
      kind: `screening_${s.instrument}`,
      date: s.observed_on,
      window: null,
      orgId: s.org_id,
      category: 'screening' as const,
      status: 'done' as const,
      params: {
        instrument: s.instrument,
        respondentRole: s.respondent_role,
        respondentName: s.given_name,
        band: s.band,
        flags: s.flags.join(','),
      },
    }));
  },
});
