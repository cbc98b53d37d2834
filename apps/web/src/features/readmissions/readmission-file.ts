import type { ReadmissionsImportResult } from '@familiespor/contracts';
import { ApiError } from '../../api/api.client';

/** Lines per request: small enough that the progress bar moves, large enough to be quick. */
export const partSize = 200;

export type FilePart = { content: string; firstLine: number; lines: number };

/**
 * Splits the file into parts that each carry the header, so the server checks every part on
 * its own and numbers its lines as lines of the whole file (firstLine).
 */
export function splitFile(text: string, size = partSize): FilePart[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const parts: FilePart[] = [];
  for (let i = 1; i < lines.length; i += size) {
    const chunk = lines.slice(i, i + size);
    const data = chunk.filter((l) => l.trim() !== '').length;
    if (data > 0) parts.push({ content: [header, ...chunk].join('\n'), firstLine: i + 1, lines: data });
  }
  return parts;
}

export const emptyResult = (): ReadmissionsImportResult => ({
  rows: 0,
  created: 0,
  unchanged: 0,
  failed: 0,
  errors: [],
});

export function addResult(
  sum: ReadmissionsImportResult,
  part: ReadmissionsImportResult,
): ReadmissionsImportResult {
  return {
    rows: sum.rows + part.rows,
    created: sum.created + part.created,
    unchanged: sum.unchanged + part.unchanged,
    failed: sum.failed + part.failed,
    errors: [...sum.errors, ...part.errors],
  };
}

/**
 * A part with no good line is refused (400) with its lines as the problem's errors
 * ("line 3: child_cpr"); they are turned back into line errors. Any other failure is thrown.
 */
export function refusedPart(error: unknown, lines: number): ReadmissionsImportResult | null {
  if (!(error instanceof ApiError) || error.status !== 400 || !error.problem?.errors?.length) return null;
  const errors = error.problem.errors.map((e) => {
    const m = /^line (\d+)(?:: (.+))?$/.exec(e.path);
    return { line: m ? Number(m[1]) : 0, field: m?.[2] ?? null, code: e.code, reason: e.message };
  });
  return { rows: lines, created: 0, unchanged: 0, failed: errors.length, errors };
}
