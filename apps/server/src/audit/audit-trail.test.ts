import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildOrganisation, buildStaffUser } from '../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../test/harness';
import { login } from '../../test/http';
import { inScope } from '../db/scope';
import { verifyAuditTrail } from './audit-verify';

describeEachDatabase('the audit trail', (kind) => {
  let env: TestEnv;
  let orgId: string;

  beforeAll(async () => {
    env = await startTestApp(kind);
    orgId = (await buildOrganisation(env.database.db)).id;
    const admin = await buildStaffUser(env.database.db, orgId, { roles: ['org_admin'] });
    const session = await login(env.app, admin.email, admin.password);
    // A handful of audited reads and writes, some of them concurrent.
    await Promise.all(
      Array.from({ length: 12 }, () => session.request('GET', `/api/organisations/${orgId}/staff`)),
    );
    await session.request('POST', `/api/organisations/${orgId}/units`, {
      kind: 'team',
      name: 'Team Revision',
    });
  });
  afterAll(() => env?.close());

  const eventsOfOrg = () =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('audit_event').selectAll().where('chain_key', '=', orgId).orderBy('chain_seq').execute(),
    );

  it('chains every event of an organisation, even when written concurrently', async () => {
    const events = await eventsOfOrg();
    expect(events.length).toBeGreaterThanOrEqual(14);
    expect(events.map((e) => e.chain_seq)).toEqual(events.map((_, i) => i + 1));
    for (let i = 1; i < events.length; i++) expect(events[i]?.prev_hash).toBe(events[i - 1]?.hash);
    const result = await verifyAuditTrail(env.database.db, { chainKeys: [orgId] });
    expect(result).toMatchObject({ ok: true, chains: 1, findings: [] });
  });

  it('records time, actor, organisation, action, entity, request id and outcome', async () => {
    const [login] = (await eventsOfOrg()).filter((e) => e.entity_type === 'auth_session');
    expect(login).toMatchObject({ action: 'create', actor_kind: 'staff', org_id: orgId, outcome: 'success' });
    expect(login?.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(login?.occurred_at).toBeInstanceOf(Date);
  });

  it('the application cannot change or delete audit events', async () => {
    const [first] = await eventsOfOrg();
    await expect(
      inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx
          .deleteFrom('audit_event')
          .where('id', '=', first?.id as number)
          .execute(),
      ),
    ).rejects.toThrow(/permission denied|append-only/);
  });

  it('even the owner cannot update or delete: a trigger refuses it', async () => {
    const [first] = await eventsOfOrg();
    await env.database.withOwnerClient(async (client) => {
      await expect(
        client.query("UPDATE audit_event SET purpose = 'x' WHERE id = $1", [first?.id]),
      ).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM audit_event WHERE id = $1', [first?.id])).rejects.toThrow(
        /append-only/,
      );
    });
  });

  it('verify names a row a superuser altered behind the trigger’s back, and a deleted row', async () => {
    const events = await eventsOfOrg();
    const victim = events[3];
    const deleted = events[6];
    const afterDeleted = events[7];
    if (!victim || !deleted || !afterDeleted) throw new Error('not enough events');
    await env.database.withOwnerClient(async (client) => {
      await client.query("SET session_replication_role = 'replica'"); // triggers off: a superuser's privilege
      try {
        await client.query("UPDATE audit_event SET action = 'read', entity_id = 'harmless' WHERE id = $1", [
          victim.id,
        ]);
        await client.query('DELETE FROM audit_event WHERE id = $1', [deleted.id]);
      } finally {
        await client.query("SET session_replication_role = 'origin'");
      }
    });
    const result = await verifyAuditTrail(env.database.db, { chainKeys: [orgId] });
    expect(result.ok).toBe(false);
    expect(result.findings).toContainEqual({
      chainKey: orgId,
      eventId: victim.id,
      seq: victim.chain_seq,
      problem: 'hash_mismatch',
    });
    expect(result.findings).toContainEqual({
      chainKey: orgId,
      eventId: afterDeleted.id,
      seq: afterDeleted.chain_seq,
      problem: 'missing_rows',
    });
  });
});
