import type { LiveBirthFact } from '@familiespor/domain';
import { asSystem } from '../../db/scope';
import { familyDimsOf } from '../indicators/indicator-dims.repo';
import { registerIndicatorFacts } from '../indicators/indicator-facts.registry';
import { liveBirthsWithAdmissions } from './readmissions.repo';

/**
 * Readmissions (indicator `readmissions`): one fact per live birth of the municipality in the
 * window with the child's imported admissions; the 28-day rule and the causes are the catalogue's.
 */
registerIndicatorFacts({
  indicator: 'readmissions',
  async facts(tx, q) {
    const { births, admissions } = await asSystem(tx, () =>
      liveBirthsWithAdmissions(tx, q.orgId, q.from, q.to),
    );
    const byChild = new Map<string, LiveBirthFact['admissions'][number][]>();
    for (const a of admissions) {
      const list = byChild.get(a.child_person_id) ?? [];
      list.push({ admittedOn: a.admitted_on, cause: a.cause });
      byChild.set(a.child_person_id, list);
    }
    return births.map(
      (b): LiveBirthFact => ({
        ...familyDimsOf(b),
        birthDate: b.birth_date,
        admissions: byChild.get(b.child_person_id) ?? [],
      }),
    );
  },
});
