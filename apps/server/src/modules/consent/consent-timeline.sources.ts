import { consentStatus, copenhagenDate } from '@familiespor/domain';
import { registerTimelineSource } from '../timeline/timeline.registry';
import { timelineConsents } from './consent.repo';

// Consents belong to the family's red thread: given, and — when it happened — withdrawn. They
// are about who the family is and who may see what, so they count as identity of the family's
// organisation: everyone who may see the family sees them, parents too.
registerTimelineSource({
  kind: 'consent',
  categories: ['identity'],
  async entries(tx, familyId, today) {
    const now = new Date(`${today}T12:00:00Z`);
    return (await timelineConsents(tx, familyId)).flatMap((c) => {
      const params = {
        fromOrganisation: c.from_name,
        toOrganisation: c.to_name,
        categories: c.categories.join(','),
        validTo: c.valid_to ? copenhagenDate(c.valid_to) : null,
        consentStatus: consentStatus(
          { validFrom: c.valid_from, validTo: c.valid_to, withdrawnAt: c.withdrawn_at },
          now,
        ),
      };
      const given = {
        id: `consent:${c.id}`,
        kind: 'consent_granted',
        date: copenhagenDate(c.captured_at),
        window: null,
        orgId: c.family_org_id,
        category: 'identity' as const,
        status: 'done' as const,
        params,
      };
      if (!c.withdrawn_at) return [given];
      return [
        given,
        {
          ...given,
          id: `consent-withdrawn:${c.id}`,
          kind: 'consent_withdrawn',
          date: copenhagenDate(c.withdrawn_at),
        },
      ];
    });
  },
});
