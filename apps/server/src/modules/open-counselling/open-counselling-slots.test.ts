import type {
  OrganisationOpenCounsellingSlot,
  OrganisationOpenCounsellingSlots,
  PublicOpenCounsellingSlots,
} from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dayOnClock, deniedEventsOf } from '../../../test/care-setting';
import { buildOrganisation, buildStaffUser } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, login } from '../../../test/http';
import { buildOpenCounsellingSetting, type OpenCounsellingSetting } from '../../../test/open-counselling';
import { inScope } from '../../db/scope';

describeEachDatabase('open counselling: slots (create, list in public and for staff, end)', (kind) => {
  let env: TestEnv;
  let s: OpenCounsellingSetting;

  beforeAll(async () => {
    env = await startTestApp(kind); // the clock: Monday 23 November 2026
    s = await buildOpenCounsellingSetting(env);
  });
  afterAll(() => env?.close());

  const thursday = (overrides: Record<string, unknown> = {}) => ({
    offerId: s.offerId,
    weekday: 4,
    startTime: '15:00',
    endTime: '18:00',
    walkIn: true,
    placeName: 'Familiehuset',
    street: 'Kirkegade 3',
    postcode: s.postcode,
    city: 'Demoby',
    phone: '+45 33 45 43 00',
    languages: ['da', 'en', 'ar'],
    publicNote: 'Kom forbi uden aftale. Du behøver ikke sige dit navn.',
    validFrom: dayOnClock(env),
    counsellorIds: [s.users.ngo.id, s.users2.colleague.id],
    ...overrides,
  });
  const create = (body: Record<string, unknown>, session = s.sessions.ngo) =>
    session.request('POST', '/api/open-counselling/slots', body);
  const publicList = (query = '') =>
    env.app.inject({ method: 'GET', url: `/api/open-counselling/slots${query}` });
  const slotsOf = (orgId: string) =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('open_counselling_slot').select('id').where('org_id', '=', orgId).execute(),
    );

  let slot: OrganisationOpenCounsellingSlot;

  it('creates a weekly slot, shown without login with its next dates and Christmas closed', async () => {
    const res = await create(thursday());
    expect(res.statusCode).toBe(201);
    slot = res.json() as OrganisationOpenCounsellingSlot;
    expect(slot).toMatchObject({
      weekday: 4,
      startTime: '15:00',
      status: 'active',
      municipalityIds: [s.municipality.id], // the partnership's municipality, by default
      offer: { id: s.offerId },
    });
    expect(slot.counsellorsOnDuty.map((c) => c.id).sort()).toEqual(
      [s.users.ngo.id, s.users2.colleague.id].sort(),
    );

    const list = await publicList('?dates=6');
    expect(list.statusCode).toBe(200);
    const shown = (list.json() as PublicOpenCounsellingSlots).slots.find((x) => x.id === slot.id);
    expect(shown?.next.map((o) => [o.date, o.closed?.name ?? null])).toEqual([
      ['2026-11-26', null],
      ['2026-12-03', null],
      ['2026-12-10', null],
      ['2026-12-17', null],
      ['2026-12-24', 'Juleaftensdag'],
      ['2026-12-31', 'Nytårsaftensdag'],
    ]);
    expect(shown?.next[0]?.startsAt).toBe('2026-11-26T14:00:00.000Z'); // 15:00 Danish winter time
    expect(shown).toMatchObject({
      organisation: { id: s.ngo.id },
      address: { street: 'Kirkegade 3', postcode: s.postcode, city: 'Demoby' },
      publicNote: 'Kom forbi uden aftale. Du behøver ikke sige dit navn.',
    });
    // Given names only; no staff ids or surnames on the public page.
    expect(shown?.counsellors).toContain('Sara');
    expect(list.body).not.toContain('Holm Jensen');
    expect(list.body).not.toContain(s.users.ngo.id);
  });

  it('filters by municipality and by postcode', async () => {
    const ids = async (query: string) =>
      (((await publicList(query)).json() as PublicOpenCounsellingSlots).slots ?? []).map((x) => x.id);
    expect(await ids(`?municipalityId=${s.municipality.id}`)).toContain(slot.id);
    expect(await ids(`?municipalityId=${s.other.id}`)).not.toContain(slot.id);
    expect(await ids(`?postcode=${s.postcode}`)).toContain(slot.id);
    const municipalities = ((await publicList()).json() as PublicOpenCounsellingSlots).municipalities;
    expect(municipalities).toContainEqual({ id: s.municipality.id, name: s.municipality.name });
    expectProblem(await publicList('?postcode=12'), 400, 'validation');
  });

  it('lists the organisation’s slots with who can be on duty, for its counsellors and programme lead', async () => {
    const res = await s.more.ngoLead.request('GET', '/api/open-counselling/organisation-slots');
    expect(res.statusCode).toBe(200);
    const mine = res.json() as OrganisationOpenCounsellingSlots;
    expect(mine.slots.map((x) => x.id)).toContain(slot.id);
    expect(mine.counsellors.map((c) => c.id)).toEqual(
      expect.arrayContaining([s.users.ngo.id, s.users2.colleague.id, s.users2.ngoLead.id]),
    );
    expect(mine.counsellors.map((c) => c.id)).not.toContain(s.users2.ngoAnalyst.id);
    expect(mine.offers).toEqual([expect.objectContaining({ id: s.offerId })]);
  });

  it('refuses a slot that ends before it starts, has no way in, or names what is not the organisation’s', async () => {
    const before = (await slotsOf(s.ngo.id)).length;
    const codes = async (overrides: Record<string, unknown>) =>
      expectProblem(await create(thursday(overrides)), 400, 'validation').errors.map(
        (e) => `${e.path}:${e.code}`,
      );
    expect(await codes({ endTime: '14:00' })).toEqual(['endTime:ends_before_start']);
    expect(await codes({ startTime: '25:00' })).toEqual(['startTime:invalid_format']);
    expect(await codes({ walkIn: false, phone: null, street: null, postcode: null })).toEqual([
      'channels:no_channel',
    ]);
    expect(await codes({ street: null })).toEqual(['street:address_missing']);
    expect(await codes({ weekday: 0 })).toEqual(['weekday:too_small']);
    expect(await codes({ counsellorIds: [s.users.healthVisitor.id] })).toEqual([
      'counsellorIds.0:unknown_counsellor',
    ]);
    expect(await codes({ offerId: s.municipalOfferId })).toEqual(['offerId:unknown_offer']);
    expect(await codes({ municipalityIds: [s.ngo.id] })).toEqual(['municipalityIds.0:unknown_municipality']);
    expect(await codes({ chatUrl: 'http://chat.example.dk' })).toEqual(['chatUrl:invalid_format']);
    expect((await slotsOf(s.ngo.id)).length).toBe(before);
  });

  it('refuses other organisations, other roles and parents (403, audited as denied)', async () => {
    const before = (await slotsOf(s.ngo.id)).length;
    for (const [session, actorId] of [
      [s.more.otherHealthVisitor, s.users2.otherHealthVisitor.id],
      [s.more.ngoAnalyst, s.users2.ngoAnalyst.id],
      [s.sessions.healthVisitor, s.users.healthVisitor.id], // the partner municipality's health visitor
    ] as const) {
      expectProblem(await create(thursday(), session), 403, 'forbidden');
      expect((await deniedEventsOf(env.database.db, actorId)).at(-1)).toMatchObject({
        entity_type: 'open_counselling_slot',
      });
    }
    expectProblem(await create(thursday(), s.parent), 403, 'forbidden');
    expectProblem(
      await s.parent.request('GET', '/api/open-counselling/organisation-slots'),
      403,
      'forbidden',
    );
    expect((await slotsOf(s.ngo.id)).length).toBe(before);
  });

  it('ends a slot on a last day; the public page stops there; another organisation cannot end it', async () => {
    const otherNgo = await buildOrganisation(env.database.db, { kind: 'ngo', municipality_code: null });
    const stranger = await buildStaffUser(env.database.db, otherNgo.id, { roles: ['ngo_counsellor'] });
    const strangerSession = await login(env.app, stranger.email, stranger.password);
    const end = (lastDay: string, session = s.more.ngoLead) =>
      session.request('POST', `/api/open-counselling/slots/${slot.id}/end`, { lastDay });

    expectProblem(await end(dayOnClock(env, 10), strangerSession), 403, 'forbidden');
    expect((await deniedEventsOf(env.database.db, stranger.id)).at(-1)).toMatchObject({
      entity_type: 'open_counselling_slot',
      entity_id: slot.id,
      data_org_id: s.ngo.id,
    });
    expectProblem(await end(dayOnClock(env, -1)), 400, 'validation');
    const res = await end('2026-12-10');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ validTo: '2026-12-10', status: 'active' });
    expectProblem(await end('2026-12-10'), 409, 'conflict');
    const shown = ((await publicList('?dates=6')).json() as PublicOpenCounsellingSlots).slots.find(
      (x) => x.id === slot.id,
    );
    expect(shown?.next.map((o) => o.date)).toEqual(['2026-11-26', '2026-12-03', '2026-12-10']);
    expectProblem(
      await s.sessions.ngo.request('POST', `/api/open-counselling/slots/${crypto.randomUUID()}/end`, {
        lastDay: dayOnClock(env),
      }),
      404,
      'not_found',
    );
  });
});
