import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icon.component';

type Variant = 'info' | 'success' | 'warning' | 'error';

/**
 * DKFDS alert. Errors and warnings are announced (role="alert"); success is a status
 * message (role="status") so it is read without interrupting.
 */
export function Alert({
  variant,
  heading,
  children,
  headingLevel = 2,
}: {
  variant: Variant;
  heading?: ReactNode;
  children?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const role =
    variant === 'error' || variant === 'warning' ? 'alert' : variant === 'success' ? 'status' : undefined;
  return (
    <div className={`alert alert-${variant}`} role={role}>
      <Icon name={variant} className="alert-icon" label={t(`alert.${variant}`)} />
      <div className="alert-body">
        {heading ? <Heading className="alert-heading">{heading}</Heading> : null}
        {children ? <div className="alert-text">{children}</div> : null}
      </div>
    </div>
  );
}
