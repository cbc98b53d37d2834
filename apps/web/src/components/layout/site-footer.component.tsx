import { useTranslation } from 'react-i18next';

/** DKFDS footer; the accessibility statement is one click from every page, as the law asks. */
export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer>
      <div className="footer">
        <div className="container">
          <div className="row">
            <div className="col-12 col-md-8 footer-col">
              <h2 className="h5">{t('app.name')}</h2>
              <p>{t('footer.about')}</p>
            </div>
            <div className="col-12 col-md-4 footer-col">
              <ul className="unstyled-list">
                <li>
                  <a href="/tilgaengelighed">{t('footer.accessibility')}</a>
                </li>
              </ul>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}
