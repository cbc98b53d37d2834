import type { OpenNeedKind } from '@familiespor/domain';
import type { Expression } from 'kysely';
import type { Tx } from '../../db/scope';

/** One row per open need: the family and the day the need arose (a date or a timestamp cast to one). */
export type OpenNeedRows = Expression<{ family_id: string | null; since: unknown }>;

/**
 * Where "Mellem to stole" finds open needs, like the timeline's sources: a module registers one
 * for each kind of need it knows (the referral module adds open and overdue referrals), and the
 * list does not change. Each source is one set-based query over the organisation's own records,
 * so the list stays a single statement however many families the municipality has.
 */
export interface OpenNeedSource {
  kind: OpenNeedKind;
  /** Counts even when the family has a coordinator (a referral unacknowledged past its deadline). */
  evenWithCoordinator?: boolean;
  rows(tx: Tx, q: { orgId: string; today: string; now: Date }): OpenNeedRows;
}

const sources: OpenNeedSource[] = [];

export function registerOpenNeedSource(source: OpenNeedSource): void {
  if (sources.some((s) => s.kind === source.kind)) return; // modules may be imported twice in tests
  sources.push(source);
}

export function openNeedSources(): readonly OpenNeedSource[] {
  return sources;
}
