import { z } from 'zod';
import { lineImportResult } from './common.contracts';

/** One chunk of the region's CSV file: the header and up to 500 data lines (see docs/readmissions.md). */
export const importReadmissionsBody = z.strictObject({
  content: z.string().min(1).max(1_000_000),
  filename: z.string().max(255).optional(),
  /**
   * The file's line number of the chunk's first data line, so errors name the line in the whole
   * file when the web app sends a big file in parts (for its progress bar). Default 2.
   */
  firstLine: z.number().int().min(2).max(10_000_000).optional(),
});
export type ImportReadmissionsBody = z.infer<typeof importReadmissionsBody>;

export const readmissionsImportResult = lineImportResult.meta({ id: 'ReadmissionsImportResult' });
export type ReadmissionsImportResult = z.infer<typeof readmissionsImportResult>;
