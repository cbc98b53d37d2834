import { daysBetween } from '../time/calendar';

/**
 * Cohort planning (DESIGN §5): eligible couples are grouped by due date into cohorts of at most
 * 10 couples per site, keeping each cohort's due-date spread small and cohorts full, within the
 * facilitators' capacity and the parents' language. Deterministic: the same input, in any order,
 * gives the same plan.
 */
export type PlannerCouple = { familyId: string; dueDate: string; siteId: string | null; language: string };
export type PlannerSite = {
  id: string;
  /** How many cohorts the site's facilitators can run in the period. */
  maxCohorts: number;
  /** Languages the site can hold a cohort in; the first is the site's main language. */
  languages: string[];
};
/**
 * Why a couple sits in a cohort that is not their first choice. 'other_language' means the
 * cohort is held in a language they did not give, so the facilitator must book an interpreter.
 */
export type PlacementFallback = 'other_site' | 'other_language' | 'other_site_and_language';
export type PlannedCohort = {
  siteId: string;
  language: string;
  familyIds: string[];
  dueFrom: string;
  dueTo: string;
  spreadDays: number;
  /** The couples placed away from their preferred site or language, in familyIds order; often empty. */
  fallbacks: { familyId: string; fallback: PlacementFallback }[];
};
export type Unassigned = { familyId: string; reason: 'no_capacity' | 'no_site' };
export type CohortPlan = { cohorts: PlannedCohort[]; unassigned: Unassigned[] };
export type PlannerOptions = { maxCouples?: number; minLanguageCohort?: number };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * Due date, then the family; site and language only so that a repeated familyId cannot make the
 * order, and so the plan, depend on the input's order.
 */
const byDue = (a: PlannerCouple, b: PlannerCouple) =>
  byText(a.dueDate, b.dueDate) ||
  byText(a.familyId, b.familyId) ||
  byText(a.siteId ?? '', b.siteId ?? '') ||
  byText(a.language, b.language);

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

function fallbacksOf(
  siteId: string,
  language: string | null,
  couples: readonly PlannerCouple[],
  preferredSite: (c: PlannerCouple) => string | null,
): PlannedCohort['fallbacks'] {
  const out: PlannedCohort['fallbacks'] = [];
  for (const c of couples) {
    const pref = preferredSite(c);
    const otherSite = pref !== null && pref !== siteId;
    const otherLanguage = language !== null && c.language !== language;
    if (otherSite || otherLanguage) {
      const fallback =
        otherSite && otherLanguage ? 'other_site_and_language' : otherSite ? 'other_site' : 'other_language';
      out.push({ familyId: c.familyId, fallback });
    }
  }
  return out;
}

function toCohort(
  siteId: string,
  language: string,
  couples: PlannerCouple[],
  fallbacks: PlannedCohort['fallbacks'],
): PlannedCohort {
  const dueFrom = couples[0]?.dueDate as string;
  const dueTo = couples.at(-1)?.dueDate as string;
  return {
    siteId,
    language,
    familyIds: couples.map((c) => c.familyId),
    dueFrom,
    dueTo,
    spreadDays: daysBetween(dueFrom, dueTo),
    fallbacks,
  };
}

/** The couples of one site and language; they become ceil(n / max) cohorts, split by due date at the end. */
type Group = { site: PlannerSite; language: string; members: PlannerCouple[] };

/**
 * Plans the cohorts of one offer. Every couple climbs down the same ladder until a seat is found:
 *
 *   1. their preferred site, in their own language;
 *   2. another site that holds a cohort in their language — a cohort in a language they speak
 *      matters more to a group course than the walk to the health house;
 *   3. their preferred site in another language, usually its main language (Danish), with an
 *      interpreter;
 *   4. any cohort with a free seat, else a new cohort wherever facilitators are still free.
 *
 * A couple is left unplaced only when every site runs all the cohorts its facilitators can hold
 * and every one of them is full: then there is truly no seat, and the latest-due wait for the next
 * plan. The placements away from step 1 are listed per cohort (`fallbacks`).
 *
 * The work goes in five phases, A–E below: wishes (step 1, or straight to 2 or 3 when 1 cannot
 * exist), pooling of the other languages into as few cohorts as their speakers need, the
 * facilitators' capacity per site, the ladder for whoever lost their seat or named no site, and the
 * split by due date. Couples without a preferred site fill free seats before a new cohort is
 * opened, so the plan needs fewer cohorts, at the cost of a few days' more spread in some.
 */
export function planCohorts(
  couples: readonly PlannerCouple[],
  sites: readonly PlannerSite[],
  options: PlannerOptions = {},
): CohortPlan {
  const max = options.maxCouples ?? 10;
  const minLanguage = options.minLanguageCohort ?? 4;
  const sorted = [...couples].sort(byDue);
  const sortedSites = [...sites].sort((a, b) => byText(a.id, b.id));
  if (sortedSites.length === 0) {
    return { cohorts: [], unassigned: sorted.map((c) => ({ familyId: c.familyId, reason: 'no_site' })) };
  }

  const siteById = new Map(sortedSites.map((s) => [s.id, s]));
  const preferredSite = (c: PlannerCouple) => (c.siteId !== null && siteById.has(c.siteId) ? c.siteId : null);
  const preferred = (c: PlannerCouple) => siteById.get(preferredSite(c) ?? '');
  const mainOf = (s: PlannerSite) => s.languages[0] ?? 'da';
  const holds = (s: PlannerSite, language: string) =>
    mainOf(s) === language || s.languages.includes(language);
  const mainSomewhere = new Set(sortedSites.map(mainOf));
  const holdersOf = new Map<string, PlannerSite[]>();
  const extraHolders = (language: string) => {
    let holders = holdersOf.get(language);
    if (!holders) {
      holders = sortedSites.filter((s) => mainOf(s) !== language && s.languages.includes(language));
      holdersOf.set(language, holders);
    }
    return holders;
  };

  const groupsBySite = new Map<string, Map<string, Group>>(sortedSites.map((s) => [s.id, new Map()]));
  const groupAt = (site: PlannerSite, language: string): Group => {
    const bySite = groupsBySite.get(site.id) as Map<string, Group>;
    let group = bySite.get(language);
    if (!group) {
      group = { site, language, members: [] };
      bySite.set(language, group);
    }
    return group;
  };
  const groupsOf = (site: PlannerSite) =>
    [...(groupsBySite.get(site.id)?.values() ?? [])].filter((g) => g.members.length > 0);
  const allGroups = () => sortedSites.flatMap((s) => [...(groupsBySite.get(s.id)?.values() ?? [])]);
  const cohortsFor = (n: number) => Math.ceil(n / max);
  const free = (g: Group) => cohortsFor(g.members.length) * max - g.members.length;
  const used = (site: PlannerSite) => groupsOf(site).reduce((n, g) => n + cohortsFor(g.members.length), 0);
  const spare = (site: PlannerSite) => Math.max(0, site.maxCohorts) - used(site);

  // A. Wishes. A couple whose preferred site holds their language goes there (step 1). One whose
  // language is held elsewhere gets step 2: for a site's main language in phase D, where free seats
  // are known; for another language by pooling in phase B. Whose language no site holds goes to
  // their preferred site's main language (step 3), or, with no preferred site, waits for phase D.
  const loose: PlannerCouple[] = [];
  const pooled = new Map<string, PlannerCouple[]>();
  for (const c of sorted) {
    const pref = preferred(c);
    if (pref && holds(pref, c.language)) groupAt(pref, c.language).members.push(c);
    else if (mainSomewhere.has(c.language)) loose.push(c);
    else if (extraHolders(c.language).length > 0) {
      const list = pooled.get(c.language) ?? [];
      list.push(c);
      pooled.set(c.language, list);
    } else if (pref) groupAt(pref, mainOf(pref)).members.push(c);
    else loose.push(c);
  }

  // B. Other languages: their speakers across the municipality need ceil(n / max) cohorts, not one
  // half-empty cohort per site. Sites keep cohorts in the order of how many of their own couples
  // speak the language; a site below the minimum gives its couples to a bigger one (step 2 for
  // them) rather than hold a thin cohort. With too few speakers in all, nobody gets the language
  // and everyone goes to step 3.
  const extraLanguages = [
    ...new Set(sortedSites.flatMap((s) => s.languages.filter((l) => l !== mainOf(s)))),
  ].sort(byText);
  for (const language of extraLanguages) {
    const ranked = extraHolders(language)
      .map((s) => groupAt(s, language))
      .sort((a, b) => b.members.length - a.members.length || byText(a.site.id, b.site.id));
    const arriving = pooled.get(language) ?? [];
    const total = ranked.reduce((n, g) => n + g.members.length, arriving.length);
    if (total < minLanguage) {
      for (const g of ranked) groupAt(g.site, mainOf(g.site)).members.push(...g.members.splice(0));
      for (const c of arriving) {
        const pref = preferred(c);
        if (pref) groupAt(pref, mainOf(pref)).members.push(c);
        else loose.push(c);
      }
      continue;
    }
    const target = cohortsFor(total);
    const allotted = new Map<Group, number>();
    let given = 0;
    ranked.forEach((g, i) => {
      const n = g.members.length;
      if (given >= target || (i > 0 && n < minLanguage)) return;
      const k = Math.min(Math.max(1, cohortsFor(n)), target - given);
      allotted.set(g, k);
      given += k;
    });
    const first = ranked[0] as Group;
    allotted.set(first, (allotted.get(first) ?? 0) + target - given);
    // The latest-due move when a site keeps fewer cohorts than its speakers fill.
    const moving = [...arriving];
    for (const g of ranked) {
      const seats = (allotted.get(g) ?? 0) * max;
      g.members.sort(byDue);
      if (g.members.length > seats) moving.push(...g.members.splice(seats));
    }
    const kept = [...allotted.keys()];
    for (const c of moving.sort(byDue)) {
      const room = (g: Group) => (allotted.get(g) ?? 0) * max - g.members.length;
      const to = kept.reduce((best, g) => (room(g) > room(best) ? g : best), kept[0] as Group);
      to.members.push(c);
    }
  }

  // C. Capacity: a site with more cohorts than its facilitators can hold gives up cohorts one at a
  // time, the one that moves the fewest couples away from their preferred site (couples already
  // away leave first, then the latest-due), then the fewest couples, then its main language:
  // Danish-speaking couples still find a Danish cohort at another site (step 2), where a minority
  // language's speakers would often lose their language too.
  type Cost = [atHome: number, moved: number, notMain: number, language: string];
  const byCost = (a: Cost, b: Cost) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || byText(a[3], b[3]);
  const displaced: PlannerCouple[] = [];
  for (const site of sortedSites) {
    while (used(site) > Math.max(0, site.maxCohorts)) {
      let cut: { group: Group; leaving: PlannerCouple[]; cost: Cost } | null = null;
      for (const group of groupsOf(site)) {
        const n = group.members.length;
        const atHome = (c: PlannerCouple) => (preferredSite(c) === site.id ? 1 : 0);
        const leaving = [...group.members]
          .sort((a, b) => atHome(a) - atHome(b) || byDue(b, a))
          .slice(0, n - (cohortsFor(n) - 1) * max);
        const cost: Cost = [
          leaving.reduce((k, c) => k + atHome(c), 0),
          leaving.length,
          group.language === mainOf(site) ? 0 : 1,
          group.language,
        ];
        if (!cut || byCost(cost, cut.cost) < 0) cut = { group, leaving, cost };
      }
      if (!cut) break;
      const gone = new Set(cut.leaving);
      cut.group.members = cut.group.members.filter((c) => !gone.has(c));
      displaced.push(...cut.leaving);
    }
  }

  // D. The ladder for whoever lost their seat and for couples without a preferred site, earliest
  // due first so that, if seats run out, the latest-due wait for the next plan.
  const waiting = [...displaced, ...loose].sort(byDue);
  const fewestFreeLast = (a: Group, b: Group) =>
    free(b) - free(a) || byText(a.site.id, b.site.id) || byText(a.language, b.language);
  // Step 1 or 2, a free seat in their language: at their preferred site if it has one.
  const stillWaiting: PlannerCouple[] = [];
  for (const c of waiting) {
    const open = allGroups()
      .filter((g) => g.language === c.language && g.members.length > 0 && free(g) > 0)
      .sort(
        (a, b) => Number(b.site.id === c.siteId) - Number(a.site.id === c.siteId) || fewestFreeLast(a, b),
      );
    if (open[0]) open[0].members.push(c);
    else stillWaiting.push(c);
  }
  // Step 2, new cohorts in their language where facilitators are free, one at a time: the next run
  // of couples by due date, which keeps its spread small, to the site most of them prefer, else the
  // one with the most free capacity, so that sites take turns rather than one site getting a whole
  // season. Never a cohort below the minimum in a language that is not the site's main one.
  const last: PlannerCouple[] = [];
  for (const language of [...new Set(stillWaiting.map((c) => c.language))].sort(byText)) {
    let queue = stillWaiting.filter((c) => c.language === language);
    while (queue.length > 0) {
      const need = (s: PlannerSite) => (mainOf(s) === language ? 1 : minLanguage);
      const wanting = new Map<string | null, number>();
      for (const c of queue) wanting.set(c.siteId, (wanting.get(c.siteId) ?? 0) + 1);
      const wanted = (s: PlannerSite) => wanting.get(s.id) ?? 0;
      const site = sortedSites
        .filter((s) => holds(s, language) && spare(s) > 0 && queue.length >= need(s))
        .sort((a, b) => wanted(b) - wanted(a) || spare(b) - spare(a) || byText(a.id, b.id))[0];
      if (!site) break;
      groupAt(site, language).members.push(...queue.slice(0, max));
      queue = queue.slice(max);
    }
    last.push(...queue);
  }
  // Steps 3 and 4, one couple at a time by due date.
  const unassigned: Unassigned[] = [];
  const mainFirst = (a: Group, b: Group) =>
    Number(b.language === mainOf(b.site)) - Number(a.language === mainOf(a.site)) || fewestFreeLast(a, b);
  for (const c of last.sort(byDue)) {
    const pref = preferred(c);
    const atPref = pref
      ? groupsOf(pref)
          .filter((g) => free(g) > 0)
          .sort(mainFirst)[0]
      : undefined;
    const anywhere = allGroups()
      .filter((g) => g.members.length > 0 && free(g) > 0)
      .sort(mainFirst)[0];
    const newSite = [...sortedSites].sort(
      (a, b) => spare(b) - spare(a) || byText(a.id, b.id),
    )[0] as PlannerSite;
    const to =
      atPref ??
      (pref && spare(pref) > 0 ? groupAt(pref, mainOf(pref)) : undefined) ??
      anywhere ??
      (spare(newSite) > 0 ? groupAt(newSite, mainOf(newSite)) : undefined);
    if (to) to.members.push(c);
    else unassigned.push({ familyId: c.familyId, reason: 'no_capacity' });
  }

  // E. Each group split by due date into as few cohorts as its size needs.
  const cohorts: PlannedCohort[] = [];
  for (const g of allGroups()) {
    if (g.members.length === 0) continue;
    const members = g.members.sort(byDue);
    for (const part of segment(members, cohortsFor(members.length), max)) {
      cohorts.push(
        toCohort(g.site.id, g.language, part, fallbacksOf(g.site.id, g.language, part, preferredSite)),
      );
    }
  }
  cohorts.sort(
    (a, b) =>
      byText(a.dueFrom, b.dueFrom) ||
      byText(a.siteId, b.siteId) ||
      byText(a.language, b.language) ||
      byText(a.dueTo, b.dueTo) ||
      byText(a.familyIds[0] ?? '', b.familyIds[0] ?? ''),
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
  // A chunk has no language of its own, so only a move away from the preferred site is a fallback.
  const preferredSite = (c: PlannerCouple) =>
    c.siteId && sites.some((s) => s.id === c.siteId) ? c.siteId : null;
  const cohorts: PlannedCohort[] = [];
  for (const [siteId, list] of bySite) {
    for (let i = 0; i < list.length; i += maxCouples) {
      const chunk = list.slice(i, i + maxCouples);
      cohorts.push(toCohort(siteId, 'any', chunk, fallbacksOf(siteId, null, chunk, preferredSite)));
    }
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
