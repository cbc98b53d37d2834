import { type CohortPlan, planStats } from '@familiespor/domain';
import type { NationalYear } from './national-year.dataset';

// ---- What a cohort plan of the national year is like: checked first, then counted -----------

const seats = 10;
/** A cohort whose due dates span more than four weeks meets babies of very different ages after birth. */
export const wideSpreadDays = 28;
/** Below this a cohort is thin: one or two dropouts and the group no longer carries itself. */
export const smallCohort = 6;

/** Fails the run when a plan loses, doubles or overfills: its figures would mean nothing. */
export function checkPlans(year: NationalYear, plans: readonly CohortPlan[], label: string): void {
  year.municipalities.forEach((m, i) => {
    const plan = plans[i] as CohortPlan;
    const siteIds = new Set(m.sites.map((s) => s.id));
    const seen = [...plan.cohorts.flatMap((c) => c.familyIds), ...plan.unassigned.map((u) => u.familyId)];
    const ids = new Set(m.couples.map((c) => c.familyId));
    if (seen.length !== ids.size || new Set(seen).size !== ids.size || seen.some((id) => !ids.has(id))) {
      throw new Error(`${label}: ${m.name} does not place or list every couple exactly once`);
    }
    if (
      plan.cohorts.some((c) => c.familyIds.length < 1 || c.familyIds.length > seats || !siteIds.has(c.siteId))
    ) {
      throw new Error(`${label}: ${m.name} has a cohort that is empty, over ${seats} or at another site`);
    }
  });
}

export const nearestRank = (sorted: readonly number[], q: number) =>
  sorted[Math.max(0, Math.ceil(sorted.length * q) - 1)] ?? 0;

export type Figures = ReturnType<typeof planFigures>;

export function planFigures(year: NationalYear, plans: readonly CohortPlan[]) {
  const stats = planStats({
    cohorts: plans.flatMap((p) => p.cohorts),
    unassigned: plans.flatMap((p) => p.unassigned),
  });
  const spreads: number[] = [];
  const ownLanguageSpreads: number[] = [];
  const k = {
    full: 0,
    small: 0,
    wide: 0,
    withPreference: 0,
    offSite: 0,
    offLanguage: 0,
    overCapacityCohorts: 0,
    overCapacitySites: 0,
    unplacedOtherLanguage: 0,
    unplacedWithRoom: 0,
    danishSpreadSum: 0,
  };
  year.municipalities.forEach((m, i) => {
    const plan = plans[i] as CohortPlan;
    const couple = new Map(m.couples.map((c) => [c.familyId, c]));
    const site = new Map(m.sites.map((s) => [s.id, s]));
    const perSite = new Map<string, number>();
    for (const c of plan.cohorts) {
      spreads.push(c.spreadDays);
      if (c.familyIds.length === seats) k.full += 1;
      if (c.familyIds.length < smallCohort) k.small += 1;
      if (c.spreadDays > wideSpreadDays) k.wide += 1;
      // The naive chunks have no language ('any'): they are held in the site's main language.
      const held = c.language === 'any' ? (site.get(c.siteId)?.languages[0] ?? 'da') : c.language;
      if (held !== 'da') ownLanguageSpreads.push(c.spreadDays);
      else k.danishSpreadSum += c.spreadDays;
      perSite.set(c.siteId, (perSite.get(c.siteId) ?? 0) + 1);
      for (const id of c.familyIds) {
        const who = couple.get(id);
        if (who?.siteId) {
          k.withPreference += 1;
          if (who.siteId !== c.siteId) k.offSite += 1;
        }
        if (who && who.language !== held) k.offLanguage += 1;
      }
    }
    for (const [siteId, n] of perSite) {
      const over = n - (site.get(siteId)?.maxCohorts ?? 0);
      if (over > 0) {
        k.overCapacityCohorts += over;
        k.overCapacitySites += 1;
      }
    }
    const freeCohorts = m.sites.reduce((n, s) => n + Math.max(0, s.maxCohorts - (perSite.get(s.id) ?? 0)), 0);
    for (const u of plan.unassigned) {
      if ((couple.get(u.familyId)?.language ?? 'da') !== 'da') k.unplacedOtherLanguage += 1;
      if (freeCohorts > 0) k.unplacedWithRoom += 1;
    }
  });
  spreads.sort((a, b) => a - b);
  ownLanguageSpreads.sort((a, b) => a - b);
  return {
    ...stats,
    unplaced: plans.reduce((n, p) => n + p.unassigned.length, 0),
    ...k,
    meanSpread: spreads.reduce((a, b) => a + b, 0) / Math.max(1, spreads.length),
    danishMeanSpread: k.danishSpreadSum / Math.max(1, spreads.length - ownLanguageSpreads.length),
    p90Spread: nearestRank(spreads, 0.9),
    ownLanguageCohorts: ownLanguageSpreads.length,
    ownLanguageMedianSpread: nearestRank(ownLanguageSpreads, 0.5),
    ownLanguageMaxSpread: ownLanguageSpreads.at(-1) ?? 0,
  };
}
