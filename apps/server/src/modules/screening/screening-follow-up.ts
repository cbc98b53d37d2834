import {
  type AdbbResult,
  adbbFollowUp,
  copenhagenDate,
  type EpdsResult,
  epdsFollowUps,
  type FamilySnapshot,
  screeningFollowUp,
} from '@familiespor/domain';
import type { RequestContext } from '../../access/request-context';
import type { InstrumentCode } from '../../db/schema';
import { asSystem, type Tx } from '../../db/scope';
import { findActiveCoordinator, insertTaskOnce } from '../families/families.repo';
import * as repo from './screening.repo';

export type FollowUpTask = {
  id: string;
  kind: string;
  due: string;
  assignee: { userId: string } | { unitId: string };
};

type Recorded = {
  id: string;
  instrument: InstrumentCode;
  familyId: string;
  familyOrgId: string;
  districtUnitId: string | null;
  respondentId: string | null;
  childId: string | null;
  observedOn: string;
};

/**
 * What a screening sets in motion, in the screening's transaction (DESIGN §5): the domain's
 * follow-ups become tasks through the same rule the nightly run uses, keyed so that running the
 * rule again creates nothing twice. A new screening of the same person and instrument completes
 * the earlier screenings' open repeats: the repeat has been done.
 *
 * Tasks belong to the family's municipality, also when a midwife recorded the screening in the
 * pregnancy: writing them is a consequence of the authorised write (asSystem).
 */
export async function startFollowUps(
  tx: Tx,
  ctx: RequestContext,
  s: Recorded,
  result: { epds: EpdsResult; previousPositive: boolean } | { adbb: AdbbResult },
): Promise<FollowUpTask[]> {
  return asSystem(tx, async () => {
    const byUser = ctx.principal?.kind === 'staff' ? ctx.principal.userId : null;
    const repeatKind = s.instrument === 'epds' ? 'epds_repeat' : 'adbb_repeat';
    const earlier = new Set(
      await repo.earlierScreeningIds(tx, {
        instrument: s.instrument,
        respondentId: s.respondentId,
        childId: s.childId,
        except: s.id,
      }),
    );
    for (const task of await repo.openTasksOfKind(tx, s.familyId, repeatKind)) {
      const screeningId = task.key.split(':')[1] ?? '';
      if (earlier.has(screeningId))
        await repo.completeTask(tx, task, ctx.now, byUser, 'Screeningen er gentaget');
    }

    const followUps =
      'epds' in result
        ? epdsFollowUps(result.epds, s.observedOn, result.previousPositive)
        : adbbFollowUp(result.adbb, s.observedOn);
    if (followUps.length === 0) return [];
    const coordinator = await findActiveCoordinator(tx, s.familyId);
    const snapshot: FamilySnapshot = {
      familyId: s.familyId,
      orgId: s.familyOrgId,
      districtUnitId: s.districtUnitId,
      coordinatorUserId: coordinator?.staff_user_id ?? null,
      openInvolvementSince: null,
      children: [],
      screenings: [
        {
          id: s.id,
          takenOn: s.observedOn,
          respondentId: s.respondentId ?? s.childId ?? '',
          followUps,
          superseded: false,
        },
      ],
      consents: [],
    };
    const created: FollowUpTask[] = [];
    for (const draft of screeningFollowUp(snapshot, copenhagenDate(ctx.now))) {
      const id = await insertTaskOnce(tx, {
        org_id: s.familyOrgId,
        family_id: s.familyId,
        assignee_user_id: 'userId' in draft.assignee ? draft.assignee.userId : null,
        assignee_unit_id: 'unitId' in draft.assignee ? draft.assignee.unitId : null,
        kind: draft.kind,
        key: draft.key,
        window_start: draft.window.start,
        due: draft.window.due,
        window_end: draft.window.end,
        reason: draft.reason,
        rule: draft.rule,
        created_at: ctx.now,
      });
      if (id) created.push({ id, kind: draft.kind, due: draft.window.due, assignee: draft.assignee });
    }
    return created;
  });
}
