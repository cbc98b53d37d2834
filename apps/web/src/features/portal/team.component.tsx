import { useTranslation } from 'react-i18next';
import type { TeamMember } from '../../api/api.types';
import { Icon } from '../../components/icon.component';
import { telHref } from '../../components/tel-href';

function Contact({ member }: { member: TeamMember }) {
  const { t } = useTranslation();
  if (!member.phone && !member.email) return <p className="fs-muted mb-0">{t('portal.team.noContact')}</p>;
  return (
    <dl className="fs-contact">
      {member.phone ? (
        <>
          <dt>{t('portal.team.phone')}</dt>
          <dd>
            {/* Numbers and addresses read left to right, also on an Arabic page. */}
            <a href={telHref(member.phone)} dir="ltr" className="fs-contact-link">
              <Icon name="smartphone" className="fs-contact-icon" />
              {member.phone}
            </a>
          </dd>
        </>
      ) : null}
      {member.email ? (
        <>
          <dt>{t('portal.team.email')}</dt>
          <dd>
            <a href={`mailto:${member.email}`} dir="ltr" className="fs-contact-link">
              <Icon name="email" className="fs-contact-icon" />
              {member.email}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/**
 * "Dit team": the coordinator first, then each service that follows the family — with a
 * name and title where a person is known, else the team (e.g. Sundhedsplejen Nord).
 */
export function Team({ team }: { team: readonly TeamMember[] }) {
  const { t } = useTranslation();
  const ordered = [...team].sort(
    (a, b) => Number(b.role === 'coordinator') - Number(a.role === 'coordinator'),
  );
  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">{t('portal.team.heading')}</h2>
      {ordered.length === 0 ? (
        <p>{t('portal.team.none')}</p>
      ) : (
        <>
          <p>{t('portal.team.lead')}</p>
          <ul className="nobullet-list no-max-width fs-team">
            {ordered.map((m, i) => {
              const heading = m.name ?? m.unit?.name ?? m.organisation.name;
              const place = [m.unit?.name, m.organisation.name].filter((p) => p && p !== heading).join(', ');
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: the team has no id; its order is the server's
                <li key={i} className="fs-team-item">
                  <div className={`card${m.role === 'coordinator' ? ' fs-team-coordinator' : ''}`}>
                    <div className="card-content">
                      <p className="fs-team-role">{t(`portal.team.role.${m.role}`)}</p>
                      <h3 className="h4 mt-0 mb-2">{heading}</h3>
                      {m.title || place ? (
                        <p className="mt-0">{[m.title, place].filter(Boolean).join(' · ')}</p>
                      ) : null}
                      {m.role === 'coordinator' ? (
                        <p className="fs-muted">{t('portal.team.coordinatorText')}</p>
                      ) : null}
                      <Contact member={m} />
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
