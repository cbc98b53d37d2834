import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, languages } from '../../i18n/i18n.setup';

/** Each language is named in its own language, so a reader finds theirs whatever is shown now. */
export function LanguageBar() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : 'da';
  return (
    <div className="fs-language-bar">
      <div className="container">
        <ul aria-label={t('language.choose')}>
          {languages.map((language) => (
            <li key={language}>
              <button
                type="button"
                className="function-link"
                lang={language}
                aria-pressed={language === current}
                onClick={() => void changeLanguage(language)}
              >
                {t(`language.autonym.${language}`)}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
