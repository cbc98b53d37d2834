import type { AnonymousContact, AnonymousContactPage, BridgeOffer } from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditOfRequest, dayOnClock, deniedEventsOf } from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem } from '../../../test/http';
import {
  buildOpenCounsellingSetting,
  contactBody,
  contactsOf,
  type OpenCounsellingSetting,
} from '../../../test/open-counselling';

describeEachDatabase('open counselling: logAnonymousContact, listAnonymousContacts', (kind) => {
  let env: TestEnv;
  let s: OpenCounsellingSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildOpenCounsellingSetting(env);
  });
  afterAll(() => env?.close());

  const log = (body: Record<string, unknown>, session = s.sessions.ngo) =>
    session.request('POST', '/api/open-counselling/contacts', body);

  it('logs a conversation with the date only, and audits that it was logged — not which', async () => {
    const res = await log(contactBody({ topics: ['finances', 'divorce', 'finances'] }));
    expect(res.statusCode).toBe(201);
    const contact = res.json() as AnonymousContact;
    expect(contact).toMatchObject({
      contactDate: dayOnClock(env),
      channel: 'walk_in',
      who: 'mother',
      childAgeBand: 'under_1',
      topics: ['finances', 'divorce'], // a topic twice counts once
      durationMinutes: 35,
      outcomes: ['advice'],
      offer: null,
      slotId: null,
    });
    const rows = await contactsOf(env.database.db, s.ngo.id);
    const row = rows.find((r) => r.id === contact.id);
    expect(row).toBeDefined();
    // Nothing on the row says who wrote it or when in the day.
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        'channel',
        'child_age_band',
        'contact_date',
        'duration_minutes',
        'id',
        'note',
        'offer_id',
        'org_id',
        'outcomes',
        'slot_id',
        'topics',
        'who',
      ].sort(),
    );
    const [event, ...more] = await auditOfRequest(env.database.db, res);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      action: 'create',
      entity_type: 'anonymous_contact',
      entity_id: null,
      family_id: null,
      person_id: null,
      detail: null,
      actor_id: s.users.ngo.id,
    });
  });

  it('points a parent to an offer and gives the sign-up link; lists the offers to point to', async () => {
    const offers = (
      await s.sessions.ngo.request('GET', '/api/open-counselling/bridge-offers')
    ).json() as BridgeOffer[];
    const fathers = offers.find((o) => o.id === s.municipalOfferId);
    expect(fathers).toMatchObject({
      organisation: { id: s.municipality.id },
      signUpPath: `/portal/tilbud/${s.municipalOfferId}`,
    });
    expect(offers.some((o) => o.id === s.offerId)).toBe(true); // the NGO's own
    const res = await log(
      contactBody({ who: 'father', outcomes: ['advice', 'pointed_to_offer'], offerId: s.municipalOfferId }),
    );
    expect(res.statusCode).toBe(201);
    expect((res.json() as AnonymousContact).offer).toMatchObject({
      id: s.municipalOfferId,
      signUpPath: `/portal/tilbud/${s.municipalOfferId}`,
    });
  });

  it('lists the organisation’s conversations newest day first, to its counsellors and programme lead', async () => {
    await log(contactBody({ contactDate: dayOnClock(env, -3), topics: ['housing'], note: '' }));
    const page = (
      await s.more.colleague.request('GET', '/api/open-counselling/contacts?limit=100')
    ).json() as AnonymousContactPage;
    expect(page.total).toBeGreaterThanOrEqual(3);
    const dates = page.items.map((i) => i.contactDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(page.items.find((i) => i.topics.includes('housing'))?.note).toBeNull();
    const res = await s.more.ngoLead.request('GET', '/api/open-counselling/contacts');
    expect(res.statusCode).toBe(200);
    const [event] = await auditOfRequest(env.database.db, res);
    expect(event).toMatchObject({ action: 'read', entity_type: 'anonymous_contact', entity_id: null });
    expect(JSON.stringify(event?.detail)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/); // no contact ids
  });

  it('refuses other organisations, other roles and parents (403, audited as denied); nothing written', async () => {
    const before = (await contactsOf(env.database.db, s.ngo.id)).length;
    for (const [session, actorId] of [
      [s.more.otherHealthVisitor, s.users2.otherHealthVisitor.id],
      [s.sessions.healthVisitor, s.users.healthVisitor.id],
      [s.sessions.programmeLead, s.users.programmeLead.id],
      [s.more.ngoLead, s.users2.ngoLead.id], // reads the log and its statistics; logging is the counsellors'
    ] as const) {
      expectProblem(await log(contactBody(), session), 403, 'forbidden');
      const denied = await deniedEventsOf(env.database.db, actorId);
      expect(denied.at(-1)).toMatchObject({ entity_type: 'anonymous_contact', outcome: 'failure' });
    }
    // The list is always the user's own organisation's: there is no asking for the NGO's from outside.
    for (const session of [s.more.otherHealthVisitor, s.sessions.healthVisitor, s.more.ngoAnalyst])
      expectProblem(await session.request('GET', '/api/open-counselling/contacts'), 403, 'forbidden');
    expectProblem(await log(contactBody(), s.parent), 403, 'forbidden');
    expectProblem(await s.parent.request('GET', '/api/open-counselling/contacts'), 403, 'forbidden');
    const parentId = (s.parent.me.person as { id: string }).id;
    expect((await deniedEventsOf(env.database.db, parentId)).length).toBeGreaterThanOrEqual(2);
    expect((await contactsOf(env.database.db, s.ngo.id)).length).toBe(before);
  });

  it('refuses a CPR number, a phone number or an e-mail address in the note, with a message per kind', async () => {
    const before = (await contactsOf(env.database.db, s.ngo.id)).length;
    const cases: [string, string[]][] = [
      ['Mor gav sit cpr 010190-1234 uopfordret', ['contains_cpr']],
      ['Erstatningsnr. 7403954018', ['contains_cpr']],
      ['Ring til hende på 22 33 44 55', ['contains_phone']],
      ['mobil +45 22334455', ['contains_phone']],
      ['tlf 2233 4455', ['contains_phone']],
      ['0045 22-33-44-55', ['contains_phone']],
      ['skriv til amira@example.com', ['contains_email']],
      ['010190-1234 og 22334455 og a@b.dk', ['contains_cpr', 'contains_phone', 'contains_email']],
    ];
    for (const [note, codes] of cases) {
      const p = expectProblem(await log(contactBody({ note })), 400, 'validation');
      expect(
        p.errors.map((e) => e.code),
        note,
      ).toEqual(codes);
      expect(p.errors.every((e) => e.path === 'note')).toBe(true);
      expect(p.errors[0]?.message).toMatch(/Rådgivningen er anonym/);
    }
    expect(expectProblem(await log(contactBody({ note: '010190-1234' })), 400).errors[0]?.message).toBe(
      'Teksten ser ud til at indeholde et CPR-nummer. Rådgivningen er anonym — skriv ikke CPR-nummer, telefonnummer eller e-mail.',
    );
    expect((await contactsOf(env.database.db, s.ngo.id)).length).toBe(before);
  });

  it('refuses an unknown topic, a duration of 0 or less, and dates, slots and offers that do not fit', async () => {
    const before = (await contactsOf(env.database.db, s.ngo.id)).length;
    const fieldsOf = async (body: Record<string, unknown>) =>
      expectProblem(await log(contactBody(body)), 400, 'validation').errors.map((e) => `${e.path}:${e.code}`);
    expect(await fieldsOf({ topics: ['astrology'] })).toEqual(['topics.0:invalid_value']);
    expect(await fieldsOf({ topics: [] })).toEqual(['topics:too_small']);
    expect(await fieldsOf({ durationMinutes: 0 })).toEqual(['durationMinutes:too_small']);
    expect(await fieldsOf({ durationMinutes: -5 })).toEqual(['durationMinutes:too_small']);
    expect(await fieldsOf({ durationMinutes: 12.5 })).toEqual(['durationMinutes:invalid_type']);
    expect(await fieldsOf({ channel: 'letter' })).toEqual(['channel:invalid_value']);
    expect(await fieldsOf({ name: 'Amira' })).toEqual(['name:unrecognized_key']);
    expect(await fieldsOf({ contactDate: dayOnClock(env, 1) })).toEqual(['contactDate:in_future']);
    expect(await fieldsOf({ contactDate: dayOnClock(env, -40) })).toEqual(['contactDate:too_old']);
    expect(await fieldsOf({ slotId: crypto.randomUUID() })).toEqual(['slotId:unknown_slot']);
    expect(await fieldsOf({ offerId: s.municipalOfferId })).toEqual(['offerId:offer_without_outcome']);
    expect(await fieldsOf({ offerId: crypto.randomUUID(), outcomes: ['pointed_to_offer'] })).toEqual([
      'offerId:unknown_offer',
    ]);
    expect((await contactsOf(env.database.db, s.ngo.id)).length).toBe(before);
  });
});
