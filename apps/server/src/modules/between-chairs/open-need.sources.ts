import { addDays, openNeedLookback } from '@familiespor/domain';
import { sql } from 'kysely';
import { registerOpenNeedSource } from './open-need.registry';

/**
 * The open needs step 6 can see today, each from the organisation's own records (row-level
 * security applies: the list never reads another organisation's screenings or courses).
 */

const danishDate = (column: string) =>
  sql<string>`(${sql.ref(column)} AT TIME ZONE 'Europe/Copenhagen')::date`;

// A positive screening (EPDS or ADBB at or above the cut-off, or an item-10 answer) that no
// completed follow-up has closed and no later screening below the cut-off has answered.
registerOpenNeedSource({
  kind: 'positive_screening',
  rows: (tx, { orgId, today }) =>
    tx
      .selectFrom('screening as s')
      .select(['s.family_id', 's.observed_on as since'])
      .where('s.org_id', '=', orgId)
      .where('s.observed_on', '>=', addDays(today, -openNeedLookback.screeningDays))
      .where((eb) =>
        eb.or([eb('s.band', '=', 'at_or_above_cutoff'), sql<boolean>`'self_harm' = ANY (s.flags)`]),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('task as t')
              .select('t.id')
              .whereRef('t.family_id', '=', 's.family_id')
              .where('t.state', '=', 'completed')
              // Follow-up keys are `<kind>:<screening id>:…` (task-rules.ts).
              .where(sql<boolean>`split_part(t.key, ':', 2) = s.id::text`),
          ),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('screening as later')
              .select('later.id')
              .whereRef('later.family_id', '=', 's.family_id')
              .whereRef('later.instrument', '=', 's.instrument')
              .whereRef('later.observed_on', '>', 's.observed_on')
              .where('later.band', '=', 'below_cutoff')
              .where(sql<boolean>`cardinality(later.flags) = 0`)
              // Kysely joins raw SQL to the other conditions with AND as it is: without the outer
              // parentheses the OR would stand alone, and any screening of the child would close an
              // ADBB need (and no index could serve the query).
              .where(
                sql<boolean>`((s.instrument = 'epds' AND later.respondent_person_id = s.respondent_person_id)
                  OR (s.instrument = 'adbb' AND later.child_person_id = s.child_person_id))`,
              ),
          ),
        ),
      ),
});

// A family that dropped out of one of the organisation's courses or groups and has not signed up
// for anything since.
registerOpenNeedSource({
  kind: 'course_dropout',
  rows: (tx, { orgId, now }) =>
    tx
      .selectFrom('enrollment as e')
      .select(['e.family_id', danishDate('e.ended_at').as('since')])
      .where('e.org_id', '=', orgId)
      .where('e.status', '=', 'dropped_out')
      .where('e.ended_at', '>=', new Date(now.getTime() - openNeedLookback.dropoutDays * 86_400_000))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('enrollment as again')
              .select('again.id')
              .whereRef('again.family_id', '=', 'e.family_id')
              .where('again.status', 'in', ['invited', 'waitlisted', 'enrolled', 'completed'])
              .whereRef('again.signed_up_at', '>', 'e.ended_at'),
          ),
        ),
      ),
});

// The task rules found the family without a coordinator (assign_coordinator), and nobody has
// acted on it. The list's own tasks are left out, or a family would keep itself on the list.
registerOpenNeedSource({
  kind: 'coordinator_task',
  rows: (tx, { orgId }) =>
    tx
      .selectFrom('task as t')
      .select(['t.family_id', danishDate('t.created_at').as('since')])
      .where('t.org_id', '=', orgId)
      .where('t.kind', '=', 'assign_coordinator')
      .where('t.state', '=', 'ready')
      .where('t.rule', '!=', 'between_chairs')
      .where('t.family_id', 'is not', null),
});
