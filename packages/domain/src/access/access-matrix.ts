/**
 * The role × category matrix of DESIGN §4. This is the platform default; an
 * organisation may only tighten it (see `tightenLevel`), never widen it, so a
 * misconfigured organisation can never grant more than the design allows.
 */

export const staffRoles = [
  'midwife',
  'health_visitor',
  'family_counsellor',
  'ngo_counsellor',
  'caseworker',
  'daycare_educator',
  'course_facilitator',
  'programme_lead',
  'analyst',
  'org_admin',
  'platform_admin',
] as const;
export type StaffRole = (typeof staffRoles)[number];

export const categories = [
  'identity',
  'pregnancy',
  'health_visit',
  'screening',
  'course',
  'counselling',
  'referral',
  'concern',
  'handover',
] as const;
export type Category = (typeof categories)[number];

/**
 * What a cell of the matrix allows.
 * - full: read and write the category
 * - read: read only
 * - send: create (send) only — e.g. a concern report — but not read others'
 * - consent: only when a consent or legal basis grants it, even inside the organisation
 * - pregnancy_only / child_only / own_cases / own_org / received: full, but only for
 *   records carrying that qualifier (checked against `AccessQualifier`)
 * - none: nothing
 */
export const accessLevels = [
  'full',
  'read',
  'send',
  'consent',
  'pregnancy_only',
  'child_only',
  'own_cases',
  'own_org',
  'received',
  'none',
] as const;
export type AccessLevel = (typeof accessLevels)[number];

/** What the module that owns a record knows about it, for the qualified levels. */
export type AccessQualifier = 'pregnancy' | 'child' | 'own_case' | 'own_org' | 'received';

export type AccessAction = 'read' | 'write';

type Row = Record<Category, AccessLevel>;
const none: Row = {
  identity: 'none',
  pregnancy: 'none',
  health_visit: 'none',
  screening: 'none',
  course: 'none',
  counselling: 'none',
  referral: 'none',
  concern: 'none',
  handover: 'none',
};

export const defaultAccessMatrix: Record<StaffRole, Row> = {
  midwife: {
    ...none,
    identity: 'full',
    pregnancy: 'full',
    screening: 'pregnancy_only',
    course: 'read',
    referral: 'full',
    concern: 'send',
  },
  health_visitor: {
    identity: 'full',
    pregnancy: 'full',
    health_visit: 'full',
    screening: 'full',
    course: 'full',
    counselling: 'consent',
    referral: 'full',
    concern: 'send',
    handover: 'full',
  },
  family_counsellor: {
    ...none,
    identity: 'full',
    course: 'read',
    counselling: 'full',
    referral: 'full',
    concern: 'send',
    handover: 'consent',
  },
  ngo_counsellor: {
    ...none,
    identity: 'own_cases',
    counselling: 'own_org',
    referral: 'full',
    concern: 'send',
  },
  caseworker: {
    ...none,
    identity: 'full',
    counselling: 'consent',
    referral: 'full',
    concern: 'full',
    handover: 'full',
  },
  daycare_educator: { ...none, identity: 'child_only', concern: 'send', handover: 'received' },
  // A facilitator sees the course records of the cohorts they run and the participants' names.
  course_facilitator: { ...none, identity: 'read', course: 'full', concern: 'send' },
  programme_lead: {
    identity: 'full',
    pregnancy: 'full',
    health_visit: 'full',
    screening: 'full',
    course: 'full',
    counselling: 'full',
    referral: 'full',
    concern: 'none',
    handover: 'full',
  },
  analyst: { ...none },
  org_admin: { ...none },
  platform_admin: { ...none },
};

const allQualifiers: readonly AccessQualifier[] = ['pregnancy', 'child', 'own_case', 'own_org', 'received'];
const qualifierSets: AccessQualifier[][] = [[]];
for (const q of allQualifiers) {
  const count = qualifierSets.length;
  for (let k = 0; k < count; k++) qualifierSets.push([...(qualifierSets[k] as AccessQualifier[]), q]);
}

/**
 * Whether `requested` is a tightening of `base` (or equal): for every action and every
 * combination of record qualifiers, what `requested` allows outright `base` allows outright,
 * and where `requested` opens the way to consent, `base` allows it or opens that way too.
 */
export function isTightening(base: AccessLevel, requested: AccessLevel): boolean {
  return (['read', 'write'] as const).every((action) =>
    qualifierSets.every((qs) => {
      const r = levelAllows(requested, action, qs);
      const b = levelAllows(base, action, qs);
      if (r.allowed) return b.allowed;
      return !r.needsConsent || b.allowed || b.needsConsent;
    }),
  );
}

export type LevelVerdict = { allowed: true; needsConsent: false } | { allowed: false; needsConsent: boolean };

/**
 * Whether a level lets an action through for a record with the given qualifiers.
 * `needsConsent` tells the caller that a consent or legal basis could still allow it.
 */
export function levelAllows(
  level: AccessLevel,
  action: AccessAction,
  qualifiers: readonly AccessQualifier[] = [],
): LevelVerdict {
  const has = (q: AccessQualifier) => qualifiers.includes(q);
  const ok = { allowed: true, needsConsent: false } as const;
  const no = { allowed: false, needsConsent: false } as const;
  switch (level) {
    case 'full':
      return ok;
    case 'read':
      return action === 'read' ? ok : no;
    case 'send':
      return action === 'write' ? ok : no;
    case 'consent':
      return { allowed: false, needsConsent: true };
    case 'pregnancy_only':
      return has('pregnancy') ? ok : no;
    case 'child_only':
      return has('child') ? ok : no;
    case 'own_cases':
      return has('own_case') ? ok : no;
    case 'own_org':
      return has('own_org') ? ok : no;
    case 'received':
      return has('received') && action === 'read' ? ok : no;
    case 'none':
      return no;
  }
}

/** The most permissive verdict over a user's roles under the organisation's matrix. */
export function bestLevelFor(
  matrix: Record<StaffRole, Row>,
  roles: readonly StaffRole[],
  category: Category,
  action: AccessAction,
  qualifiers: readonly AccessQualifier[] = [],
): LevelVerdict {
  let needsConsent = false;
  for (const role of roles) {
    const verdict = levelAllows(matrix[role][category], action, qualifiers);
    if (verdict.allowed) return verdict;
    needsConsent ||= verdict.needsConsent;
  }
  return { allowed: false, needsConsent };
}

export type AccessOverride = { role: StaffRole; category: Category; level: AccessLevel };

/** Applies an organisation's stored tightenings to the default; widening entries are ignored. */
export function effectiveMatrix(overrides: readonly AccessOverride[]): Record<StaffRole, Row> {
  const matrix = Object.fromEntries(
    staffRoles.map((role) => [role, { ...defaultAccessMatrix[role] }]),
  ) as Record<StaffRole, Row>;
  for (const { role, category, level } of overrides) {
    if (isTightening(defaultAccessMatrix[role][category], level)) matrix[role][category] = level;
  }
  return matrix;
}

/** Roles that administer configuration and see aggregates only — never personal records. */
export const configurationOnlyRoles: readonly StaffRole[] = ['analyst', 'org_admin', 'platform_admin'];
