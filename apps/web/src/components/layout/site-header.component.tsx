import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { Icon } from '../icon.component';
import { LanguageBar } from './language-bar.component';

export type NavItem = { href: string; label: string; exact?: boolean };
export type HeaderUser = { name: string; detail?: string | undefined; organisation?: string | undefined };

function isCurrent(location: string, item: NavItem): boolean {
  if (item.exact) return location === item.href;
  return location === item.href || location.startsWith(`${item.href}/`);
}

/**
 * DKFDS header: the service's name and mark, the signed-in person and "Log af", the
 * solution line with the organisation, and the main menu.
 */
export function SiteHeader({
  homeHref,
  area,
  user,
  nav,
  onLogout,
}: {
  homeHref: string;
  area: string;
  user?: HeaderUser | undefined;
  nav: readonly NavItem[];
  onLogout?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <header className="header">
      <LanguageBar />
      <div className="portal-info">
        <div className="portal-info-inner container">
          <a href={homeHref} className="fs-logo">
            <img src="/favicon.svg" alt="" />
            <span>{t('app.name')}</span>
          </a>
          {user ? (
            <div className="portal-user">
              <p className="user">
                <strong>{user.name}</strong>
                {user.detail ? <span className="d-block">{user.detail}</span> : null}
              </p>
              {onLogout ? (
                <button type="button" className="function-link log-off" onClick={onLogout}>
                  <Icon name="lock" />
                  {t('auth.logout')}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      </div>
      <div className="solution-info">
        <div className="solution-info-inner container">
          <div className="solution-heading">
            <a href={homeHref}>{area}</a>
          </div>
          {user?.organisation ? (
            <div className="additional-info">
              <p>
                <span className="sr-only">{t('header.organisation')} </span>
                <strong className="authority-name">{user.organisation}</strong>
              </p>
            </div>
          ) : null}
        </div>
      </div>
      {nav.length > 0 ? (
        <div className="navigation-menu">
          <div className="navigation-menu-inner container">
            <nav className="nav" aria-label={t('nav.main')}>
              <ul className="mainmenu">
                {nav.map((item) => {
                  const current = isCurrent(location, item);
                  return (
                    <li key={item.href} className={current ? 'active current' : undefined}>
                      <Link href={item.href} className="nav-link" aria-current={current ? 'page' : undefined}>
                        <span>{item.label}</span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
          </div>
        </div>
      ) : null}
    </header>
  );
}
