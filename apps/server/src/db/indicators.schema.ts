import type { ColumnType } from 'kysely';
import type { Id, Timestamp } from './schema';

// Step 8: the indicators' pre-aggregates and the log of their refreshes (migration 0017).
export type IndicatorCellTable = {
  org_id: string;
  indicator: string;
  /** The month's first day (YYYY-MM-DD; dates are read as strings). */
  month: string;
  dimension: string;
  value: ColumnType<string, string | undefined, string>;
  numerator: number;
  denominator: number;
  stock: ColumnType<number, number | undefined, number>;
  histogram: ColumnType<Record<string, number>, string | undefined, string>;
  refreshed_at: Timestamp;
};

export type IndicatorRefreshRunTable = {
  id: Id;
  org_id: string;
  trigger: 'nightly' | 'on_demand';
  requested_by: string | null;
  from_month: string;
  to_month: string;
  started_at: Timestamp;
  finished_at: Timestamp;
  cells_written: number;
  errors: ColumnType<{ indicator: string; message: string }[], string | undefined, string>;
};

export type IndicatorTables = {
  indicator_cell: IndicatorCellTable;
  indicator_refresh_run: IndicatorRefreshRunTable;
};
