import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SiteFooter } from './site-footer.component';
import { type HeaderUser, type NavItem, SiteHeader } from './site-header.component';

/** Skip link, header, main and footer: the landmarks every page has. */
export function PageShell({
  homeHref,
  area,
  user,
  nav = [],
  onLogout,
  children,
}: {
  homeHref: string;
  area: string;
  user?: HeaderUser | undefined;
  nav?: readonly NavItem[];
  onLogout?: (() => void) | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="fs-page">
      <a className="skipnav" href="#main-content">
        {t('nav.skipToContent')}
      </a>
      <SiteHeader homeHref={homeHref} area={area} user={user} nav={nav} onLogout={onLogout} />
      <main id="main-content" tabIndex={-1}>
        <div className="container">{children}</div>
      </main>
      <SiteFooter />
    </div>
  );
}
