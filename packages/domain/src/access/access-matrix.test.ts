import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accessLevels,
  bestLevelFor,
  categories,
  defaultAccessMatrix,
  effectiveMatrix,
  isTightening,
  levelAllows,
  staffRoles,
} from './access-matrix';

describe('the default matrix of DESIGN §4', () => {
  it('gives midwives pregnancy and identity but no health-visit records', () => {
    expect(defaultAccessMatrix.midwife.pregnancy).toBe('full');
    expect(defaultAccessMatrix.midwife.health_visit).toBe('none');
    expect(defaultAccessMatrix.midwife.screening).toBe('pregnancy_only');
    expect(defaultAccessMatrix.midwife.concern).toBe('send');
  });

  it('lets health visitors see counselling only on consent', () => {
    expect(levelAllows(defaultAccessMatrix.health_visitor.counselling, 'read')).toEqual({
      allowed: false,
      needsConsent: true,
    });
  });

  it('never lets a programme lead read concern reports', () => {
    expect(bestLevelFor(defaultAccessMatrix, ['programme_lead'], 'concern', 'read').allowed).toBe(false);
  });

  it('gives analysts and admins no personal records at all', () => {
    for (const role of ['analyst', 'org_admin', 'platform_admin'] as const) {
      for (const category of categories) {
        expect(bestLevelFor(defaultAccessMatrix, [role], category, 'read').allowed).toBe(false);
      }
    }
  });

  it('lets a daycare educator read a received handover but not write it, and see only the child', () => {
    expect(levelAllows('received', 'read', ['received']).allowed).toBe(true);
    expect(levelAllows('received', 'write', ['received']).allowed).toBe(false);
    expect(levelAllows('received', 'read').allowed).toBe(false);
    expect(
      bestLevelFor(defaultAccessMatrix, ['daycare_educator'], 'identity', 'read', ['child']).allowed,
    ).toBe(true);
    expect(bestLevelFor(defaultAccessMatrix, ['daycare_educator'], 'identity', 'read').allowed).toBe(false);
  });

  it('lets "send" create but not read', () => {
    expect(levelAllows('send', 'write').allowed).toBe(true);
    expect(levelAllows('send', 'read').allowed).toBe(false);
  });

  it('combines roles: the most permissive role wins', () => {
    expect(
      bestLevelFor(defaultAccessMatrix, ['analyst', 'health_visitor'], 'screening', 'read').allowed,
    ).toBe(true);
  });
});

describe('tightening per organisation', () => {
  const level = fc.constantFrom(...accessLevels);

  it('is reflexive and always allows "none"', () => {
    fc.assert(
      fc.property(level, (l) => {
        expect(isTightening(l, l)).toBe(true);
        expect(isTightening(l, 'none')).toBe(true);
      }),
    );
  });

  it('never lets a tightened level allow an action the base level refuses', () => {
    const action = fc.constantFrom('read' as const, 'write' as const);
    const qualifiers = fc.subarray(['pregnancy', 'child', 'own_case', 'own_org', 'received'] as const);
    fc.assert(
      fc.property(level, level, action, qualifiers, (base, requested, act, qs) => {
        fc.pre(isTightening(base, requested));
        if (levelAllows(requested, act, qs).allowed) expect(levelAllows(base, act, qs).allowed).toBe(true);
      }),
    );
  });

  it('ignores stored overrides that would widen the default', () => {
    const m = effectiveMatrix([
      { role: 'midwife', category: 'health_visit', level: 'full' },
      { role: 'health_visitor', category: 'screening', level: 'read' },
    ]);
    expect(m.midwife.health_visit).toBe('none');
    expect(m.health_visitor.screening).toBe('read');
    expect(defaultAccessMatrix.health_visitor.screening).toBe('full');
  });

  it('covers every role and category', () => {
    for (const role of staffRoles)
      expect(Object.keys(defaultAccessMatrix[role]).sort()).toEqual([...categories].sort());
  });
});
