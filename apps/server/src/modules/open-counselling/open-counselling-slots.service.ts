import type {
  CreateOpenCounsellingSlotBody,
  ListOpenCounsellingSlotsQuery,
  OrganisationOpenCounsellingSlot,
  OrganisationOpenCounsellingSlots,
  PublicOpenCounsellingSlot,
  PublicOpenCounsellingSlots,
} from '@familiespor/contracts';
import {
  checkCounsellingSlot,
  copenhagenDate,
  type IsoWeekday,
  nextSlotOccurrences,
} from '@familiespor/domain';
import { danishDaysOff } from '@familiespor/domain/working-days';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import type { Tx } from '../../db/scope';
import { ConflictError, type FieldError, ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { requireOwnRole, slotKeepers } from './open-counselling-access';
import * as repo from './open-counselling-slots.repo';

type Counsellor = Awaited<ReturnType<typeof repo.counsellorsOf>>[number];

/** The public page shows a counsellor's given name only: "Louise", not "Louise Berg". */
const givenName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

function toPublic(r: repo.SlotRow, counsellors: readonly Counsellor[], now: Date, dates: number) {
  const slot = {
    weekday: r.weekday as IsoWeekday,
    startTime: r.start_time.slice(0, 5),
    endTime: r.end_time.slice(0, 5),
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
  const onDuty = counsellors.filter((c) => c.slot_id === r.id && c.active);
  return {
    id: r.id,
    organisation: { id: r.org_id, name: r.org_name },
    offer: r.offer_id && r.offer_name ? { id: r.offer_id, name: r.offer_name } : null,
    ...slot,
    walkIn: r.walk_in,
    placeName: r.place_name,
    address: r.street && r.postcode ? { street: r.street, postcode: r.postcode, city: r.city } : null,
    phone: r.phone,
    chatUrl: r.chat_url,
    languages: r.languages,
    publicNote: r.public_note,
    counsellors: onDuty.map((c) => givenName(c.name)),
    next: nextSlotOccurrences(slot, now, dates, danishDaysOff),
  } satisfies PublicOpenCounsellingSlot;
}

function toOrganisationSlot(
  r: repo.SlotRow,
  counsellors: readonly Counsellor[],
  now: Date,
): OrganisationOpenCounsellingSlot {
  const today = copenhagenDate(now);
  // Ended: its last day has passed, or it was ended before its first day (never held).
  const ended = r.valid_to !== null && (r.valid_to < today || r.valid_to < r.valid_from);
  return {
    ...toPublic(r, counsellors, now, 4),
    counsellorsOnDuty: counsellors.filter((c) => c.slot_id === r.id).map((c) => ({ id: c.id, name: c.name })),
    municipalityIds: r.municipality_ids,
    status: ended ? 'ended' : r.valid_from > today ? 'upcoming' : 'active',
    endedAt: r.ended_at?.toISOString() ?? null,
  };
}

/**
 * The drop-in's opening hours for everyone, no login: the next dates of each slot still held,
 * public holidays marked closed. Directory data (the counsellors' given names), not personal
 * data about a family: nothing is audited.
 */
export async function listOpenCounsellingSlots(
  deps: Deps,
  ctx: RequestContext,
  q: ListOpenCounsellingSlotsQuery,
): Promise<PublicOpenCounsellingSlots> {
  return runUseCase(deps, ctx, async (tx) => {
    const today = copenhagenDate(ctx.now);
    let municipalityIds: string[] | undefined;
    if (q.municipalityId) municipalityIds = [q.municipalityId];
    if (q.postcode)
      municipalityIds = [...(municipalityIds ?? []), ...(await repo.municipalityOfPostcode(tx, q.postcode))];
    const rows = await repo.listCurrentSlots(tx, {
      today,
      ...(municipalityIds ? { municipalityIds } : {}),
      ...(q.postcode ? { postcode: q.postcode } : {}),
    });
    const counsellors = await repo.counsellorsOf(
      tx,
      rows.map((r) => r.id),
    );
    // The filter offers every municipality a slot serves, whatever is chosen now.
    const served = municipalityIds ? await repo.listCurrentSlots(tx, { today }) : rows;
    const municipalities = await repo.organisationNames(tx, [
      ...new Set(served.flatMap((r) => r.municipality_ids)),
    ]);
    return {
      slots: rows.map((r) => toPublic(r, counsellors, ctx.now, q.dates)),
      municipalities,
    };
  });
}

async function organisationSlots(
  tx: Tx,
  orgId: string,
  now: Date,
): Promise<OrganisationOpenCounsellingSlots> {
  const rows = await repo.listOrganisationSlots(tx, orgId);
  const counsellors = await repo.counsellorsOf(
    tx,
    rows.map((r) => r.id),
  );
  return {
    slots: rows.map((r) => toOrganisationSlot(r, counsellors, now)),
    counsellors: await repo.activeStaffOf(tx, orgId),
    offers: await repo.openCounsellingOffersOf(tx, orgId),
  };
}

/** "Åbningstider": the organisation's slots, ended ones too, and who can be on duty. */
export async function listOrganisationOpenCounsellingSlots(
  deps: Deps,
  ctx: RequestContext,
): Promise<OrganisationOpenCounsellingSlots> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireOwnRole(ctx, slotKeepers, { attempted: 'read', entityType: 'open_counselling_slot' });
    return organisationSlots(tx, p.orgId, ctx.now);
  });
}

async function oneSlot(tx: Tx, slotId: string, now: Date) {
  const row = await repo.findSlot(tx, slotId);
  if (!row) throw new NotFoundError('The slot');
  return toOrganisationSlot(row, await repo.counsellorsOf(tx, [slotId]), now);
}

/** A new weekly slot of the user's organisation; published on the public page from its first day. */
export async function createOpenCounsellingSlot(
  deps: Deps,
  ctx: RequestContext,
  body: CreateOpenCounsellingSlotBody,
): Promise<OrganisationOpenCounsellingSlot> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireOwnRole(ctx, slotKeepers, { attempted: 'create', entityType: 'open_counselling_slot' });
    const today = copenhagenDate(ctx.now);
    const street = body.street || null;
    const postcode = body.postcode || null;
    const errors: FieldError[] = checkCounsellingSlot(
      {
        weekday: body.weekday,
        startTime: body.startTime,
        endTime: body.endTime,
        validFrom: body.validFrom,
        validTo: body.validTo ?? null,
        walkIn: body.walkIn,
        street,
        postcode,
        phone: body.phone || null,
        chatUrl: body.chatUrl || null,
      },
      today,
    );
    if (body.offerId) {
      const offers = await repo.openCounsellingOffersOf(tx, p.orgId);
      if (!offers.some((o) => o.id === body.offerId))
        errors.push({
          path: 'offerId',
          code: 'unknown_offer',
          message: 'Not an active open counselling offer of your organisation',
        });
    }
    const staff = new Set((await repo.activeStaffOf(tx, p.orgId)).map((s) => s.id));
    for (const [i, id] of body.counsellorIds.entries()) {
      if (!staff.has(id))
        errors.push({
          path: `counsellorIds.${i}`,
          code: 'unknown_counsellor',
          message: 'Not an active counsellor of your organisation',
        });
    }
    let municipalityIds = await repo.servedMunicipalities(tx, p.orgId);
    if (body.municipalityIds) {
      const known = new Set((await repo.findMunicipalities(tx, body.municipalityIds)).map((m) => m.id));
      for (const [i, id] of body.municipalityIds.entries()) {
        if (!known.has(id))
          errors.push({
            path: `municipalityIds.${i}`,
            code: 'unknown_municipality',
            message: 'No such municipality',
          });
      }
      municipalityIds = [...new Set(body.municipalityIds)];
    }
    if (errors.length > 0) throw new InputError('The slot has invalid fields', errors);

    const { id } = await repo.insertSlot(tx, {
      org_id: p.orgId,
      offer_id: body.offerId ?? null,
      weekday: body.weekday,
      start_time: body.startTime,
      end_time: body.endTime,
      walk_in: body.walkIn,
      place_name: body.placeName,
      street,
      postcode,
      city: body.city || null,
      phone: body.phone || null,
      chat_url: body.chatUrl || null,
      languages: [...new Set(body.languages)],
      municipality_ids: municipalityIds,
      public_note: body.publicNote,
      valid_from: body.validFrom,
      valid_to: body.validTo ?? null,
      created_by: p.userId,
      created_at: ctx.now,
    });
    await repo.insertCounsellors(tx, p.orgId, id, [...new Set(body.counsellorIds)]);
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'open_counselling_slot',
      entityId: id,
      detail: { weekday: body.weekday, counsellors: body.counsellorIds.length },
    });
    return oneSlot(tx, id, ctx.now);
  });
}

/**
 * The slot is held for the last time on `lastDay` (today or later); it stays in the list as
 * ended. Ending a slot that has not started yet leaves it with no day at all.
 */
export async function endOpenCounsellingSlot(
  deps: Deps,
  ctx: RequestContext,
  slotId: string,
  lastDay: string,
): Promise<OrganisationOpenCounsellingSlot> {
  return runUseCase(deps, ctx, async (tx) => {
    const attempt = { attempted: 'update', entityType: 'open_counselling_slot', entityId: slotId } as const;
    const p = requireOwnRole(ctx, slotKeepers, attempt);
    const slot = await repo.findSlot(tx, slotId);
    if (!slot) throw new NotFoundError('The slot');
    if (slot.org_id !== p.orgId)
      throw new ForbiddenError({ ...attempt, dataOrgId: slot.org_id, reason: 'another organisation’s slot' });
    if (lastDay < copenhagenDate(ctx.now))
      throw new InputError('The last day has passed', [
        { path: 'lastDay', code: 'in_the_past', message: 'Choose today or a later day' },
      ]);
    if (slot.ended_at) throw new ConflictError('The slot has been ended already');
    if (slot.valid_to !== null && lastDay > slot.valid_to)
      throw new InputError('The slot ends before that day already', [
        { path: 'lastDay', code: 'after_last_day', message: `The slot ends on ${slot.valid_to} already` },
      ]);
    const done = await repo.endSlot(tx, slotId, lastDay, p.userId, ctx.now);
    if (!done) throw new ConflictError('The slot has been ended already');
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'open_counselling_slot',
      entityId: slotId,
      detail: { lastDay },
    });
    return oneSlot(tx, slotId, ctx.now);
  });
}
