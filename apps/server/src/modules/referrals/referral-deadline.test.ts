import type { BetweenChairsPage, Referral, ReferralList, Worklist } from '@familiespor/contracts';
import { referralUnacknowledgedKey } from '@familiespor/domain';
import { addWorkingDays } from '@familiespor/domain/working-days';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCareSetting, type CareSetting, dayOnClock, registerFamily } from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { login } from '../../../test/http';
import { inScope } from '../../db/scope';
import { runTaskRulesForFamilies } from '../tasks/task-rules-run';

describeEachDatabase('referrals: the acknowledgement deadline and its overdue tasks', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  const db = () => env.database.db;
  const tasksOf = (familyId: string) =>
    inScope(db(), { kind: 'system' }, (tx) =>
      tx
        .selectFrom('task')
        .select(['key', 'org_id', 'state', 'assignee_user_id', 'assignee_unit_id'])
        .where('family_id', '=', familyId)
        .where('kind', '=', 'referral_unacknowledged')
        .orderBy('key')
        .execute(),
    );

  it('past the deadline the sender and the receiving unit get a task; re-running adds none; acknowledging closes both', async () => {
    const start = env.clock.now();
    try {
      const f = await registerFamily(env, s);
      const res = await s.sessions.midwife.request('POST', '/api/referrals', {
        familyId: f.familyId,
        to: { unitId: s.units.district.id },
        reason: 'Bekymring for mors trivsel i graviditeten',
      });
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json() as Referral;
      expect(r.ackDeadline.dueOn).toBe(addWorkingDays(dayOnClock(env), 5));
      expect(await tasksOf(f.familyId)).toEqual([]);

      // On the deadline day nothing is due; the day after, both sides are reminded.
      env.clock.set(new Date(`${r.ackDeadline.dueOn}T10:00:00Z`));
      // (Other rules may add their own tasks for the family meanwhile; only the referral's are counted.)
      await runTaskRulesForFamilies(db(), env.clock.now(), [f.familyId]);
      expect(await tasksOf(f.familyId)).toEqual([]);
      env.clock.advance(86_400_000);
      await runTaskRulesForFamilies(db(), env.clock.now(), [f.familyId]);
      expect(await tasksOf(f.familyId)).toEqual([
        {
          key: referralUnacknowledgedKey(r.id, 'receiver'),
          org_id: s.municipality.id,
          state: 'ready',
          assignee_user_id: null,
          assignee_unit_id: s.units.district.id,
        },
        {
          key: referralUnacknowledgedKey(r.id, 'sender'),
          org_id: s.region.id,
          state: 'ready',
          assignee_user_id: s.users.midwife.id,
          assignee_unit_id: null,
        },
      ]);
      const before = await tasksOf(f.familyId);
      expect((await runTaskRulesForFamilies(db(), env.clock.now(), [f.familyId])).created).toBe(0);
      expect(await tasksOf(f.familyId)).toEqual(before);

      // The sessions of the test's start have expired on the moved clock: both log in again.
      const midwife = await login(env.app, s.users.midwife.email, s.users.midwife.password);
      const healthVisitor = await login(env.app, s.users.healthVisitor.email, s.users.healthVisitor.password);
      const mine = (await midwife.request('GET', '/api/tasks/mine?due=all')).json() as Worklist;
      expect(
        mine.items.some((t) => t.kind === 'referral_unacknowledged' && t.family?.id === f.familyId),
      ).toBe(true);
      const inbox = (
        await healthVisitor.request('GET', '/api/referrals?box=received&status=open')
      ).json() as ReferralList;
      expect(inbox.items[0]).toMatchObject({ id: r.id, overdue: true });

      // "Mellem to stole": the programme lead sees the family, with its overdue referral.
      const lead = await login(env.app, s.users.programmeLead.email, s.users.programmeLead.password);
      const chairs = await lead.request('GET', '/api/families/between-chairs?limit=200');
      expect(chairs.statusCode, chairs.body).toBe(200);
      const listed = (chairs.json() as BetweenChairsPage).items.find((i) => i.family.id === f.familyId);
      expect(listed?.needs.map((n) => n.kind)).toEqual(
        expect.arrayContaining(['open_referral', 'referral_overdue']),
      );

      const ack = await healthVisitor.request('POST', `/api/referrals/${r.id}/acknowledge`);
      expect(ack.statusCode, ack.body).toBe(200);
      expect((await tasksOf(f.familyId)).map((t) => t.state)).toEqual(['completed', 'completed']);
      expect((ack.json() as Referral).overdue).toBe(false);
    } finally {
      env.clock.set(start);
    }
  });

  it('the partnership between the two organisations sets its own deadline', async () => {
    const other = await buildCareSetting(env.app, db());
    await inScope(db(), { kind: 'system' }, (tx) =>
      tx
        .insertInto('partnership')
        .values({
          municipality_org_id: other.municipality.id,
          partner_org_id: other.region.id,
          description: 'Jordemødre og sundhedspleje: kvittering inden 2 arbejdsdage',
          ack_deadline_working_days: 2,
        })
        .execute(),
    );
    const f = await registerFamily(env, other);
    const res = await other.sessions.midwife.request('POST', '/api/referrals', {
      familyId: f.familyId,
      to: { organisationId: other.municipality.id },
      reason: 'Gravid med behov for ekstra besøg',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as Referral).ackDeadline).toEqual({
      workingDays: 2,
      dueOn: addWorkingDays(dayOnClock(env), 2),
    });
    // Without a unit, a referral to the family's municipality goes to its district.
    expect((res.json() as Referral).to.unit?.id).toBe(other.units.district.id);
  });
});
