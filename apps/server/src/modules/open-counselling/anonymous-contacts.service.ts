import type {
  AnonymousContact,
  AnonymousContactPage,
  BridgeOffer,
  LogAnonymousContactBody,
} from '@familiespor/contracts';
import {
  type ChildAgeBand,
  type ContactOutcome,
  type CounsellingTopic,
  copenhagenDate,
  daysBetween,
  findIdentifiers,
  type IdentifierKind,
} from '@familiespor/domain';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { type FieldError, InputError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import * as repo from './anonymous-contacts.repo';
import { contactLoggers, contactReaders, requireOwnRole } from './open-counselling-access';
import { servedMunicipalities } from './open-counselling-slots.repo';

/** A contact is logged the same day or a little later — a busy Wednesday is written up on Friday. */
export const contactLogWindowDays = 31;

/**
 * The refusal a counsellor reads at the field, in Danish first: what was found and why it may
 * not be written. The web app shows the same words in the user's language by the code.
 */
const identifierMessages: Record<IdentifierKind, string> = {
  cpr: 'Teksten ser ud til at indeholde et CPR-nummer. Rådgivningen er anonym — skriv ikke CPR-nummer, telefonnummer eller e-mail.',
  phone:
    'Teksten ser ud til at indeholde et telefonnummer. Rådgivningen er anonym — skriv ikke CPR-nummer, telefonnummer eller e-mail.',
  email:
    'Teksten ser ud til at indeholde en e-mailadresse. Rådgivningen er anonym — skriv ikke CPR-nummer, telefonnummer eller e-mail.',
};

/** The field errors for identifiers in a free text: one per kind found. */
export function identifierErrors(path: string, text: string): FieldError[] {
  return findIdentifiers(text).map((kind) => ({
    path,
    code: `contains_${kind}`,
    message: identifierMessages[kind],
  }));
}

export const signUpPath = (offerId: string) => `/portal/tilbud/${offerId}`;

function toContact(r: repo.ContactRow): AnonymousContact {
  return {
    id: r.id,
    contactDate: r.contact_date,
    slotId: r.slot_id,
    channel: r.channel,
    who: r.who,
    childAgeBand: r.child_age_band as ChildAgeBand,
    topics: r.topics as CounsellingTopic[],
    durationMinutes: r.duration_minutes,
    outcomes: r.outcomes as ContactOutcome[],
    offer:
      r.offer_id && r.offer_name
        ? { id: r.offer_id, name: r.offer_name, signUpPath: signUpPath(r.offer_id) }
        : null,
    note: r.note,
  };
}

/**
 * "Log en samtale": one anonymous conversation, for the organisation's statistics. Refused with
 * field errors, nothing written, when the note holds a CPR number, a phone number or an e-mail
 * address (the database refuses the same text: migration 0015).
 *
 * The audit event records that the counsellor wrote to the organisation's log, and nothing that
 * ties it to the row: no contact id, no slot, no content. The row has no author and no time, so
 * neither the row nor the event can join a conversation to a referral the same counsellor makes
 * a minute later (docs/open-counselling.md: "Anonymous by construction").
 */
export async function logAnonymousContact(
  deps: Deps,
  ctx: RequestContext,
  body: LogAnonymousContactBody,
): Promise<AnonymousContact> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireOwnRole(ctx, contactLoggers, { attempted: 'create', entityType: 'anonymous_contact' });
    const today = copenhagenDate(ctx.now);
    const contactDate = body.contactDate ?? today;
    const topics = [...new Set(body.topics)];
    const outcomes = [...new Set(body.outcomes)];
    const note = body.note?.trim() || null;
    const errors: FieldError[] = [];
    if (contactDate > today)
      errors.push({
        path: 'contactDate',
        code: 'in_future',
        message: 'The conversation cannot be later than today',
      });
    else if (daysBetween(contactDate, today) > contactLogWindowDays)
      errors.push({
        path: 'contactDate',
        code: 'too_old',
        message: `Log a conversation within ${contactLogWindowDays} days`,
      });
    if (body.slotId && !(await repo.slotOfOrganisation(tx, body.slotId, p.orgId)))
      errors.push({ path: 'slotId', code: 'unknown_slot', message: 'Not a slot of your organisation' });
    if (body.offerId) {
      const offer = await repo.findOffer(tx, body.offerId);
      if (!offer?.active)
        errors.push({ path: 'offerId', code: 'unknown_offer', message: 'No active offer has this id' });
      if (!outcomes.includes('pointed_to_offer'))
        errors.push({
          path: 'offerId',
          code: 'offer_without_outcome',
          message: 'Name an offer only when the outcome is "pointed to an offer"',
        });
    }
    if (note) errors.push(...identifierErrors('note', note));
    if (errors.length > 0) throw new InputError('The conversation has invalid fields', errors);

    const { id } = await repo.insertContact(tx, {
      org_id: p.orgId,
      slot_id: body.slotId ?? null,
      offer_id: body.offerId ?? null,
      contact_date: contactDate,
      channel: body.channel,
      who: body.who,
      child_age_band: body.childAgeBand,
      topics,
      duration_minutes: body.durationMinutes,
      outcomes,
      note,
    });
    await writeAudit(tx, ctx, { action: 'create', entityType: 'anonymous_contact' });
    return toContact(await repo.findContact(tx, id));
  });
}

/**
 * The organisation's latest conversations, newest day first: what the counsellors see of their
 * log. The audit event counts them and names none — a list read right after a conversation was
 * logged would otherwise tie the new id to that minute.
 */
export async function listAnonymousContacts(
  deps: Deps,
  ctx: RequestContext,
  page: { limit: number; offset: number },
): Promise<AnonymousContactPage> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireOwnRole(ctx, contactReaders, { attempted: 'read', entityType: 'anonymous_contact' });
    const { total, rows } = await repo.listContacts(tx, p.orgId, page);
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'anonymous_contact',
      purpose: 'open_counselling_log',
      detail: { count: rows.length },
    });
    return { total, items: rows.map(toContact) };
  });
}

/**
 * The offers a counsellor can point a parent to, each with the link the parent signs up on in
 * the portal. The catalogue is public information: nothing is audited.
 */
export async function listBridgeOffers(deps: Deps, ctx: RequestContext): Promise<BridgeOffer[]> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireOwnRole(ctx, contactLoggers, { attempted: 'read', entityType: 'offer' });
    const municipalities = await servedMunicipalities(tx, p.orgId);
    const rows = await repo.bridgeOffers(tx, p.orgId, municipalities);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      organisation: { id: r.org_id, name: r.org_name },
      kind: r.kind,
      referralOnly: r.referral_only,
      signUpPath: signUpPath(r.id),
    }));
  });
}
