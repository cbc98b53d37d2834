import { referralUnacknowledgedKey } from '../referrals/referral-status';
import type { EpdsFollowUp } from '../screening/epds';
import { addDays, daysBetween } from '../time/calendar';
import type { PlannedVisit } from '../visits/visit-programme';

/**
 * Tasks from rules (DESIGN §5, §9). A rule is a pure function of the family's state and the
 * day; every draft carries a key, so running the rules again — after each change and nightly —
 * creates nothing twice.
 */
export const taskKinds = [
  'visit_due',
  'self_harm_alert',
  'epds_repeat',
  'epds_referral',
  'adbb_repeat',
  'assign_coordinator',
  'consent_expiring',
  'plan_pregnancy_visit',
  'course_dropout_risk',
  'referral_unacknowledged',
] as const;
export type TaskKind = (typeof taskKinds)[number];

/**
 * Tasks that cannot wait for the worklist's order by due date: the item-10 alert is a call the
 * same day, so it sits above everything else, overdue or not.
 */
export const alertTaskKinds: readonly TaskKind[] = ['self_harm_alert'];
export function isAlertTask(kind: string): boolean {
  return (alertTaskKinds as readonly string[]).includes(kind);
}

/**
 * How far ahead a planned visit becomes a task, and how long an overdue one stays one. Exported
 * so that the nightly run can fetch only the visits the rule can use, not every child's plan.
 */
export const visitDueHorizon = { daysAhead: 14, daysOverdue: 30 } as const;

export type Assignee = { userId: string } | { unitId: string };
export type TaskDraft = {
  key: string;
  kind: TaskKind;
  familyId: string;
  assignee: Assignee;
  window: { start: string; due: string; end: string };
  reason: string;
  rule: string;
  /** The organisation the task belongs to when it is not the family's (a referral's sender or receiver). */
  orgId?: string;
};

export type FamilySnapshot = {
  familyId: string;
  orgId: string;
  districtUnitId: string | null;
  coordinatorUserId: string | null;
  /** When the family got its first open involvement; null when nobody works with it. */
  openInvolvementSince: string | null;
  children: {
    personId: string;
    visits: (PlannedVisit & { status: 'planned' | 'done' | 'missed' | 'cancelled' })[];
  }[];
  screenings: {
    id: string;
    takenOn: string;
    respondentId: string;
    followUps: (
      | EpdsFollowUp
      | { kind: 'adbb_repeat'; window: { start: string; due: string; end: string } }
    )[];
    /** A later screening of the same respondent and instrument has been done. */
    superseded: boolean;
  }[];
  consents: { id: string; validTo: string | null; withdrawn: boolean }[];
  /** Referrals for the family not yet acknowledged by their receiver (the referral module's). */
  referrals?: {
    id: string;
    senderOrgId: string;
    senderUserId: string;
    receiverOrgId: string;
    receivingUnitId: string | null;
    ackDueOn: string;
  }[];
};

export type TaskRule = (family: FamilySnapshot, today: string) => TaskDraft[];

/** Whom a family task goes to: its coordinator, else its district's health visitors. */
function assignee(f: FamilySnapshot): Assignee | null {
  if (f.coordinatorUserId) return { userId: f.coordinatorUserId };
  if (f.districtUnitId) return { unitId: f.districtUnitId };
  return null;
}

/** The key of a planned visit's task: recording the visit settles the task with this key. */
export function visitDueKey(childPersonId: string, visitKey: string): string {
  return `visit_due:${childPersonId}:${visitKey}`;
}

/** Visits whose window opens within two weeks and that are not done. */
export const visitDue: TaskRule = (f, today) => {
  const to = f.districtUnitId ? { unitId: f.districtUnitId } : assignee(f);
  if (!to) return [];
  return f.children.flatMap((c) =>
    c.visits
      .filter(
        (v) =>
          v.status === 'planned' &&
          daysBetween(today, v.start) <= visitDueHorizon.daysAhead &&
          v.end >= addDays(today, -visitDueHorizon.daysOverdue),
      )
      .map((v) => ({
        key: visitDueKey(c.personId, v.key),
        kind: 'visit_due' as const,
        familyId: f.familyId,
        assignee: f.coordinatorUserId ? { userId: f.coordinatorUserId } : to,
        window: { start: v.start, due: v.due, end: v.end },
        reason: v.name,
        rule: 'visit_due',
      })),
  );
};

/**
 * The key of a screening follow-up for one assignee. The item-10 alert is written once per
 * assignee (`:u:` the coordinator, `:g:` the district unit); the part before the suffix names the
 * follow-up itself, which is how one copy finds the others.
 */
export function screeningFollowUpKey(kind: TaskKind, screeningId: string, a: Assignee): string {
  return `${kind}:${screeningId}:${'userId' in a ? `u:${a.userId}` : `g:${a.unitId}`}`;
}

/** The follow-up a per-assignee key belongs to (the key without `:u:…`/`:g:…`); null for other keys. */
export function followUpOfKey(key: string): string | null {
  const m = /^(.+):[ug]:[^:]+$/.exec(key);
  return m?.[1] ?? null;
}

/** The key of a pregnancy's task to plan the pregnancy visit: the birth settles it. */
export function pregnancyVisitKey(pregnancyId: string): string {
  return `plan_pregnancy_visit:${pregnancyId}`;
}

/** Screening follow-ups: the item-10 alert goes to the coordinator and the district at once. */
export const screeningFollowUp: TaskRule = (f) => {
  const out: TaskDraft[] = [];
  for (const s of f.screenings) {
    for (const fu of s.followUps) {
      // A repeat is not needed once a later screening has been done; an alert always is.
      if (s.superseded && fu.kind !== 'self_harm_alert') continue;
      const reason =
        fu.kind === 'self_harm_alert'
          ? 'EPDS spørgsmål 10: tanker om at skade sig selv — tag kontakt i dag'
          : fu.kind === 'epds_repeat'
            ? 'EPDS over grænseværdien: gentag om 2–3 uger'
            : fu.kind === 'epds_referral'
              ? 'EPDS fortsat over grænseværdien: henvis'
              : 'ADBB 5 eller derover: observér igen inden for 1–2 uger';
      const targets: Assignee[] =
        fu.kind === 'self_harm_alert'
          ? [
              ...(f.coordinatorUserId ? [{ userId: f.coordinatorUserId }] : []),
              ...(f.districtUnitId ? [{ unitId: f.districtUnitId }] : []),
            ]
          : (() => {
              const a = assignee(f);
              return a ? [a] : [];
            })();
      for (const a of targets) {
        out.push({
          key: screeningFollowUpKey(fu.kind, s.id, a),
          kind: fu.kind,
          familyId: f.familyId,
          assignee: a,
          window: fu.window,
          reason,
          rule: 'screening_follow_up',
        });
      }
    }
  }
  return out;
};

/** A family someone works with but nobody coordinates, for more than a week: between chairs. */
export const coordinatorMissing: TaskRule = (f, today) => {
  if (f.coordinatorUserId || !f.openInvolvementSince || !f.districtUnitId) return [];
  if (daysBetween(f.openInvolvementSince, today) < 7) return [];
  return [
    {
      key: `assign_coordinator:${f.familyId}:${f.openInvolvementSince}`,
      kind: 'assign_coordinator',
      familyId: f.familyId,
      assignee: { unitId: f.districtUnitId },
      window: { start: today, due: addDays(today, 3), end: addDays(today, 14) },
      reason: 'Familien har ingen tovholder',
      rule: 'coordinator_missing',
    },
  ];
};

/** A consent that ends within 30 days: ask the family whether to renew it. */
export const consentExpiring: TaskRule = (f, today) => {
  const a = assignee(f);
  if (!a) return [];
  return f.consents
    .filter((c) => !c.withdrawn && c.validTo && c.validTo >= today && daysBetween(today, c.validTo) <= 30)
    .map((c) => ({
      key: `consent_expiring:${c.id}`,
      kind: 'consent_expiring' as const,
      familyId: f.familyId,
      assignee: a,
      window: {
        start: today,
        due: addDays(c.validTo as string, -7) < today ? today : addDays(c.validTo as string, -7),
        end: c.validTo as string,
      },
      reason: 'Et samtykke udløber snart: spørg familien, om det skal fornyes',
      rule: 'consent_expiring',
    }));
};

/**
 * A referral nobody has acknowledged by its deadline must not vanish: the sender is to chase it
 * and the receiving unit to acknowledge it, each in their own organisation. Acknowledging closes
 * both (the referral module does, by these keys).
 */
export const referralUnacknowledged: TaskRule = (f, today) =>
  (f.referrals ?? [])
    .filter((r) => today > r.ackDueOn)
    .flatMap((r) => {
      const window = {
        start: addDays(r.ackDueOn, 1),
        due: addDays(r.ackDueOn, 1),
        end: addDays(r.ackDueOn, 15),
      };
      const drafts: TaskDraft[] = [
        {
          key: referralUnacknowledgedKey(r.id, 'sender'),
          kind: 'referral_unacknowledged',
          familyId: f.familyId,
          assignee: { userId: r.senderUserId },
          window,
          reason: 'Henvisningen er ikke kvitteret inden fristen: følg op hos modtageren',
          rule: 'referral_unacknowledged',
          orgId: r.senderOrgId,
        },
      ];
      if (r.receivingUnitId) {
        drafts.push({
          key: referralUnacknowledgedKey(r.id, 'receiver'),
          kind: 'referral_unacknowledged',
          familyId: f.familyId,
          assignee: { unitId: r.receivingUnitId },
          window,
          reason: 'En henvisning venter på kvittering: fristen er overskredet',
          rule: 'referral_unacknowledged',
          orgId: r.receiverOrgId,
        });
      }
      return drafts;
    });

export const taskRules: readonly TaskRule[] = [
  visitDue,
  screeningFollowUp,
  coordinatorMissing,
  consentExpiring,
  referralUnacknowledged,
];

/** All rules for one family; drafts with the same key are one task. */
export function runTaskRules(
  f: FamilySnapshot,
  today: string,
  rules: readonly TaskRule[] = taskRules,
): TaskDraft[] {
  const byKey = new Map<string, TaskDraft>();
  for (const rule of rules) for (const d of rule(f, today)) if (!byKey.has(d.key)) byKey.set(d.key, d);
  return [...byKey.values()];
}
