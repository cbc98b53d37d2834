import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/forms/fields.component';
import type { CommitteePeriodQuery } from './committee-report.api';

type Choice = 'last12' | `year:${number}` | 'months';

const pad = (n: number) => String(n).padStart(2, '0');
/** The last whole month before today, as YYYY-MM (the browser's calendar is the staff's: Danish). */
function lastWholeMonth(today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/**
 * "Vælg periode": the last 12 whole months (the report's default), one of the last five whole
 * calendar years, or any months (at most 12; the server says so with a 400 otherwise).
 */
export function CommitteeReportChooser({ onChoose }: { onChoose: (q: CommitteePeriodQuery) => void }) {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const years = [1, 2, 3, 4, 5].map((n) => thisYear - n);
  const [choice, setChoice] = useState<Choice>('last12');
  const [to, setTo] = useState(lastWholeMonth);
  const [from, setFrom] = useState(
    () => `${Number(to.slice(0, 4)) - (to.slice(5) === '12' ? 0 : 1)}-${pad((Number(to.slice(5)) % 12) + 1)}`,
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (choice === 'last12') onChoose(null);
    else if (choice === 'months') onChoose({ from, to });
    else {
      const year = choice.slice(5);
      onChoose({ from: `${year}-01`, to: `${year}-12` });
    }
  };

  return (
    <section className="fs-committee-chooser" aria-labelledby="committee-chooser-heading">
      <h2 id="committee-chooser-heading" className="h3">
        {t('committeeReport.chooserHeading')}
      </h2>
      <form className="fs-toolbar" onSubmit={submit} aria-labelledby="committee-chooser-heading">
        <SelectField<Choice>
          id="committee-period"
          label={t('committeeReport.choice')}
          value={choice}
          onChange={setChoice}
          options={[
            { value: 'last12', label: t('committeeReport.choices.last12') },
            ...years.map((y) => ({
              value: `year:${y}` as Choice,
              label: t('committeeReport.choices.year', { year: y }),
            })),
            { value: 'months', label: t('committeeReport.choices.months') },
          ]}
        />
        {choice === 'months' ? (
          <>
            <TextField
              id="committee-from"
              type="month"
              label={t('committeeReport.from')}
              hint={t('committeeReport.monthsHint')}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
            <TextField
              id="committee-to"
              type="month"
              label={t('committeeReport.to')}
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          </>
        ) : null}
        <div className="form-group">
          <button type="submit" className="button button-secondary">
            {t('committeeReport.show')}
          </button>
        </div>
      </form>
    </section>
  );
}
