import { copenhagenDate } from '@familiespor/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParentMe } from '../../api/api.types';
import { portalScreeningApi } from '../../api/portal.api';
import { Alert } from '../../components/alert.component';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { telHref } from '../../components/tel-href';
import { epdsTexts, useTexts } from '../../i18n/lazy-texts';
import { completeAnswers, noAnswers, unanswered } from '../screening/answers';
import { EpdsItems, epdsItemId } from '../screening/epds-items.component';

/** Where to turn right now: written left to right in Arabic too. */
function Help() {
  const { t } = useTranslation();
  const phone = t('howAreYou.help.lifelinePhone');
  return (
    <Alert variant="info" heading={t('howAreYou.help.heading')}>
      <p>{t('howAreYou.help.text')}</p>
      <p>
        {t('howAreYou.help.lifeline')}{' '}
        <a href={telHref(phone)} dir="ltr">
          {phone}
        </a>
      </p>
      <p>{t('howAreYou.help.emergency')}</p>
    </Alert>
  );
}

/**
 * "Sådan har du det": a parent fills in EPDS before the 2-month visit. Only their health
 * visitor sees the answers; the parent is not shown a score, but is told kindly where to turn.
 */
export function HowAreYouPage({ me }: { me: ParentMe }) {
  const { t } = useTranslation();
  const ready = useTexts(epdsTexts);
  const [answers, setAnswers] = useState(() => noAnswers('epds'));
  const [missing, setMissing] = useState<ReadonlySet<number>>(new Set());
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [sent, setSent] = useState<{ item10: number } | null>(null);
  const family = me.families[0];
  if (!ready) return <Loading />;
  const title = t('howAreYou.title');

  if (sent) {
    return (
      <>
        <PageHeading title={title}>{t('howAreYou.thanksHeading')}</PageHeading>
        <p className="font-lead">{t('howAreYou.thanksText')}</p>
        {sent.item10 > 0 ? <Help /> : <p>{t('howAreYou.thanksMore')}</p>}
      </>
    );
  }

  const submit = async () => {
    setFailure(null);
    const complete = completeAnswers(answers);
    if (!complete || !family) {
      setMissing(new Set(unanswered(answers)));
      setAttempt((n) => n + 1);
      return;
    }
    setMissing(new Set());
    setBusy(true);
    try {
      await portalScreeningApi.recordEpds({
        familyId: family.id,
        respondentPersonId: me.person.id,
        answers: complete,
        observedOn: copenhagenDate(new Date()),
      });
      setSent({ item10: complete[9] ?? 0 });
    } catch (error) {
      setFailure(error);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="font-lead">{t('howAreYou.lead')}</p>
      <p>{t('howAreYou.private')}</p>
      <p>{t('howAreYou.noRightAnswers')}</p>
      {!family ? (
        <Alert variant="info" heading={t('howAreYou.noFamily')} />
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <ErrorSummary
            entries={[...missing].map((i) => ({
              id: epdsItemId('parent-epds', i),
              text: t('howAreYou.missingItem', { number: i + 1 }),
            }))}
            attempt={attempt}
          />
          {failure ? <ProblemAlert error={failure} /> : null}
          <EpdsItems
            idPrefix="parent-epds"
            answers={answers}
            errors={missing}
            onChange={(i, v) => setAnswers((a) => a.map((x, j) => (j === i ? v : x)))}
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('howAreYou.submit')}
          </button>
        </form>
      )}
      <Help />
    </>
  );
}
