import { daysBetween } from '../time/calendar';

/**
 * Cohort planning (DESIGN §5): eligible couples are grouped by due date into cohorts of at most
 * 10 couples per site, keeping each cohort's due-date spread small and cohorts full, within the
 * facilitators' capacity and the parents' language. Deterministic: the same input gives the
 * same plan.
 */
export type PlannerCouple = { familyId: string; dueDate: string; siteId: string | null; language: string };
export type PlannerSite = {
  id: string;
  /** How many cohorts the site's facilitators can run in the period. */
  maxCohorts: number;
  /** Languages the site can hold a cohort in; the first is the site's main language. */
  languages: string[];
};
export type PlannedCohort = {
  siteId: string;
  language: string;
  familyIds: string[];
  dueFrom: string;
  dueTo: string;
  spreadDays: number;
};
export type Unassigned = { familyId: string; reason: 'no_capacity' | 'no_site' };
export type CohortPlan = { cohorts: PlannedCohort[]; unassigned: Unassigned[] };
export type PlannerOptions = { maxCouples?: number; minLanguageCohort?: number };

const byDue = (a: PlannerCouple, b: PlannerCouple) =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.familyId < b.familyId ? -1 : 1;

/**
 * Splits couples sorted by due date into exactly `k` contiguous cohorts of at most `max` couples,
 * minimising the sum of due-date spreads; ties go to the more even split. Dynamic programming
 * over (couples placed, cohorts used): O(n · k · max).
 */
export function segment(sorted: readonly PlannerCouple[], k: number, max: number): PlannerCouple[][] {
  const n = sorted.length;
  if (n === 0) return [];
  const day = sorted.map((c) => daysBetween('2000-01-01', c.dueDate));
  const inf = Number.POSITIVE_INFINITY;
  // cost[j][i]: best (spread, unevenness) for the first i couples in j cohorts
  const cost: [number, number][][] = Array.from({ length: k + 1 }, () =>
    Array.from({ length: n + 1 }, () => [inf, inf]),
  );
  const cut: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(-1));
  (cost[0] as [number, number][])[0] = [0, 0];
  const ideal = n / k;
  for (let j = 1; j <= k; j++) {
    for (let i = 1; i <= n; i++) {
      for (let size = 1; size <= max && size <= i; size++) {
        const prev = (cost[j - 1] as [number, number][])[i - size] as [number, number];
        if (prev[0] === inf) continue;
        const spread = (day[i - 1] as number) - (day[i - size] as number);
        const candidate: [number, number] = [prev[0] + spread, prev[1] + Math.abs(size - ideal)];
        const best = (cost[j] as [number, number][])[i] as [number, number];
        if (candidate[0] < best[0] || (candidate[0] === best[0] && candidate[1] < best[1] - 1e-9)) {
          (cost[j] as [number, number][])[i] = candidate;
          (cut[j] as number[])[i] = i - size;
        }
      }
    }
  }
  const groups: PlannerCouple[][] = [];
  let i = n;
  for (let j = k; j >= 1; j--) {
    const start = (cut[j] as number[])[i] as number;
    groups.unshift(sorted.slice(start, i));
    i = start;
  }
  return groups;
}

function toCohort(siteId: string, language: string, couples: PlannerCouple[]): PlannedCohort {
  const dueFrom = couples[0]?.dueDate as string;
  const dueTo = couples.at(-1)?.dueDate as string;
  return {
    siteId,
    language,
    familyIds: couples.map((c) => c.familyId),
    dueFrom,
    dueTo,
    spreadDays: daysBetween(dueFrom, dueTo),
  };
}

export function planCohorts(
  couples: readonly PlannerCouple[],
  sites: readonly PlannerSite[],
  options: PlannerOptions = {},
): CohortPlan {
  const max = options.maxCouples ?? 10;
  const minLanguage = options.minLanguageCohort ?? 4;
  const sortedSites = [...sites].sort((a, b) => (a.id < b.id ? -1 : 1));
  const unassigned: Unassigned[] = [];
  const room = new Map(sortedSites.map((s) => [s.id, s.maxCohorts * max]));
  const bySite = new Map<string, PlannerCouple[]>(sortedSites.map((s) => [s.id, []]));

  // 1. Sites: the preferred one while it has room; otherwise the one with most room that holds
  // cohorts in the couple's language, then the one with most room at all.
  for (const c of [...couples].sort(byDue)) {
    const preferred = c.siteId ? sortedSites.find((s) => s.id === c.siteId) : undefined;
    let site = preferred && (room.get(preferred.id) ?? 0) > 0 ? preferred : undefined;
    if (!site) {
      const open = sortedSites.filter((s) => (room.get(s.id) ?? 0) > 0);
      const mostRoom = (xs: PlannerSite[]) =>
        [...xs].sort((a, b) => (room.get(b.id) ?? 0) - (room.get(a.id) ?? 0))[0];
      site = mostRoom(open.filter((s) => s.languages.includes(c.language))) ?? mostRoom(open);
    }
    if (!site) {
      unassigned.push({ familyId: c.familyId, reason: sortedSites.length === 0 ? 'no_site' : 'no_capacity' });
      continue;
    }
    room.set(site.id, (room.get(site.id) ?? 0) - 1);
    bySite.get(site.id)?.push(c);
  }

  // 2. Languages: a language gets its own cohorts when the site offers it and enough couples
  // speak it; the others join the site's main language (with an interpreter).
  const cohorts: PlannedCohort[] = [];
  for (const site of sortedSites) {
    const siteCouples = bySite.get(site.id) ?? [];
    const main = site.languages[0] ?? 'da';
    const speakers = new Map<string, number>();
    for (const c of siteCouples) speakers.set(c.language, (speakers.get(c.language) ?? 0) + 1);
    const groups = new Map<string, PlannerCouple[]>();
    for (const c of siteCouples) {
      const own =
        c.language !== main &&
        site.languages.includes(c.language) &&
        (speakers.get(c.language) ?? 0) >= minLanguage;
      const language = own ? c.language : main;
      const group = groups.get(language) ?? [];
      group.push(c);
      groups.set(language, group);
    }
    let cohortsLeft = site.maxCohorts;
    for (const language of [...groups.keys()].sort((a, b) =>
      a === main ? -1 : b === main ? 1 : a < b ? -1 : 1,
    )) {
      const sorted = (groups.get(language) ?? []).sort(byDue);
      const k = Math.min(Math.ceil(sorted.length / max), cohortsLeft);
      const fits = sorted.slice(0, k * max);
      for (const c of sorted.slice(k * max)) unassigned.push({ familyId: c.familyId, reason: 'no_capacity' });
      cohortsLeft -= k;
      for (const g of segment(fits, k, max)) cohorts.push(toCohort(site.id, language, g));
    }
  }
  cohorts.sort((a, b) =>
    a.dueFrom < b.dueFrom ? -1 : a.dueFrom > b.dueFrom ? 1 : a.siteId < b.siteId ? -1 : 1,
  );
  return { cohorts, unassigned };
}

/** The baseline the benchmark compares with: chronological chunks of 10 per site. */
export function planNaively(
  couples: readonly PlannerCouple[],
  sites: readonly PlannerSite[],
  maxCouples = 10,
): CohortPlan {
  const fallback = [...sites].sort((a, b) => (a.id < b.id ? -1 : 1))[0]?.id;
  const bySite = new Map<string, PlannerCouple[]>();
  const unassigned: Unassigned[] = [];
  for (const c of [...couples].sort(byDue)) {
    const site = c.siteId && sites.some((s) => s.id === c.siteId) ? c.siteId : fallback;
    if (!site) unassigned.push({ familyId: c.familyId, reason: 'no_site' });
    else {
      const list = bySite.get(site) ?? [];
      list.push(c);
      bySite.set(site, list);
    }
  }
  const cohorts: PlannedCohort[] = [];
  for (const [siteId, list] of bySite) {
    for (let i = 0; i < list.length; i += maxCouples)
      cohorts.push(toCohort(siteId, 'any', list.slice(i, i + maxCouples)));
  }
  return { cohorts, unassigned };
}

export type PlanStats = {
  cohorts: number;
  couples: number;
  medianSpread: number;
  maxSpread: number;
  fillRate: number;
};

export function planStats(plan: CohortPlan, maxCouples = 10): PlanStats {
  const spreads = plan.cohorts.map((c) => c.spreadDays).sort((a, b) => a - b);
  const couples = plan.cohorts.reduce((n, c) => n + c.familyIds.length, 0);
  const mid = Math.floor(spreads.length / 2);
  const median =
    spreads.length === 0
      ? 0
      : spreads.length % 2
        ? (spreads[mid] as number)
        : ((spreads[mid - 1] as number) + (spreads[mid] as number)) / 2;
  return {
    cohorts: plan.cohorts.length,
    couples,
    medianSpread: median,
    maxSpread: spreads.at(-1) ?? 0,
    fillRate: plan.cohorts.length === 0 ? 0 : couples / (plan.cohorts.length * maxCouples),
  };
}
