import type {
  CreateOpenCounsellingSlotInput,
  OrganisationOpenCounsellingSlots,
} from '@familiespor/contracts';
import { copenhagenDate } from '@familiespor/domain';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api.client';
import { Alert } from '../../components/alert.component';
import {
  CheckboxField,
  CheckboxGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../components/forms/fields.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { openCounsellingApi } from './open-counselling.api';
import { useSlotWords } from './open-counselling-words.hook';

const languageChoices = ['da', 'en', 'ar', 'so', 'tr', 'uk', 'fa', 'ur'] as const;

/** A new weekly slot: the day, the hours, where and how parents reach it, and who is on duty. */
export function SlotForm({
  data,
  onCreated,
}: {
  data: OrganisationOpenCounsellingSlots;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useSlotWords();
  const client = useQueryClient();
  const [weekday, setWeekday] = useState('3');
  const [startTime, setStartTime] = useState('15:00');
  const [endTime, setEndTime] = useState('18:00');
  const [walkIn, setWalkIn] = useState(true);
  const [placeName, setPlaceName] = useState('');
  const [street, setStreet] = useState('');
  const [postcode, setPostcode] = useState('');
  const [city, setCity] = useState('');
  const [phone, setPhone] = useState('');
  const [chatUrl, setChatUrl] = useState('');
  const [languages, setLanguages] = useState<string[]>(['da']);
  const [counsellorIds, setCounsellorIds] = useState<string[]>([]);
  const [offerId, setOfferId] = useState(data.offers[0]?.id ?? '');
  const [validFrom, setValidFrom] = useState(copenhagenDate(new Date()));
  const [validTo, setValidTo] = useState('');
  const [publicNote, setPublicNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: CreateOpenCounsellingSlotInput = {
      offerId: offerId || null,
      weekday: Number(weekday),
      startTime,
      endTime,
      walkIn,
      placeName,
      street: walkIn ? street || null : null,
      postcode: walkIn ? postcode || null : null,
      city: walkIn ? city || null : null,
      phone: phone || null,
      chatUrl: chatUrl || null,
      languages,
      publicNote,
      validFrom,
      validTo: validTo || null,
      counsellorIds,
    };
    setSending(true);
    setFailure(null);
    setErrors({});
    try {
      await openCounsellingApi.createSlot(body);
      void client.invalidateQueries({ queryKey: ['open-counselling'] });
      onCreated();
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
      if (fieldErrors.length > 0)
        setErrors(
          Object.fromEntries(fieldErrors.map((fe) => [fe.path.split('.')[0] ?? fe.path, fe.message])),
        );
      else setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="slot-form-heading">
      <h2 id="slot-form-heading">{t('openCounselling.slots.newHeading')}</h2>
      {Object.keys(errors).length > 0 ? (
        <Alert variant="error" heading={t('openCounselling.slots.fix')}>
          <ul>
            {Object.entries(errors).map(([k, v]) => (
              <li key={k}>{v}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {failure ? <ProblemAlert error={failure} /> : null}
      {data.offers.length > 0 ? (
        <SelectField
          id="slot-offer"
          label={t('openCounselling.slots.offer')}
          value={offerId}
          onChange={setOfferId}
          options={[
            { value: '', label: t('openCounselling.slots.noOffer') },
            ...data.offers.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
      ) : null}
      <div className="fs-field-row">
        <SelectField
          id="slot-weekday"
          label={t('openCounselling.slots.weekday')}
          value={weekday}
          onChange={setWeekday}
          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: words.weekday(d) }))}
        />
        <TextField
          id="slot-start"
          type="time"
          label={t('openCounselling.slots.startTime')}
          error={errors.startTime}
          value={startTime}
          onChange={(e) => setStartTime(e.target.value)}
        />
        <TextField
          id="slot-end"
          type="time"
          label={t('openCounselling.slots.endTime')}
          error={errors.endTime}
          value={endTime}
          onChange={(e) => setEndTime(e.target.value)}
        />
      </div>
      <CheckboxField
        id="slot-walk-in"
        label={t('openCounselling.slots.walkIn')}
        checked={walkIn}
        onChange={(e) => setWalkIn(e.target.checked)}
      />
      {walkIn ? (
        <>
          <TextField
            id="slot-place"
            label={t('openCounselling.slots.placeName')}
            optional
            value={placeName}
            onChange={(e) => setPlaceName(e.target.value)}
          />
          <div className="fs-field-row">
            <TextField
              id="slot-street"
              label={t('openCounselling.slots.street')}
              error={errors.street}
              value={street}
              onChange={(e) => setStreet(e.target.value)}
            />
            <TextField
              id="slot-postcode"
              label={t('openCounselling.slots.postcode')}
              error={errors.postcode}
              inputMode="numeric"
              maxLength={4}
              value={postcode}
              onChange={(e) => setPostcode(e.target.value)}
            />
            <TextField
              id="slot-city"
              label={t('openCounselling.slots.city')}
              optional
              value={city}
              onChange={(e) => setCity(e.target.value)}
            />
          </div>
        </>
      ) : null}
      <TextField
        id="slot-phone"
        type="tel"
        label={t('openCounselling.slots.phone')}
        error={errors.phone ?? errors.channels}
        optional
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
      />
      <TextField
        id="slot-chat"
        type="url"
        label={t('openCounselling.slots.chatUrl')}
        hint={t('openCounselling.slots.chatUrlHint')}
        error={errors.chatUrl}
        optional
        value={chatUrl}
        onChange={(e) => setChatUrl(e.target.value)}
      />
      <CheckboxGroup
        id="slot-languages"
        legend={t('openCounselling.slots.languages')}
        error={errors.languages}
        options={languageChoices.map((l) => ({ value: l, label: fmt.languageName(l) }))}
        value={languages as (typeof languageChoices)[number][]}
        onChange={setLanguages}
      />
      {data.counsellors.length > 0 ? (
        <CheckboxGroup
          id="slot-counsellors"
          legend={t('openCounselling.slots.counsellors')}
          hint={t('openCounselling.slots.counsellorsHint')}
          error={errors.counsellorIds}
          options={data.counsellors.map((c) => ({ value: c.id, label: c.name }))}
          value={counsellorIds}
          onChange={setCounsellorIds}
        />
      ) : null}
      <div className="fs-field-row">
        <TextField
          id="slot-from"
          type="date"
          label={t('openCounselling.slots.validFrom')}
          error={errors.validFrom}
          value={validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
        />
        <TextField
          id="slot-to"
          type="date"
          label={t('openCounselling.slots.validTo')}
          error={errors.validTo}
          optional
          value={validTo}
          onChange={(e) => setValidTo(e.target.value)}
        />
      </div>
      <TextArea
        id="slot-note"
        label={t('openCounselling.slots.publicNote')}
        hint={t('openCounselling.slots.publicNoteHint')}
        optional
        rows={3}
        value={publicNote}
        onChange={(e) => setPublicNote(e.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={sending}>
        {t('openCounselling.slots.create')}
      </button>
    </form>
  );
}
