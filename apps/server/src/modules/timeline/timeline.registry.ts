import type { TimelineEntry } from '@familiespor/contracts';
import type { Category } from '@familiespor/domain';
import type { Tx } from '../../db/scope';

/** What a source knows about an entry; the service adds the organisation's name. */
export type TimelineDraft = Omit<TimelineEntry, 'organisation'> & { orgId: string };

export type DateRange = { from: string | null; to: string | null };

/**
 * A module's contribution to the red thread (DESIGN §9). Sources read with row-level security
 * lifted; the timeline service passes every entry through decide() for its own organisation and
 * category before anyone sees it, so a source never needs to know who is asking.
 */
export interface TimelineSource {
  kind: string;
  categories: readonly Category[];
  /**
   * 'staff' for the professionals' own work (tasks), which a parent never sees in her timeline
   * whatever decide() says about the category; 'all' (the default) otherwise.
   */
  audience?: 'staff' | 'all';
  entries(tx: Tx, familyId: string, today: string): Promise<TimelineDraft[]>;
}

const sources: TimelineSource[] = [];

export function registerTimelineSource(source: TimelineSource): void {
  if (sources.some((s) => s.kind === source.kind)) return; // modules may be imported twice in tests
  sources.push(source);
}

export function timelineSources(): readonly TimelineSource[] {
  return sources;
}

/** done / upcoming from a date or window against today; sources with their own state override it. */
export function statusOf(
  today: string,
  date: string | null,
  window: { start: string; end: string } | null,
): TimelineEntry['status'] {
  const end = window?.end ?? date;
  const start = window?.start ?? date;
  if (!end || !start) return 'upcoming';
  if (end < today) return 'done';
  if (start <= today) return 'due';
  return 'upcoming';
}
