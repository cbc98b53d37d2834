import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type StaffPage, staffPages } from './staff-pages';

/** Staff pages as cards, each with its title as the link and a line on what it is for. */
export function PageCards({ pages }: { pages: readonly StaffPage[] }) {
  const { t } = useTranslation();
  return (
    <ul className="fs-cards nobullet-list no-max-width">
      {pages.map((p) => (
        <li key={p}>
          <div className="card">
            <div className="card-content">
              <h3 className="header-title">
                <Link href={staffPages[p].path}>{t(`pages.${p}.title`)}</Link>
              </h3>
              <p>{t(`pages.${p}.description`)}</p>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
