import { configurationOnlyRoles } from '@familiespor/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import type { FamilyDetail, StaffMe } from '../../api/api.types';
import { familiesApi } from '../../api/families.api';
import { Alert } from '../../components/alert.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { NameList } from '../../components/name-list.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { ConcernReportLink } from '../concern-reports/concern-link.component';
import { FamilyConsents } from '../consent/family-consents.component';
import { FamilyCounselling } from '../counselling/family-counselling.component';
import { HandoverLink } from '../handovers/handover-link.component';
import { canOpen } from '../home/staff-pages';
import { FamilyOffers } from '../offers/family-offers.component';
import { ReferralLink } from '../referrals/referral-link.component';
import { useStageWords } from '../timeline/stage-words.hook';
import { Timeline } from '../timeline/timeline.component';
import { HealthVisiting } from '../visits/health-visiting.component';
import { CoordinatorSection } from './coordinator.component';
import { FamilyMembers } from './family-members.component';
import { familyName } from './family-table.component';
import { PregnanciesAndBirths } from './pregnancies-births.component';
import { RegisterBirthForm } from './register-birth.component';

const backTo = {
  mine: { href: '/familier/mine', key: 'myFamilies' },
  'uden-tovholder': { href: '/familier/uden-tovholder', key: 'withoutCoordinator' },
  soeg: { href: '/familier/soeg', key: 'searchFamilies' },
  'i-dag': { href: '/i-dag', key: 'today' },
  'mellem-to-stole': { href: '/familier/mellem-to-stole', key: 'betweenChairs' },
} as const;
type Origin = keyof typeof backTo;
const isOrigin = (v: string | null): v is Origin => v !== null && v in backTo;

/**
 * What the page offers the user to do. The API decides; these guesses only avoid showing
 * buttons that would surely be refused: the family's own municipality coordinates and
 * registers births, and only professionals do (not administrators or analysts).
 */
function mayActFor(me: StaffMe, family: FamilyDetail): boolean {
  return (
    me.organisation.id === family.organisation.id &&
    me.roles.some((r) => !(configurationOnlyRoles as readonly string[]).includes(r))
  );
}

function Involvements({ family }: { family: FamilyDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <section aria-labelledby="involvements-heading" className="fs-panel">
      <h2 id="involvements-heading">{t('families.involvements.heading')}</h2>
      {family.involvements.length === 0 ? (
        <p>{t('families.involvements.none')}</p>
      ) : (
        <ul className="nobullet-list">
          {family.involvements.map((i) => (
            <li key={`${i.organisation.id}-${i.unit?.id ?? ''}-${i.kind}`} className="mb-4">
              <strong>{i.unit?.name ?? i.organisation.name}</strong>
              {i.unit ? <span className="d-block">{i.organisation.name}</span> : null}
              <span className="d-block fs-muted">
                {t('families.involvements.kindSince', {
                  kind: t(`families.involvements.kind.${knownInvolvement(i.kind)}`),
                  date: fmt.date(i.since),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const involvementKinds = [
  'pregnancy_care',
  'statutory',
  'enrollment',
  'referral',
  'consent',
  'counselling',
] as const;
const knownInvolvement = (kind: string) =>
  (involvementKinds as readonly string[]).includes(kind)
    ? (kind as (typeof involvementKinds)[number])
    : 'other';

/** The family's page: who they are, the coordinator, who works with them, and the red thread. */
export function FamilyPage({ me, familyId }: { me: StaffMe; familyId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useStageWords();
  const client = useQueryClient();
  const params = new URLSearchParams(useSearch());
  const from = params.get('fra');
  const [registeringBirth, setRegisteringBirth] = useState(false);
  const [birthSaved, setBirthSaved] = useState(false);
  const family = useQuery({ queryKey: ['family', familyId], queryFn: () => familiesApi.family(familyId) });
  const timeline = useQuery({
    queryKey: ['family', familyId, 'timeline'],
    queryFn: () => familiesApi.timeline(familyId),
    enabled: family.isSuccess,
  });
  const updated = (f: FamilyDetail) => {
    client.setQueryData(['family', familyId], f);
    void client.invalidateQueries({ queryKey: ['family', familyId, 'timeline'] });
    void client.invalidateQueries({ queryKey: ['families'] });
  };

  const back = isOrigin(from) ? backTo[from] : null;
  const backLink = back ? (
    <p>
      <Link href={back.href} className="back-link">
        <Icon name="chevron-left" />
        {t('families.backTo', { page: t(`pages.${back.key}.title`) })}
      </Link>
    </p>
  ) : null;

  if (family.isPending) return <Loading />;
  if (family.isError) {
    return (
      <>
        {backLink}
        <PageHeading title={t('families.page.title')}>{t('families.page.title')}</PageHeading>
        <ProblemAlert error={family.error} />
      </>
    );
  }
  const f = family.data;
  const fullName = (m: { givenName: string; familyName: string }) => `${m.givenName} ${m.familyName}`;
  const parents = f.members.filter((m) => m.role !== 'child').map(fullName);
  const children = f.members.filter((m) => m.role === 'child').map(fullName);
  const name = familyName(
    { parents: parents.map((n) => ({ name: n })), children: children.map((n) => ({ name: n })) },
    fmt.list,
    t('families.unnamed'),
  );
  const activePregnancy = f.pregnancies.find((p) => p.status === 'active');
  const mayAct = mayActFor(me, f);
  const registered = params.get('status') === 'registreret';

  return (
    <>
      {backLink}
      <PageHeading title={name}>{parents.length > 0 ? <NameList names={parents} /> : name}</PageHeading>
      <p className="font-lead">
        {words.short(f.stage)}
        {f.stage.kind === 'pregnancy'
          ? ` · ${t('families.page.dueDate', { date: fmt.date(f.stage.dueDate) })}`
          : ''}
      </p>
      {registered ? (
        <Alert variant="success" heading={t('families.page.registered')}>
          <p>{t('families.page.registeredText')}</p>
        </Alert>
      ) : null}
      {/* After a birth the form is gone (the pregnancy has ended), so the confirmation sits up here. */}
      {birthSaved ? <Alert variant="success" heading={t('families.birth.saved')} /> : null}
      {f.hidden.length > 0 ? (
        <Alert variant="info" heading={t('families.page.hiddenHeading')}>
          <p>
            {t('families.page.hiddenText', {
              categories: fmt.list(f.hidden.map((c) => t(`category.${c}`).toLocaleLowerCase())),
            })}
          </p>
        </Alert>
      ) : null}

      <dl className="fs-summary">
        <dt>{t('families.page.stage')}</dt>
        <dd>{words.name(f.stage)}</dd>
        <dt>{t('families.page.address')}</dt>
        <dd>
          {f.address
            ? [f.address.street, [f.address.postcode, f.address.city].filter(Boolean).join(' ')]
                .filter(Boolean)
                .join(', ')
            : t('families.page.noAddress')}
        </dd>
        <dt>{t('families.page.municipality')}</dt>
        <dd>{f.organisation.name}</dd>
        <dt>{t('families.page.district')}</dt>
        <dd>{f.district?.name ?? t('families.noDistrict')}</dd>
      </dl>

      <div className="row">
        <div className="col-12 col-lg-8">
          <FamilyMembers members={f.members} />

          {canOpen(me.roles, 'healthVisiting') ? <HealthVisiting family={f} mayAct={mayAct} /> : null}

          <FamilyOffers family={f} me={me} />

          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t('families.timeline.heading')}</h2>
            {timeline.isPending ? <Loading /> : null}
            {timeline.isError ? <ProblemAlert error={timeline.error} /> : null}
            {timeline.data ? (
              <Timeline entries={timeline.data.entries} audience="staff" headingLevel={3} />
            ) : null}
          </section>

          <FamilyConsents familyId={f.id} />

          <PregnanciesAndBirths family={f} />

          {activePregnancy && mayAct ? (
            <section aria-label={t('families.birth.heading')} className="mt-5">
              {registeringBirth ? (
                <RegisterBirthForm
                  family={f}
                  pregnancyId={activePregnancy.id}
                  onCancel={() => setRegisteringBirth(false)}
                  onDone={(next) => {
                    setRegisteringBirth(false);
                    setBirthSaved(true);
                    updated(next);
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    setBirthSaved(false);
                    setRegisteringBirth(true);
                  }}
                >
                  {t('families.birth.open')}
                </button>
              )}
            </section>
          ) : null}
        </div>
        <div className="col-12 col-lg-4">
          <CoordinatorSection family={f} me={me} mayCoordinate={mayAct} onChanged={updated} />
          <Involvements family={f} />
          <FamilyCounselling familyId={f.id} me={me} />
          {canOpen(me.roles, 'sendConcern') ? <ConcernReportLink familyId={f.id} /> : null}
          {canOpen(me.roles, 'refer') ? <ReferralLink familyId={f.id} /> : null}
          {canOpen(me.roles, 'writeHandover') && mayAct && f.members.some((m) => m.role === 'child') ? (
            <HandoverLink familyId={f.id} />
          ) : null}
        </div>
      </div>
    </>
  );
}
