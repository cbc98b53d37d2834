import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../../components/forms/field-errors';
import { TextField } from '../../components/forms/fields.component';
import { Icon } from '../../components/icon.component';
import type { GuestRow } from './plan-draft';
import { errorOn, type PlanError, planIds } from './plan-errors';
import { PlanSelect } from './plan-select.component';

/** Guest presenters for one cohort (a dental nurse, someone from Udbetaling Danmark …), each at a session. */
export function PlanGuests({
  cohortKey,
  cohortLabel,
  guests,
  sessions,
  errors,
  onChange,
}: {
  cohortKey: string;
  cohortLabel: string;
  guests: readonly GuestRow[];
  sessions: readonly { number: number; title: string }[];
  errors: readonly PlanError[];
  onChange: (guests: GuestRow[]) => void;
}) {
  const { t } = useTranslation();
  // After adding or removing a guest, focus goes where the keyboard user expects it.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);
  const addId = `${planIds.heading(cohortKey)}-add-guest`;
  const err = (id: string) => {
    const e = errorOn(errors, id);
    return e ? fieldErrorText(t, e.field, e.code) : undefined;
  };
  const update = (index: number, change: Partial<GuestRow>) =>
    onChange(guests.map((g, i) => (i === index ? { ...g, ...change } : g)));

  return (
    <div className="mt-6">
      <h4 id={`${planIds.heading(cohortKey)}-guests`}>{t('planCohorts.guests.heading')}</h4>
      <p className="mt-2">{t('planCohorts.guests.lead')}</p>
      {guests.length > 0 ? (
        <ul className="nobullet-list no-max-width">
          {guests.map((g, i) => {
            const id = (part: keyof GuestRow) => planIds.guest(cohortKey, i, part);
            const label = t('planCohorts.guests.guest', { n: i + 1 });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own; they are only appended and removed
              <li key={i} className="mb-5">
                <fieldset>
                  <legend className="h5 mt-0">{label}</legend>
                  <div className="fs-field-row">
                    <TextField
                      id={id('name')}
                      label={t('planCohorts.guests.name')}
                      value={g.name}
                      error={err(id('name'))}
                      onChange={(e) => update(i, { name: e.target.value })}
                    />
                    <TextField
                      id={id('organisation')}
                      label={t('planCohorts.guests.organisation')}
                      value={g.organisation}
                      error={err(id('organisation'))}
                      onChange={(e) => update(i, { organisation: e.target.value })}
                    />
                  </div>
                  <TextField
                    id={id('topic')}
                    label={t('planCohorts.guests.topic')}
                    value={g.topic}
                    error={err(id('topic'))}
                    onChange={(e) => update(i, { topic: e.target.value })}
                  />
                  <PlanSelect
                    id={id('sessionNumber')}
                    label={t('planCohorts.guests.session')}
                    error={err(id('sessionNumber'))}
                    value={g.sessionNumber}
                    placeholder={t('planCohorts.guests.chooseSession')}
                    options={sessions.map((s) => ({
                      value: String(s.number),
                      label: t('planCohorts.guests.sessionOption', { n: s.number, title: s.title }),
                    }))}
                    onChange={(v) => update(i, { sessionNumber: v })}
                  />
                  <button
                    type="button"
                    className="button button-tertiary mt-4"
                    onClick={() => {
                      onChange(guests.filter((_, j) => j !== i));
                      setFocusId(addId);
                    }}
                  >
                    <Icon name="delete" />
                    {t('planCohorts.guests.remove')}
                    <span className="sr-only">
                      {' '}
                      {t('planCohorts.guests.removeWhich', { guest: label, cohort: cohortLabel })}
                    </span>
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ul>
      ) : null}
      <button
        type="button"
        id={addId}
        className="button button-secondary"
        onClick={() => {
          onChange([...guests, { name: '', organisation: '', topic: '', sessionNumber: '' }]);
          setFocusId(planIds.guest(cohortKey, guests.length, 'name'));
        }}
      >
        {t('planCohorts.guests.add')}
        <span className="sr-only"> {t('planCohorts.guests.addTo', { cohort: cohortLabel })}</span>
      </button>
    </div>
  );
}
