import { useTranslation } from 'react-i18next';
import type { StaffMe } from '../../api/api.types';
import { Alert } from '../../components/alert.component';
import { PageHeading } from '../../components/page-heading.component';
import { useFormat } from '../../i18n/use-format.hook';
import { PageCards } from './page-cards.component';
import { familyPages, pagesFor } from './staff-pages';

/** Every staff member's home: who they are, where they work, and what their role does here. */
export function StaffHomePage({ me }: { me: StaffMe }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const tools = pagesFor(me.roles).filter((p) => p !== 'home');
  const worksWithFamilies = tools.some((p) => familyPages.includes(p));
  return (
    <>
      <PageHeading title={t('home.staff.title')}>
        {t('home.staff.welcome', { name: me.user.name })}
      </PageHeading>
      <p className="font-lead">{t('home.staff.lead')}</p>

      {tools.length > 0 ? (
        <section aria-labelledby="tools-heading">
          <h2 id="tools-heading">{t('home.staff.toolsHeading')}</h2>
          <PageCards pages={tools} />
        </section>
      ) : null}

      <section aria-labelledby="you-heading">
        <h2 id="you-heading">{t('home.staff.youHeading')}</h2>
        <dl className="fs-summary">
          <dt>{t('home.staff.name')}</dt>
          <dd>{me.user.name}</dd>
          <dt>{t('home.staff.email')}</dt>
          <dd>{me.user.email}</dd>
          <dt>{t('home.staff.organisation')}</dt>
          <dd>
            {me.organisation.name}{' '}
            <span className="fs-muted">({t(`organisationKind.${me.organisation.kind}`)})</span>
          </dd>
          <dt>{t('home.staff.roles', { count: me.roles.length })}</dt>
          <dd>{fmt.list(me.roles.map((r) => t(`roles.${r}.name`)))}</dd>
          <dt>{t('home.staff.units', { count: me.units.length })}</dt>
          <dd>{me.units.length > 0 ? fmt.list(me.units.map((u) => u.name)) : t('home.staff.noUnits')}</dd>
          <dt>{t('home.staff.session')}</dt>
          <dd>{t('home.staff.sessionUntil', { time: fmt.time(me.sessionExpiresAt) })}</dd>
        </dl>
      </section>

      <section aria-labelledby="role-heading">
        <h2 id="role-heading">{t('home.staff.roleHeading')}</h2>
        {me.roles.map((r) => (
          <div key={r}>
            {me.roles.length > 1 ? <h3>{t(`roles.${r}.name`)}</h3> : null}
            <p>{t(`roles.${r}.purpose`)}</p>
          </div>
        ))}
      </section>

      {/* What the next steps bring; a role that works with families has the red thread already. */}
      <Alert variant="info" heading={t('home.staff.comingHeading')} headingLevel={2}>
        <p>{worksWithFamilies ? t('home.staff.comingTextFamilies') : t('home.staff.comingText')}</p>
      </Alert>
    </>
  );
}
