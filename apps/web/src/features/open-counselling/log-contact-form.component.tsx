import type {
  AnonymousContact,
  BridgeOffer,
  LogAnonymousContactBody,
  OrganisationOpenCounsellingSlot,
} from '@familiespor/contracts';
import {
  type ChildAgeBand,
  type ContactChannel,
  type ContactOutcome,
  type ContactWho,
  type CounsellingTopic,
  childAgeBands,
  contactChannels,
  contactOutcomes,
  contactWho,
  copenhagenDate,
  counsellingTopics,
  isoWeekdayOf,
} from '@familiespor/domain';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api.client';
import { Alert } from '../../components/alert.component';
import { SelectField, TextArea, TextField } from '../../components/forms/fields.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { CheckboxChips, RadioChips } from './choice-chips.component';
import { openCounsellingApi } from './open-counselling.api';
import { useSlotWords } from './open-counselling-words.hook';

/** Field error codes the form explains in the user's language; others show the server's words. */
const knownCodes = [
  'required',
  'in_future',
  'too_old',
  'too_small',
  'too_big',
  'unknown_slot',
  'unknown_offer',
  'offer_without_outcome',
] as const;
type KnownCode = (typeof knownCodes)[number];
const durations = [10, 20, 30, 45, 60] as const;
const identifierCodes = { contains_cpr: 'cpr', contains_phone: 'phone', contains_email: 'email' } as const;
type IdentifierCode = keyof typeof identifierCodes;
const isIdentifierCode = (code: string): code is IdentifierCode => code in identifierCodes;

/** The slot held today, if any: a conversation at today's drop-in belongs to it. */
function todaysSlot(slots: readonly OrganisationOpenCounsellingSlot[], today: string) {
  return slots.find((s) => s.status === 'active' && s.weekday === isoWeekdayOf(today));
}

/** After a conversation that pointed to an offer: the link the parent signs up on, to copy or read out. */
function Bridge({ contact }: { contact: AnonymousContact }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  if (!contact.offer) return null;
  const link = `${window.location.origin}${contact.offer.signUpPath}`;
  return (
    <section aria-labelledby="bridge-heading" className="fs-panel">
      <h3 id="bridge-heading">{t('openCounselling.bridge.heading', { offer: contact.offer.name })}</h3>
      <p>{t('openCounselling.bridge.linkText')}</p>
      <p className="fs-link-box">
        <code>{link}</code>
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(link).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {t('openCounselling.bridge.copy')}
        </button>
        <span role="status">{copied ? t('openCounselling.bridge.copied') : ''}</span>
      </p>
      <p className="fs-muted">{t('openCounselling.bridge.anonymous')}</p>
    </section>
  );
}

/**
 * "Log en samtale": big choices a counsellor taps between two conversations. No name, no
 * number: a note with a CPR number, phone number or e-mail comes back refused at the field,
 * and what was typed stays so it can be corrected.
 */
export function LogContactForm({
  slots,
  offers,
}: {
  slots: readonly OrganisationOpenCounsellingSlot[];
  offers: readonly BridgeOffer[];
}) {
  const { t } = useTranslation();
  const words = useSlotWords();
  const fmt = useFormat();
  const client = useQueryClient();
  const savedRef = useRef<HTMLDivElement>(null);
  const today = copenhagenDate(new Date());
  const [contactDate, setContactDate] = useState(today);
  const [slotId, setSlotId] = useState(todaysSlot(slots, today)?.id ?? '');
  const [channel, setChannel] = useState<ContactChannel | undefined>(
    todaysSlot(slots, today)?.walkIn ? 'walk_in' : undefined,
  );
  const [who, setWho] = useState<ContactWho | undefined>();
  const [ageBand, setAgeBand] = useState<ChildAgeBand | undefined>();
  const [topics, setTopics] = useState<CounsellingTopic[]>([]);
  const [duration, setDuration] = useState('');
  const [outcomes, setOutcomes] = useState<ContactOutcome[]>(['advice']);
  const [offerId, setOfferId] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<AnonymousContact | null>(null);
  const [sending, setSending] = useState(false);
  const pointed = outcomes.includes('pointed_to_offer');
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const messageFor = (code: string, fallback: string) =>
    (knownCodes as readonly string[]).includes(code)
      ? t(`openCounselling.errors.${code as KnownCode}`)
      : fallback;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const minutes = Number(duration);
    const local: Record<string, string> = {};
    const required = t('openCounselling.errors.required');
    if (!channel) local.channel = required;
    if (!who) local.who = required;
    if (!ageBand) local.childAgeBand = required;
    if (topics.length === 0) local.topics = t('openCounselling.errors.topicsRequired');
    if (!duration || !Number.isInteger(minutes) || minutes < 1)
      local.durationMinutes = t('openCounselling.errors.too_small');
    if (outcomes.length === 0) local.outcomes = t('openCounselling.errors.outcomesRequired');
    setErrors(local);
    setSaved(null);
    if (Object.keys(local).length > 0 || !channel || !who || !ageBand) return;
    const body: LogAnonymousContactBody = {
      contactDate,
      slotId: slotId || null,
      channel,
      who,
      childAgeBand: ageBand,
      topics,
      durationMinutes: minutes,
      outcomes,
      offerId: pointed && offerId ? offerId : null,
      ...(note.trim() ? { note } : {}),
    };
    setSending(true);
    setFailure(null);
    try {
      const contact = await openCounsellingApi.log(body);
      setSaved(contact);
      // Ready for the next conversation: the day, the slot and the channel usually stay.
      setWho(undefined);
      setAgeBand(undefined);
      setTopics([]);
      setDuration('');
      setOutcomes(['advice']);
      setOfferId('');
      setNote('');
      void client.invalidateQueries({ queryKey: ['open-counselling'] });
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
      if (fieldErrors.length > 0) {
        const byField: Record<string, string> = {};
        // A note with a CPR number and an e-mail gets one message naming both.
        const found = fieldErrors.filter((fe) => isIdentifierCode(fe.code));
        if (found.length > 0)
          byField.note = t('openCounselling.errors.identifier', {
            what: fmt.list(
              found.map((fe) =>
                t(`openCounselling.errors.identifierKind.${identifierCodes[fe.code as IdentifierCode]}`),
              ),
            ),
          });
        for (const fe of fieldErrors.filter((e) => !isIdentifierCode(e.code))) {
          const field = fe.path.split('.')[0] ?? fe.path;
          byField[field] = byField[field]
            ? `${byField[field]} ${messageFor(fe.code, fe.message)}`
            : messageFor(fe.code, fe.message);
        }
        setErrors(byField);
      } else setFailure(error);
    } finally {
      setSending(false);
    }
  };

  const option = <V extends string>(group: string, values: readonly V[]) =>
    values.map((value) => ({
      value,
      label: t(`openCounselling.${group}.${value}` as 'openCounselling.topic.other'),
    }));

  return (
    <form onSubmit={submit} noValidate aria-labelledby="log-heading">
      <h2 id="log-heading">{t('openCounselling.log.heading')}</h2>
      <p>{t('openCounselling.log.lead')}</p>
      {saved ? (
        // Focus lands here after saving, so the confirmation is seen (and read out) at once.
        <div ref={savedRef} tabIndex={-1}>
          <Alert variant="success" heading={t('openCounselling.log.saved')}>
            <p>{t('openCounselling.log.savedText')}</p>
          </Alert>
          <Bridge contact={saved} />
        </div>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <Alert variant="error" heading={t('openCounselling.log.fix')}>
          <ul>
            {Object.entries(errors).map(([field, message]) => (
              <li key={field}>
                <a href={`#contact-${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {failure ? <ProblemAlert error={failure} /> : null}
      <div className="fs-field-row">
        <TextField
          id="contact-contactDate"
          type="date"
          label={t('openCounselling.log.date')}
          error={errors.contactDate}
          value={contactDate}
          max={today}
          onChange={(e) => setContactDate(e.target.value)}
        />
        <SelectField
          id="contact-slotId"
          label={t('openCounselling.log.slot')}
          value={slotId}
          onChange={setSlotId}
          options={[
            { value: '', label: t('openCounselling.log.noSlot') },
            ...slots
              .filter((s) => s.status !== 'upcoming')
              .map((s) => ({
                value: s.id,
                label: t('openCounselling.slot.every', {
                  weekday: words.weekday(s.weekday),
                  hours: words.hours(s),
                }),
              })),
          ]}
        />
      </div>
      <RadioChips
        id="contact-channel"
        legend={t('openCounselling.log.channel')}
        error={errors.channel}
        options={option('channel', contactChannels)}
        value={channel}
        onChange={setChannel}
      />
      <RadioChips
        id="contact-who"
        legend={t('openCounselling.log.who')}
        error={errors.who}
        options={option('who', contactWho)}
        value={who}
        onChange={setWho}
      />
      <RadioChips
        id="contact-childAgeBand"
        legend={t('openCounselling.log.ageBand')}
        error={errors.childAgeBand}
        options={option('ageBand', childAgeBands)}
        value={ageBand}
        onChange={setAgeBand}
      />
      <CheckboxChips
        id="contact-topics"
        legend={t('openCounselling.log.topics')}
        hint={t('openCounselling.log.topicsHint')}
        error={errors.topics}
        options={option('topic', counsellingTopics)}
        value={topics}
        onChange={setTopics}
      />
      <TextField
        id="contact-durationMinutes"
        type="number"
        inputMode="numeric"
        min={1}
        max={480}
        label={t('openCounselling.log.duration')}
        error={errors.durationMinutes}
        value={duration}
        onChange={(e) => setDuration(e.target.value)}
        className="form-input input-width-xs"
      />
      <fieldset className="mb-5">
        <legend className="sr-only">{t('openCounselling.log.durationQuick')}</legend>
        <div className="fs-chips">
          {durations.map((m) => (
            <button
              type="button"
              key={m}
              className="button button-tertiary"
              aria-pressed={duration === String(m)}
              onClick={() => setDuration(String(m))}
            >
              {t('openCounselling.log.minutes', { count: m })}
            </button>
          ))}
        </div>
      </fieldset>
      <CheckboxChips
        id="contact-outcomes"
        legend={t('openCounselling.log.outcomes')}
        error={errors.outcomes}
        options={option('outcome', contactOutcomes)}
        value={outcomes}
        onChange={setOutcomes}
      />
      {pointed ? (
        <SelectField
          id="contact-offerId"
          label={t('openCounselling.log.offer')}
          hint={errors.offerId ?? t('openCounselling.log.offerHint')}
          value={offerId}
          onChange={setOfferId}
          options={[
            { value: '', label: t('openCounselling.log.noOffer') },
            ...offers.map((o) => ({
              value: o.id,
              label: `${o.name} (${o.organisation.name})${o.referralOnly ? ` – ${t('openCounselling.log.referralOnly')}` : ''}`,
            })),
          ]}
        />
      ) : null}
      <TextArea
        id="contact-note"
        label={t('openCounselling.log.note')}
        hint={t('openCounselling.log.noteHint')}
        error={errors.note}
        optional
        rows={3}
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={sending}>
        {t('openCounselling.log.save')}
      </button>
    </form>
  );
}
