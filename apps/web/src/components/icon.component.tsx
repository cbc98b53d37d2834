import sprite from '@dkfds/img/all-svg-icons.svg?url';

/** Icons whose direction means something; they are mirrored when the page is right-to-left. */
const directional = new Set([
  'chevron-left',
  'chevron-right',
  'arrow-back',
  'arrow-forward',
  'first-page',
  'last-page',
]);

export type IconName =
  | 'account'
  | 'plus'
  | 'arrow-back'
  | 'arrow-downward'
  | 'arrow-upward'
  | 'calendar-month'
  | 'check'
  | 'close'
  | 'copy'
  | 'delete'
  | 'edit'
  | 'chevron-left'
  | 'chevron-right'
  | 'email'
  | 'error'
  | 'first-page'
  | 'info'
  | 'language'
  | 'last-page'
  | 'lock'
  | 'person'
  | 'person-add'
  | 'search'
  | 'smartphone'
  | 'success'
  | 'upload'
  | 'visibility'
  | 'warning';

/** A DKFDS icon from its bundled sprite; decorative unless given a label. */
export function Icon({ name, className, label }: { name: IconName; className?: string; label?: string }) {
  const classes = ['icon-svg', className, directional.has(name) ? 'icon-directional' : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <svg
      className={classes}
      focusable="false"
      aria-hidden={label ? undefined : true}
      role={label ? 'img' : undefined}
      aria-label={label}
    >
      <use href={`${sprite}#${name}`} />
    </svg>
  );
}
