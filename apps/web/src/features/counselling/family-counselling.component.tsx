import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { StaffMe } from '../../api/api.types';
import { counsellingTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { canOpen } from '../home/staff-pages';
import { counsellingApi } from './counselling.api';

/** Roles that may see counselling: their own organisation's, or on the parents' consent (DESIGN §4). */
const readers = ['family_counsellor', 'programme_lead', 'health_visitor', 'caseworker'] as const;

/**
 * The family page's "Familierådgivning": the family's counselling cases the user may read, and for
 * a family counsellor "Åbn rådgivningsforløb" when her organisation has no open case with them.
 * Shows nothing to those who may see no counselling here.
 */
export function FamilyCounselling({ familyId, me }: { familyId: string; me: StaffMe }) {
  const ready = useTexts(counsellingTexts);
  const { t } = useTranslation();
  const fmt = useFormat();
  const reads = me.roles.some((r) => (readers as readonly string[]).includes(r));
  const q = useQuery({
    queryKey: ['counselling', 'family', familyId],
    queryFn: () => counsellingApi.ofFamily(familyId),
    enabled: reads,
  });
  const cases = q.data ?? [];
  const mayOpen =
    canOpen(me.roles, 'openCounsellingCase') &&
    q.isSuccess &&
    !cases.some((c) => c.status === 'open' && c.organisation.id === me.organisation.id);
  if (!ready || !reads || (cases.length === 0 && !mayOpen)) return null;
  return (
    <section aria-labelledby="family-counselling-heading" className="fs-panel">
      <h2 id="family-counselling-heading">{t('counselling.family.heading')}</h2>
      {cases.length > 0 ? (
        <ul className="nobullet-list">
          {cases.map((c) => (
            <li key={c.id} className="mb-4">
              <Link href={`/raadgivning/${c.id}`}>{c.organisation.name}</Link>
              <span className="d-block fs-muted">
                {t('counselling.family.line', {
                  counsellor: c.counsellor.name,
                  status: t(`counselling.status.${c.status}`),
                  date: fmt.date(c.openedOn),
                })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {mayOpen ? (
        <>
          <p>{t('counselling.family.text')}</p>
          <Link href={`/raadgivning/nyt?familie=${familyId}`} className="button button-secondary">
            {t('counselling.family.open')}
          </Link>
        </>
      ) : null}
    </section>
  );
}
