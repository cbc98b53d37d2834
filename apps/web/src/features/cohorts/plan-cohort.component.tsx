import { useTranslation } from 'react-i18next';
import type { Offer } from '../../api/api.types';
import { fieldErrorText } from '../../components/forms/field-errors';
import { TextField } from '../../components/forms/fields.component';
import { useFormat } from '../../i18n/use-format.hook';
import { type DraftCohort, dueRangeOf, maxCouples, spreadOf } from './plan-draft';
import { errorOn, type PlanError, planIds } from './plan-errors';
import { type MoveTarget, PlanFamilyRows } from './plan-families.component';
import { PlanGuests } from './plan-guests.component';
import { PlanSelect } from './plan-select.component';
import type { Facilitator } from './use-facilitators.hook';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/**
 * One proposed cohort: its couples (each can be moved), then what the lead decides — name,
 * the fixed health visitor, site, weekday and time, room and guest presenters.
 */
export function PlanCohort({
  cohort,
  label,
  offer,
  facilitators,
  targets,
  errors,
  onChange,
  onMove,
}: {
  cohort: DraftCohort;
  label: string;
  offer: Offer;
  facilitators: readonly Facilitator[];
  targets: readonly MoveTarget[];
  errors: readonly PlanError[];
  onChange: (change: Partial<DraftCohort>) => void;
  onMove: (enrollmentId: string, to: string | null) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const key = cohort.key;
  const err = (id: string) => {
    const e = errorOn(errors, id);
    return e ? fieldErrorText(t, e.field, e.code) : undefined;
  };
  const range = dueRangeOf(cohort.families);
  const spread = spreadOf(cohort.families);
  const whole = err(planIds.heading(key));
  // Only sites that hold the cohort's language; the current one stays even if it does not.
  const sites = offer.sites.filter((s) => s.id === cohort.siteId || s.languages.includes(cohort.language));
  const sessions = (offer.template ?? []).map((s, i) => ({ number: i + 1, title: s.title }));
  const empty = cohort.families.length === 0;

  return (
    <section
      className="fs-panel"
      aria-labelledby={planIds.heading(key)}
      aria-describedby={whole ? `${planIds.heading(key)}-error` : undefined}
    >
      <h3 id={planIds.heading(key)} tabIndex={-1} className="mt-0">
        {label}
      </h3>
      {whole ? (
        <p className="form-error-message" id={`${planIds.heading(key)}-error`}>
          <span className="sr-only">{t('forms.errorPrefix')} </span>
          {whole}
        </p>
      ) : null}
      <dl className="fs-summary">
        <dt>{t('planCohorts.site')}</dt>
        <dd>{cohort.siteName}</dd>
        <dt>{t('planCohorts.language')}</dt>
        <dd>{fmt.languageName(cohort.language)}</dd>
        <dt>{t('planCohorts.spread')}</dt>
        <dd>
          {range
            ? t('planCohorts.spreadValue', {
                range: fmt.dateRange(range.from, range.to),
                days: t('planCohorts.days', { count: spread, n: fmt.number(spread) }),
              })
            : t('planCohorts.noFamilies')}
        </dd>
        <dt>{t('planCohorts.couples')}</dt>
        <dd>
          {t('planCohorts.couplesValue', {
            n: fmt.number(cohort.families.length),
            max: fmt.number(maxCouples),
          })}
        </dd>
      </dl>
      {empty ? (
        <p className="fs-muted">{t('planCohorts.emptyCohort')}</p>
      ) : (
        <PlanFamilyRows
          families={cohort.families}
          caption={t('planCohorts.familiesCaption', { cohort: label })}
          targets={targets.filter((x) => x.key !== key)}
          errors={errors}
          onMove={onMove}
        />
      )}
      {empty ? null : (
        <fieldset className="mt-6">
          <legend className="h4">{t('planCohorts.settingsHeading')}</legend>
          <TextField
            id={planIds.name(key)}
            label={t('planCohorts.name')}
            value={cohort.name}
            error={err(planIds.name(key))}
            onChange={(e) => onChange({ name: e.target.value })}
          />
          <PlanSelect
            id={planIds.facilitator(key)}
            label={t('planCohorts.facilitator')}
            hint={t('planCohorts.facilitatorHint')}
            error={err(planIds.facilitator(key))}
            value={cohort.facilitatorUserId}
            placeholder={t('planCohorts.chooseFacilitator')}
            options={facilitators.map((f) => ({ value: f.id, label: f.name }))}
            onChange={(v) => onChange({ facilitatorUserId: v })}
          />
          <PlanSelect
            id={planIds.site(key)}
            label={t('planCohorts.site')}
            error={err(planIds.site(key))}
            value={cohort.siteId}
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(v) =>
              onChange({ siteId: v, siteName: offer.sites.find((s) => s.id === v)?.name ?? '' })
            }
          />
          <div className="fs-field-row mt-5">
            <PlanSelect
              id={planIds.weekday(key)}
              label={t('planCohorts.weekday')}
              hint={t('planCohorts.whenHint')}
              error={err(planIds.weekday(key))}
              value={cohort.weekday}
              options={weekdays.map((d, i) => ({
                value: String(i + 1),
                label: t(`planCohorts.weekdays.${d}`),
              }))}
              onChange={(v) => onChange({ weekday: v })}
            />
            <TextField
              id={planIds.start(key)}
              label={t('planCohorts.startTime')}
              type="time"
              className="form-input input-width-xs"
              value={cohort.startTime}
              error={err(planIds.start(key))}
              onChange={(e) => onChange({ startTime: e.target.value })}
            />
            <TextField
              id={planIds.duration(key)}
              label={t('planCohorts.duration')}
              inputMode="numeric"
              className="form-input input-width-xs"
              value={cohort.durationMinutes}
              error={err(planIds.duration(key))}
              onChange={(e) => onChange({ durationMinutes: e.target.value })}
            />
          </div>
          <TextField
            id={planIds.room(key)}
            label={t('planCohorts.room')}
            hint={t('planCohorts.roomHint')}
            optional
            value={cohort.room}
            error={err(planIds.room(key))}
            onChange={(e) => onChange({ room: e.target.value })}
          />
          <PlanGuests
            cohortKey={key}
            cohortLabel={label}
            guests={cohort.guests}
            sessions={sessions}
            errors={errors}
            onChange={(guests) => onChange({ guests })}
          />
        </fieldset>
      )}
    </section>
  );
}
