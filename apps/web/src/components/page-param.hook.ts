import { useLocation, useSearch } from 'wouter';

/**
 * The list page the address names ("?side=3"). Page 1 is the bare address, so a link to the
 * list and to its first page are one and the same; a missing or broken number reads as page 1.
 */
export function usePageParam(): { page: number; goTo: (page: number) => void } {
  const [location, navigate] = useLocation();
  const page = Math.max(1, Number(new URLSearchParams(useSearch()).get('side')) || 1);
  return { page, goTo: (p) => navigate(p === 1 ? location : `${location}?side=${p}`) };
}

/** An empty list still has one page, so the pager and "page 1 of 1" stay truthful. */
export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));
