import { createHash, randomBytes } from 'node:crypto';
import type { networkMembers } from '@familiespor/contracts';
import type { z } from 'zod';
import type { ParentPrincipal, RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, inScope } from '../../db/scope';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import * as calendar from './calendar.repo';
import * as repo from './cohorts.repo';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function parentOf(ctx: RequestContext, entityType: string): ParentPrincipal & { familyId: string } {
  const p = ctx.principal;
  if (p?.kind !== 'parent' || !p.familyIds[0])
    throw new ForbiddenError({ attempted: 'read', entityType, reason: 'parents only' });
  return { ...p, familyId: p.familyIds[0] };
}

/**
 * A personal calendar address that phone calendars subscribe to. Only its hash is stored, so a
 * new address is made each time and the old one stops working: that is also how it is revoked.
 */
export async function getCalendarFeedUrl(deps: Deps, ctx: RequestContext, origin: string) {
  return runUseCase(deps, ctx, async (tx) => {
    const p = parentOf(ctx, 'calendar_feed');
    const token = randomBytes(24).toString('base64url');
    await asSystem(tx, async () => {
      await calendar.revokeFeeds(tx, p.personId, p.familyId, ctx.now);
      await calendar.insertFeed(tx, {
        person_id: p.personId,
        family_id: p.familyId,
        token_hash: hashToken(token),
        created_at: ctx.now,
      });
    });
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'calendar_feed',
      familyId: p.familyId,
      personId: p.personId,
    });
    return { url: `${origin}/api/calendar/${token}.ics`, createdAt: ctx.now.toISOString() };
  });
}

export async function revokeCalendarFeed(deps: Deps, ctx: RequestContext) {
  await runUseCase(deps, ctx, async (tx) => {
    const p = parentOf(ctx, 'calendar_feed');
    await asSystem(tx, () => calendar.revokeFeeds(tx, p.personId, p.familyId, ctx.now));
    await writeAudit(tx, ctx, {
      action: 'delete',
      entityType: 'calendar_feed',
      familyId: p.familyId,
      personId: p.personId,
    });
  });
}

/** iCalendar text: escape per RFC 5545 §3.3.11 and fold lines at 75 octets. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), bytes.length);
    while (end < bytes.length && ((bytes[end] as number) & 0xc0) === 0x80) end--; // never split a UTF-8 character
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts.join('\r\n ');
}
const stamp = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/** The family's sessions as an iCalendar feed; an unknown or revoked address is 404. */
export async function calendarFeed(deps: Deps, ctx: RequestContext, token: string): Promise<string> {
  return inScope(deps.db, { kind: 'system' }, async (tx) => {
    const feed = await calendar.findFeed(tx, hashToken(token));
    if (!feed || feed.revoked_at) throw new NotFoundError('The calendar');
    const sessions = await repo.listSessions(tx, { familyId: feed.family_id });
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'calendar_feed',
      entityId: feed.id,
      familyId: feed.family_id,
      personId: feed.person_id,
      orgId: feed.org_id,
      purpose: 'calendar_subscription',
      detail: { sessions: sessions.length },
    });
    const lines = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Familiespor//Mine aftaler//DA',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Familiespor',
      'X-WR-TIMEZONE:Europe/Copenhagen',
      ...sessions.flatMap((s) => [
        'BEGIN:VEVENT',
        `UID:${s.id}@familiespor`,
        `DTSTAMP:${stamp(ctx.now)}`,
        `DTSTART:${stamp(s.starts_at)}`,
        `DTEND:${stamp(s.ends_at)}`,
        `SUMMARY:${text(`${s.offer_name}: ${s.title}`)}`,
        `LOCATION:${text(s.place)}`,
        `DESCRIPTION:${text(`Gang ${s.number}${s.facilitator_name ? ` med ${s.facilitator_name}` : ''}`)}`,
        `STATUS:${s.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
        'END:VEVENT',
      ]),
      'END:VCALENDAR',
    ];
    return `${lines.map(fold).join('\r\n')}\r\n`;
  });
}

/**
 * After the course the cohort goes on as a parent network. Each parent chooses whether the
 * others may see their name and their phone and e-mail; only those who take part see the list.
 */
export async function setNetworkChoice(
  deps: Deps,
  ctx: RequestContext,
  cohortId: string,
  choice: { shareName: boolean; shareContact: boolean },
): Promise<z.infer<typeof networkMembers>> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = parentOf(ctx, 'network_member');
    const cohort = await asSystem(tx, () => calendar.cohortOfFamily(tx, cohortId, p.familyId));
    if (!cohort)
      throw new ForbiddenError({
        attempted: 'write',
        entityType: 'network_member',
        entityId: cohortId,
        reason: 'not the family’s cohort',
      });
    const ended =
      cohort.status !== 'running' || (cohort.last_session && new Date(cohort.last_session) <= ctx.now);
    if (!ended) throw new ConflictError('The parent network opens when the course has ended');
    if (choice.shareContact && !choice.shareName) {
      throw new InputError('Share your name too if you share how to reach you', [
        {
          path: 'shareName',
          code: 'required_with_contact',
          message: 'The others need your name to use your number',
        },
      ]);
    }
    await asSystem(tx, () =>
      calendar.upsertNetworkMember(tx, {
        cohort_id: cohortId,
        person_id: p.personId,
        org_id: cohort.org_id,
        share_name: choice.shareName,
        share_contact: choice.shareContact,
        updated_at: ctx.now,
      }),
    );
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'network_member',
      entityId: cohortId,
      personId: p.personId,
      detail: choice,
    });
    return readNetwork(tx, cohortId, p.personId);
  });
}

export async function getNetwork(deps: Deps, ctx: RequestContext, cohortId: string) {
  return runUseCase(deps, ctx, async (tx) => {
    const p = parentOf(ctx, 'network_member');
    const cohort = await asSystem(tx, () => calendar.cohortOfFamily(tx, cohortId, p.familyId));
    if (!cohort)
      throw new ForbiddenError({
        attempted: 'read',
        entityType: 'network_member',
        entityId: cohortId,
        reason: 'not the family’s cohort',
      });
    const network = await readNetwork(tx, cohortId, p.personId);
    // Other parents' names and numbers are personal data: their reading is audited.
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'network_member',
      entityId: cohortId,
      personId: p.personId,
      orgId: cohort.org_id,
      detail: { members: network.members.length },
    });
    return network;
  });
}

async function readNetwork(tx: Parameters<typeof calendar.networkOf>[0], cohortId: string, personId: string) {
  const members = await asSystem(tx, () => calendar.networkOf(tx, cohortId));
  const me = members.find((m) => m.person_id === personId);
  const takesPart = Boolean(me?.share_name);
  return {
    cohortId,
    you: me ? { shareName: me.share_name, shareContact: me.share_contact } : null,
    members: takesPart
      ? members
          .filter((m) => m.person_id !== personId && m.share_name)
          .map((m) => ({
            name: `${m.given_name} ${m.family_name}`,
            phone: m.share_contact ? m.phone : null,
            email: m.share_contact ? m.email : null,
          }))
      : [],
  };
}
