import type { OrganisationOpenCounsellingSlot } from '@familiespor/contracts';
import { copenhagenDate } from '@familiespor/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Alert } from '../../components/alert.component';
import { TextField } from '../../components/forms/fields.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { openCounsellingTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { openCounsellingApi } from './open-counselling.api';
import { SlotCard } from './slot-card.component';
import { SlotForm } from './slot-form.component';

/** "Afslut": the last day the slot is held. */
function EndSlot({ slot }: { slot: OrganisationOpenCounsellingSlot }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const today = copenhagenDate(new Date());
  const [lastDay, setLastDay] = useState(today);
  const [failure, setFailure] = useState<unknown>(null);
  const end = async () => {
    setFailure(null);
    try {
      await openCounsellingApi.endSlot(slot.id, lastDay);
      void client.invalidateQueries({ queryKey: ['open-counselling'] });
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <div className="fs-field-row">
      <TextField
        id={`end-${slot.id}`}
        type="date"
        label={t('openCounselling.slots.lastDay')}
        min={today}
        value={lastDay}
        onChange={(e) => setLastDay(e.target.value)}
      />
      <div className="form-group">
        <button type="button" className="button button-secondary" onClick={() => void end()}>
          {t('openCounselling.slots.endSlot')}
        </button>
      </div>
      {failure ? <ProblemAlert error={failure} /> : null}
    </div>
  );
}

/** "Åbningstider": the organisation's weekly slots, a new one, and ending one. */
export function OpenCounsellingSlotsPage() {
  const ready = useTexts(openCounsellingTexts);
  const { t } = useTranslation();
  const fmt = useFormat();
  const [created, setCreated] = useState(false);
  const slots = useQuery({
    queryKey: ['open-counselling', 'slots'],
    queryFn: openCounsellingApi.organisationSlots,
  });
  if (!ready || slots.isPending) return <Loading />;
  if (slots.isError) return <ProblemAlert error={slots.error} />;
  return (
    <>
      <p>
        <Link href="/aaben-raadgivning" className="back-link">
          <Icon name="chevron-left" />
          {t('openCounselling.slots.back')}
        </Link>
      </p>
      <PageHeading title={t('openCounselling.slots.title')}>{t('openCounselling.slots.title')}</PageHeading>
      <p className="font-lead">{t('openCounselling.slots.lead')}</p>
      <p>
        <a href="/portal/aaben-raadgivning">{t('openCounselling.slots.publicLink')}</a>
      </p>
      {created ? <Alert variant="success" heading={t('openCounselling.slots.created')} /> : null}
      {slots.data.slots.length === 0 ? <p>{t('openCounselling.slots.none')}</p> : null}
      {slots.data.slots.map((slot) => (
        <SlotCard
          key={slot.id}
          slot={slot}
          headingLevel={2}
          counsellors={slot.counsellorsOnDuty.map((c) => c.name)}
        >
          <p className="mb-0">
            <strong>{t(`openCounselling.slots.status.${slot.status}`)}</strong>{' '}
            {slot.validTo
              ? t('openCounselling.slots.period', {
                  from: fmt.date(slot.validFrom),
                  to: fmt.date(slot.validTo),
                })
              : t('openCounselling.slots.from', { from: fmt.date(slot.validFrom) })}
          </p>
          {slot.status !== 'ended' && !slot.endedAt ? <EndSlot slot={slot} /> : null}
        </SlotCard>
      ))}
      <SlotForm data={slots.data} onCreated={() => setCreated(true)} />
    </>
  );
}
