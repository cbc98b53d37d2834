import { type FormEvent, type ReactNode, useState } from 'react';
import { TextField } from './fields.component';

export type MonthPeriod = { from: string; to: string };

/**
 * A toolbar form that chooses what to show for a period of months: the page's own fields first
 * (`children`: an indicator, an organisation), then from and to month, then the button. The
 * months are kept here until the button is pressed; `onShow` gets them as typed ('' for none).
 */
export function PeriodForm({
  id,
  label,
  initial,
  words,
  onShow,
  children,
}: {
  /** Prefix of the month fields' ids. */
  id: string;
  /** The form's accessible name. */
  label: string;
  initial: MonthPeriod;
  words: { from: string; to: string; show: string };
  onShow: (period: MonthPeriod) => void;
  children?: ReactNode;
}) {
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onShow({ from, to });
  };
  return (
    <form onSubmit={submit} className="fs-toolbar" aria-label={label}>
      {children}
      <TextField
        id={`${id}-from`}
        type="month"
        label={words.from}
        value={from}
        onChange={(e) => setFrom(e.target.value)}
      />
      <TextField
        id={`${id}-to`}
        type="month"
        label={words.to}
        value={to}
        onChange={(e) => setTo(e.target.value)}
      />
      <div className="form-group">
        <button type="submit" className="button button-secondary">
          {words.show}
        </button>
      </div>
    </form>
  );
}
