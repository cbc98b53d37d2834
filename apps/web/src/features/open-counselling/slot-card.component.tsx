import type { PublicOpenCounsellingSlot } from '@familiespor/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { telHref } from '../../components/tel-href';
import { useFormat } from '../../i18n/use-format.hook';
import { useSlotWords } from './open-counselling-words.hook';
import './open-counselling.css';

/**
 * One weekly slot: when, where and how to reach it, who is on duty, and its next dates with the
 * public holidays it is closed. Used on the public page and in the counsellors' "Åbningstider".
 */
export function SlotCard({
  slot,
  headingLevel = 3,
  counsellors = slot.counsellors,
  children,
}: {
  slot: PublicOpenCounsellingSlot;
  headingLevel?: 2 | 3;
  /** Who is on duty as shown: given names on the public page, full names for colleagues. */
  counsellors?: readonly string[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useSlotWords();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const id = `slot-${slot.id}`;
  return (
    <article className="fs-slot" aria-labelledby={id}>
      <Heading id={id} className={headingLevel === 2 ? 'h3' : undefined}>
        {t('openCounselling.slot.every', { weekday: words.weekday(slot.weekday), hours: words.hours(slot) })}
      </Heading>
      <p className="mt-0">
        <strong>{slot.offer?.name ?? slot.organisation.name}</strong>
        {slot.offer ? <span className="d-block fs-muted">{slot.organisation.name}</span> : null}
      </p>
      <dl className="fs-summary">
        {slot.walkIn && slot.address ? (
          <>
            <dt>{t('openCounselling.slot.address')}</dt>
            <dd>
              {slot.placeName ? <span className="d-block">{slot.placeName}</span> : null}
              {slot.address.street}, {slot.address.postcode} {slot.address.city ?? ''}
            </dd>
          </>
        ) : null}
        {slot.phone ? (
          <>
            <dt>{t('openCounselling.slot.phone')}</dt>
            <dd>
              <a href={telHref(slot.phone)} dir="ltr">
                {slot.phone}
              </a>
            </dd>
          </>
        ) : null}
        {slot.chatUrl ? (
          <>
            <dt>{t('openCounselling.slot.chat')}</dt>
            <dd>
              <a href={slot.chatUrl} rel="noopener noreferrer">
                {t('openCounselling.slot.chatLink')}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('openCounselling.slot.languages')}</dt>
        <dd>{fmt.list(slot.languages.map((l) => fmt.languageName(l)))}</dd>
        {counsellors.length > 0 ? (
          <>
            <dt>{t('openCounselling.slot.onDuty')}</dt>
            <dd>{fmt.list(counsellors)}</dd>
          </>
        ) : null}
      </dl>
      {slot.publicNote ? <p>{slot.publicNote}</p> : null}
      {slot.next.length > 0 ? (
        <>
          <p className="mb-0">
            <strong>{t('openCounselling.slot.nextDates')}</strong>
          </p>
          <ul className="fs-slot-dates">
            {slot.next.map((o) => (
              <li key={o.date} className={o.closed ? 'fs-closed' : undefined}>
                {fmt.weekdayDate(o.startsAt)}
                {o.closed ? ` – ${t('openCounselling.slot.closed', { holiday: o.closed.name })}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('openCounselling.slot.noDates')}</p>
      )}
      {children}
    </article>
  );
}
