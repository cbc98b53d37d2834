import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type concernDa from './concern/da.json';
import type consentDa from './consent/da.json';
import type counsellingDa from './counselling/da.json';
import da from './da.json';
import type dashboardDa from './dashboard/da.json';
import type epdsDa from './epds/da.json';
import type handoverDa from './handover/da.json';
import type healthDa from './health/da.json';
import type openCounsellingDa from './open-counselling/da.json';
import type outcomesDa from './outcomes/da.json';
import type referralIntakeDa from './referral-intake/da.json';
import type referralDa from './referrals/da.json';
import type surveysDa from './surveys/da.json';

export const languages = ['da', 'en', 'ar'] as const;
export type Language = (typeof languages)[number];
export const rtlLanguages: readonly Language[] = ['ar'];
const storageKey = 'familiespor.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // The lazily loaded bundles (lazy-texts.ts) are typed with the rest: one namespace.
    resources: {
      translation: typeof da &
        typeof healthDa &
        typeof epdsDa &
        typeof concernDa &
        typeof handoverDa &
        typeof referralDa &
        typeof consentDa &
        typeof counsellingDa &
        typeof openCounsellingDa &
        typeof outcomesDa &
        typeof dashboardDa &
        typeof referralIntakeDa &
        typeof surveysDa;
    };
  }
}

// Danish ships in the entry; English and Arabic are fetched when chosen, so they cost
// nothing on the parent portal's first load.
const loaders: Record<Exclude<Language, 'da'>, () => Promise<{ default: typeof da }>> = {
  en: () => import('./en.json'),
  ar: () => import('./ar.json'),
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be blocked; Danish is the default.
  }
  return 'da';
}

async function ensureLoaded(language: Language): Promise<void> {
  if (language === 'da' || i18next.hasResourceBundle(language, 'translation')) return;
  const resources = await loaders[language]();
  i18next.addResourceBundle(language, 'translation', resources.default);
}

/** The whole page follows the language: lang for screen readers, dir for right-to-left. */
function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = rtlLanguages.includes(language) ? 'rtl' : 'ltr';
}

export async function setupI18n(): Promise<typeof i18next> {
  const language = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources: { da: { translation: da } },
    lng: 'da',
    fallbackLng: 'da',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (language !== 'da') await changeLanguage(language);
  else applyToDocument('da');
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  await ensureLoaded(language);
  await i18next.changeLanguage(language);
  applyToDocument(language);
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // The choice then lasts for this page only.
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'da';
}
