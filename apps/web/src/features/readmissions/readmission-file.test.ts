import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api.client';
import { refusedPart, splitFile } from './readmission-file';

describe('splitFile', () => {
  it('gives each part the header and numbers its first line as in the whole file', () => {
    const lines = Array.from({ length: 5 }, (_, i) => `l${i + 2}`);
    const parts = splitFile(['h', ...lines, ''].join('\r\n'), 2);
    expect(parts).toEqual([
      { content: 'h\nl2\nl3', firstLine: 2, lines: 2 },
      { content: 'h\nl4\nl5', firstLine: 4, lines: 2 },
      { content: 'h\nl6\n', firstLine: 6, lines: 1 },
    ]);
  });
  it('has no parts for a file with only a header', () => {
    expect(splitFile('h\n\n')).toEqual([]);
  });
});

describe('refusedPart', () => {
  it('turns a refused part’s problem errors back into line errors', () => {
    const error = new ApiError(400, {
      type: 'about:blank',
      title: 'No line',
      status: 400,
      code: 'validation',
      requestId: 'r',
      errors: [{ path: 'line 7: child_cpr', code: 'invalid_cpr', message: 'invalid' }],
    } as never);
    expect(refusedPart(error, 1)).toEqual({
      rows: 1,
      created: 0,
      unchanged: 0,
      failed: 1,
      errors: [{ line: 7, field: 'child_cpr', code: 'invalid_cpr', reason: 'invalid' }],
    });
    expect(refusedPart(new ApiError(500, null), 1)).toBeNull();
  });
});
