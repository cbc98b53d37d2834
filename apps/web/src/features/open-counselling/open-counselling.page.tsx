import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { openCounsellingTexts, referralIntakeTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { SendSurveyButton } from '../surveys/send-survey.component';
import { LogContactForm } from './log-contact-form.component';
import { openCounsellingApi } from './open-counselling.api';
import { useSlotWords } from './open-counselling-words.hook';
import { RecentContacts } from './recent-contacts.component';

/**
 * "Åben rådgivning": the NGO counsellor's page at the drop-in — the next opening, "Log en
 * samtale", the latest conversations, and the way to the statistics and the opening hours.
 */
export function OpenCounsellingPage() {
  const ready = useTexts(openCounsellingTexts);
  const intakeReady = useTexts(referralIntakeTexts);
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useSlotWords();
  const slots = useQuery({
    queryKey: ['open-counselling', 'slots'],
    queryFn: openCounsellingApi.organisationSlots,
  });
  const offers = useQuery({
    queryKey: ['open-counselling', 'bridge-offers'],
    queryFn: openCounsellingApi.bridgeOffers,
  });
  if (!ready || !intakeReady || slots.isPending || offers.isPending) return <Loading />;
  if (slots.isError) return <ProblemAlert error={slots.error} />;
  if (offers.isError) return <ProblemAlert error={offers.error} />;
  const next = slots.data.slots
    .filter((s) => s.status !== 'ended')
    .flatMap((s) => s.next.filter((o) => !o.closed).map((o) => ({ slot: s, occurrence: o })))
    .sort((a, b) => a.occurrence.startsAt.localeCompare(b.occurrence.startsAt))[0];
  return (
    <>
      <PageHeading title={t('openCounselling.page.title')}>{t('openCounselling.page.title')}</PageHeading>
      <p className="font-lead">{t('openCounselling.page.lead')}</p>
      <p className="fs-actions">
        <Link href="/statistik/aaben-raadgivning" className="button button-secondary">
          {t('openCounselling.page.statistics')}
        </Link>
        <Link href="/aaben-raadgivning/aabningstider" className="button button-secondary">
          {t('openCounselling.page.slots')}
        </Link>
      </p>
      <SendSurveyButton body={{ occasion: 'open_counselling' }} />
      <section aria-labelledby="next-heading" className="fs-panel">
        <h2 id="next-heading" className="h3 mt-0">
          {t('openCounselling.page.nextHeading')}
        </h2>
        {next ? (
          <p className="mb-0">
            {t('openCounselling.page.next', {
              day: fmt.weekdayDate(next.occurrence.startsAt),
              hours: fmt.timeRange(next.occurrence.startsAt, next.occurrence.endsAt),
              place: next.slot.address
                ? `${next.slot.address.street}, ${next.slot.address.postcode} ${next.slot.address.city ?? ''}`.trim()
                : t(next.slot.chatUrl ? 'openCounselling.page.phoneChat' : 'openCounselling.page.phoneOnly'),
            })}
            {next.slot.counsellors.length > 0
              ? ` ${t('openCounselling.page.onDuty', { names: fmt.list(next.slot.counsellors) })}`
              : ''}
          </p>
        ) : (
          <p className="mb-0">
            {t('openCounselling.page.noSlot')}{' '}
            <Link href="/aaben-raadgivning/aabningstider">{t('openCounselling.page.addSlot')}</Link>
          </p>
        )}
        {next ? (
          <p className="fs-muted mb-0">
            {t('openCounselling.slot.every', {
              weekday: words.weekday(next.slot.weekday),
              hours: words.hours(next.slot),
            })}
          </p>
        ) : null}
      </section>
      <LogContactForm slots={slots.data.slots} offers={offers.data} />
      <section aria-labelledby="identified-heading">
        <h2 id="identified-heading" className="h3">
          {t('openCounselling.bridge.identifiedHeading')}
        </h2>
        <p>{t('openCounselling.bridge.identifiedText')}</p>
        <p className="fs-actions">
          <Link href="/henvisninger/med-navn/ny" className="button button-primary">
            {t('referralIntake.start')}
          </Link>
          <Link href="/henvisninger">{t('openCounselling.bridge.referrals')}</Link>
        </p>
      </section>
      <RecentContacts />
    </>
  );
}
