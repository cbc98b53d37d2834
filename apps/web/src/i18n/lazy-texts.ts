import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from './i18n.setup';

/**
 * Texts that only some pages need, in their own files, so they stay out of the parent portal's
 * first load (150 KB budget): each bundle is fetched for the current language when a page that
 * needs it mounts, and merged into the one `translation` namespace, so keys stay typed.
 */
export type TextBundle = {
  name: string;
  load: Record<Language, () => Promise<{ default: object }>>;
};

/** Health visiting for staff: visits, the visit programme, screenings, ADBB and "I dag". */
export const healthTexts: TextBundle = {
  name: 'health',
  load: {
    da: () => import('./health/da.json'),
    en: () => import('./health/en.json'),
    ar: () => import('./health/ar.json'),
  },
};

/**
 * The EPDS items and the parent's "Sådan har du det" page, shared by staff and portal.
 * The item texts are faithful renderings of Cox, Holden & Sagovsky (1987); the Danish and
 * Arabic wording must be checked against the licensed validated translations before use in
 * production (the Danish one Sundhedsplejen uses, the Arabic one of Ghubash et al. 1997).
 */
export const epdsTexts: TextBundle = {
  name: 'epds',
  load: {
    da: () => import('./epds/da.json'),
    en: () => import('./epds/en.json'),
    ar: () => import('./epds/ar.json'),
  },
};

/** Concern reports (underretninger) for staff: sending, the caseworkers' inbox, the sender's list. */
export const concernTexts: TextBundle = {
  name: 'concern',
  load: {
    da: () => import('./concern/da.json'),
    en: () => import('./concern/en.json'),
    ar: () => import('./concern/ar.json'),
  },
};

/** Handovers at transitions and "Mellem to stole" (step 6): staff pages. */
export const handoverTexts: TextBundle = {
  name: 'handover',
  load: {
    da: () => import('./handover/da.json'),
    en: () => import('./handover/en.json'),
    ar: () => import('./handover/ar.json'),
  },
};

/** Referrals for staff: "Henvisninger" (received and sent) and the "Henvis" form. */
export const referralTexts: TextBundle = {
  name: 'referrals',
  load: {
    da: () => import('./referrals/da.json'),
    en: () => import('./referrals/en.json'),
    ar: () => import('./referrals/ar.json'),
  },
};

/** Consents and "Hvem har set mine data": the parent's portal pages and the family page's panel. */
export const consentTexts: TextBundle = {
  name: 'consent',
  load: {
    da: () => import('./consent/da.json'),
    en: () => import('./consent/en.json'),
    ar: () => import('./consent/ar.json'),
  },
};

/**
 * Family counselling cases for staff (step 7). Staff pages are in Danish and English; in Arabic
 * they show the English texts (the parents' pages carry Arabic).
 */
export const counsellingTexts: TextBundle = {
  name: 'counselling',
  load: {
    da: () => import('./counselling/da.json'),
    en: () => import('./counselling/en.json'),
    ar: () => import('./counselling/en.json'),
  },
};

/**
 * Open anonymous counselling (step 7): the counsellors' "Åben rådgivning", its statistics and
 * opening hours, and the public page without login (da, en and ar: parents read it).
 */
export const openCounsellingTexts: TextBundle = {
  name: 'open-counselling',
  load: {
    da: () => import('./open-counselling/da.json'),
    en: () => import('./open-counselling/en.json'),
    ar: () => import('./open-counselling/ar.json'),
  },
};

/**
 * "Henvis med navn" (issue #8): the referral of a person not yet known, from open counselling.
 * Staff pages only: Arabic shows the English texts.
 */
export const referralIntakeTexts: TextBundle = {
  name: 'referral-intake',
  load: {
    da: () => import('./referral-intake/da.json'),
    en: () => import('./referral-intake/en.json'),
    ar: () => import('./referral-intake/en.json'),
  },
};

/** "Tal og resultater" (step 8): the indicator dashboards. Staff only: Arabic shows English. */
export const dashboardTexts: TextBundle = {
  name: 'dashboard',
  load: {
    da: () => import('./dashboard/da.json'),
    en: () => import('./dashboard/en.json'),
    ar: () => import('./dashboard/en.json'),
  },
};

/** Outcomes for staff (step 8): "Indlæs genindlæggelser" and "Sammenlign kommuner"; Arabic shows English. */
export const outcomesTexts: TextBundle = {
  name: 'outcomes',
  load: {
    da: () => import('./outcomes/da.json'),
    en: () => import('./outcomes/en.json'),
    ar: () => import('./outcomes/en.json'),
  },
};

/**
 * Satisfaction surveys (step 8): the parents' "Spørgeskemaer" and the answer page (da, en, ar), the
 * staff's "Send spørgeskema" and results (Danish and English; Arabic shows English there).
 */
export const surveysTexts: TextBundle = {
  name: 'surveys',
  load: {
    da: () => import('./surveys/da.json'),
    en: () => import('./surveys/en.json'),
    ar: () => import('./surveys/ar.json'),
  },
};

const loaded = new Set<string>();
const loadedNames = new Set<string>();

/**
 * True once every bundle is there — in the current language, or, while a new language's
 * bundles are on their way, in any language: a page must not unmount (and lose what the user
 * typed) because the language changed. Re-renders when they arrive.
 */
export function useTexts(...bundles: readonly TextBundle[]): boolean {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'da';
  const missing = bundles.filter((b) => !loaded.has(`${b.name}:${language}`));
  const [, setVersion] = useState(0);
  const key = missing.map((b) => b.name).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the missing bundles
  useEffect(() => {
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(
      missing.map(async (b) => {
        const texts = await b.load[language]();
        i18n.addResourceBundle(language, 'translation', texts.default, true, true);
        loaded.add(`${b.name}:${language}`);
        loadedNames.add(b.name);
      }),
    ).then(() => {
      if (live) setVersion((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [key, language, i18n]);
  return missing.length === 0 || missing.every((b) => loadedNames.has(b.name));
}
