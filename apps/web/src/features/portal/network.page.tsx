import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../../api/api.client';
import type { NetworkChoice } from '../../api/api.types';
import { portalApi } from '../../api/portal.api';
import { Alert } from '../../components/alert.component';
import { CheckboxField } from '../../components/forms/fields.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { telHref } from '../../components/tel-href';
import { cohortsOf } from './appointments';

/**
 * After the course the cohort goes on as a parent network. Each parent chooses what the others
 * may see; only those who share their name see the others.
 */
export function NetworkPage({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const network = useQuery({
    queryKey: ['portal', 'network', cohortId],
    queryFn: () => portalApi.network(cohortId),
  });
  const sessions = useQuery({ queryKey: ['portal', 'sessions'], queryFn: portalApi.sessions });
  const cohort = cohortsOf(sessions.data ?? []).find((c) => c.id === cohortId);
  const [choice, setChoice] = useState<NetworkChoice | null>(null);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const title = cohort ? t('network.title', { cohort: cohort.name }) : t('network.titlePlain');

  if (network.isPending) return <Loading />;
  const current = choice ?? network.data?.you ?? { shareName: false, shareContact: false };
  const notYet = failure instanceof ApiError && failure.status === 409;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setSaved(false);
    try {
      const next = await portalApi.setNetworkChoice(cohortId, current);
      client.setQueryData(['portal', 'network', cohortId], next);
      setChoice(null);
      setSaved(true);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>
        <Link href="/portal/aftaler" className="back-link">
          <Icon name="chevron-left" />
          {t('network.back')}
        </Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="font-lead">{t('network.lead')}</p>
      {network.isError ? (
        <ProblemAlert error={network.error} />
      ) : (
        <>
          <form onSubmit={(e) => void submit(e)} noValidate className="fs-panel">
            <h2 className="h3 mt-0">{t('network.choiceHeading')}</h2>
            {saved ? <Alert variant="success" heading={t('network.saved')} headingLevel={3} /> : null}
            {notYet ? (
              <Alert variant="info" heading={t('network.notYet')} headingLevel={3}>
                {cohort ? <p>{t('network.notYetText')}</p> : null}
              </Alert>
            ) : failure ? (
              <ProblemAlert error={failure} />
            ) : null}
            <CheckboxField
              id="share-name"
              label={t('network.shareName')}
              hint={t('network.shareNameHint')}
              checked={current.shareName}
              onChange={(e) =>
                setChoice({
                  shareName: e.target.checked,
                  shareContact: e.target.checked ? current.shareContact : false,
                })
              }
            />
            <CheckboxField
              id="share-contact"
              label={t('network.shareContact')}
              hint={t('network.shareContactHint')}
              checked={current.shareContact}
              disabled={!current.shareName}
              onChange={(e) => setChoice({ ...current, shareContact: e.target.checked })}
            />
            <div className="fs-actions mt-4">
              <button type="submit" className="button button-primary" disabled={busy}>
                {t('network.save')}
              </button>
            </div>
          </form>

          <section aria-labelledby="members-heading">
            <h2 id="members-heading">{t('network.membersHeading')}</h2>
            {!network.data?.you?.shareName ? (
              <p>{t('network.shareToSee')}</p>
            ) : network.data.members.length === 0 ? (
              <p>{t('network.noMembers')}</p>
            ) : (
              <ul className="nobullet-list no-max-width fs-members">
                {network.data.members.map((m, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: members have no id, only what they share
                  <li key={i} className="fs-member">
                    <strong>
                      <bdi>{m.name}</bdi>
                    </strong>
                    {m.phone ? (
                      <a href={telHref(m.phone)} dir="ltr" className="d-block">
                        {m.phone}
                      </a>
                    ) : null}
                    {m.email ? (
                      <a href={`mailto:${m.email}`} dir="ltr" className="d-block">
                        {m.email}
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
