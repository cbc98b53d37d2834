import type { ReactNode } from 'react';
import { Loading } from './loading.component';
import { Pagination } from './pagination.component';
import { ProblemAlert } from './problem-alert.component';

/**
 * A list page's body around its query: loading, the failure, the empty text, or the list with
 * the pager below it.
 */
export function PagedList<D>({
  query,
  empty,
  none,
  page,
  totalPages,
  onPage,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: D | undefined };
  /** Whether the loaded data has nothing to show; then `none` stands instead of the list. */
  empty: boolean;
  none: ReactNode;
  page: number;
  totalPages: number;
  onPage: (page: number) => void;
  children: (data: D) => ReactNode;
}) {
  return (
    <>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ProblemAlert error={query.error} /> : null}
      {query.data ? (
        empty ? (
          none
        ) : (
          <>
            {children(query.data)}
            <Pagination page={page} totalPages={totalPages} onPage={onPage} />
          </>
        )
      ) : null}
    </>
  );
}
