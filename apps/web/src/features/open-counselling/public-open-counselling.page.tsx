import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/forms/fields.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { openCounsellingTexts, useTexts } from '../../i18n/lazy-texts';
import { openCounsellingApi } from './open-counselling.api';
import { SlotCard } from './slot-card.component';

/**
 * "Åben anonym rådgivning" for everyone, no login: when and where to come by, call or write
 * without giving a name (Barnets lov § 29). Danish, English and Arabic.
 */
export function PublicOpenCounsellingPage() {
  const ready = useTexts(openCounsellingTexts);
  const { t } = useTranslation();
  const [municipalityId, setMunicipalityId] = useState('');
  const [postcode, setPostcode] = useState('');
  const [filter, setFilter] = useState<{ municipalityId?: string; postcode?: string }>({});
  const slots = useQuery({
    queryKey: ['open-counselling', 'public', filter.municipalityId, filter.postcode],
    queryFn: () => openCounsellingApi.publicSlots({ ...filter, dates: 4 }),
  });
  const [postcodeError, setPostcodeError] = useState<string | undefined>();
  if (!ready) return <Loading />;
  const search = (e: FormEvent) => {
    e.preventDefault();
    if (postcode && !/^\d{4}$/.test(postcode)) {
      setPostcodeError(t('openCounselling.public.postcodeError'));
      return;
    }
    setPostcodeError(undefined);
    setFilter({ ...(municipalityId ? { municipalityId } : {}), ...(postcode ? { postcode } : {}) });
  };
  const municipalities = slots.data?.municipalities ?? [];
  return (
    <>
      <PageHeading title={t('openCounselling.public.title')}>{t('openCounselling.public.title')}</PageHeading>
      <p className="font-lead">{t('openCounselling.public.lead')}</p>
      <ul>
        <li>{t('openCounselling.public.anonymous')}</li>
        <li>{t('openCounselling.public.free')}</li>
        <li>{t('openCounselling.public.topics')}</li>
      </ul>
      <form onSubmit={search} className="fs-toolbar" aria-label={t('openCounselling.public.filter')}>
        {municipalities.length > 1 ? (
          <SelectField
            id="public-municipality"
            label={t('openCounselling.public.municipality')}
            value={municipalityId}
            onChange={setMunicipalityId}
            options={[
              { value: '', label: t('openCounselling.public.allMunicipalities') },
              ...municipalities.map((m) => ({ value: m.id, label: m.name })),
            ]}
          />
        ) : null}
        <TextField
          id="public-postcode"
          label={t('openCounselling.public.postcode')}
          inputMode="numeric"
          autoComplete="postal-code"
          maxLength={4}
          className="form-input input-width-xs"
          error={postcodeError}
          value={postcode}
          onChange={(e) => setPostcode(e.target.value)}
        />
        <div className="form-group">
          <button type="submit" className="button button-secondary">
            {t('openCounselling.public.search')}
          </button>
        </div>
      </form>
      {slots.isPending ? <Loading /> : null}
      {slots.isError ? <ProblemAlert error={slots.error} /> : null}
      {slots.data ? (
        <section aria-labelledby="slots-heading">
          <h2 id="slots-heading">{t('openCounselling.public.slotsHeading')}</h2>
          {slots.data.slots.length === 0 ? <p>{t('openCounselling.public.none')}</p> : null}
          {slots.data.slots.map((slot) => (
            <SlotCard key={slot.id} slot={slot} />
          ))}
        </section>
      ) : null}
      <section aria-labelledby="urgent-heading">
        <h2 id="urgent-heading" className="h3">
          {t('openCounselling.public.urgentHeading')}
        </h2>
        <p>{t('openCounselling.public.urgentText')}</p>
      </section>
    </>
  );
}
