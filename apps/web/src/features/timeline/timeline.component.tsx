import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../api/api.types';
import { useFormat } from '../../i18n/use-format.hook';
import { groupTimeline, isEnrollmentKind, numberParam, textParam } from './timeline';

type Audience = 'staff' | 'parent';

const badge: Record<TimelineEntry['status'], string> = {
  done: 'badge-success',
  upcoming: 'badge-info',
  due: 'badge-warning',
  overdue: 'badge-error',
  cancelled: '',
};

/** The title and an optional line under it, for each kind the app knows; other kinds get a general label. */
function useEntryWords() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (e: TimelineEntry): { title: string; detail: string | null } => {
    const child = textParam(e, 'childName') ?? t('timeline.theChild');
    switch (e.kind) {
      case 'pregnancy_registered': {
        const due = textParam(e, 'dueDate');
        return {
          title: t('timeline.kind.pregnancy_registered'),
          detail: due ? t('timeline.detail.dueDate', { date: fmt.date(due) }) : null,
        };
      }
      case 'pregnancy_week_16':
        return {
          title: t('timeline.kind.pregnancy_week_16'),
          detail: t('timeline.detail.pregnancy_week_16'),
        };
      case 'pregnancy_week_26':
        return {
          title: t('timeline.kind.pregnancy_week_26'),
          detail: t('timeline.detail.pregnancy_week_26'),
        };
      case 'due_date':
        return { title: t('timeline.kind.due_date'), detail: null };
      case 'birth': {
        const place = textParam(e, 'birthplace');
        return {
          title: t('timeline.kind.birth', { name: child }),
          detail: place ? t('timeline.detail.birthplace', { place }) : null,
        };
      }
      case 'coordinator_assigned': {
        const name = textParam(e, 'name');
        return {
          title: name
            ? t('timeline.kind.coordinator_assigned', { name })
            : t('timeline.kind.coordinator_assigned_unnamed'),
          detail: null,
        };
      }
      case 'kindergarten_start':
        return {
          title: t('timeline.kind.kindergarten_start', { name: child }),
          detail: t('timeline.detail.kindergarten_start'),
        };
      case 'course_session': {
        const offer = textParam(e, 'offerName') ?? t('timeline.theOffer');
        const number = numberParam(e, 'number');
        const time = textParam(e, 'time');
        const place = textParam(e, 'place');
        const parts = [
          textParam(e, 'title'),
          time ? t('timeline.detail.at', { time: fmt.time(time) }) : null,
          place,
        ].filter((p): p is string => Boolean(p));
        return {
          title: number ? t('timeline.kind.course_session', { offer, number }) : offer,
          detail: parts.length > 0 ? parts.join(' · ') : null,
        };
      }
      case 'visit_planned':
      case 'visit_done':
      case 'visit_missed':
      case 'visit_rescheduled':
      case 'visit_cancelled': {
        const name = textParam(e, 'name');
        return {
          title: name
            ? t('timeline.kind.visit', { name, child })
            : t('timeline.kind.visitUnnamed', { child }),
          detail: null,
        };
      }
      // Consents (step 6): the details — what and why — are on the consents page and panel.
      case 'consent_granted':
      case 'consent_withdrawn':
        return {
          title: t(`timeline.kind.${e.kind}`, {
            to: textParam(e, 'toOrganisation') ?? '',
            from: textParam(e, 'fromOrganisation') ?? '',
          }),
          detail: null,
        };
      case 'screening_epds':
      case 'screening_adbb':
        return { title: t(`timeline.kind.${e.kind}`), detail: null };
      // Referrals and handovers (step 6): where it went and where it stands; the content is on
      // the referral's and the handover's own pages.
      // Where it stands is the entry's badge (EntryItem), not a line of its own.
      case 'referral':
        return { title: t('timeline.kind.referral', { to: textParam(e, 'to') ?? '' }), detail: null };
      case 'handover_daycare':
      case 'handover_specialised': {
        const start = textParam(e, 'startDate');
        return {
          title: t(`timeline.kind.${e.kind}`, { child }),
          detail: start
            ? t('timeline.detail.handoverTo', { to: textParam(e, 'to') ?? '', date: fmt.date(start) })
            : null,
        };
      }
      // Family counselling (step 7), for professionals who may see counselling: never the notes.
      case 'counselling_opened':
      case 'counselling_closed': {
        const name = textParam(e, 'counsellor');
        return {
          title: t(`timeline.kind.${e.kind}`),
          detail: name ? t('timeline.detail.counsellingBy', { name }) : null,
        };
      }
      case 'counselling_contact':
        return {
          title: t('timeline.kind.counselling_contact'),
          detail: t('timeline.detail.counsellingContact', {
            minutes: numberParam(e, 'durationMinutes') ?? 0,
            name: textParam(e, 'counsellor') ?? '',
          }),
        };
      default: {
        const kind = e.kind;
        if (kind.startsWith('task_')) {
          const taskKind = kind.slice('task_'.length);
          const title = (taskKinds as readonly string[]).includes(taskKind)
            ? t(`timeline.task.${taskKind as TaskKindWord}`)
            : t('timeline.task.other');
          const closedBy = textParam(e, 'closedBy');
          const assignee = textParam(e, 'assignee');
          return {
            title,
            detail: closedBy
              ? t('timeline.task.closedBy', { name: closedBy })
              : assignee
                ? t('timeline.task.assignee', { name: assignee })
                : null,
          };
        }
        if (isEnrollmentKind(kind)) {
          const offer = textParam(e, 'offerName') ?? t('timeline.theOffer');
          return { title: t(`timeline.kind.${kind}`, { offer }), detail: null };
        }
        // A kind a later step added before this page learnt its words: say what it is about.
        return { title: t('timeline.kind.other', { category: t(`category.${e.category}`) }), detail: null };
      }
    }
  };
}

const referralStatuses = ['requested', 'received', 'accepted', 'rejected', 'completed'] as const;
const isReferralStatus = (s: string): s is (typeof referralStatuses)[number] =>
  (referralStatuses as readonly string[]).includes(s);

/** Task kinds the timeline has words for (the server's `task_<kind>` entries, staff only). */
const taskKinds = [
  'visit_due',
  'plan_pregnancy_visit',
  'self_harm_alert',
  'epds_repeat',
  'epds_referral',
  'adbb_repeat',
  'course_dropout_risk',
  'referral_unacknowledged',
  'assign_coordinator',
  'consent_expiring',
] as const;
type TaskKindWord = (typeof taskKinds)[number];

function EntryItem({ entry, audience }: { entry: TimelineEntry; audience: Audience }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useEntryWords()(entry);
  // A referral's badge is its own status ("Accepteret"): the general one would call an accepted
  // referral "Afsluttet", and "Nu" says nothing about what the receiver has done.
  const referral = entry.kind === 'referral' ? textParam(entry, 'referralStatus') : null;
  const referralStatus = referral && isReferralStatus(referral) ? referral : null;
  const status = referralStatus
    ? t(`timeline.referralStatus.${referralStatus}`)
    : audience === 'parent'
      ? t(`timeline.statusParent.${entry.status}`)
      : t(`timeline.status.${entry.status}`);
  // Parents see a passed date calmly; staff see it as overdue, because someone must act.
  const tone =
    referralStatus === 'accepted' || (audience === 'parent' && entry.status === 'overdue')
      ? 'badge-info'
      : badge[entry.status];
  return (
    <li className={`fs-timeline-item fs-timeline-item--${entry.status}`}>
      <p className="fs-timeline-date">
        {entry.date ? (
          <time dateTime={entry.date}>{fmt.date(entry.date)}</time>
        ) : entry.window ? (
          <time dateTime={entry.window.start}>{fmt.dateRange(entry.window.start, entry.window.end)}</time>
        ) : null}
      </p>
      <p className="fs-timeline-title">{words.title}</p>
      {words.detail ? <p className="fs-timeline-detail">{words.detail}</p> : null}
      <p className="fs-timeline-meta">
        {/* Under "Det er sket" a "done" badge says nothing, and on a sign-up or a consent it reads
            as if the course or the consent had ended; cancelled and referral badges still show. */}
        {entry.status === 'done' && !referralStatus ? null : (
          <span className={`badge ${tone}`}>{status}</span>
        )}
        <span className="fs-muted">{entry.organisation.name}</span>
      </p>
    </li>
  );
}

/** How many entries a group shows before "Vis alle": a course's sessions can fill a phone screen. */
const shortList = 5;

function Group({
  id,
  heading,
  entries,
  audience,
  past,
  Heading,
}: {
  id: string;
  heading: string;
  entries: readonly TimelineEntry[];
  audience: Audience;
  past: boolean;
  Heading: 'h2' | 'h3';
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? entries : entries.slice(0, shortList);
  return (
    <>
      <Heading id={id}>{heading}</Heading>
      <ol id={`${id}-list`} className={`fs-timeline${past ? ' fs-timeline--past' : ''}`} aria-labelledby={id}>
        {shown.map((e) => (
          <EntryItem key={e.id} entry={e} audience={audience} />
        ))}
      </ol>
      {entries.length > shortList ? (
        <p className="fs-timeline-more">
          {/* A toggle, so focus stays on it and the list can be shortened again. */}
          <button
            type="button"
            className="function-link"
            onClick={() => setAll((a) => !a)}
            aria-expanded={all}
            aria-controls={`${id}-list`}
          >
            {all
              ? t('timeline.showFewer')
              : t('timeline.showAll', { count: entries.length, n: entries.length })}
          </button>
        </p>
      ) : null}
    </>
  );
}

/**
 * The red thread as a vertical list: what is coming, then what has happened. Each entry has
 * its date, what it is, a status tag and the organisation behind it.
 */
export function Timeline({
  entries,
  audience,
  headingLevel,
}: {
  entries: readonly TimelineEntry[];
  audience: Audience;
  headingLevel: 2 | 3;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { coming, past } = groupTimeline(entries);
  if (entries.length === 0) return <p>{t('timeline.empty')}</p>;
  return (
    <div className="fs-timeline-groups">
      {coming.length > 0 ? (
        <Group
          id={`${audience}-timeline-coming`}
          heading={t('timeline.coming')}
          entries={coming}
          audience={audience}
          past={false}
          Heading={Heading}
        />
      ) : null}
      {past.length > 0 ? (
        <Group
          id={`${audience}-timeline-past`}
          heading={t('timeline.past')}
          entries={past}
          audience={audience}
          past
          Heading={Heading}
        />
      ) : null}
    </div>
  );
}
