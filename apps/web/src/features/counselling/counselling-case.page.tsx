import type { CounsellingCase } from '@familiespor/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import type { StaffMe } from '../../api/api.types';
import { Alert } from '../../components/alert.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { counsellingTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { canUse } from '../home/staff-pages';
import { SendSurveyButton } from '../surveys/send-survey.component';
import { AddGoalForm, CloseCaseForm, ContactForm, ScoreGoalsForm } from './case-forms.component';
import { counsellingApi } from './counselling.api';
import { GoalChart } from './goal-chart.component';
import { PartyForm } from './party-form.component';

function Goals({ c }: { c: CounsellingCase }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (c.goals.length === 0) return <p>{t('counselling.goals.none')}</p>;
  return (
    <ul className="nobullet-list">
      {c.goals.map((g) => (
        <li key={g.id} className="fs-task" data-goal={g.id}>
          <h3 className="h4 mt-0 mb-2">{g.title}</h3>
          <p className="mt-0 mb-2">
            {g.progress.scored === 0
              ? t('counselling.goals.notScored')
              : g.progress.change === null
                ? t('counselling.goals.scoredOnce', { latest: g.progress.latest })
                : `${t('counselling.goals.progress', { first: g.progress.first, latest: g.progress.latest })} · ${t('counselling.goals.change', { change: `${g.progress.change > 0 ? '+' : ''}${fmt.number(g.progress.change)}` })}`}
          </p>
          <GoalChart goal={g} />
        </li>
      ))}
    </ul>
  );
}

function Contacts({ c }: { c: CounsellingCase }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (c.contacts.length === 0) return <p>{t('counselling.contacts.none')}</p>;
  return (
    <ul className="nobullet-list">
      {c.contacts.map((k) => (
        <li key={k.id} className="fs-task">
          <h3 className="h4 mt-0 mb-2">
            {fmt.date(k.contactOn)} ·{' '}
            {t('counselling.contacts.line', {
              form: t(`counselling.contactForm.${k.form}`),
              minutes: k.durationMinutes,
            })}
          </h3>
          <p className="mt-0 mb-2">
            {t('counselling.contacts.participants', {
              list: fmt.list(k.participants.map((p) => t(`counselling.participant.${p}`))),
            })}
          </p>
          {k.note ? <p className="fs-prewrap mt-0 mb-2">{k.note}</p> : null}
          <p className="fs-muted mt-0">{t('counselling.contacts.by', { name: k.by.name })}</p>
        </li>
      ))}
    </ul>
  );
}

function Parties({ c }: { c: CounsellingCase }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (c.parties.length === 0) return <p>{t('counselling.parties.none')}</p>;
  return (
    <ul className="nobullet-list">
      {c.parties.map((p) => (
        <li key={p.id} className="fs-task">
          <h3 className="h4 mt-0 mb-2">
            {p.name} <span className="fs-muted">({t(`counselling.partyKind.${p.kind}`)})</span>
          </h3>
          {p.contact ? <p className="mt-0 mb-2">{p.contact}</p> : null}
          <p className="fs-muted mt-0">
            {p.consent.kind === 'register'
              ? p.consent.inForce
                ? t('counselling.parties.consentRegister')
                : t('counselling.parties.consentGone')
              : t('counselling.parties.consentRecorded', {
                  name: p.consent.grantedBy.name,
                  how: t(`counselling.howShort.${p.consent.capturedHow}`),
                  date: fmt.date(p.consent.givenOn),
                })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * One counselling case: the family as written down at opening, the goals with a chart each, the
 * contacts and the collaborating partners; for those who may write in it, the forms to score the
 * goals, record contacts, add goals and partners, and close it with its outcome.
 */
export function CounsellingCasePage({ me, caseId }: { me: StaffMe; caseId: string }) {
  const ready = useTexts(counsellingTexts);
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const justOpened = new URLSearchParams(useSearch()).get('aabnet') === '1';
  const [message, setMessage] = useState<string | null>(justOpened ? 'opened' : null);
  const q = useQuery({
    queryKey: ['counselling', 'case', caseId],
    queryFn: () => counsellingApi.get(caseId),
  });
  if (!ready || q.isPending) return <Loading />;
  if (q.isError) return <ProblemAlert error={q.error} />;
  const c = q.data;
  const done = (next: CounsellingCase, m: string) => {
    client.setQueryData(['counselling', 'case', caseId], next);
    void client.invalidateQueries({ queryKey: ['counselling', 'cases'] });
    setMessage(m);
  };
  const requester = c.request?.byPersonId
    ? c.parents.find((p) => p.personId === c.request?.byPersonId)
    : undefined;
  return (
    <>
      <p>
        <Link
          href={canUse(me.roles, 'counsellingCases') ? '/raadgivning' : `/familier/${c.familyId}`}
          className="back-link"
        >
          <Icon name="chevron-left" />
          {canUse(me.roles, 'counsellingCases')
            ? t('counselling.case.back')
            : t('counselling.case.familyLink')}
        </Link>
      </p>
      {message ? (
        <Alert
          variant="success"
          heading={message === 'opened' ? t('counselling.case.justOpened') : message}
        />
      ) : null}
      <PageHeading title={t('counselling.case.title', { family: c.familyName })}>
        {t('counselling.case.title', { family: c.familyName })}
      </PageHeading>
      <p className="font-lead">
        <span className={`badge ${c.status === 'open' ? 'badge-info' : 'badge-success'}`}>
          {t(`counselling.status.${c.status}`)}
        </span>{' '}
        {c.status === 'closed' && c.closedOn && c.outcome
          ? t('counselling.case.closedSummary', {
              date: fmt.date(c.closedOn),
              outcome: t(`counselling.outcome.${c.outcome}`),
            })
          : t('counselling.case.opened', { date: fmt.date(c.openedOn), name: c.counsellor.name })}
      </p>
      {c.status === 'closed' ? (
        <Alert variant="info" heading={t('counselling.case.closedInfo')} />
      ) : !c.canWrite ? (
        <Alert variant="info" heading={t('counselling.case.readOnly')} />
      ) : null}
      {c.status === 'closed' && (c.counsellor.id === me.user.id || me.roles.includes('programme_lead')) ? (
        <SendSurveyButton body={{ occasion: 'case_close', caseId: c.id }} />
      ) : null}

      <div className="row">
        <div className="col-12 col-lg-8">
          <section aria-labelledby="reason-heading">
            <h2 id="reason-heading">{t('counselling.case.reasonHeading')}</h2>
            <p className="fs-prewrap">{c.reason}</p>
            {c.closingNote ? (
              <>
                <h3>{t('counselling.case.closingNote')}</h3>
                <p className="fs-prewrap">{c.closingNote}</p>
              </>
            ) : null}
          </section>
          <section aria-labelledby="goals-heading">
            <h2 id="goals-heading">{t('counselling.goals.heading')}</h2>
            <Goals c={c} />
            {c.canWrite && c.goals.length > 0 ? <ScoreGoalsForm c={c} onDone={done} /> : null}
            {c.canWrite ? <AddGoalForm c={c} onDone={done} /> : null}
          </section>
          <section aria-labelledby="contacts-heading">
            <h2 id="contacts-heading">{t('counselling.contacts.heading')}</h2>
            {c.canWrite ? <ContactForm c={c} onDone={done} /> : null}
            <Contacts c={c} />
          </section>
          <section aria-labelledby="parties-heading">
            <h2 id="parties-heading">{t('counselling.parties.heading')}</h2>
            <Parties c={c} />
            {c.canWrite ? <PartyForm c={c} onDone={done} /> : null}
          </section>
          {c.canWrite ? <CloseCaseForm c={c} onDone={done} /> : null}
        </div>
        <div className="col-12 col-lg-4">
          <section aria-labelledby="summary-heading" className="fs-panel">
            <h2 id="summary-heading">{t('counselling.case.summary')}</h2>
            <dl className="fs-summary">
              <dt>{t('counselling.case.counsellor')}</dt>
              <dd>{c.counsellor.name}</dd>
              <dt>{t('counselling.case.unit')}</dt>
              <dd>
                {c.unit.name}, {c.organisation.name}
              </dd>
              <dt>{t('counselling.case.from')}</dt>
              <dd>{t(`counselling.openedFrom.${c.openedFrom}`)}</dd>
              {c.request ? (
                <>
                  <dt>{t('counselling.case.request')}</dt>
                  <dd>
                    {t('counselling.case.requestBy', {
                      name: requester?.name ?? '',
                      how: t(`counselling.howShort.${c.request.capturedHow}`),
                    })}
                  </dd>
                </>
              ) : null}
              <dt>{t('counselling.case.parents')}</dt>
              <dd>{fmt.list(c.parents.map((p) => p.name))}</dd>
              <dt>{t('counselling.case.children')}</dt>
              <dd>
                {c.children.length > 0
                  ? fmt.list(c.children.map((ch) => ch.name))
                  : t('counselling.case.noChildren')}
              </dd>
              {c.closedBy ? (
                <>
                  <dt>{t('counselling.list.outcome')}</dt>
                  <dd>{t('counselling.case.closedBy', { name: c.closedBy.name })}</dd>
                </>
              ) : null}
            </dl>
            <p>
              <Link href={`/familier/${c.familyId}`}>{t('counselling.case.familyLink')}</Link>
            </p>
          </section>
        </div>
      </div>
    </>
  );
}
