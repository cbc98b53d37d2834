import { describe, expect, it } from 'vitest';
import { loginUrl, safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('follows a path in the same area', () => {
    expect(safeReturnTo('/admin/brugere?q=mette', 'staff')).toBe('/admin/brugere?q=mette');
    expect(safeReturnTo('/portal', 'portal')).toBe('/portal');
  });
  it('refuses other sites, the API, login pages and the other area', () => {
    for (const bad of [
      '//evil.example/x',
      'https://evil.example',
      '/\\evil.example',
      '/api/me',
      '/login',
      '',
    ]) {
      expect(safeReturnTo(bad, 'staff')).toBe('/');
    }
    expect(safeReturnTo('/portal', 'staff')).toBe('/');
    expect(safeReturnTo('/admin/brugere', 'portal')).toBe('/portal');
    expect(safeReturnTo('/portal/login?returnTo=/portal', 'portal')).toBe('/portal');
  });
});

describe('loginUrl', () => {
  it('keeps the page and the reason', () => {
    expect(loginUrl('staff', '/admin/enheder', 'expired')).toBe(
      '/login?returnTo=%2Fadmin%2Fenheder&reason=expired',
    );
    expect(loginUrl('portal', '/portal')).toBe('/portal/login');
  });
});
