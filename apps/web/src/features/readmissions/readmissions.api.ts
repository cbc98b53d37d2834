import type { ImportReadmissionsBody, ReadmissionsImportResult } from '@familiespor/contracts';
import { api } from '../../api/api.client';

export const readmissionsApi = {
  /** importReadmissions: one part of the region's file. */
  importPart: (body: ImportReadmissionsBody) =>
    api.post<ReadmissionsImportResult>('/api/readmissions/import', body),
};
