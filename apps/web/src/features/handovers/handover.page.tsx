import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import type { StaffMe } from '../../api/api.types';
import { Alert } from '../../components/alert.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { handoverTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { handoversApi } from './handovers.api';

/** A text the sender wrote, kept with its line breaks; nothing written says so. */
function Written({ text }: { text: string }) {
  const { t } = useTranslation();
  return text.trim() ? (
    <p className="fs-prewrap">{text}</p>
  ) : (
    <p className="fs-muted">{t('handovers.view.nothingWritten')}</p>
  );
}

/**
 * One handover on one printable page: the child, the parents as handed over, what the child and
 * the family need, the agreements and the contacts, and who sent it.
 */
export function HandoverPage({ me, handoverId }: { me: StaffMe; handoverId: string }) {
  const ready = useTexts(handoverTexts);
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const sent = new URLSearchParams(useSearch()).get('sendt') === '1';
  const handover = useQuery({
    queryKey: ['handover', handoverId],
    queryFn: () => handoversApi.get(handoverId),
  });
  const acknowledge = useMutation({
    mutationFn: () => handoversApi.acknowledge(handoverId),
    onSuccess: (h) => {
      client.setQueryData(['handover', handoverId], h);
      void client.invalidateQueries({ queryKey: ['handovers'] });
    },
  });
  if (!ready || handover.isPending) return <Loading />;
  if (handover.isError) return <ProblemAlert error={handover.error} />;
  const h = handover.data;
  const isReceiver = me.units.some((u) => u.id === h.to.unit.id);
  return (
    <article className="fs-handover">
      <p className="fs-no-print">
        <Link href={isReceiver ? '/overleveringer' : `/familier/${h.familyId}`} className="back-link">
          <Icon name="chevron-left" />
          {isReceiver ? t('pages.receivedHandovers.title') : t('handovers.view.backToFamily')}
        </Link>
      </p>
      {sent ? <Alert variant="success" heading={t('handovers.view.sent', { unit: h.to.unit.name })} /> : null}
      <PageHeading title={t('handovers.view.title', { name: h.child.name })}>
        {t('handovers.view.title', { name: h.child.name })}
      </PageHeading>
      <p className="font-lead">
        {t(`handovers.transition.${h.transition}`)} ·{' '}
        {t('handovers.view.starts', { date: fmt.date(h.startDate) })}
      </p>
      <dl className="fs-summary">
        <dt>{t('handovers.field.child')}</dt>
        <dd>{h.child.name}</dd>
        <dt>{t('handovers.field.birthDate')}</dt>
        <dd>{h.child.birthDate ? fmt.date(h.child.birthDate) : t('handovers.view.unknown')}</dd>
        <dt>{t('handovers.field.to')}</dt>
        <dd>
          {h.to.unit.name}, {h.to.organisation.name}
        </dd>
        <dt>{t('handovers.field.status')}</dt>
        <dd>
          {h.status === 'acknowledged' && h.acknowledgedAt
            ? t('handovers.view.acknowledgedBy', {
                name: h.acknowledgedBy?.name ?? '',
                date: fmt.date(h.acknowledgedAt),
              })
            : t('handovers.status.sent')}
        </dd>
      </dl>

      <section aria-labelledby="handover-parents">
        <h2 id="handover-parents">{t('handovers.view.parents')}</h2>
        <ul className="nobullet-list">
          {h.parents.map((p) => (
            <li key={`${p.role}-${p.name}`} className="mb-3">
              <strong>{p.name}</strong> (
              {t(`handovers.role.${p.role === 'mother' || p.role === 'father' ? p.role : 'other'}`)})
              {p.phone ? (
                <span className="d-block">{t('handovers.view.phone', { phone: p.phone })}</span>
              ) : null}
              {p.email ? <span className="d-block">{p.email}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="handover-needs">
        <h2 id="handover-needs">{t('handovers.form.needs')}</h2>
        <Written text={h.content.needs} />
      </section>
      <section aria-labelledby="handover-agreements">
        <h2 id="handover-agreements">{t('handovers.form.agreements')}</h2>
        <Written text={h.content.agreements} />
      </section>
      {h.content.contacts.length > 0 ? (
        <section aria-labelledby="handover-contacts">
          <h2 id="handover-contacts">{t('handovers.form.contacts')}</h2>
          <ul className="nobullet-list">
            {h.content.contacts.map((c) => (
              <li key={`${c.name}-${c.role}`}>
                <strong>{c.name}</strong>, {c.role}
                {c.phone ? ` · ${c.phone}` : ''}
                {c.email ? ` · ${c.email}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {h.content.freeText.trim() ? (
        <section aria-labelledby="handover-note">
          <h2 id="handover-note">{t('handovers.form.freeText')}</h2>
          <Written text={h.content.freeText} />
        </section>
      ) : null}
      <p className="fs-muted">
        {t('handovers.view.sentBy', {
          name: h.sender.name,
          organisation: h.from.organisation.name,
          date: fmt.date(h.sentAt),
        })}
        {h.sender.phone ? ` · ${h.sender.phone}` : ''}
        {h.sender.email ? ` · ${h.sender.email}` : ''}
      </p>
      <div className="fs-no-print">
        {acknowledge.isError ? <ProblemAlert error={acknowledge.error} /> : null}
        {isReceiver && h.status === 'sent' ? (
          <button
            type="button"
            className="button button-primary"
            disabled={acknowledge.isPending}
            onClick={() => acknowledge.mutate()}
          >
            {t('handovers.view.acknowledge')}
          </button>
        ) : null}{' '}
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('handovers.view.print')}
        </button>
      </div>
    </article>
  );
}
