import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time/calendar';
import { type CohortPlan, type PlannerCouple, type PlannerSite, planCohorts } from './cohort-planner';

const couple = (id: string, day: number, siteId: string | null, language = 'da'): PlannerCouple => ({
  familyId: id,
  dueDate: addDays('2027-01-01', day),
  siteId,
  language,
});
/** `n` couples due a day apart from `from`, ids `${prefix}00`, `${prefix}01`, … */
const run = (prefix: string, n: number, siteId: string | null, language = 'da', from = 0) =>
  Array.from({ length: n }, (_, i) =>
    couple(`${prefix}${String(i).padStart(2, '0')}`, from + i, siteId, language),
  );

const where = (plan: CohortPlan, familyId: string) =>
  plan.cohorts.find((c) => c.familyIds.includes(familyId));
const cohortsAt = (plan: CohortPlan, siteId: string) =>
  plan.cohorts.filter((c) => c.siteId === siteId).length;
const shape = (plan: CohortPlan) =>
  plan.cohorts.map((c) => `${c.siteId}/${c.language}:${c.familyIds.length}`).sort();

describe('the cohort planner: nobody waits while a seat is free', () => {
  it('places the last language at a site whose cohorts run out, using room at another site', () => {
    // The national benchmark's flaw in small: Danish, English and Ukrainian need four cohorts at
    // site a, which can hold three; the old planner left the Ukrainian couples out while b had room.
    const sites: PlannerSite[] = [
      { id: 'a', maxCohorts: 3, languages: ['da', 'en', 'uk'] },
      { id: 'b', maxCohorts: 3, languages: ['da'] },
    ];
    const couples = [
      ...run('da', 15, 'a'),
      ...run('en', 6, 'a', 'en'),
      ...run('uk', 5, 'a', 'uk'),
      ...run('db', 5, 'b', 'da', 100),
    ];
    const plan = planCohorts(couples, sites);
    expect(plan.unassigned).toEqual([]);
    expect(cohortsAt(plan, 'a')).toBeLessThanOrEqual(3);
    expect(cohortsAt(plan, 'b')).toBeLessThanOrEqual(3);
    // The Ukrainian couples keep their language and site; the five latest-due Danish couples of a
    // join b's half-empty Danish cohort, which fills it.
    expect(shape(plan)).toEqual(['a/da:10', 'a/en:6', 'a/uk:5', 'b/da:10']);
    expect(where(plan, 'uk00')?.fallbacks).toEqual([]);
    expect(where(plan, 'da14')).toMatchObject({ siteId: 'b', language: 'da' });
    expect(where(plan, 'da14')?.fallbacks).toEqual(
      ['da10', 'da11', 'da12', 'da13', 'da14'].map((familyId) => ({ familyId, fallback: 'other_site' })),
    );
  });

  it('step 2: another site holding their language comes before an interpreter at their own site', () => {
    const sites: PlannerSite[] = [
      { id: 'a', maxCohorts: 5, languages: ['da', 'ar'] },
      { id: 'b', maxCohorts: 5, languages: ['da'] },
    ];
    const plan = planCohorts(
      [...run('ar', 6, 'a', 'ar'), ...run('xb', 2, 'b', 'ar'), ...run('db', 8, 'b')],
      sites,
    );
    expect(shape(plan)).toEqual(['a/ar:8', 'b/da:8']);
    expect(where(plan, 'xb00')?.fallbacks).toContainEqual({ familyId: 'xb00', fallback: 'other_site' });
  });

  it('step 3: their own site in another language, with an interpreter, when no site has their language free', () => {
    const sites: PlannerSite[] = [
      { id: 'a', maxCohorts: 2, languages: ['da', 'uk'] },
      { id: 'b', maxCohorts: 1, languages: ['da'] },
    ];
    const plan = planCohorts([...run('da', 6, 'a'), ...run('uk', 12, 'a', 'uk')], sites);
    expect(plan.unassigned).toEqual([]);
    expect(shape(plan)).toEqual(['a/da:8', 'a/uk:10']);
    // The two latest-due stay at a, in Danish, rather than go to b.
    expect(where(plan, 'uk11')?.fallbacks).toContainEqual({ familyId: 'uk11', fallback: 'other_language' });
    expect(where(plan, 'uk10')).toMatchObject({ siteId: 'a', language: 'da' });
  });

  it('step 4: any cohort with a free seat when their own site is full in every language', () => {
    const sites: PlannerSite[] = [
      { id: 'a', maxCohorts: 1, languages: ['da', 'uk'] },
      { id: 'b', maxCohorts: 1, languages: ['da'] },
    ];
    const plan = planCohorts([...run('uk', 11, 'a', 'uk'), ...run('db', 3, 'b')], sites);
    expect(plan.unassigned).toEqual([]);
    expect(shape(plan)).toEqual(['a/uk:10', 'b/da:4']);
    expect(where(plan, 'uk10')?.fallbacks).toEqual([
      { familyId: 'uk10', fallback: 'other_site_and_language' },
    ]);
  });

  it('merges thin language groups of several sites into fewer, fuller cohorts', () => {
    const sites: PlannerSite[] = [
      { id: 'a', maxCohorts: 5, languages: ['da', 'ar'] },
      { id: 'b', maxCohorts: 5, languages: ['da', 'ar'] },
    ];
    // Five and five: one cohort of ten instead of two of five.
    expect(shape(planCohorts([...run('xa', 5, 'a', 'ar'), ...run('xb', 5, 'b', 'ar', 3)], sites))).toEqual([
      'a/ar:10',
    ]);
    // Three and two: one Arabic cohort of five, where each site alone is below the minimum of four.
    expect(shape(planCohorts([...run('xa', 3, 'a', 'ar'), ...run('xb', 2, 'b', 'ar', 3)], sites))).toEqual([
      'a/ar:5',
    ]);
    // Too few in all: they join their own site's Danish cohort with an interpreter.
    expect(shape(planCohorts([...run('xa', 2, 'a', 'ar'), ...run('xb', 1, 'b', 'ar')], sites))).toEqual([
      'a/da:2',
      'b/da:1',
    ]);
  });

  it('still lets the latest-due wait when the municipality has no seat left', () => {
    const sites: PlannerSite[] = [
      { id: 'a', maxCohorts: 1, languages: ['da', 'uk'] },
      { id: 'b', maxCohorts: 1, languages: ['da'] },
    ];
    const plan = planCohorts([...run('uk', 8, 'a', 'uk'), ...run('db', 13, 'b')], sites);
    expect(plan.cohorts.every((c) => c.familyIds.length === 10)).toBe(true);
    expect(plan.unassigned).toEqual([{ familyId: 'db12', reason: 'no_capacity' }]);
  });
});

const siteIds = ['s1', 's2', 's3', 's4'];
const sitesArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.tuple(
    ...siteIds.slice(0, n).map((id) =>
      fc.record({
        id: fc.constant(id),
        maxCohorts: fc.integer({ min: 0, max: 6 }),
        languages: fc
          .tuple(fc.constantFrom('da', 'da', 'da', 'en'), fc.subarray(['ar', 'uk', 'en']))
          .map(([main, extra]) => [main, ...extra.filter((l) => l !== main)]),
      }),
    ),
  ),
);
const couplesArb = fc.uniqueArray(
  fc.record({
    familyId: fc.uuid(),
    dueDate: fc.integer({ min: 0, max: 365 }).map((d) => addDays('2027-01-01', d)),
    siteId: fc.constantFrom(null, 'gone', ...siteIds),
    language: fc.constantFrom('da', 'da', 'da', 'ar', 'uk', 'en', 'so'),
  }),
  { selector: (c) => c.familyId, maxLength: 120 },
);
const optionsArb = fc.record({
  maxCouples: fc.integer({ min: 2, max: 10 }),
  minLanguageCohort: fc.integer({ min: 1, max: 5 }),
});

describe('the cohort planner, on any municipality', () => {
  it('places every couple whenever the sites have as many seats as there are couples', () => {
    fc.assert(
      fc.property(couplesArb, sitesArb, optionsArb, (couples, sites, options) => {
        const seats = sites.reduce((n, s) => n + s.maxCohorts * options.maxCouples, 0);
        const plan = planCohorts(couples, sites, options);
        if (seats >= couples.length) expect(plan.unassigned).toEqual([]);
        // And when someone waits, it is because every cohort the facilitators can hold is full.
        if (plan.unassigned.length > 0) {
          for (const s of sites) expect(cohortsAt(plan, s.id)).toBe(s.maxCohorts);
          expect(plan.cohorts.every((c) => c.familyIds.length === options.maxCouples)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('places each couple once, in a cohort of at most the maximum, within each site’s capacity', () => {
    fc.assert(
      fc.property(couplesArb, sitesArb, optionsArb, (couples, sites, options) => {
        const plan = planCohorts(couples, sites, options);
        const seen = [...plan.cohorts.flatMap((c) => c.familyIds), ...plan.unassigned.map((u) => u.familyId)];
        expect(seen.sort()).toEqual(couples.map((c) => c.familyId).sort());
        for (const c of plan.cohorts) {
          expect(c.familyIds.length).toBeGreaterThanOrEqual(1);
          expect(c.familyIds.length).toBeLessThanOrEqual(options.maxCouples);
        }
        for (const s of sites) expect(cohortsAt(plan, s.id)).toBeLessThanOrEqual(s.maxCohorts);
      }),
      { numRuns: 300 },
    );
  });

  it('lists exactly the couples away from their preferred site or language as fallbacks', () => {
    fc.assert(
      fc.property(couplesArb, sitesArb, (couples, sites) => {
        const plan = planCohorts(couples, sites);
        const byId = new Map(couples.map((c) => [c.familyId, c]));
        const known = new Set(sites.map((s) => s.id));
        for (const cohort of plan.cohorts) {
          const expected = cohort.familyIds.flatMap((id) => {
            const c = byId.get(id) as PlannerCouple;
            const otherSite = c.siteId !== null && known.has(c.siteId) && c.siteId !== cohort.siteId;
            const otherLanguage = c.language !== cohort.language;
            if (!otherSite && !otherLanguage) return [];
            const fallback =
              otherSite && otherLanguage
                ? 'other_site_and_language'
                : otherSite
                  ? 'other_site'
                  : 'other_language';
            return [{ familyId: id, fallback }];
          });
          expect(cohort.fallbacks).toEqual(expected);
        }
      }),
    );
  });

  it('makes the same plan from the same couples and sites in any order', () => {
    fc.assert(
      fc.property(
        couplesArb.chain((couples) =>
          fc.tuple(fc.constant(couples), fc.shuffledSubarray(couples, { minLength: couples.length })),
        ),
        sitesArb.chain((sites) =>
          fc.tuple(fc.constant(sites), fc.shuffledSubarray(sites, { minLength: sites.length })),
        ),
        ([couples, reordered], [sites, sitesReordered]) => {
          expect(planCohorts(reordered, sitesReordered)).toEqual(planCohorts(couples, sites));
        },
      ),
      { numRuns: 200 },
    );
  });
});
