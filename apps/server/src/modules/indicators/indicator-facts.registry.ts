import type { IndicatorId } from '@familiespor/domain';
import type { Tx } from '../../db/scope';

/** What a refresh asks a fact source for: one organisation's facts dated inside [from, to]. */
export type FactQuery = {
  orgId: string;
  /** First and last day (YYYY-MM-DD, Europe/Copenhagen) of the months being refreshed. */
  from: string;
  to: string;
  /** Today: facts that depend on it (a deadline not yet passed, a case still open) read it. */
  asOf: string;
};

/**
 * Where the indicator refresh finds its facts, like the timeline's sources: the module that owns
 * the records registers the extraction for the indicators it feeds (surveys feed satisfaction,
 * the readmission import feeds readmissions), and the refresh does not change. A source runs as
 * the system inside the refresh's transaction and returns plain facts of the indicator's type
 * (packages/domain/src/indicators/indicator-facts.ts) — never a name or an id of a person.
 */
export interface IndicatorFactSource {
  indicator: IndicatorId;
  facts(tx: Tx, q: FactQuery): Promise<readonly unknown[]>;
}

const sources = new Map<IndicatorId, IndicatorFactSource>();

export function registerIndicatorFacts(source: IndicatorFactSource): void {
  sources.set(source.indicator, source); // modules may be imported twice in tests
}

export function indicatorFactSource(indicator: IndicatorId): IndicatorFactSource | undefined {
  return sources.get(indicator);
}
