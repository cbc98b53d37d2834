import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format.hook';
import { Icon } from './icon.component';
import { visiblePages } from './visible-pages';

/** DKFDS pagination with buttons (the list is paged in the browser). */
export function Pagination({
  page,
  totalPages,
  onPage,
}: {
  page: number;
  totalPages: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button
        type="button"
        className={`button button-arrow button-previous${page === 1 ? ' hidden' : ''}`}
        onClick={() => onPage(page - 1)}
        aria-label={t('pagination.previous')}
        disabled={page === 1}
      >
        <Icon name="chevron-left" />
        <span className="pagination-nav-link">{t('pagination.previousShort')}</span>
      </button>
      <span className="pagination-mobile">
        {t('pagination.pageOf', { page: fmt.number(page), total: fmt.number(totalPages) })}
      </span>
      <ul className="pagination__items">
        {visiblePages(page, totalPages).map((p, i) =>
          p === 'gap' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity but their place
            <li key={`gap-${i}`} className="pagination-item pagination-overflow">
              <span aria-hidden="true">…</span>
            </li>
          ) : (
            <li key={p} className="pagination-item pagination-number">
              <button
                type="button"
                className={p === page ? 'button current-page' : 'button button-secondary'}
                aria-current={p === page ? 'true' : undefined}
                aria-label={t('pagination.page', { page: fmt.number(p) })}
                onClick={() => onPage(p)}
              >
                {fmt.number(p)}
              </button>
            </li>
          ),
        )}
      </ul>
      <button
        type="button"
        className={`button button-arrow button-next${page === totalPages ? ' hidden' : ''}`}
        onClick={() => onPage(page + 1)}
        aria-label={t('pagination.next')}
        disabled={page === totalPages}
      >
        <span className="pagination-nav-link">{t('pagination.nextShort')}</span>
        <Icon name="chevron-right" />
      </button>
    </nav>
  );
}
