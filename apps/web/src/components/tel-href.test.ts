import { describe, expect, it } from 'vitest';
import { telHref } from './tel-href';

describe('a phone link', () => {
  it('keeps the digits and the leading plus, nothing else', () => {
    expect(telHref('+45 24 60 11 22')).toBe('tel:+4524601122');
    expect(telHref('70 12 34 10')).toBe('tel:70123410');
  });
});
