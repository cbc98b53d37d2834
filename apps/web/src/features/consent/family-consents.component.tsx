import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { consentTexts, useTexts } from '../../i18n/lazy-texts';
import { consentApi } from './consent.api';
import { ConsentForm } from './consent-form.component';
import { ConsentList } from './consent-list.component';

/** The family page's consents: what may cross organisations, recording a paper or spoken one, withdrawal. */
export function FamilyConsents({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const ready = useTexts(consentTexts);
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: ['family', familyId, 'consents'],
    queryFn: () => consentApi.family(familyId),
  });
  if (!ready) return <Loading />;
  const changed = () => {
    void client.invalidateQueries({ queryKey: ['family', familyId] });
  };
  return (
    <section aria-labelledby="consents-heading" className="mb-6">
      <h2 id="consents-heading">{t('consent.staff.heading')}</h2>
      <p>{t('consent.staff.lead')}</p>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ProblemAlert error={list.error} /> : null}
      {list.data ? (
        <>
          {open ? (
            <ConsentForm
              overview={list.data}
              audience="staff"
              onCancel={() => setOpen(false)}
              onDone={() => {
                setOpen(false);
                changed();
              }}
            />
          ) : (
            <p>
              <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
                {t('consent.staff.record')}
              </button>
            </p>
          )}
          <ConsentList overview={list.data} audience="staff" headingLevel={3} onWithdrawn={changed} />
        </>
      ) : null}
    </section>
  );
}
