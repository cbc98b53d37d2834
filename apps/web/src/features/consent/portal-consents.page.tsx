import type { Consent, ConsentOverview } from '@familiespor/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { consentTexts, useTexts } from '../../i18n/lazy-texts';
import { consentApi } from './consent.api';
import { ConsentForm } from './consent-form.component';
import { ConsentList } from './consent-list.component';
import { useConsentWords } from './consent-words.hook';

/** "Samtykker": the family's consents in plain words; give a new one, or withdraw one. */
export function PortalConsentsPage() {
  const { t } = useTranslation();
  const ready = useTexts(consentTexts);
  const client = useQueryClient();
  const words = useConsentWords();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<{ kind: 'saved' | 'withdrawn'; text: string } | null>(null);
  const list = useQuery({ queryKey: ['portal', 'consents'], queryFn: consentApi.mine });
  if (!ready) return <Loading />;
  const title = t('consent.title');
  const changed = (c: Consent, kind: 'saved' | 'withdrawn') => {
    client.setQueryData<ConsentOverview>(['portal', 'consents'], (o) =>
      o ? { ...o, consents: [c, ...o.consents.filter((x) => x.id !== c.id)] } : o,
    );
    void client.invalidateQueries({ queryKey: ['portal'] });
    setMessage({ kind, text: words.sentence(c) });
  };
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="font-lead">{t('consent.lead')}</p>
      {message ? (
        <Alert
          variant="success"
          heading={message.kind === 'saved' ? t('consent.form.saved') : t('consent.withdraw.done')}
        >
          <p>{message.text}</p>
        </Alert>
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ProblemAlert error={list.error} /> : null}
      {list.data ? (
        <>
          {open ? (
            <ConsentForm
              overview={list.data}
              audience="parent"
              onCancel={() => setOpen(false)}
              onDone={(c) => {
                setOpen(false);
                changed(c, 'saved');
              }}
            />
          ) : (
            <p>
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  setMessage(null);
                  setOpen(true);
                }}
              >
                {t('consent.form.open')}
              </button>
            </p>
          )}
          <h2>{t('consent.listHeading')}</h2>
          <ConsentList
            overview={list.data}
            audience="parent"
            headingLevel={3}
            onWithdrawn={(c) => changed(c, 'withdrawn')}
          />
        </>
      ) : null}
    </>
  );
}
