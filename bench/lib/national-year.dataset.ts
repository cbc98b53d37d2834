/**
 * The data set of the `planner` scenario: a national year of first-time pregnancies in 98
 * municipalities, each with its own sites and facilitators, made from a seed so that every run
 * plans exactly the same couples. Synthetic: the shape follows Danish figures roughly (skewed
 * municipality sizes with the capital at a tenth, a mild summer peak, minority languages
 * concentrated in the cities); the names and exact numbers are made up.
 */
import { addDays, type PlannerCouple, type PlannerSite } from '@familiespor/domain';
import { mulberry32 } from '../../apps/server/src/seed/seeded-random';

export const nationalYearSeed = 20_270_101;
export const nationalYearCouples = 30_000;
export const municipalityCount = 98;

export type PlanningMunicipality = {
  code: string;
  name: string;
  couples: PlannerCouple[];
  sites: PlannerSite[];
};

export type NationalYear = {
  year: number;
  seed: number;
  municipalities: PlanningMunicipality[];
};

/** A copy in a random order, for checking that the planner does not depend on the input's order. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const capitalShare = 0.1;
/**
 * Log-logistic quantiles for the other 97: with 0.4 the next cities get ~1,760, ~1,130 and ~920
 * (Aarhus, Odense and Aalborg have 3–6% of Danish births), the median ~210 and 28 municipalities
 * fewer than 150, the islands down to ~25.
 */
const sizeExponent = 0.4;
/** Danish births by month (per cent): July–August highest, February lowest. */
const monthWeights = [8.0, 7.4, 8.2, 8.1, 8.4, 8.6, 9.2, 9.1, 8.7, 8.3, 7.8, 8.2];
/** Languages other than Danish among expecting parents, relative weights. */
const minorityLanguages: readonly [string, number][] = [
  ['en', 22],
  ['ar', 17],
  ['uk', 11],
  ['pl', 9],
  ['tr', 9],
  ['ro', 7],
  ['so', 5],
  ['fa', 5],
  ['ur', 4],
  ['de', 4],
  ['ti', 3],
  ['vi', 2],
  ['es', 2],
];
/** Couples who state no preferred site: the planner chooses one for them. */
const noPreferenceShare = 0.08;
/** A site offers a language when it expects at least a full cohort of its speakers in the year. */
const ownLanguageThreshold = 10;
const maxExtraLanguages = 3;

/** Whole numbers in proportion to the weights, summing to exactly `total` (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w * total) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => ({ rest: x - Math.floor(x), i }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left -= 1;
  }
  return out;
}

/** Largest first: the capital, then the others by quantile, so sizes need no random draw. */
export function municipalitySizes(total: number): number[] {
  const capital = Math.round(total * capitalShare);
  const rest = municipalityCount - 1;
  const raw = Array.from({ length: rest }, (_, i) => {
    const p = (rest - i - 0.5) / rest;
    return (p / (1 - p)) ** sizeExponent;
  });
  return [capital, ...apportion(total - capital, raw)];
}

/** Cities have more parents who speak another language at home than the countryside. */
const minorityShare = (size: number) => Math.min(0.28, 0.05 + 0.04 * Math.log(Math.max(size, 30) / 30));
/** One site below 150 a year, up to six in the capital. */
const siteCount = (size: number) => Math.min(6, Math.max(1, Math.floor(1 + Math.log2(size / 75))));

function uuidLike(random: () => number): string {
  const hex = (digits: number) =>
    Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
}

/** Picks an index with probability proportional to its weight; `cumulative` ends with the total. */
function pick(cumulative: readonly number[], random: () => number): number {
  const target = random() * (cumulative.at(-1) ?? 0);
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => {
    sum += w;
    return sum;
  });
}

/** Each day of the year weighted by its month's share of births. */
function dayWeights(year: number): { days: string[]; cumulative: number[] } {
  const first = `${year}-01-01`;
  const length = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1 ? 366 : 365;
  const days = Array.from({ length }, (_, i) => addDays(first, i));
  const inMonth = (m: number) => new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
  const weights = days.map((d) => {
    const m = Number(d.slice(5, 7)) - 1;
    return (monthWeights[m] ?? 0) / inMonth(m);
  });
  return { days, cumulative: cumulate(weights) };
}

/**
 * Sites sized for what the municipality expects, not for what comes: each site's facilitators can
 * run enough cohorts for its expected couples with 0–20% to spare, plus one per extra language.
 */
function makeSites(size: number, random: () => number): { sites: PlannerSite[]; siteWeights: number[] } {
  const n = siteCount(size);
  // The first is the main health house in town and draws the most couples.
  const siteWeights = Array.from({ length: n }, (_, i) => (i === 0 ? 2 : 0.6 + 0.8 * random()));
  const weightSum = siteWeights.reduce((a, b) => a + b, 0);
  const languageWeightSum = minorityLanguages.reduce((a, [, w]) => a + w, 0);
  const sites = siteWeights.map((w) => {
    const expected = size * ((w / weightSum) * (1 - noPreferenceShare) + noPreferenceShare / n);
    const extra = minorityLanguages
      .map(([language, lw]) => ({
        language,
        speakers: expected * minorityShare(size) * (lw / languageWeightSum),
      }))
      .filter((l) => l.speakers >= ownLanguageThreshold)
      .sort((a, b) => b.speakers - a.speakers)
      .slice(0, maxExtraLanguages)
      .map((l) => l.language);
    const slack = 1 + 0.2 * random();
    return {
      id: uuidLike(random),
      maxCohorts: Math.min(200, Math.ceil((expected * slack) / 10) + extra.length),
      languages: ['da', ...extra],
    };
  });
  return { sites, siteWeights };
}

export function generateNationalYear(
  options: { seed?: number; couples?: number; year?: number } = {},
): NationalYear {
  const seed = options.seed ?? nationalYearSeed;
  const year = options.year ?? 2027;
  const { days, cumulative: dayCumulative } = dayWeights(year);
  const languageCumulative = cumulate(minorityLanguages.map(([, w]) => w));
  const municipalities = municipalitySizes(options.couples ?? nationalYearCouples).map((size, index) => {
    // A stream per municipality, so one municipality's draws never shift another's.
    const random = mulberry32(seed + index * 7_919);
    const { sites, siteWeights } = makeSites(size, random);
    const siteCumulative = cumulate(siteWeights);
    const share = minorityShare(size);
    const couples: PlannerCouple[] = Array.from({ length: size }, () => {
      const dueDate = days[pick(dayCumulative, random)] as string;
      const language =
        random() < share ? (minorityLanguages[pick(languageCumulative, random)]?.[0] ?? 'da') : 'da';
      const siteId = random() < noPreferenceShare ? null : (sites[pick(siteCumulative, random)]?.id ?? null);
      return { familyId: uuidLike(random), dueDate, siteId, language };
    });
    const code = String(index + 1).padStart(2, '0');
    return { code, name: index === 0 ? 'København' : `Kommune ${code}`, couples, sites };
  });
  return { year, seed, municipalities };
}

/** The data set in one paragraph, for the notes under the figures. */
export function describeNationalYear(year: NationalYear): string {
  const count = (n: number) => n.toLocaleString('en-US');
  const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
  const sizes = year.municipalities.map((m) => m.couples.length);
  const couples = sizes.reduce((a, b) => a + b, 0);
  const all = year.municipalities.flatMap((m) => m.couples);
  const languages = new Map<string, number>();
  for (const c of all) languages.set(c.language, (languages.get(c.language) ?? 0) + 1);
  const minority = [...languages].filter(([l]) => l !== 'da').sort((a, b) => b[1] - a[1]);
  const months = new Array<number>(12).fill(0);
  for (const c of all) {
    const m = Number(c.dueDate.slice(5, 7)) - 1;
    months[m] = (months[m] ?? 0) + 1;
  }
  const sites = year.municipalities.flatMap((m) => m.sites);
  const capacity = sites.reduce((n, s) => n + s.maxCohorts, 0);
  const bySize = [...sizes].sort((a, b) => a - b);
  return (
    `generateNationalYear (bench/lib/national-year.dataset.ts, mulberry32, seed ${year.seed}), due dates in ` +
    `${year.year}. ${count(couples)} couples in ${sizes.length} municipalities: ${year.municipalities[0]?.name} ` +
    `${count(sizes[0] ?? 0)}, the next ${sizes.slice(1, 4).map(count).join(', ')}, median ` +
    `${bySize[Math.floor(bySize.length / 2)]}, ${sizes.filter((s) => s < 150).length} with fewer than 150, the ` +
    `smallest ${bySize[0]}. Due per month ${Math.min(...months)}–${Math.max(...months)} (peak July–August). ` +
    `Danish ${percent(languages.get('da') ?? 0, couples)}; ${minority.map(([l, k]) => `${l} ${k}`).join(', ')}. ` +
    `${sites.length} sites (1–6 per municipality), ${sites.filter((s) => s.languages.length > 1).length} of ` +
    `them also holding cohorts in 1–3 other languages; facilitator capacity ${count(capacity)} cohorts ` +
    `(${percent(capacity * 10, couples)} of the seats the couples need), sized per site for the couples it ` +
    `expects with 0–20% to spare, plus one cohort per extra language. ` +
    `${percent(all.filter((c) => c.siteId === null).length, couples)} of the couples name no preferred site.`
  );
}
