import type { ReadmissionCause } from '@familiespor/domain';
import type { Id, NullableTimestamp, Timestamp } from './schema';

// Step 8: infant admissions from the region and the benchmark settings (migration 0019).
export type InfantAdmissionTable = {
  id: Id;
  org_id: string;
  family_id: string;
  child_person_id: string;
  admitted_on: string;
  discharged_on: string;
  icd10: string;
  cause: ReadmissionCause;
  imported_by: string;
  imported_by_org_id: string;
  imported_at: Timestamp;
};

export type BenchmarkShareTable = {
  id: Id;
  org_id: string;
  indicator: string;
  shared_from: string;
  started_by: string;
  started_at: Timestamp;
  stopped_by: string | null;
  stopped_at: NullableTimestamp;
};

export type OutcomeTables = {
  infant_admission: InfantAdmissionTable;
  benchmark_share: BenchmarkShareTable;
};
