import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { problemCodes, unitKinds } from '@familiespor/contracts';
import { accessLevels, categories, staffRoles } from '@familiespor/domain';
import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import concernAr from './concern/ar.json';
import concernDa from './concern/da.json';
import concernEn from './concern/en.json';
import consentAr from './consent/ar.json';
import consentDa from './consent/da.json';
import consentEn from './consent/en.json';
import counsellingDa from './counselling/da.json';
import counsellingEn from './counselling/en.json';
import da from './da.json';
import dashboardDa from './dashboard/da.json';
import dashboardEn from './dashboard/en.json';
import en from './en.json';
import epdsAr from './epds/ar.json';
import epdsDa from './epds/da.json';
import epdsEn from './epds/en.json';
import handoverAr from './handover/ar.json';
import handoverDa from './handover/da.json';
import handoverEn from './handover/en.json';
import healthAr from './health/ar.json';
import healthDa from './health/da.json';
import healthEn from './health/en.json';
import openCounsellingAr from './open-counselling/ar.json';
import openCounsellingDa from './open-counselling/da.json';
import openCounsellingEn from './open-counselling/en.json';
import outcomesDa from './outcomes/da.json';
import outcomesEn from './outcomes/en.json';
import referralIntakeDa from './referral-intake/da.json';
import referralIntakeEn from './referral-intake/en.json';
import referralAr from './referrals/ar.json';
import referralDa from './referrals/da.json';
import referralEn from './referrals/en.json';
import surveysAr from './surveys/ar.json';
import surveysDa from './surveys/da.json';
import surveysEn from './surveys/en.json';

type Tree = { [key: string]: string | Tree };

/** The lazily loaded bundles (lazy-texts.ts) are merged into the one namespace, as at run time. */
function merge(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees)
    for (const [k, v] of Object.entries(tree)) {
      const old = out[k];
      out[k] = typeof v === 'string' || typeof old !== 'object' ? v : merge(old, v);
    }
  return out;
}
const files: Record<'da' | 'en' | 'ar', Tree> = {
  da: merge(da, healthDa, epdsDa, concernDa, handoverDa, referralDa, consentDa, counsellingDa),
  en: merge(en, healthEn, epdsEn, concernEn, handoverEn, referralEn, consentEn, counsellingEn),
  // The counselling bundle is staff-only: Arabic shows its English texts (lazy-texts.ts).
  ar: merge(ar, healthAr, epdsAr, concernAr, handoverAr, referralAr, consentAr, counsellingEn),
};
// Open counselling (step 7): staff pages and the public page, in all three languages.
files.da = merge(files.da, openCounsellingDa);
files.en = merge(files.en, openCounsellingEn);
files.ar = merge(files.ar, openCounsellingAr);
// "Henvis med navn" (issue #8): staff-only, so Arabic shows its English texts (lazy-texts.ts).
files.da = merge(files.da, referralIntakeDa);
files.en = merge(files.en, referralIntakeEn);
files.ar = merge(files.ar, referralIntakeEn);
// Outcomes (step 8): staff-only, so Arabic shows its English texts (lazy-texts.ts).
files.da = merge(files.da, outcomesDa);
files.en = merge(files.en, outcomesEn);
files.ar = merge(files.ar, outcomesEn);
// The dashboards (step 8): staff-only, so Arabic shows their English texts (lazy-texts.ts).
files.da = merge(files.da, dashboardDa);
files.en = merge(files.en, dashboardEn);
files.ar = merge(files.ar, dashboardEn);
// Surveys (step 8): the parents' pages in all three languages; staff texts in Arabic are English.
files.da = merge(files.da, surveysDa);
files.en = merge(files.en, surveysEn);
files.ar = merge(files.ar, surveysAr);
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** Keys with their plural forms folded together: Arabic has six forms where Danish has two. */
function baseKeys(flat: Map<string, string>): Set<string> {
  return new Set([...flat.keys()].map((k) => k.replace(pluralSuffix, '')));
}

const flat = { da: flatten(files.da), en: flatten(files.en), ar: flatten(files.ar) };
const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}
const sources = sourceFiles(join(import.meta.dirname, '..'));

describe('the resource files', () => {
  it('keep each lazily loaded bundle from overwriting a text of another', () => {
    const keysOf = (tree: Tree) => [...flatten(tree).keys()];
    const main = new Set(keysOf(da));
    const health = keysOf(healthDa);
    const epds = keysOf(epdsDa);
    expect([...health, ...epds].filter((k) => main.has(k))).toEqual([]);
    expect(health.filter((k) => epds.includes(k))).toEqual([]);
    const concern = keysOf(concernDa);
    expect(concern.filter((k) => main.has(k) || health.includes(k) || epds.includes(k))).toEqual([]);
    const handover = keysOf(handoverDa);
    expect(
      handover.filter((k) => main.has(k) || health.includes(k) || epds.includes(k) || concern.includes(k)),
    ).toEqual([]);
  });

  it('keep the referral bundle from overwriting a text of another', () => {
    const others = new Set(
      [da, healthDa, epdsDa, concernDa, handoverDa].flatMap((tree) => [...flatten(tree).keys()]),
    );
    expect([...flatten(referralDa).keys()].filter((k) => others.has(k))).toEqual([]);
  });

  it('keep the consent bundle from overwriting a text of another', () => {
    const others = new Set(
      [da, healthDa, epdsDa, concernDa, handoverDa, referralDa].flatMap((tree) => [...flatten(tree).keys()]),
    );
    expect([...flatten(consentDa).keys()].filter((k) => others.has(k))).toEqual([]);
  });

  it('keep the counselling bundle from overwriting a text of another', () => {
    const others = new Set(
      [da, healthDa, epdsDa, concernDa, handoverDa, referralDa, consentDa].flatMap((tree) => [
        ...flatten(tree).keys(),
      ]),
    );
    expect([...flatten(counsellingDa).keys()].filter((k) => others.has(k))).toEqual([]);
  });

  it('keep the open counselling bundle from overwriting a text of another', () => {
    const own = new Set(flatten(openCounsellingDa).keys());
    const others = [da, healthDa, epdsDa, concernDa, handoverDa, referralDa, consentDa].flatMap((tree) => [
      ...flatten(tree).keys(),
    ]);
    expect(others.filter((k) => own.has(k))).toEqual([]);
  });

  it('keep the "Henvis med navn" bundle from overwriting a text of another', () => {
    const own = new Set(flatten(referralIntakeDa).keys());
    const others = [
      da,
      healthDa,
      epdsDa,
      concernDa,
      handoverDa,
      referralDa,
      consentDa,
      counsellingDa,
      openCounsellingDa,
    ].flatMap((tree) => [...flatten(tree).keys()]);
    expect(others.filter((k) => own.has(k))).toEqual([]);
  });

  it('keep the dashboard bundle from overwriting a text of another', () => {
    const own = new Set(flatten(dashboardDa).keys());
    const others = [da, outcomesDa, surveysDa, counsellingDa, openCounsellingDa].flatMap((tree) => [
      ...flatten(tree).keys(),
    ]);
    expect(others.filter((k) => own.has(k))).toEqual([]);
  });

  it('keep the outcomes bundle from overwriting a text of another', () => {
    const own = new Set(flatten(outcomesDa).keys());
    const others = [
      da,
      healthDa,
      epdsDa,
      concernDa,
      handoverDa,
      referralDa,
      consentDa,
      counsellingDa,
      openCounsellingDa,
      referralIntakeDa,
    ].flatMap((tree) => [...flatten(tree).keys()]);
    expect(others.filter((k) => own.has(k))).toEqual([]);
  });

  it('have the same keys in Danish, English and Arabic', () => {
    const daKeys = baseKeys(flat.da);
    for (const language of ['en', 'ar'] as const) {
      const keys = baseKeys(flat[language]);
      expect(
        [...daKeys].filter((k) => !keys.has(k)),
        `missing in ${language}`,
      ).toEqual([]);
      expect(
        [...keys].filter((k) => !daKeys.has(k)),
        `only in ${language}`,
      ).toEqual([]);
    }
  });

  it('have every plural form each language needs', () => {
    for (const [language, entries] of Object.entries(flat)) {
      const categoriesNeeded = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const plurals = new Set(
        [...entries.keys()].filter((k) => pluralSuffix.test(k)).map((k) => k.replace(pluralSuffix, '')),
      );
      for (const base of plurals) {
        for (const c of categoriesNeeded)
          expect(entries.has(`${base}_${c}`), `${language}: ${base}_${c}`).toBe(true);
      }
    }
  });

  it('have no empty texts', () => {
    for (const [language, entries] of Object.entries(flat)) {
      const empty = [...entries].filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty, `empty in ${language}`).toEqual([]);
    }
  });

  it('use the same {{variables}} in every language', () => {
    for (const [key, text] of flat.da) {
      const base = key.replace(pluralSuffix, '');
      for (const language of ['en', 'ar'] as const) {
        const forms = [...flat[language]].filter(([k]) => k.replace(pluralSuffix, '') === base);
        for (const [k, other] of forms) {
          // A plural form may leave the number out ("one user"), never add a variable.
          const allowed = new Set(variables(text));
          for (const v of variables(other))
            expect(allowed.has(v), `${language}:${k} uses {{${v}}}`).toBe(true);
        }
      }
    }
  });

  it('name every role, record category, access level, unit kind and problem', () => {
    const needed = [
      ...staffRoles.flatMap((r) => [`roles.${r}.name`, `roles.${r}.purpose`]),
      ...categories.map((c) => `category.${c}`),
      ...accessLevels.flatMap((l) => [`accessLevel.${l}.short`, `accessLevel.${l}.long`]),
      ...unitKinds.map((k) => `unitKind.${k}`),
      ...[...problemCodes, 'network'].flatMap((c) => [`problem.${c}.title`, `problem.${c}.text`]),
    ];
    expect(needed.filter((k) => !flat.da.has(k))).toEqual([]);
  });

  it('have every key the components ask for', () => {
    const keys = baseKeys(flat.da);
    const missing: string[] = [];
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*(['`])([^'`]+)\1/g)) {
        const key = m[2] ?? '';
        if (!key.includes('${')) {
          if (!keys.has(key)) missing.push(`${file}: ${key}`);
          continue;
        }
        // A key built at run time must match at least one key in the file.
        const pattern = new RegExp(`^${key.replace(/\./g, '\\.').replace(/\$\{[^}]+\}/g, '[^.]+')}$`);
        if (![...keys].some((k) => pattern.test(k))) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
