import { addMonths, copenhagenDate } from '@familiespor/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import type { CohortPlan, ConfirmedCohorts, Offer, StaffMe } from '../../api/api.types';
import { offersApi } from '../../api/offers.api';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { PlanCreated } from './plan-created.component';
import { type Draft, draftFrom } from './plan-draft';
import { PlanDraftEditor } from './plan-draft-editor.component';
import { type PlanRequest, PlanRequestForm } from './plan-request.component';
import { useFacilitators } from './use-facilitators.hook';

type Stage =
  | { kind: 'choose' }
  | { kind: 'draft'; offer: Offer; draft: Draft; run: number }
  | { kind: 'done'; cohorts: ConfirmedCohorts['cohorts'] };

/** The courses the lead can plan: her organisation's, active, with sessions and sites (as the offer page). */
function plannable(offers: readonly Offer[], me: StaffMe): Offer[] {
  return offers
    .filter(
      (o) =>
        o.organisation.id === me.organisation.id &&
        o.kind === 'course' &&
        o.active &&
        (o.template?.length ?? 0) > 0 &&
        o.sites.length > 0,
    )
    .sort((a, b) => Number(b.fiv) - Number(a.fiv) || a.name.localeCompare(b.name, 'da'));
}

/**
 * "Planlæg hold": the programme lead previews cohorts for the couples due in a period, adjusts
 * them, and confirms; the cohorts and their sessions are created only then.
 */
export function PlanCohortsPage({ me }: { me: StaffMe }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const preselected = new URLSearchParams(useSearch()).get('tilbud') ?? '';
  const offers = useQuery({
    queryKey: ['offers', { includeInactive: false }],
    queryFn: () => offersApi.list({ includeInactive: false }),
  });
  const { facilitators, error: facilitatorError } = useFacilitators(me);
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const choices = plannable(offers.data ?? [], me);
  const today = copenhagenDate(new Date());
  const initial: PlanRequest = {
    offerId:
      choices.find((o) => o.id === preselected)?.id ?? (choices.length === 1 ? choices[0]?.id : '') ?? '',
    // The couples who start in the coming months: FIV begins around week 26.
    dueFrom: today,
    dueTo: addMonths(today, 6),
  };

  const named = (plan: CohortPlan): Draft => {
    const used = new Map<string, number>();
    return draftFrom(plan, (c) => {
      const name = t('planCohorts.defaultName', { site: c.siteName, month: fmt.month(c.dueFrom) });
      const n = (used.get(name) ?? 0) + 1;
      used.set(name, n);
      return n === 1 ? name : t('planCohorts.defaultNameNumbered', { name, n });
    });
  };

  return (
    <>
      {preselected ? (
        <p>
          <Link href={`/tilbud/${preselected}`} className="back-link">
            <Icon name="chevron-left" />
            {t('planCohorts.backToOffer')}
          </Link>
        </p>
      ) : null}
      <PageHeading title={t('pages.planCohorts.title')}>{t('pages.planCohorts.title')}</PageHeading>
      <p className="font-lead">{t('planCohorts.lead')}</p>
      {offers.isPending ? <Loading /> : null}
      {offers.isError ? <ProblemAlert error={offers.error} /> : null}
      {offers.data && choices.length === 0 ? (
        <p>
          {t('planCohorts.noOffers')} <Link href="/tilbud">{t('planCohorts.toOffers')}</Link>
        </p>
      ) : null}
      {facilitatorError ? <ProblemAlert error={facilitatorError} /> : null}
      {stage.kind === 'done' ? (
        <PlanCreated cohorts={stage.cohorts} onAgain={() => setStage({ kind: 'choose' })} />
      ) : choices.length > 0 ? (
        <>
          <PlanRequestForm
            offers={choices}
            initial={initial}
            onPlan={(plan, offer) =>
              setStage((s) => ({
                kind: 'draft',
                offer,
                draft: named(plan),
                run: s.kind === 'draft' ? s.run + 1 : 0,
              }))
            }
          />
          {stage.kind === 'draft' ? (
            <PlanDraftEditor
              // A new preview starts a new draft: errors and choices of the last one go.
              key={stage.run}
              offer={stage.offer}
              draft={stage.draft}
              facilitators={facilitators}
              onDraft={(draft) => setStage((s) => (s.kind === 'draft' ? { ...s, draft } : s))}
              onCreated={(cohorts) => setStage({ kind: 'done', cohorts })}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
