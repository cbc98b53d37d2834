import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// The address the page was loaded with: a heading that mounts at another address got there
// by a navigation inside the app.
const loadedAt = typeof window === 'undefined' ? '' : window.location.href;

/**
 * The page's h1. It names the browser tab, and after a navigation inside the app it takes
 * focus, so a screen reader announces the new page and Tab continues from its top.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);
  useEffect(() => {
    if (window.location.href !== loadedAt) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
